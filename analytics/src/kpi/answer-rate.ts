/**
 * 応答率 (answer rate).
 *
 *   offeredForRate = offered − short abandons
 *   answerRate     = answered / offeredForRate
 *
 * A fraction 0–1 (renderers show %). null when there is no telephony data or nothing was offered.
 */
import { ratio } from './stats'

export function offeredForRate(counts: { offered: number; shortAbandoned: number }): number {
  return counts.offered - counts.shortAbandoned
}

export function answerRate(counts: {
  answered: number
  offered: number
  shortAbandoned: number
}): number | null {
  return ratio(counts.answered, offeredForRate(counts))
}

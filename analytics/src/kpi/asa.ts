/**
 * 平均応答時間 ASA (average speed of answer).
 *
 *   wait(r)    = r.answeredAt − r.offeredAt     (seconds, answered calls only)
 *   asaSeconds = Σ wait(r) / |answered calls with a valid wait|
 *
 * Abandoned calls are excluded (their wait is in the abandon figures). A record whose answer
 * precedes its offer has no valid wait and is left out of the mean (counted in the metadata).
 */
import { meanOf, secondsBetween } from './stats'
import type { TelephonyRecord } from './records'
import { parseInstant } from '../time'

/** Seconds from offer to answer, or null for an unanswered call or an impossible pair of times. */
export function answerWaitSeconds(
  record: TelephonyRecord,
  offeredMs = parseInstant(record.offeredAt),
): number | null {
  if (!record.answeredAt) return null
  return secondsBetween(offeredMs, parseInstant(record.answeredAt))
}

export function asaSeconds(sums: { waitSeconds: number; answeredWithWait: number }): number | null {
  return meanOf(sums.waitSeconds, sums.answeredWithWait)
}

/**
 * サービスレベル (service level).
 *
 *   within       = |{ r answered : wait(r) ≤ serviceLevelSeconds }|     (default 20 s; wait as in ASA)
 *   serviceLevel = within / (offered − short abandons)                   (base 'offered', default)
 *                = within / answered                                    (base 'answered')
 *
 * With the default base, a caller who gave up after waiting counts against the level, as the city
 * experiences it; short abandons are out, as for the answer rate. "Within 20 s" includes 20.0 s.
 */
import { ratio } from './stats'

export interface ServiceLevelSummary {
  rate: number | null
  answeredWithin: number | null
  thresholdSeconds: number
  base: 'offered' | 'answered'
  /** The contract's target rate (0–1), printed beside the rate. */
  target: number
}

export function isWithinServiceLevel(waitSeconds: number | null, thresholdSeconds: number): boolean {
  return waitSeconds !== null && waitSeconds <= thresholdSeconds
}

export function serviceLevel(
  counts: { answeredWithin: number; answered: number; offered: number; shortAbandoned: number },
  base: 'offered' | 'answered' = 'offered',
): number | null {
  return ratio(
    counts.answeredWithin,
    base === 'answered' ? counts.answered : counts.offered - counts.shortAbandoned,
  )
}

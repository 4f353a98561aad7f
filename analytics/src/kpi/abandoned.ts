/**
 * 放棄呼 (abandoned) and short abandons (短時間放棄).
 *
 *   abandonWait(r)  = (r.abandonedAt ?? r.endedAt) − r.offeredAt        (seconds; unknown when both are null)
 *   short abandons  = |{ r offered, not answered : abandonWait(r) < shortAbandonSeconds }|   (default 5 s)
 *   abandoned       = |{ r offered, not answered }| − short abandons
 *   abandon rate    = abandoned / (offered − short abandons)
 *
 * A caller who hangs up within a few seconds has usually misdialled or hung up on the greeting; no
 * agent could have answered. Those calls are reported apart and taken out of the base of every rate
 * (answer rate, abandon rate, service level), so `answered + abandoned = offered − short abandons`.
 * A call whose abandon time is unknown counts as abandoned (not short).
 */
import { ratio, secondsBetween } from './stats'
import { isAnswered } from './answered'
import type { TelephonyRecord } from './records'
import { parseInstant } from '../time'

export interface AbandonedSummary {
  /** Abandoned calls that waited at least the threshold (the ones that count). */
  count: number | null
  /** Abandoned calls that waited less than the threshold, reported apart. */
  short: number | null
  /** count / (offered − short). */
  rate: number | null
  shortThresholdSeconds: number
}

/** Seconds the caller waited before hanging up, or null when unknown (or the record is answered). */
export function abandonWaitSeconds(
  record: TelephonyRecord,
  offeredMs = parseInstant(record.offeredAt),
): number | null {
  if (isAnswered(record)) return null
  const gone = record.abandonedAt ?? record.endedAt
  return gone ? secondsBetween(offeredMs, parseInstant(gone)) : null
}

export function abandonRate(counts: {
  abandoned: number
  offered: number
  shortAbandoned: number
}): number | null {
  return ratio(counts.abandoned, counts.offered - counts.shortAbandoned)
}

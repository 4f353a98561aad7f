/**
 * The PBX figures, from the telephony records offered in the period (in hours, in the counted queues).
 * They share one base, so they are read together:
 *
 *   answered        = |{ r : r.answeredAt ≠ null }|                                      応答件数
 *   wait(r)         = r.answeredAt − r.offeredAt         (seconds; answered records only)
 *   abandonWait(r)  = (r.abandonedAt ?? r.endedAt) − r.offeredAt   (seconds; unknown when both are null)
 *   short abandons  = |{ r not answered : abandonWait(r) < shortAbandonSeconds }|      短時間放棄 (default 5 s)
 *   abandoned       = |{ r not answered }| − short abandons                              放棄呼
 *   offeredForRate  = offered − short abandons                                 the base of every rate
 *   answerRate      = answered / offeredForRate                                          応答率
 *   abandonRate     = abandoned / offeredForRate                                         放棄率
 *   asaSeconds      = Σ wait(r) / |answered records with a valid wait|                   平均応答時間 ASA
 *   within          = |{ r answered : wait(r) ≤ serviceLevelSeconds }|                (default 20 s)
 *   serviceLevel    = within / offeredForRate      (base 'offered', default)            サービスレベル
 *                   = within / answered            (base 'answered')
 *
 * A caller who hangs up within a few seconds has usually misdialled or hung up on the greeting; no
 * agent could have answered. Those calls are reported apart and taken out of the base of every rate,
 * so `answered + abandoned = offered − short abandons`; a call whose abandon time is unknown counts as
 * abandoned (not short). Abandoned calls are out of ASA (their wait is in the abandon figures); a
 * record whose answer precedes its offer has no valid wait and is left out of ASA and the service
 * level (counted in the metadata). With the default service-level base, a caller who gave up after
 * waiting counts against the level, as the city experiences it; "within 20 s" includes 20.0 s.
 * Rates are fractions 0–1 (renderers show %), null when the base is 0.
 */
import { parseInstant } from '../time'
import type { TelephonyRecord } from '../records'
import { ratio, secondsBetween } from './stats'

/** The sums the rates are taken over. */
interface Counts {
  offered: number
  answered: number
  shortAbandoned: number
  abandoned: number
  answeredWithin: number
}

export function isAnswered(record: TelephonyRecord): boolean {
  return record.answeredAt !== null && record.answeredAt !== undefined && record.answeredAt !== ''
}

/** Seconds from offer to answer, or null for an unanswered call or an impossible pair of times. */
export function answerWaitSeconds(
  record: TelephonyRecord,
  offeredMs = parseInstant(record.offeredAt),
): number | null {
  if (!record.answeredAt) return null
  return secondsBetween(offeredMs, parseInstant(record.answeredAt))
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

export const offeredForRate = (c: Pick<Counts, 'offered' | 'shortAbandoned'>): number =>
  c.offered - c.shortAbandoned

export const answerRate = (c: Pick<Counts, 'answered' | 'offered' | 'shortAbandoned'>): number | null =>
  ratio(c.answered, offeredForRate(c))

export const abandonRate = (c: Pick<Counts, 'abandoned' | 'offered' | 'shortAbandoned'>): number | null =>
  ratio(c.abandoned, offeredForRate(c))

export const asaSeconds = (sums: { waitSeconds: number; answeredWithWait: number }): number | null =>
  ratio(sums.waitSeconds, sums.answeredWithWait)

export function serviceLevel(
  c: Pick<Counts, 'answeredWithin' | 'answered' | 'offered' | 'shortAbandoned'>,
  base: 'offered' | 'answered' = 'offered',
): number | null {
  return ratio(c.answeredWithin, base === 'answered' ? c.answered : offeredForRate(c))
}

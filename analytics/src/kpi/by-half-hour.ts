/**
 * 時間帯別 (by 30-minute slot): 48 rows, 00:00-00:30 … 23:30-24:00 JST.
 *
 *   slot(t)            = ⌊ ((t + 9 h) mod 24 h) / 30 min ⌋
 *   row.offered        = |{ r offered : slot(r.offeredAt) = s }|          (null without telephony)
 *   row.answered       = |{ r answered : slot(r.offeredAt) = s }|
 *   row.abandoned      = |{ r abandoned, not short : slot(r.offeredAt) = s }|
 *   row.shortAbandoned = |{ r short abandons : slot(r.offeredAt) = s }|
 *   row.calls          = |{ c logged : slot(c.talkStartedAt) = s }|
 *
 * Telephony rows go by the time the call was offered, logged calls by the time talk started; a call
 * from 23:50 to 00:10 belongs to 23:30-24:00 of the day it started. With the centre's hours set,
 * telephony rows count calls offered in hours only (out-of-hours calls are the report's own line).
 */
import { HALF_HOURS_PER_DAY, halfHourSlotLabel } from '../time'

/** One row: slot 0 … 47, label '09:00-09:30', the counts (countsAt). */
export type HalfHourRow = ReturnType<typeof halfHourRows>[number]

/** The telephony counts of a row (null without telephony data), then the logged calls. */
const TELEPHONY_COUNTS = ['offered', 'answered', 'abandoned', 'shortAbandoned'] as const
export type SlotCounts = Record<(typeof TELEPHONY_COUNTS)[number] | 'calls', Int32Array>

export const newSlotCounts = (rows: number): SlotCounts =>
  Object.fromEntries([...TELEPHONY_COUNTS, 'calls'].map((k) => [k, new Int32Array(rows)])) as SlotCounts

/** The counts of row `i` (telephony ones null without telephony data), for this table and 曜日別. */
export const countsAt = (counts: SlotCounts, i: number, hasTelephony: boolean) => ({
  ...(Object.fromEntries(TELEPHONY_COUNTS.map((k) => [k, hasTelephony ? counts[k][i]! : null])) as Record<
    (typeof TELEPHONY_COUNTS)[number],
    number | null
  >),
  calls: counts.calls[i]!,
})

export function halfHourRows(counts: SlotCounts, hasTelephony: boolean) {
  return Array.from({ length: HALF_HOURS_PER_DAY }, (_, slot) => ({
    slot,
    label: halfHourSlotLabel(slot),
    ...countsAt(counts, slot, hasTelephony),
  }))
}

/**
 * 入電件数 (offered).
 *
 *   offered = |{ r ∈ telephony : period.start ≤ r.offeredAt < period.end, r.queue ∈ queues }|
 *
 * Every call the PBX offered to the center's queues in the period (JST), answered or not, short
 * abandons included. A call belongs to the period, slot and day in which it was offered, even when it
 * ends after midnight or after the month's end. null in a report when there is no telephony data.
 */
import type { InstantRange } from '../time'
import { parseInstant } from '../time'
import type { TelephonyRecord } from './records'

/** When the call was offered (ms), NaN when offeredAt does not parse. */
export function offeredAtMs(record: TelephonyRecord): number {
  return parseInstant(record.offeredAt)
}

/** Whether a telephony record counts as offered in a range for the selected queues (null = all). */
export function isOfferedIn(
  record: TelephonyRecord,
  range: InstantRange,
  queues: readonly string[] | null = null,
): boolean {
  const t = offeredAtMs(record)
  return t >= range.start && t < range.end && (queues === null || queues.includes(record.queue))
}

import { jstDateKey, jstMidnight, jstParts } from '@kotae/analytics'
import type { Retention, RetentionKind } from '@kotae/content'

/** When a kind's records expire: those before `before` (an instant), i.e. of months up to `lastMonth`. */
export interface Cutoff {
  months: number
  /** ISO instant: 00:00 JST on the 1st of a month. Records strictly before it have expired. */
  before: string
  /** The last month whose records have expired, 'YYYY-MM' (JST). */
  lastMonth: string
}

/**
 * A record of a month expires once `months` whole months have passed since that month ended: on
 * 2026-12-06 with 24 months, every record before 2024-12-01 00:00 JST (the months up to 2024-11).
 * Whole months, so a report's month is always anonymized all at once, and the answer is the same
 * on every day of a month (the daily run does the month's work on its first run in the month).
 */
function cutoffOf(now: Date, months: number): Cutoff {
  const { year, month } = jstParts(now.getTime())
  const start = jstMidnight(year, month - months, 1)
  return { months, before: new Date(start).toISOString(), lastMonth: jstDateKey(start - 1).slice(0, 7) }
}

export function cutoffsOf(now: Date, retention: Retention): Record<RetentionKind, Cutoff> {
  return Object.fromEntries(
    Object.entries(retention).map(([kind, months]) => [kind, cutoffOf(now, months)]),
  ) as Record<RetentionKind, Cutoff>
}

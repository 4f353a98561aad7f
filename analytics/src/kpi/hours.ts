/**
 * 受付時間内・時間外: whether a call came while the centre was open, from the city profile's hours
 * (content's hoursOn: weekly rules, 2nd/4th-week rules, national holidays, 年末年始, closed dates).
 *
 *   inHours(t) = the JST minute of t lies in one of the opening intervals of t's JST date
 *
 * An interval is [opens, closes): a call at 17:15:00 with closing at 17:15 is out of hours. Days are
 * cached, so a month costs one hoursOn per day. `bucketMs` is the coarsest grouping (a divisor of
 * 30 minutes) inside which the answer never changes: a database may count per bucket and place each
 * bucket by any instant in it (08:30 and 17:15 make 15 minutes).
 */
import { hoursOn, toMinutes, type ClosedReason, type HoursConfig } from '@kotae/content/hours'

import { DAY_MS, HALF_HOUR_MS, JST_OFFSET_MS, dayNumberKey, japaneseHolidayName, jstDayNumber } from '../time'

/** Why a call is out of hours: before or after the day's openings, or a day without any. */
export type OutOfHoursReason = 'after-hours' | ClosedReason

export const OUT_OF_HOURS_REASONS: readonly OutOfHoursReason[] = [
  'after-hours',
  'no-opening',
  'holiday',
  'year-end',
  'closed-date',
]

export interface HoursClock {
  /** null when in hours, else why not. */
  outOfHours(ms: number): OutOfHoursReason | null
  bucketMs: number
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** The clock of a profile's hours; null hours (no profile) means always open. */
export function hoursClock(config: HoursConfig | null): HoursClock {
  if (!config) return { outOfHours: () => null, bucketMs: HALF_HOUR_MS }
  const days = new Map<number, { intervals: [number, number][]; closed: OutOfHoursReason }>()
  const dayOf = (day: number) => {
    let d = days.get(day)
    if (!d) {
      const date = dayNumberKey(day)
      const name = japaneseHolidayName(date)
      const h = hoursOn(date, config, { from: date, to: date, days: name ? { [date]: name } : {} })
      d = {
        intervals: h.intervals.map((i) => [toMinutes(i.opens), toMinutes(i.closes)]),
        closed: h.closedReason ?? 'after-hours',
      }
      days.set(day, d)
    }
    return d
  }
  let minutes = 30
  for (const r of config.hours) minutes = gcd(gcd(minutes, toMinutes(r.opens) % 30), toMinutes(r.closes) % 30)
  return {
    outOfHours(ms) {
      const day = jstDayNumber(ms)
      const d = dayOf(day)
      const minute = Math.floor((ms + JST_OFFSET_MS - day * DAY_MS) / 60_000)
      return d.intervals.some(([a, b]) => minute >= a && minute < b) ? null : d.closed
    },
    bucketMs: minutes * 60_000,
  }
}

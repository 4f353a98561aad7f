/**
 * Opening hours of the city's counters, computed from the city profile (`city.hours`) in
 * Asia/Tokyo time: weekly rules (some only on given weeks of the month, e.g. the 2nd and 4th
 * Sunday), national holidays, the year-end closure (12/29–1/3) and extra closed days. The site's
 * "open now", and the reports' in-hours / out-of-hours split (@kotae/analytics), read it.
 *
 * Pure: no clock and no holiday library here. The caller passes the instant and a holiday table
 * (the site builds it at build time, the reports from @holiday-jp/holiday_jp), so the same code runs in tests, at build time and in the
 * browser, where it is bundled into a tiny script.
 */

/** One weekly opening, as in `city.hours` (HH:MM in Asia/Tokyo). */
export type HoursRule = {
  label: string
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: readonly number[]
  /** 1–5 = which occurrence of the weekday in the month. Default: every week. */
  weeksOfMonth?: readonly number[]
  opens: string
  closes: string
  /** Default: true. */
  closedOnHolidays?: boolean
}

export type HoursConfig = {
  hours: readonly HoursRule[]
  /** MM-DD to MM-DD; may run over the new year (12-29 → 01-03). */
  yearEndClosure: { from: string; to: string }
  /** YYYY-MM-DD. */
  closedDates?: readonly string[]
}

/** National holidays by date (YYYY-MM-DD → name) for the dates from `from` to `to` inclusive. */
export type HolidayTable = { from: string; to: string; days: Readonly<Record<string, string>> }

export type Interval = { opens: string; closes: string; labels: string[] }

export type ClosedReason = 'year-end' | 'holiday' | 'closed-date' | 'no-opening'

export type DayHours = {
  /** YYYY-MM-DD in Asia/Tokyo. */
  date: string
  weekday: number
  /** Opening intervals of the day, merged where they overlap, in time order. Empty when closed. */
  intervals: Interval[]
  /** Why the day has no opening. */
  closedReason?: ClosedReason
  /** The holiday's name when the date is a national holiday. */
  holiday?: string
  /** False when the date is outside the holiday table: it may be a holiday we do not know about. */
  holidayKnown: boolean
}

export type OpenState = {
  /** `unknown` when today is outside the holiday table. */
  state: 'open' | 'closed' | 'unknown'
  today: DayHours
  /** HH:MM the current interval ends, when open. */
  closesAt?: string
  /** The next time it opens (later today or on a later day), within 60 days. */
  next?: { date: string; weekday: number; opens: string }
}

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000 // Japan has no daylight saving time.
const DAY_MS = 24 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/** Calendar date, weekday and minutes since midnight of an instant, in Asia/Tokyo. */
export function tokyoParts(instant: Date): {
  date: string
  year: number
  month: number
  day: number
  weekday: number
  minutes: number
} {
  const t = new Date(instant.getTime() + TOKYO_OFFSET_MS)
  const year = t.getUTCFullYear()
  const month = t.getUTCMonth() + 1
  const day = t.getUTCDate()
  return {
    date: `${year}-${pad(month)}-${pad(day)}`,
    year,
    month,
    day,
    weekday: t.getUTCDay(),
    minutes: t.getUTCHours() * 60 + t.getUTCMinutes(),
  }
}

/** HH:MM → minutes since midnight. */
export const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** The date `n` days after a YYYY-MM-DD date. */
export function addDays(date: string, n: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + n * DAY_MS
  return new Date(t).toISOString().slice(0, 10)
}

const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay()

/** Whether MM-DD falls in a from–to range of MM-DD that may wrap over the new year. */
export function inYearEndClosure(date: string, closure: { from: string; to: string }): boolean {
  const md = date.slice(5)
  return closure.from <= closure.to
    ? md >= closure.from && md <= closure.to
    : md >= closure.from || md <= closure.to
}

/** The opening hours of one calendar day (YYYY-MM-DD, Asia/Tokyo). */
export function hoursOn(date: string, config: HoursConfig, holidays: HolidayTable): DayHours {
  const weekday = weekdayOf(date)
  const holidayKnown = date >= holidays.from && date <= holidays.to
  const holiday = holidays.days[date]
  const base = { date, weekday, holidayKnown, ...(holiday ? { holiday } : {}) }
  if (inYearEndClosure(date, config.yearEndClosure))
    return { ...base, intervals: [], closedReason: 'year-end' }
  if (config.closedDates?.includes(date)) return { ...base, intervals: [], closedReason: 'closed-date' }

  const week = Math.floor((Number(date.slice(8, 10)) - 1) / 7) + 1
  const applying = config.hours.filter(
    (r) =>
      r.weekdays.includes(weekday) &&
      (!r.weeksOfMonth || r.weeksOfMonth.length === 0 || r.weeksOfMonth.includes(week)),
  )
  const open = applying.filter((r) => !(holiday && (r.closedOnHolidays ?? true)))
  if (open.length === 0)
    return { ...base, intervals: [], closedReason: applying.length > 0 && holiday ? 'holiday' : 'no-opening' }

  const sorted = [...open].sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens))
  const intervals: Interval[] = []
  for (const r of sorted) {
    const last = intervals[intervals.length - 1]
    if (last && toMinutes(r.opens) <= toMinutes(last.closes)) {
      if (toMinutes(r.closes) > toMinutes(last.closes)) last.closes = r.closes
      last.labels.push(r.label)
    } else intervals.push({ opens: r.opens, closes: r.closes, labels: [r.label] })
  }
  return { ...base, intervals }
}

/** Whether the counters are open at an instant, today's hours, and the next opening. */
export function openState(now: Date, config: HoursConfig, holidays: HolidayTable): OpenState {
  const p = tokyoParts(now)
  const today = hoursOn(p.date, config, holidays)
  const current = today.intervals.find(
    (i) => p.minutes >= toMinutes(i.opens) && p.minutes < toMinutes(i.closes),
  )
  let next: OpenState['next']
  const later = today.intervals.find((i) => toMinutes(i.opens) > p.minutes)
  if (later) next = { date: today.date, weekday: today.weekday, opens: later.opens }
  else {
    for (let n = 1; n <= 60 && !next; n++) {
      const day = hoursOn(addDays(p.date, n), config, holidays)
      const first = day.intervals[0]
      if (first) next = { date: day.date, weekday: day.weekday, opens: first.opens }
    }
  }
  const state = !today.holidayKnown ? 'unknown' : current ? 'open' : 'closed'
  return { state, today, ...(current ? { closesAt: current.closes } : {}), ...(next ? { next } : {}) }
}

/**
 * Business time in Asia/Tokyo. Japan has kept UTC+9 without daylight saving since 1951, so keys,
 * slots and weekdays are computed with integer arithmetic on the UTC instant plus nine hours: that is
 * exact for every date these reports can cover and fast enough for a million records. Human-facing
 * strings go through Intl (see wareki.ts), which is the authority on the zone.
 */

export const JST_TIME_ZONE = 'Asia/Tokyo'
export const JST_OFFSET_MS = 9 * 3_600_000
export const DAY_MS = 86_400_000
export const HALF_HOUR_MS = 1_800_000
/** Slots of 30 minutes in a day: 0 is 00:00–00:30 JST, 47 is 23:30–24:00. */
export const HALF_HOURS_PER_DAY = 48

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6
export const WEEKDAY_LABELS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const

/** A half-open span of instants [start, end) in UTC milliseconds. */
export interface InstantRange {
  start: number
  end: number
}

const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i

/**
 * Milliseconds since the epoch of an ISO 8601 string, a Date or a number; NaN when it is not a time.
 * A string without a zone designator is read as JST wall time (business time), never as the
 * machine's local time.
 */
export function parseInstant(value: string | number | Date | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN
  if (value instanceof Date) return value.getTime()
  if (value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && value.charCodeAt(10) === 84 /* T */) {
    // The canonical form of toISOString() and of Payload's dates, read digit by digit: twice as fast
    // as Date.parse, and stricter (V8's Date.parse takes 31 April as 1 May).
    return canonicalIso(value)
  }
  if (value.length <= 10) {
    // A date alone: midnight JST of that day.
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    return m ? jstMidnight(Number(m[1]), Number(m[2]), Number(m[3])) : Number.NaN
  }
  if (hasZone.test(value)) return Date.parse(value)
  const asUtc = Date.parse(`${value}Z`)
  return Number.isNaN(asUtc) ? asUtc : asUtc - JST_OFFSET_MS
}

const digit = (s: string, i: number) => {
  const d = s.charCodeAt(i) - 48
  return d >= 0 && d <= 9 ? d : Number.NaN
}
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1)

/** 'YYYY-MM-DDTHH:mm:ss.sssZ' → ms, NaN when a field is not a digit or out of range. */
function canonicalIso(s: string): number {
  const year = two(s, 0) * 100 + two(s, 2)
  const month = two(s, 5)
  const day = two(s, 8)
  const hour = two(s, 11)
  const minute = two(s, 14)
  const second = two(s, 17)
  const milli = digit(s, 20) * 100 + two(s, 21)
  if (
    !(
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 31 &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59 &&
      milli >= 0
    )
  )
    return Number.NaN
  if (s[4] !== '-' || s[7] !== '-' || s[13] !== ':' || s[16] !== ':' || s[19] !== '.') return Number.NaN
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, milli)
  // Date.UTC rolls 31 April over to 1 May: reject what rolled.
  return new Date(ms).getUTCDate() === day ? ms : Number.NaN
}

/** UTC milliseconds of 00:00 JST on a calendar day (month 1–12; day and month may overflow, as Date.UTC). */
export function jstMidnight(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) - JST_OFFSET_MS
}

/** Days since 1970-01-01 in JST (the JST calendar day number of an instant). */
export function jstDayNumber(ms: number): number {
  return Math.floor((ms + JST_OFFSET_MS) / DAY_MS)
}

/**
 * Whole JST calendar days from the day of `from` to the day of `to` (negative when `to` is
 * earlier): 「N日超過」 everywhere. The one count for overdue days, so the time of day of either
 * instant never makes one screen say 15 and another 16.
 */
export function jstDaysBetween(from: number, to: number): number {
  return jstDayNumber(to) - jstDayNumber(from)
}

/** The 30-minute slot (0–47) of an instant in JST. */
export function jstHalfHourSlot(ms: number): number {
  const inDay = (ms + JST_OFFSET_MS) % DAY_MS
  return Math.floor((inDay < 0 ? inDay + DAY_MS : inDay) / HALF_HOUR_MS)
}

/** The weekday of an instant in JST (0 = Sunday). 1970-01-01 was a Thursday. */
export function jstWeekday(ms: number): Weekday {
  return ((((jstDayNumber(ms) + 4) % 7) + 7) % 7) as Weekday
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** The JST calendar date of an instant as 'YYYY-MM-DD'. */
export function jstDateKey(ms: number): string {
  const d = new Date(ms + JST_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

/** The date key of a JST calendar day number (see jstDayNumber). */
export function dayNumberKey(day: number): string {
  return jstDateKey(day * DAY_MS - JST_OFFSET_MS)
}

export interface JstParts {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  weekday: Weekday
}

/** Calendar fields of an instant in JST. */
export function jstParts(ms: number): JstParts {
  const d = new Date(ms + JST_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay() as Weekday,
  }
}

/** '09:00-09:30' for slot 18. ASCII hyphen: it survives Shift_JIS. */
export function halfHourSlotLabel(slot: number): string {
  const from = slot * 30
  const to = from + 30
  return `${pad2(Math.floor(from / 60))}:${pad2(from % 60)}-${pad2(Math.floor(to / 60))}:${pad2(to % 60)}`
}

/** A JST calendar month, [1st 00:00 JST, next 1st 00:00 JST). */
export function monthRange(year: number, month: number): InstantRange {
  checkYear(year)
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`month must be 1–12, got ${month}`)
  return { start: jstMidnight(year, month, 1), end: jstMidnight(year, month + 1, 1) }
}

/** A JST calendar year, [1 January, next 1 January). */
export function calendarYearRange(year: number): InstantRange {
  checkYear(year)
  return { start: jstMidnight(year, 1, 1), end: jstMidnight(year + 1, 1, 1) }
}

/** A Japanese fiscal year (年度) named by the year it starts in: [1 April, next 1 April). */
export function fiscalYearRange(fiscalYear: number, startMonth = 4): InstantRange {
  checkYear(fiscalYear)
  return { start: jstMidnight(fiscalYear, startMonth, 1), end: jstMidnight(fiscalYear + 1, startMonth, 1) }
}

/** The fiscal year (年度) an instant belongs to: January–March belong to the previous year's 年度. */
export function fiscalYearOf(ms: number, startMonth = 4): number {
  const { year, month } = jstParts(ms)
  return month >= startMonth ? year : year - 1
}

/** Each JST calendar day number that the range touches, in order. */
export function* daysOfRange(range: InstantRange): Generator<number> {
  if (!(range.end > range.start)) return
  const last = jstDayNumber(range.end - 1)
  for (let d = jstDayNumber(range.start); d <= last; d++) yield d
}

/** ISO strings of a range, for queries and report metadata. */
export function rangeToIso(range: InstantRange): { start: string; end: string } {
  return { start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString() }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    throw new RangeError(`year must be an integer 1900–2200, got ${year}`)
}

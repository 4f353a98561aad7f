/**
 * 曜日別 (by weekday): rows 月 火 水 木 金 土 日, then 祝日 (national holidays, JST) unless
 * holidaysAsOwnRow is false. With the 祝日 row a holiday counts there and not under its weekday, as
 * the center runs holiday hours on those days; the rows still add up to the period's totals.
 *
 *   dayType(t)  = 祝日 if the JST date of t is a national holiday (and the row is on), else its JST weekday
 *   row.days    = number of calendar days of that type in the period (for per-day averages)
 *   row.offered, answered, abandoned, shortAbandoned, calls: as in 時間帯別, grouped by dayType
 */
import { type InstantRange, isHolidayDayNumber, jstDayNumber } from '../time'
import { countsAt, type SlotCounts } from './by-half-hour'

export const DAY_TYPE_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'] as const
export type DayTypeKey = (typeof DAY_TYPE_KEYS)[number]
export const DAY_TYPE_LABELS: Record<DayTypeKey, string> = {
  mon: '月',
  tue: '火',
  wed: '水',
  thu: '木',
  fri: '金',
  sat: '土',
  sun: '日',
  holiday: '祝日',
}

/** One row: its key, label ('月' … '日', '祝日'), calendar days of that type, and the counts (countsAt). */
export type WeekdayRow = ReturnType<typeof weekdayRows>[number]

/** Row index (0 = Monday … 6 = Sunday, 7 = holiday) of a JST day number. */
export function dayTypeIndex(day: number, holidaysAsOwnRow: boolean): number {
  if (holidaysAsOwnRow && isHolidayDayNumber(day)) return 7
  return (((day + 3) % 7) + 7) % 7 // 1970-01-01 (day 0) was a Thursday, index 3
}

/**
 * Day types of every JST day of a range, computed once so a million records cost a subtraction and
 * an array read each: `indexOf(ms)` gives the row index, or -1 outside the range.
 */
export function dayTypeTable(range: InstantRange, holidaysAsOwnRow: boolean) {
  const firstDay = jstDayNumber(range.start)
  const length = range.end > range.start ? jstDayNumber(range.end - 1) - firstDay + 1 : 0
  const types = Int8Array.from({ length }, (_, i) => dayTypeIndex(firstDay + i, holidaysAsOwnRow))
  const days = new Int32Array(8)
  for (const type of types) days[type]!++
  /** The day of `ms` in the range: 0 for its first day. */
  const dayAt = (ms: number) => jstDayNumber(ms) - firstDay
  const indexOf = (ms: number) => {
    const i = dayAt(ms)
    return i >= 0 && i < length ? types[i]! : -1
  }
  return { types, days, dayAt, indexOf }
}

export function weekdayRows(
  counts: SlotCounts,
  table: ReturnType<typeof dayTypeTable>,
  hasTelephony: boolean,
  holidaysAsOwnRow: boolean,
) {
  const keys = holidaysAsOwnRow ? DAY_TYPE_KEYS : DAY_TYPE_KEYS.slice(0, 7)
  return keys.map((key, i) => ({
    key,
    label: DAY_TYPE_LABELS[key],
    days: table.days[i]!,
    ...countsAt(counts, i, hasTelephony),
  }))
}

/**
 * Japanese national holidays (国民の祝日, 振替休日, 国民の休日) from @holiday-jp/holiday_jp, looked up
 * by the JST date key so the machine's zone never matters. The package's table runs to 2050.
 * 年末年始 (29 Dec – 3 Jan) is not a national holiday and is not included.
 */
import holidayJp from '@holiday-jp/holiday_jp'

import { type InstantRange, daysOfRange, dayNumberKey, jstDateKey } from './jst'

const table = holidayJp.holidays as unknown as Readonly<Record<string, { name: string } | undefined>>

const keyOf = (day: string | number) => (typeof day === 'number' ? jstDateKey(day) : day)

/** The holiday's Japanese name ('スポーツの日', '振替休日' …) on a 'YYYY-MM-DD' or an instant (ms) in JST; undefined on other days. */
export function japaneseHolidayName(day: string | number): string | undefined {
  return table[keyOf(day)]?.name
}

/** Whether a 'YYYY-MM-DD' or an instant (ms) falls on a Japanese national holiday in JST. */
export function isJapaneseHoliday(day: string | number): boolean {
  return table[keyOf(day)] !== undefined
}

/** Whether a JST calendar day number (see jstDayNumber) is a holiday. */
export function isHolidayDayNumber(day: number): boolean {
  return table[dayNumberKey(day)] !== undefined
}

/** The holidays inside a range, as date key and name, in order. */
export function holidaysIn(range: InstantRange): { date: string; name: string }[] {
  const out: { date: string; name: string }[] = []
  for (const d of daysOfRange(range)) {
    const date = dayNumberKey(d)
    const h = table[date]
    if (h) out.push({ date, name: h.name })
  }
  return out
}

/**
 * Build-time only: the national holidays of Japan from @holiday-jp/holiday_jp, cut to a window
 * around the build date so the browser gets a few hundred bytes instead of the whole table.
 * Dates outside the window are "unknown" to {@link openState}, which then shows the hours without
 * claiming open or closed (a site left unbuilt for years never states a wrong open-now).
 */
import holidayJp from '@holiday-jp/holiday_jp'

import type { HolidayTable } from './hours'

/** Holidays from January of `fromYear` to December of `toYear`. */
export function holidayTable(fromYear: number, toYear: number): HolidayTable {
  const from = `${fromYear}-01-01`
  const to = `${toYear}-12-31`
  const days: Record<string, string> = {}
  for (const [date, h] of Object.entries(holidayJp.holidays as Record<string, { name: string }>)) {
    if (date >= from && date <= to) days[date] = h.name
  }
  return { from, to, days }
}

/** The window the site ships: the build year and the two years after it. */
export function siteHolidayTable(buildDate = new Date()): HolidayTable {
  const year = Number(new Date(buildDate.getTime() + 9 * 3600_000).toISOString().slice(0, 4))
  return holidayTable(year, year + 2)
}

/** Build time: what a page needs to show today's hours in the browser. */
import type { PublicCity } from '../data/types'
import type { Strings } from '../i18n'
import { siteHolidayTable } from './holidays'
import type { HoursPayload } from './hours-text'

export function hoursPayload(city: PublicCity, s: Strings): HoursPayload {
  const h = s.hours
  return {
    config: { hours: city.hours, yearEndClosure: city.yearEndClosure, closedDates: city.closedDates },
    holidays: siteHolidayTable(),
    text: {
      today: h.today,
      open: h.open,
      closed: h.closed,
      unknown: h.unknown,
      until: h.until,
      todayHours: h.todayHours,
      closedToday: h.closedToday,
      next: h.next,
      reasons: h.reasons,
      weekdays: h.weekdays,
      dateShort: s.date.short,
    },
  }
}

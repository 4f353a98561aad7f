/**
 * Today's hours and the open-now state as display text, for the page script and the search
 * island alike. Pure: the instant is passed in.
 */
import { openState, type HolidayTable, type HoursConfig } from './hours'
import { fill, formatYmd, hm } from './text'

type HoursText = {
  today: string
  open: string
  closed: string
  unknown: string
  until: string
  todayHours: string
  closedToday: string
  next: string
  reasons: Readonly<Record<string, string>>
  weekdays: readonly string[]
  dateShort: string
}

/** What a page carries to compute the state in the browser. */
export type HoursPayload = { config: HoursConfig; holidays: HolidayTable; text: HoursText }

export type StatusText = {
  state: 'open' | 'closed' | 'unknown'
  /** 受付中 / 受付時間外 / … */
  badge: string
  /** 17:15まで (when open). */
  until?: string
  /** きょう 11月24日（火）: 8:30～17:15 */
  today: string
  /** Why closed today (holiday name, year-end). */
  reason?: string
  /** 次の受付：… (when not open). */
  next?: string
}

export function statusText(payload: HoursPayload, at: Date): StatusText {
  const { config, holidays, text: t } = payload
  const s = openState(at, config, holidays)
  const date = (ymd: string) => formatYmd(t.dateShort, t.weekdays, ymd)
  const hours = s.today.intervals
    .map((i) => fill(t.todayHours, { opens: hm(i.opens), closes: hm(i.closes) }))
    .join(', ')
  const reason = s.today.closedReason
    ? fill(t.reasons[s.today.closedReason] ?? '', { name: s.today.holiday ?? '' })
    : ''
  return {
    state: s.state,
    badge: s.state === 'open' ? t.open : s.state === 'closed' ? t.closed : t.unknown,
    ...(s.state === 'open' && s.closesAt ? { until: fill(t.until, { time: hm(s.closesAt) }) } : {}),
    today: `${fill(t.today, { date: date(s.today.date) })}: ${hours || t.closedToday}`,
    ...(reason ? { reason } : {}),
    ...(s.state !== 'open' && s.next
      ? { next: fill(t.next, { date: date(s.next.date), time: hm(s.next.opens) }) }
      : {}),
  }
}

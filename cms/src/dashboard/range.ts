/**
 * The dashboard's period from its URL, so a view can be shared as a link:
 * `?period=today|week|month` (the fixed ones), `?month=2026-10` (a calendar month, JST) or
 * `?from=2026-10-01&to=2026-10-15` (JST days, both included, at most 366). Nothing after now is
 * counted: every period ends at now at the latest, and a period that starts after now is refused.
 */
import { jstDateKey, jstParts, monthRange } from '@kotae/analytics'
import { z } from 'zod'

import { jstDaySchema, refineJstDayRange, toJstDayRange } from '../lib/jstDays'
import { fieldErrors } from '../http/fieldErrors'
import { DASHBOARD_STRINGS as t } from './strings'

export const DASHBOARD_PERIODS = ['today', 'week', 'month'] as const
export type DashboardPeriodKey = (typeof DASHBOARD_PERIODS)[number]

/** A period asked for by month or by days: [start, end) before clamping to now, with its label and days. */
export type DashboardCustomRange = {
  key: 'range'
  label: string
  from: string
  to: string
  start: number
  end: number /** The query that asks for it again. */
  query: string
}
type DashboardSelection = { key: DashboardPeriodKey } | DashboardCustomRange

const MAX_DAYS = 366

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v)

const dashboardQuerySchema = z
  .object({
    period: z.enum(DASHBOARD_PERIODS, { message: t.badPeriod }).optional(),
    month: z
      .string()
      .trim()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, t.badMonth)
      .refine((m) => Number(m.slice(0, 4)) >= 2000 && Number(m.slice(0, 4)) <= 2100, t.badMonth)
      .optional(),
    from: jstDaySchema.optional(),
    to: jstDaySchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.month !== undefined && (v.from !== undefined || v.to !== undefined))
      ctx.addIssue({ code: 'custom', path: ['month'], message: t.monthOrDays })
    if ((v.from === undefined) !== (v.to === undefined))
      ctx.addIssue({ code: 'custom', path: [v.from === undefined ? 'from' : 'to'], message: t.bothDays })
    if (v.from !== undefined && v.to !== undefined)
      refineJstDayRange({ from: v.from, to: v.to }, ctx, MAX_DAYS)
  })
  .transform((v): DashboardSelection => {
    if (v.month !== undefined) {
      const [y, m] = v.month.split('-').map(Number) as [number, number]
      const { start, end } = monthRange(y, m)
      return {
        key: 'range',
        label: t.monthLabel(y, m),
        from: jstDateKey(start),
        to: jstDateKey(end - 1),
        start,
        end,
        query: `month=${v.month}`,
      }
    }
    if (v.from !== undefined && v.to !== undefined) {
      const r = toJstDayRange({ from: v.from, to: v.to })
      return { key: 'range', label: t.daysLabel(r.from, r.to), ...r, query: `from=${r.from}&to=${r.to}` }
    }
    return { key: v.period ?? 'today' }
  })

export type DashboardQueryResult = {
  selection: DashboardSelection
  errors: { field: string; message: string }[]
}

/**
 * The selection of a request's query (unknown keys ignored); on a bad value, today with the
 * errors, each naming its field. A period that starts after `now` is refused the same way.
 */
export function parseDashboardQuery(query: Record<string, unknown>, now: Date): DashboardQueryResult {
  const picked = Object.fromEntries(
    ['period', 'month', 'from', 'to']
      .filter((k) => first(query[k]) !== undefined && first(query[k]) !== '')
      .map((k) => [k, first(query[k])]),
  )
  const parsed = dashboardQuerySchema.safeParse(picked)
  if (!parsed.success)
    return {
      selection: { key: 'today' },
      errors: fieldErrors(parsed.error),
    }
  const s = parsed.data
  if (s.key === 'range' && s.start > now.getTime())
    return {
      selection: { key: 'today' },
      errors: [{ field: 'month' in picked ? 'month' : 'from', message: t.future }],
    }
  return { selection: s, errors: [] }
}

/** The month now is in, as `YYYY-MM` (the month picker's maximum). */
export const currentMonthKey = (now: Date): string => {
  const p = jstParts(now.getTime())
  return `${p.year}-${String(p.month).padStart(2, '0')}`
}

import { DAY_MS, hourRows, jstDayNumber, jstParts, jstWeekday, monthRange, outcomeRows, selfServiceTrend, type HourRow, type OutcomeRow, type SelfServiceTrend } from '@kotae/analytics'
import { CALL_OUTCOMES, callOutcomeLabel } from '@kotae/content/contracts/calls'
import type { Payload } from 'payload'

import { loadReport } from '../reports/load'
import { DASHBOARD_STRINGS as t } from './strings'

export const DASHBOARD_PERIODS = ['today', 'week', 'month'] as const
export type DashboardPeriodKey = (typeof DASHBOARD_PERIODS)[number]

/** Today, this week (Monday first) and this month in JST, as [start, end) milliseconds. */
export function dashboardRanges(now: Date): Record<DashboardPeriodKey, { start: number; end: number }> {
  const ms = now.getTime()
  const todayStart = jstDayNumber(ms) * DAY_MS - 9 * 3600_000
  const weekStart = todayStart - ((jstWeekday(ms) + 6) % 7) * DAY_MS
  const p = jstParts(ms)
  return {
    today: { start: todayStart, end: todayStart + DAY_MS },
    week: { start: weekStart, end: weekStart + 7 * DAY_MS },
    month: monthRange(p.year, p.month),
  }
}

export interface DashboardPeriod {
  key: DashboardPeriodKey
  label: string
  hasTelephony: boolean
  offered: number | null
  answered: number | null
  answerRate: number | null
  /** Logged calls (問い合わせ記録). */
  calls: number
  firstContactResolutionRate: number | null
  outcomes: (OutcomeRow & { label: string })[]
  hours: HourRow[]
  topics: { name: string; calls: number; share: number | null }[]
  topFaqs: { title: string; count: number }[]
}

export interface DashboardData {
  periods: DashboardPeriod[]
  trend: SelfServiceTrend & { topicNames: Record<string, string> }
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * The dashboard's figures: the KPIs of each period from the same loader as the reports (calls and,
 * once a PBX is connected, telephony records), outcomes from the call log, and the self-service
 * trend of the last 8 weeks. The caller checks the role; reads here are the system's.
 */
export async function dashboardData(payload: Payload, now = new Date()): Promise<DashboardData> {
  const ranges = dashboardRanges(now)
  const periods: DashboardPeriod[] = []
  const earliest = Math.min(...Object.values(ranges).map((r) => r.start))
  const latest = Math.max(...Object.values(ranges).map((r) => r.end))
  const outcomeCalls = (
    await payload.find({
      collection: 'calls',
      where: { and: [{ talkStartedAt: { greater_than_equal: iso(earliest) } }, { talkStartedAt: { less_than: iso(latest) } }] },
      select: { talkStartedAt: true, outcome: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs
  for (const key of DASHBOARD_PERIODS) {
    const { start, end } = ranges[key]
    const { report, labels } = await loadReport(payload, { kind: 'range', start: iso(start), end: iso(end) })
    const inPeriod = outcomeCalls.filter((c) => {
      const t0 = Date.parse(c.talkStartedAt)
      return t0 >= start && t0 < end
    })
    periods.push({
      key,
      label: t.periods[key],
      hasTelephony: report.meta.hasTelephony,
      offered: report.offered,
      answered: report.answered,
      answerRate: report.answerRate,
      calls: report.meta.counts.calls,
      firstContactResolutionRate: report.firstContactResolutionRate,
      outcomes: outcomeRows(inPeriod, CALL_OUTCOMES).map((r) => ({ ...r, label: callOutcomeLabel(r.outcome) })),
      hours: hourRows(report.byHalfHour),
      topics: report.byTopic.map((r) => ({ name: r.category === null ? t.noTopic : (labels.categories?.[r.category] ?? r.category), calls: r.calls, share: r.share })),
      topFaqs: report.faqUsage.slice(0, 10).map((f) => ({ title: labels.faqs?.[f.faqId] ?? `FAQ ${f.faqId}`, count: f.count })),
    })
  }
  return { periods, trend: await trendOfWeeks(payload, ranges.week.end, 8) }
}

/** Site searches and FAQ views against calls, the `weeks` weeks up to the end of this week. */
async function trendOfWeeks(payload: Payload, end: number, weeks: number): Promise<DashboardData['trend']> {
  const start = end - weeks * 7 * DAY_MS
  const common = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const
  const [events, calls, faqs, categories] = await Promise.all([
    payload.find({ collection: 'site-events', where: { and: [{ at: { greater_than_equal: iso(start) } }, { at: { less_than: iso(end) } }, { type: { in: ['search', 'faq-view'] } }] }, select: { type: true, at: true, faq: true }, ...common }),
    payload.find({ collection: 'calls', where: { and: [{ talkStartedAt: { greater_than_equal: iso(start) } }, { talkStartedAt: { less_than: iso(end) } }] }, select: { talkStartedAt: true, category: true }, ...common }),
    payload.find({ collection: 'faqs', select: { slug: true, category: true }, ...common }),
    payload.find({ collection: 'categories', select: { name: true }, ...common }),
  ])
  const idOf = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'object' ? String((v as { id: unknown }).id) : String(v))
  const faqTopics = new Map<string, string>()
  for (const f of faqs.docs) {
    const c = idOf(f.category)
    if (f.slug && c) faqTopics.set(f.slug, c)
  }
  const trend = selfServiceTrend({
    range: { start, end },
    faqTopics,
    siteEvents: events.docs.map((e) => ({ type: e.type, at: e.at, faq: e.faq })),
    calls: calls.docs.map((c) => ({ talkStartedAt: c.talkStartedAt, category: idOf(c.category) })),
  })
  return { ...trend, topicNames: Object.fromEntries(categories.docs.map((c) => [String(c.id), c.name])) }
}

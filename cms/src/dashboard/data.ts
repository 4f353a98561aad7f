import {
  DAY_MS,
  hourRows,
  jstDayNumber,
  jstParts,
  jstWeekday,
  monthRange,
  outcomeRows,
  selfServiceTrend,
  type HourRow,
  type OutcomeRow,
  type SelfServiceTrend,
} from '@kotae/analytics'
import { CALL_OUTCOMES, callOutcomeLabel } from '@kotae/content/contracts/calls'
import type { Payload } from 'payload'

import { loadReport } from '../reports/load'
import { DASHBOARD_PERIODS, type DashboardCustomRange, type DashboardPeriodKey } from './range'
import { DASHBOARD_STRINGS as t } from './strings'

export { DASHBOARD_PERIODS, type DashboardPeriodKey } from './range'

/**
 * Today, this week (Monday first) and this month in JST, as [start, end) milliseconds, each
 * ending at `now`: a call dated in the future (a clock or typing slip) is never counted.
 */
export function dashboardRanges(now: Date): Record<DashboardPeriodKey, { start: number; end: number }> {
  const ms = now.getTime()
  const todayStart = jstDayNumber(ms) * DAY_MS - 9 * 3600_000
  const weekStart = todayStart - ((jstWeekday(ms) + 6) % 7) * DAY_MS
  const p = jstParts(ms)
  return {
    today: { start: todayStart, end: ms },
    week: { start: weekStart, end: ms },
    month: { start: monthRange(p.year, p.month).start, end: ms },
  }
}

export interface DashboardPeriod {
  key: DashboardPeriodKey | 'range'
  label: string
  /** The instants counted, [start, end): the end is now at the latest. */
  start: number
  end: number
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
  /** Calls with a transcript: how many, their share of the logged calls, and their topics (category), most first. */
  transcripts: { calls: number; share: number | null; topics: { name: string; calls: number }[] }
}

export interface DashboardData {
  periods: DashboardPeriod[]
  trend: SelfServiceTrend & { topicNames: Record<string, string> }
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * The dashboard's figures: the KPIs of today, this week, this month and, when asked, another month
 * or span of days (`range`, cut at now), from the same loader as the reports (calls and, once a PBX
 * is connected, telephony records), outcomes from the call log, and the self-service trend of the
 * last 8 weeks. The caller checks the role; reads here are the system's.
 */
export async function dashboardData(
  payload: Payload,
  now = new Date(),
  range?: DashboardCustomRange,
): Promise<DashboardData> {
  const fixed = dashboardRanges(now)
  const asked: { key: DashboardPeriod['key']; label: string; start: number; end: number }[] =
    DASHBOARD_PERIODS.map((key) => ({ key, label: t.periods[key], ...fixed[key] }))
  if (range) {
    const end = Math.min(range.end, now.getTime())
    asked.push({
      key: 'range',
      label: end < range.end ? t.upToNow(range.label) : range.label,
      start: range.start,
      end: Math.max(end, range.start),
    })
  }
  const periods: DashboardPeriod[] = []
  const earliest = Math.min(...asked.map((r) => r.start))
  const latest = Math.max(...asked.map((r) => r.end))
  const outcomeCalls = (
    await payload.find({
      collection: 'calls',
      where: {
        and: [
          { talkStartedAt: { greater_than_equal: iso(earliest) } },
          { talkStartedAt: { less_than: iso(latest) } },
        ],
      },
      select: { talkStartedAt: true, outcome: true, category: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs
  const transcribed = await callsWithTranscript(
    payload,
    outcomeCalls.map((c) => c.id),
  )
  const categoryNames = new Map(
    (
      await payload.find({
        collection: 'categories',
        select: { name: true },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
      })
    ).docs.map((c) => [String(c.id), c.name]),
  )
  for (const { key, label, start, end } of asked) {
    const { report, labels } = await loadReport(payload, { kind: 'range', start: iso(start), end: iso(end) })
    const inPeriod = outcomeCalls.filter((c) => {
      const t0 = Date.parse(c.talkStartedAt)
      return t0 >= start && t0 < end
    })
    const heard = inPeriod.filter((c) => transcribed.has(String(c.id)))
    const topicCounts = new Map<string | null, number>()
    for (const c of heard) {
      const cat =
        c.category == null ? null : String(typeof c.category === 'object' ? c.category.id : c.category)
      topicCounts.set(cat, (topicCounts.get(cat) ?? 0) + 1)
    }
    periods.push({
      key,
      label,
      start,
      end,
      hasTelephony: report.meta.hasTelephony,
      offered: report.offered,
      answered: report.answered,
      answerRate: report.answerRate,
      calls: report.meta.counts.calls,
      firstContactResolutionRate: report.firstContactResolutionRate,
      outcomes: outcomeRows(inPeriod, CALL_OUTCOMES).map((r) => ({
        ...r,
        label: callOutcomeLabel(r.outcome),
      })),
      hours: hourRows(report.byHalfHour),
      topics: report.byTopic.map((r) => ({
        name: r.category === null ? t.noTopic : (labels.categories?.[r.category] ?? r.category),
        calls: r.calls,
        share: r.share,
      })),
      topFaqs: report.faqUsage
        .slice(0, 10)
        .map((f) => ({ title: labels.faqs?.[f.faqId] ?? `FAQ ${f.faqId}`, count: f.count })),
      transcripts: {
        calls: heard.length,
        share: inPeriod.length ? heard.length / inPeriod.length : null,
        topics: [...topicCounts]
          .sort((a, b) => b[1] - a[1])
          .map(([cat, calls]) => ({
            name: cat === null ? t.noTopic : (categoryNames.get(cat) ?? cat),
            calls,
          })),
      },
    })
  }
  return { periods, trend: await trendOfWeeks(payload, fixed.week.start + 7 * DAY_MS, 8, now.getTime()) }
}

/** Site searches and FAQ views against calls, the `weeks` weeks up to the end of this week, nothing after `now`. */
async function trendOfWeeks(
  payload: Payload,
  weekEnd: number,
  weeks: number,
  now: number,
): Promise<DashboardData['trend']> {
  const start = weekEnd - weeks * 7 * DAY_MS
  const end = Math.min(weekEnd, now)
  const common = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const
  const [events, calls, faqs, categories] = await Promise.all([
    payload.find({
      collection: 'site-events',
      where: {
        and: [
          { at: { greater_than_equal: iso(start) } },
          { at: { less_than: iso(end) } },
          { type: { in: ['search', 'faq-view'] } },
        ],
      },
      select: { type: true, at: true, faq: true },
      ...common,
    }),
    payload.find({
      collection: 'calls',
      where: {
        and: [
          { talkStartedAt: { greater_than_equal: iso(start) } },
          { talkStartedAt: { less_than: iso(end) } },
        ],
      },
      select: { talkStartedAt: true, category: true },
      ...common,
    }),
    payload.find({ collection: 'faqs', select: { slug: true, category: true }, ...common }),
    payload.find({ collection: 'categories', select: { name: true }, ...common }),
  ])
  const idOf = (v: unknown) =>
    v === null || v === undefined
      ? null
      : typeof v === 'object'
        ? String((v as { id: unknown }).id)
        : String(v)
  const faqTopics = new Map<string, string>()
  for (const f of faqs.docs) {
    const c = idOf(f.category)
    if (f.slug && c) faqTopics.set(f.slug, c)
  }
  const trend = selfServiceTrend({
    range: { start, end: weekEnd },
    faqTopics,
    siteEvents: events.docs.map((e) => ({ type: e.type, at: e.at, faq: e.faq })),
    calls: calls.docs.map((c) => ({ talkStartedAt: c.talkStartedAt, category: idOf(c.category) })),
  })
  return { ...trend, topicNames: Object.fromEntries(categories.docs.map((c) => [String(c.id), c.name])) }
}

/** The ids of the calls (of those given) that have a transcript: the dashboard's share and topics heard. */
async function callsWithTranscript(payload: Payload, ids: (number | string)[]): Promise<Set<string>> {
  const out = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    const found = await payload.find({
      collection: 'transcripts',
      where: { call: { in: ids.slice(i, i + 500) } },
      select: { call: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const d of found.docs)
      if (d.call != null) out.add(String(typeof d.call === 'object' ? d.call.id : d.call))
  }
  return out
}

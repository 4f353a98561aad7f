/**
 * selfServiceTrend: what citizens found on the site against what they had to call about, by week
 * (Monday–Sunday, JST) and by topic.
 *
 *   week.searches        = site `search` events in the week (a zero-result search is one of them)
 *   week.faqViews        = site `faq-view` events in the week
 *   week.calls           = logged calls whose talk started in the week
 *   selfServiceRate      = faqViews / (faqViews + calls)   (null when both are 0)
 *
 * A topic is the call's category and, for a view, the viewed FAQ's category (`faqTopics`); views of
 * FAQs the map does not know and calls without a category are topic null (未分類).
 */
import { DAY_MS, JST_OFFSET_MS, dayNumberKey, jstDayNumber, jstWeekday, parseInstant } from '../time'
import type { SiteEventRecord } from './types'

export interface TrendInput {
  siteEvents: Iterable<Pick<SiteEventRecord, 'type' | 'at' | 'faq'>>
  calls: Iterable<{ talkStartedAt: string; category?: string | null }>
  /** FAQ key as site events carry it (the slug) → category slug. */
  faqTopics?: ReadonlyMap<string, string>
  /** [start, end) as ISO instants or ms. */
  range: { start: string | number; end: string | number }
}

export interface TrendCounts {
  searches: number
  faqViews: number
  calls: number
  selfServiceRate: number | null
}

export interface TrendWeek extends TrendCounts {
  /** The Monday that starts the week, 'YYYY-MM-DD' (JST). */
  weekStart: string
  byTopic: Record<string, Omit<TrendCounts, 'searches' | 'selfServiceRate'>>
}

export interface TrendTopic extends Omit<TrendCounts, 'searches'> {
  topic: string | null
}

export interface SelfServiceTrend {
  weeks: TrendWeek[]
  topics: TrendTopic[]
  totals: TrendCounts
}

/** The key for "no topic" in `byTopic` records. */
export const NO_TOPIC = ''

const rate = (views: number, calls: number) => (views + calls > 0 ? views / (views + calls) : null)
const mondayOf = (ms: number) => jstDayNumber(ms) - ((jstWeekday(ms) + 6) % 7)

export function selfServiceTrend(input: TrendInput): SelfServiceTrend {
  const start = parseInstant(input.range.start)
  const end = parseInstant(input.range.end)
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start)
    throw new RangeError('selfServiceTrend: bad range')
  const weeks = new Map<number, TrendWeek>()
  if (end > start) {
    for (let day = mondayOf(start); day * DAY_MS - JST_OFFSET_MS < end; day += 7) {
      weeks.set(day, {
        weekStart: dayNumberKey(day),
        searches: 0,
        faqViews: 0,
        calls: 0,
        selfServiceRate: null,
        byTopic: {},
      })
    }
  }
  const topics = new Map<string, { faqViews: number; calls: number }>()
  const bump = (week: TrendWeek, topic: string, field: 'faqViews' | 'calls') => {
    const w = week.byTopic[topic] ?? { faqViews: 0, calls: 0 }
    week.byTopic[topic] = w
    w[field] += 1
    const t = topics.get(topic) ?? { faqViews: 0, calls: 0 }
    t[field] += 1
    topics.set(topic, t)
  }
  const weekOf = (at: string): TrendWeek | undefined => {
    const t = parseInstant(at)
    if (!(t >= start && t < end)) return undefined
    return weeks.get(mondayOf(t))
  }

  for (const e of input.siteEvents) {
    if (e.type !== 'search' && e.type !== 'faq-view') continue
    const week = weekOf(e.at)
    if (!week) continue
    if (e.type === 'search') week.searches += 1
    else {
      week.faqViews += 1
      bump(week, (e.faq && input.faqTopics?.get(e.faq)) || NO_TOPIC, 'faqViews')
    }
  }
  for (const c of input.calls) {
    const week = weekOf(c.talkStartedAt)
    if (!week) continue
    week.calls += 1
    bump(week, c.category || NO_TOPIC, 'calls')
  }

  const rows = [...weeks.values()]
  for (const w of rows) w.selfServiceRate = rate(w.faqViews, w.calls)
  const totals = rows.reduce(
    (s, w) => ({
      searches: s.searches + w.searches,
      faqViews: s.faqViews + w.faqViews,
      calls: s.calls + w.calls,
    }),
    { searches: 0, faqViews: 0, calls: 0 },
  )
  return {
    weeks: rows,
    topics: [...topics]
      .map(([topic, t]) => ({
        topic: topic === NO_TOPIC ? null : topic,
        faqViews: t.faqViews,
        calls: t.calls,
        selfServiceRate: rate(t.faqViews, t.calls),
      }))
      .sort(
        (a, b) =>
          b.faqViews + b.calls - (a.faqViews + a.calls) ||
          String(a.topic ?? '\uffff').localeCompare(String(b.topic ?? '\uffff')),
      ),
    totals: { ...totals, selfServiceRate: rate(totals.faqViews, totals.calls) },
  }
}

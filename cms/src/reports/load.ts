/**
 * Builds a report from the configured database: call logs, telephony records and escalations are
 * read in time windows (default 2 hours) straight into the streaming KPI accumulator, so memory
 * stays at one window plus the accumulator however large the period (a month of a million calls).
 */
import {
  createReportAccumulator,
  DAY_MS,
  jstDayNumber,
  jstParts,
  parseInstant,
  periodRange,
  resolveReportOptions,
  type CallLogRecord,
  type EscalationRecord,
  type Report,
  type ReportLabels,
  type ReportOptions,
  type ReportPeriod,
  type TelephonyRecord,
} from '@kotae/analytics'
import type { Payload } from 'payload'

import { rowReaderOf, type RowReader } from './rows'
import { sqlOf, type Sql } from './sql'

export interface LoadedReport {
  report: Report
  labels: ReportLabels
  /** Calls and offered calls per JST day (a month) or per month (a fiscal year), for the trend chart. */
  trend: TrendPoint[]
}

export interface TrendPoint {
  /** '10/1' for a day, '4月' for a month. */
  label: string
  calls: number
  /** Null when the period has no telephony data. */
  offered: number | null
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
/** A timestamp as read (epoch ms or ISO text), null kept. */
type At = string | number
const at = (v: unknown): At | null => (v === null || v === undefined ? null : (v as At))

/**
 * Array rows of `select` (which ends in `WHERE <column> >= ? AND <column> < ?`) one time window at a
 * time. Each window is a plain range scan of the timestamp index; no ORDER BY, since the accumulator
 * takes records in any order. (Keyset pages ordered by id made SQLite sort the whole month for
 * every page: 100 s for a million calls.)
 */
async function* windows(db: RowReader, select: string, from: number, to: number, windowMs: number): AsyncGenerator<unknown[][]> {
  // The next window is asked for before this one is consumed, so PostgreSQL works while we count.
  const ask = (a: number) => {
    const p = db.rows(select, [new Date(a).toISOString(), new Date(Math.min(to, a + windowMs)).toISOString()])
    p.catch(() => {}) // awaited below; this only keeps an abandoned prefetch from being "unhandled"
    return p
  }
  let next = from < to ? ask(from) : null
  for (let a = from; next; a += windowMs) {
    const rows = await next
    next = a + windowMs < to ? ask(a + windowMs) : null
    if (rows.length) yield rows
  }
}

export async function loadReport(payload: Payload, period: ReportPeriod, options: ReportOptions & { windowHours?: number } = {}): Promise<LoadedReport> {
  const db = rowReaderOf(payload)
  try {
    return await loadWith(db, sqlOf(payload), period, options)
  } finally {
    db.close()
  }
}

async function loadWith(db: RowReader, sql: Sql, period: ReportPeriod, options: ReportOptions & { windowHours?: number }): Promise<LoadedReport> {
  // Two hours of a busy center is a few thousand rows: small pages, few queries (372 a month).
  const { windowHours = 2, ...reportOptions } = options
  const windowMs = windowHours * 3_600_000
  const resolved = resolveReportOptions(reportOptions)
  const range = periodRange(period)
  // The 一次完了 repeat check looks at calls up to repeatWindowDays after the period.
  const callsTo = range.end + resolved.repeatWindowDays * DAY_MS + 1

  // With any telephony record in the database the PBX is connected: a silent month reads 0 calls
  // offered rather than "no telephony data".
  const anyTelephony = (await db.rows('SELECT 1 AS one FROM telephony_records LIMIT 1')).length > 0
  const acc = createReportAccumulator({
    ...reportOptions,
    telephonyAvailable: reportOptions.telephonyAvailable ?? (anyTelephony || null),
    period,
  })
  const t = db.instant

  // Only the columns the accumulator reads, as arrays (see rows.ts): id, started, ended, hold, acw,
  // channel, caller type, category, outcome, operator, PBX call id, caller hash.
  const callSelect = `SELECT x.id, ${t('x.talk_started_at')}, ${t('x.talk_ended_at')}, x.hold_seconds, x.after_call_work_seconds,
      x.channel, x.caller_type, cat.slug, x.outcome, x.operator_id, x.telephony_call_id,
      (SELECT tr.caller_hash FROM telephony_records tr WHERE tr.call_id = x.id AND tr.caller_hash IS NOT NULL LIMIT 1)
    FROM calls x LEFT JOIN categories cat ON cat.id = x.category_id
    WHERE x.talk_started_at >= ? AND x.talk_started_at < ?`
  const relsIndex = db.dialect === 'sqlite' ? ' INDEXED BY calls_rels_parent_idx' : ''
  const trend = trendBuckets(period, range)
  // The three tables are read side by side (on PostgreSQL, separate pool connections); the
  // accumulator is synchronous, so their records interleave safely.
  const readCalls = async () => {
    for await (const rows of windows(db, callSelect, range.start, callsTo, windowMs)) {
      const faqs = new Map<number, string[]>()
      // FAQs used, by the window's call ids through the parent index. Without statistics SQLite
      // picks the path index (every row is 'faqsUsed') and walks the whole table for each window.
      for (let i = 0; i < rows.length; i += 1000) {
        const ids = rows.slice(i, i + 1000).map((r) => r[0])
        const rels = await db.rows(
          `SELECT parent_id, faqs_id FROM calls_rels${relsIndex} WHERE parent_id IN (${ids.map(() => '?').join(',')}) AND path = 'faqsUsed' AND faqs_id IS NOT NULL ORDER BY parent_id, "order"`,
          ids,
        )
        for (const [parent, faq] of rels) {
          const key = Number(parent)
          const list = faqs.get(key)
          if (list) list.push(String(faq))
          else faqs.set(key, [String(faq)])
        }
      }
      for (const r of rows) {
        const started = r[1] as At
        trend.add(started, 'calls')
        acc.addCall({
          id: String(r[0]),
          talkStartedAt: started,
          talkEndedAt: at(r[2]),
          holdSeconds: num(r[3]),
          afterCallWorkSeconds: num(r[4]),
          channel: r[5] as CallLogRecord['channel'],
          callerType: r[6] as CallLogRecord['callerType'],
          category: str(r[7]),
          faqsUsed: faqs.get(Number(r[0])) ?? [],
          outcome: r[8] as CallLogRecord['outcome'],
          operator: str(r[9]),
          telephonyCallId: str(r[10]),
          callerHash: str(r[11]),
        } as CallLogRecord)
      }
    }
  }

  // callId, queue, offered, answered, abandoned, ended, agent, wrap-up ended.
  const telSelect = `SELECT x.pbx_call_id, x.queue, ${t('x.offered_at')}, ${t('x.answered_at')}, ${t('x.abandoned_at')}, ${t('x.ended_at')}, x.agent, ${t('x.wrap_up_ended_at')}
    FROM telephony_records x WHERE x.offered_at >= ? AND x.offered_at < ?`
  const readTelephony = async () => {
    for await (const rows of windows(db, telSelect, range.start, range.end, windowMs)) {
      for (const r of rows) {
        const offered = r[2] as At
        trend.add(offered, 'offered')
        acc.addTelephony({
          callId: String(r[0]),
          queue: String(r[1]),
          offeredAt: offered,
          answeredAt: at(r[3]),
          abandonedAt: at(r[4]),
          endedAt: at(r[5]),
          agent: str(r[6]),
          wrapUpEndedAt: at(r[7]),
        } as TelephonyRecord)
      }
    }
  }

  const escSelect = `SELECT x.id, ${t('x.created_at')}, ${t('x.answered_at')}, ${t('x.closed_at')}, x.urgency
    FROM escalations x WHERE x.created_at >= ? AND x.created_at < ?`
  const readEscalations = async () => {
    for await (const rows of windows(db, escSelect, range.start, range.end, windowMs * 24)) {
      for (const r of rows)
        acc.addEscalation({
          id: String(r[0]),
          createdAt: r[1] as At,
          answeredAt: at(r[2]),
          closedAt: at(r[3]),
          urgency: String(r[4]),
        } as EscalationRecord)
    }
  }
  await Promise.all([readCalls(), readTelephony(), readEscalations()])

  const report = acc.finish()
  return {
    report,
    labels: await loadLabels(sql, report),
    trend: trend.points(report.meta.hasTelephony),
  }
}

/** Counts per JST day of a month, or per month of a year, by the records' start instants. */
function trendBuckets(period: ReportPeriod, range: { start: number; end: number }) {
  const byMonth = period.kind === 'year'
  const firstDay = jstDayNumber(range.start)
  const labels: string[] = []
  const keyOf = (ms: number): number => {
    if (!byMonth) return jstDayNumber(ms) - firstDay
    const p = jstParts(ms)
    const s = jstParts(range.start)
    return (p.year - s.year) * 12 + (p.month - s.month)
  }
  for (let ms = range.start; ms < range.end; ) {
    const p = jstParts(ms)
    labels.push(byMonth ? `${p.month}月` : `${p.month}/${p.day}`)
    ms = byMonth ? Date.UTC(p.year, p.month, 1) - 9 * 3600_000 : ms + DAY_MS
  }
  const calls = new Array<number>(labels.length).fill(0)
  const offered = new Array<number>(labels.length).fill(0)
  return {
    add(instant: string | number, what: 'calls' | 'offered') {
      const ms = parseInstant(instant)
      if (!(ms >= range.start && ms < range.end)) return
      const k = keyOf(ms)
      if (what === 'calls') calls[k]!++
      else offered[k]!++
    },
    points: (hasTelephony: boolean): TrendPoint[] => labels.map((label, i) => ({ label, calls: calls[i]!, offered: hasTelephony ? offered[i]! : null })),
  }
}

/** Japanese names of the categories and FAQs the report mentions. */
async function loadLabels(sql: Sql, report: Report): Promise<ReportLabels> {
  const categories: Record<string, string> = {}
  for (const c of await sql.query<{ slug: string; name: string }>('SELECT slug, name FROM categories')) categories[c.slug] = c.name
  const faqs: Record<string, string> = {}
  const ids = report.faqUsage.map((f) => Number(f.faqId)).filter(Number.isFinite)
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    for (const f of await sql.query<{ id: number; question: string | null }>(`SELECT id, question FROM faqs WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk))
      if (f.question) faqs[String(f.id)] = f.question
  }
  const urgency = { high: '高（当日中）', normal: '通常', low: '低' }
  return { categories, faqs, urgency }
}

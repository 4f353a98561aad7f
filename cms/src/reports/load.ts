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

/**
 * Rows of `select` (which ends in `WHERE <column> >= ? AND <column> < ?`) one time window at a time.
 * Each window is a plain range scan of the timestamp index; no ORDER BY, since the accumulator
 * takes records in any order. (Keyset pages ordered by id made SQLite sort the whole month for
 * every page: 100 s for a million calls.)
 */
async function* windows<T>(sql: Sql, select: string, from: number, to: number, windowMs: number): AsyncGenerator<T[] & { bounds: [string, string] }> {
  for (let a = from; a < to; a += windowMs) {
    const bounds: [string, string] = [new Date(a).toISOString(), new Date(Math.min(to, a + windowMs)).toISOString()]
    const rows = await sql.query<T>(select, bounds)
    if (rows.length) yield Object.assign(rows, { bounds })
  }
}

export async function loadReport(payload: Payload, period: ReportPeriod, options: ReportOptions & { windowHours?: number } = {}): Promise<LoadedReport> {
  // Two hours of a busy center is a few thousand rows: small pages, few queries (372 a month).
  const { windowHours = 2, ...reportOptions } = options
  const windowMs = windowHours * 3_600_000
  const sql = sqlOf(payload)
  const resolved = resolveReportOptions(reportOptions)
  const range = periodRange(period)
  // The 一次完了 repeat check looks at calls up to repeatWindowDays after the period.
  const callsTo = range.end + resolved.repeatWindowDays * DAY_MS + 1

  // With any telephony record in the database the PBX is connected: a silent month reads 0 calls
  // offered rather than "no telephony data".
  const anyTelephony = (await sql.query('SELECT 1 AS one FROM telephony_records LIMIT 1')).length > 0
  const acc = createReportAccumulator({ ...reportOptions, telephonyAvailable: reportOptions.telephonyAvailable ?? (anyTelephony || null), period })

  const callSelect = `SELECT x.id, ${sql.iso('x.talk_started_at')} AS started, ${sql.iso('x.talk_ended_at')} AS ended, x.hold_seconds AS hold,
      x.after_call_work_seconds AS acw, x.channel, x.caller_type AS caller_type, cat.slug AS category, x.outcome,
      x.operator_id AS operator, x.telephony_call_id AS pbx,
      (SELECT tr.caller_hash FROM telephony_records tr WHERE tr.call_id = x.id AND tr.caller_hash IS NOT NULL LIMIT 1) AS caller_hash
    FROM calls x LEFT JOIN categories cat ON cat.id = x.category_id
    WHERE x.talk_started_at >= ? AND x.talk_started_at < ?`
  type CallRow = { id: number; started: string; ended: string; hold: unknown; acw: unknown; channel: string; caller_type: string; category: string | null; outcome: string; operator: unknown; pbx: string | null; caller_hash: string | null }
  const relsIndex = sql.dialect === 'sqlite' ? ' INDEXED BY calls_rels_parent_idx' : ''
  const trend = trendBuckets(period, range)
  for await (const rows of windows<CallRow>(sql, callSelect, range.start, callsTo, windowMs)) {
    for (const r of rows) trend.add(r.started, 'calls')
    const faqs = new Map<number, string[]>()
    // FAQs used, by the window's call ids through the parent index. Without statistics SQLite
    // picks the path index (every row is 'faqsUsed') and walks the whole table for each window.
    const rels: { parent: number; faq: number }[] = []
    for (let i = 0; i < rows.length; i += 1000) {
      const ids = rows.slice(i, i + 1000).map((r) => r.id)
      rels.push(
        ...(await sql.query<{ parent: number; faq: number }>(
          `SELECT parent_id AS parent, faqs_id AS faq FROM calls_rels${relsIndex} WHERE parent_id IN (${ids.map(() => '?').join(',')}) AND path = 'faqsUsed' AND faqs_id IS NOT NULL ORDER BY parent_id, "order"`,
          ids,
        )),
      )
    }
    for (const r of rels) {
      const list = faqs.get(Number(r.parent)) ?? []
      list.push(String(r.faq))
      faqs.set(Number(r.parent), list)
    }
    acc.addCalls(
      rows.map(
        (r): CallLogRecord => ({
          id: String(r.id),
          talkStartedAt: r.started,
          talkEndedAt: r.ended,
          holdSeconds: num(r.hold),
          afterCallWorkSeconds: num(r.acw),
          channel: r.channel as CallLogRecord['channel'],
          callerType: r.caller_type as CallLogRecord['callerType'],
          category: r.category,
          faqsUsed: faqs.get(Number(r.id)) ?? [],
          outcome: r.outcome as CallLogRecord['outcome'],
          operator: str(r.operator),
          telephonyCallId: r.pbx,
          callerHash: r.caller_hash,
        }),
      ),
    )
  }

  const telSelect = `SELECT x.id, x.pbx_call_id AS pbx, x.queue, ${sql.iso('x.offered_at')} AS offered, ${sql.iso('x.answered_at')} AS answered,
      ${sql.iso('x.abandoned_at')} AS abandoned, ${sql.iso('x.ended_at')} AS ended, x.agent, ${sql.iso('x.wrap_up_ended_at')} AS wrap
    FROM telephony_records x WHERE x.offered_at >= ? AND x.offered_at < ?`
  type TelRow = { id: number; pbx: string; queue: string; offered: string; answered: string | null; abandoned: string | null; ended: string | null; agent: string | null; wrap: string | null }
  for await (const rows of windows<TelRow>(sql, telSelect, range.start, range.end, windowMs)) {
    for (const r of rows) trend.add(r.offered, 'offered')
    acc.addTelephonyRecords(
      rows.map((r): TelephonyRecord => ({ callId: r.pbx, queue: r.queue, offeredAt: r.offered, answeredAt: r.answered, abandonedAt: r.abandoned, endedAt: r.ended, agent: r.agent, wrapUpEndedAt: r.wrap })),
    )
  }

  const escSelect = `SELECT x.id, ${sql.iso('x.created_at')} AS created, ${sql.iso('x.answered_at')} AS answered, ${sql.iso('x.closed_at')} AS closed, x.urgency
    FROM escalations x WHERE x.created_at >= ? AND x.created_at < ?`
  type EscRow = { id: number; created: string; answered: string | null; closed: string | null; urgency: string }
  for await (const rows of windows<EscRow>(sql, escSelect, range.start, range.end, windowMs * 24)) {
    acc.addEscalations(rows.map((r): EscalationRecord => ({ id: String(r.id), createdAt: r.created, answeredAt: r.answered, closedAt: r.closed, urgency: r.urgency })))
  }

  const report = acc.finish()
  return { report, labels: await loadLabels(sql, report), trend: trend.points(report.meta.hasTelephony) }
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
    add(iso: string, what: 'calls' | 'offered') {
      const ms = Date.parse(iso)
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

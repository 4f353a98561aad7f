/**
 * Builds a report from the configured database: rollup rows per JST half-hour (rollups/, decision
 * 0045: the tables every writer keeps, or the same grouped counts over the records) go to the KPI
 * accumulator, escalations row by row. The figures are the same KPI functions the unit tests check
 * by hand.
 */
import {
  createReportAccumulator,
  DAY_MS,
  jstParts,
  parseInstant,
  periodRange,
  type EscalationRecord,
  type Report,
  type ReportAccumulator,
  type ReportLabels,
  type ReportOptions,
  type ReportPeriod,
  type TrendPoint,
} from '@kotae/analytics'
import type { Payload } from 'payload'

import { instantSql } from '../db/sql'
import { readCountingRules } from './counting'
import { readRollups, rollupsServe } from './rollups/read'
import { rowReaderOf, type RowReader } from '../db/rows'

export interface LoadedReport {
  report: Report
  labels: ReportLabels
  /** Calls and offered calls per JST day (a month) or per month (a fiscal year), for the trend chart. */
  trend: TrendPoint[]
  /** A fiscal year's twelve monthly reports, for the 月別 table (absent for other periods). */
  months?: Report[]
  /** Where the counts came from: the rollup tables (decision 0045), or the records themselves. */
  counted: 'rollups' | 'records'
  /** A closed month served as stored when it was frozen (frozen.ts, decision 0051). */
  frozen?: { at: string; laterChanges: number }
}

/** How the database is read (tests and benchmarks). */
export interface LoadOptions {
  /** Count from the records even when the rollup tables could serve. */
  fromRecords?: boolean
}

/** The report with the city profile's counting rules (counting.ts); `options` override them. */
export async function loadReport(
  payload: Payload,
  period: ReportPeriod,
  options: ReportOptions & LoadOptions = {},
): Promise<LoadedReport> {
  const rules = await readCountingRules(payload)
  const db = rowReaderOf(payload)
  try {
    return await loadReportFrom(db, period, { ...rules, ...options })
  } finally {
    db.close()
  }
}

/** The same report through a reader of one's own (the backup reads its snapshot, or its copy, without Payload). */
export async function loadReportFrom(
  db: RowReader,
  period: ReportPeriod,
  options: ReportOptions & LoadOptions = {},
): Promise<LoadedReport> {
  const { fromRecords, ...reportOptions } = options
  const range = periodRange(period)

  // With any telephony record in the database the PBX is connected: a silent month reads 0 calls
  // offered rather than "no telephony data".
  const anyTelephony = (await db.rows('SELECT 1 AS one FROM telephony_records LIMIT 1')).length > 0
  const accumulator = (p: ReportPeriod) =>
    createReportAccumulator({
      ...reportOptions,
      telephonyAvailable: reportOptions.telephonyAvailable ?? (anyTelephony || null),
      period: p,
    })
  const acc = accumulator(period)
  const categories = new Map<number, string>()
  const categoryNames: Record<string, string> = {}
  for (const [id, slug, name] of await db.rows('SELECT id, slug, name FROM categories')) {
    if (slug === null || slug === undefined) continue
    categories.set(Number(id), String(slug))
    categoryNames[String(slug)] = String(name)
  }
  // A fiscal year's 月別 table: each month counted as its own report with the same rules (so a
  // month's row equals its monthly report), from the same rows as the year.
  const first = jstParts(range.start)
  const months = Array.from({ length: period.kind === 'year' ? 12 : 0 }, (_, i) => {
    const m = new Date(Date.UTC(first.year, first.month - 1 + i, 1))
    return accumulator({ kind: 'month', year: m.getUTCFullYear(), month: m.getUTCMonth() + 1 })
  })

  // The rollup tables when the report counts by the rules they were built with over whole days
  // (decision 0045); otherwise the same grouped counts over the records, with the report's rules.
  const counted = !fromRecords && (await rollupsServe(db, range, acc.options)) ? 'rollups' : 'records'
  const t = (column: string) => instantSql(db.dialect, column)
  await readRollups(db, { acc, parts: months, categories }, counted)
  // Escalations (about one per fifty calls) row by row; timestamps as read (epoch ms or ISO text: parseInstant takes both).
  for (const [id, createdAt, answeredAt, closedAt, urgency] of await db.rows(
    `SELECT x.id, ${t('x.created_at')}, ${t('x.answered_at')}, ${t('x.closed_at')}, x.urgency
    FROM escalations x WHERE x.created_at >= ? AND x.created_at < ?`,
    [new Date(range.start).toISOString(), new Date(range.end).toISOString()],
  )) {
    const escalation = {
      id: String(id),
      createdAt,
      answeredAt,
      closedAt,
      urgency: String(urgency),
    } as EscalationRecord
    acc.addEscalation(escalation)
    const created = parseInstant(escalation.createdAt)
    for (const m of months) if (created >= m.range.start && created < m.range.end) m.addEscalation(escalation)
  }

  const report = acc.finish()
  return {
    report,
    labels: await loadLabels(db, categoryNames, report),
    trend: trendOf(acc, report.meta.hasTelephony),
    ...(months.length ? { months: months.map((m) => m.finish()) } : {}),
    counted,
  }
}

/**
 * The trend chart's points: the accumulator's days (a month, a range), or summed by month (a year).
 * Each day's counts are the ones its meta.counts sums: every telephony record offered, inbound calls.
 */
function trendOf(acc: ReportAccumulator, hasTelephony: boolean): TrendPoint[] {
  const points: TrendPoint[] = []
  for (const [i, calls] of acc.daily.calls.entries()) {
    const p = jstParts(acc.range.start + i * DAY_MS)
    const label = acc.period.kind === 'year' ? `${p.month}月` : `${p.month}/${p.day}`
    const offered = hasTelephony ? acc.daily.offered[i]! : null
    const last = points.at(-1)
    if (last?.label !== label) points.push({ label, calls, offered })
    else [last.calls, last.offered] = [last.calls + calls, offered === null ? null : last.offered! + offered]
  }
  return points
}

/** Japanese names of the categories and FAQs the report mentions. */
async function loadLabels(
  db: RowReader,
  categories: Record<string, string>,
  report: Report,
): Promise<ReportLabels> {
  // The whole FAQ table (a few hundred questions) is one read; an IN list of the used ids was chunks of them.
  const used = new Set(report.faqUsage.map((f) => f.faqId))
  const faqs: Record<string, string> = {}
  for (const [id, question] of await db.rows('SELECT id, question FROM faqs'))
    if (question && used.has(String(id))) faqs[String(id)] = String(question)
  const urgency = { high: '高（当日中）', normal: '通常', low: '低' }
  return { categories, faqs, urgency }
}

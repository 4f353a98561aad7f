/**
 * The report run a backup records and a restore repeats: the monthly report (the city's monthly
 * 業務報告, `npm run report -- --period YYYY-MM`) of every JST month from the first to the last
 * call, telephony record or escalation, computed by the report's own loader in the backup's
 * snapshot (PostgreSQL) or from its copy (SQLite). The manifest keeps, per month, the headline
 * counts and a digest of each KPI; the restore computes the same months on the restored database
 * and names every month and KPI that differs. No figure in it is personal data.
 */
import { createHash } from 'node:crypto'

import { jstParts, parseInstant, REPORT_KPI_KEYS, type ReportPeriod } from '@kotae/analytics'
import pg from 'pg'

import { instantSql } from '../db/sql'
import { loadReportFrom, type LoadedReport } from '../reports/load'
import { pgRowReader, sqliteRowReader, type RowReader } from '../db/rows'
import type { ReportRun } from './manifest'

/** Where each kind of record has its instant in the period (the columns the report reads by). */
const RECORD_INSTANTS = [
  { table: 'calls', column: 'talk_started_at' },
  { table: 'telephony_records', column: 'offered_at' },
  { table: 'escalations', column: 'created_at' },
] as const

/** The JST months from the earliest to the latest record, as report periods; none without records. */
async function monthsWithRecords(db: RowReader): Promise<Extract<ReportPeriod, { kind: 'month' }>[]> {
  let first = Infinity
  let last = -Infinity
  for (const { table, column } of RECORD_INSTANTS) {
    const [row] = await db.rows(
      `SELECT ${instantSql(db.dialect, `MIN(${column})`)}, ${instantSql(db.dialect, `MAX(${column})`)} FROM ${table}`,
    )
    for (const v of row ?? []) {
      if (v === null || v === undefined) continue
      const ms = parseInstant(v as string | number)
      if (Number.isFinite(ms)) [first, last] = [Math.min(first, ms), Math.max(last, ms)]
    }
  }
  if (first > last) return []
  const months: Extract<ReportPeriod, { kind: 'month' }>[] = []
  const start = jstParts(first)
  const end = jstParts(last)
  for (let i = start.year * 12 + start.month - 1; i <= end.year * 12 + end.month - 1; i++)
    months.push({ kind: 'month', year: Math.floor(i / 12), month: (i % 12) + 1 })
  return months
}

/**
 * JSON with object keys sorted and non-integers rounded to 9 decimals: the same report read from
 * a dump in another physical row order may add the same fractional seconds in another order, and
 * differ in the last bit of a float, which no one reading the report could see.
 */
export function canonical(value: unknown): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e9) / 1e9)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

const digest = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex').slice(0, 16)

/** What the manifest keeps of one monthly report. */
function reportRunOf(period: Extract<ReportPeriod, { kind: 'month' }>, loaded: LoadedReport): ReportRun {
  const { report, labels, trend } = loaded
  const parts: Record<string, string> = {}
  for (const key of REPORT_KPI_KEYS) parts[key] = digest(report[key])
  // Of the report's notes, the record counts (not the options, which a restoring machine may set otherwise).
  parts.counts = digest(report.meta.counts)
  parts.labels = digest(labels)
  parts.trend = digest(trend)
  return {
    period: `${period.year}-${String(period.month).padStart(2, '0')}`,
    calls: report.meta.counts.calls,
    telephony: report.meta.counts.telephony,
    escalations: report.meta.counts.escalations,
    offered: report.offered,
    parts,
  }
}

/** The monthly report of every month with records, read through `db` (one month after another). */
async function reportRun(db: RowReader): Promise<ReportRun[]> {
  const runs: ReportRun[] = []
  for (const period of await monthsWithRecords(db))
    runs.push(reportRunOf(period, await loadReportFrom(db, period)))
  return runs
}

/** The run on a PostgreSQL database, in `snapshot` when given (at most four connections, as a report takes). */
export async function postgresReportRun(url: string, snapshot?: string): Promise<ReportRun[]> {
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'kotae-backup' })
  try {
    return await reportRun(pgRowReader(pool, { snapshot }))
  } finally {
    await pool.end()
  }
}

/** The run on a SQLite file (the backup's copy, or the restored database). */
export async function sqliteReportRun(file: string): Promise<ReportRun[]> {
  const db = sqliteRowReader(file)
  try {
    return await reportRun(db)
  } finally {
    db.close()
  }
}

export interface ReportDifference {
  /** YYYY-MM. */
  period: string
  /** What differs: 'missing after restore', 'not in the backup', or the KPIs and counts that differ. */
  what: string[]
  expected: ReportRun | null
  actual: ReportRun | null
}

/** Every month whose report differs between the backup's run and the restored database's. */
export function compareReportRuns(
  expected: readonly ReportRun[],
  actual: readonly ReportRun[],
): ReportDifference[] {
  const before = new Map(expected.map((r) => [r.period, r]))
  const after = new Map(actual.map((r) => [r.period, r]))
  const differences: ReportDifference[] = []
  for (const period of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const e = before.get(period) ?? null
    const a = after.get(period) ?? null
    if (!e || !a) {
      differences.push({
        period,
        what: [e ? 'missing after restore' : 'not in the backup'],
        expected: e,
        actual: a,
      })
      continue
    }
    const what = [
      ...(['calls', 'telephony', 'escalations', 'offered'] as const)
        .filter((k) => e[k] !== a[k])
        .map((k) => `${k} ${e[k]} → ${a[k]}`),
      ...[...new Set([...Object.keys(e.parts), ...Object.keys(a.parts)])].filter(
        (k) => e.parts[k] !== a.parts[k],
      ),
    ]
    if (what.length) differences.push({ period, what, expected: e, actual: a })
  }
  return differences
}

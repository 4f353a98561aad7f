/**
 * `npm run bench:reports [-- --calls 1000000 --rows 1000000 --db sqlite,postgres]`
 *
 * The reports against real databases, with the dataset sizes printed beside the figures:
 *  1. seed: N seeded synthetic calls in October 2026, each with its PBX record (10 % abandoned),
 *     FAQs used and 1 escalation per 50 calls, written by the database itself (support/setSeed.ts:
 *     INSERT … SELECT, the secondary indexes made again afterwards; decision 0062), then the rows per
 *     table and the database's size on disk;
 *  2. the rollups rebuilt (`npm run reports:rebuild`, decision 0045; `--no-rebuild` skips it when an
 *     earlier run on the same file or database built them), then the monthly report and the
 *     fiscal year read from them, three times each, the second and third warm (targets at 1,000,000 calls a month: ≤ 1 s and ≤ 3 s for
 *     the year), and the monthly report counted from the records (`fromRecords`; `--no-records`
 *     skips it), with wall and CPU time and the machine's load average beside each run, and its
 *     rendering as JSON, CSV and XLSX;
 *  3. the telephony import (`npm run import:telephony` code path: validate, then upsert and link in
 *     one transaction) of an M-row CSV for November 2026, and the same file again (nothing changes).
 * Each adapter runs in its own child process (fresh SQLite file; PostgreSQL database
 * kotae_bench_reports on the machine's cluster, recreated), so peak RSS is per adapter.
 * Payload's init and migrations are not timed.
 * `--fiscal-year`: seed every month of fiscal 2026 (April 2026 – March 2027) with `--calls` calls each
 * (12 × calls in all), so the fiscal-year report reads a full year of rollups (target: 12 M calls ≤ 3 s).
 * `--keep-indexes`: the seed keeps the secondary indexes instead of dropping and making them again.
 * Options for iterating: `--phases report,import` (skip the seed), `--pg-db <name>` (default
 * kotae_bench_reports; dropped and recreated only when the seed runs), `--sqlite <file>` (keep the
 * SQLite file between runs instead of a fresh temporary one).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'

import type * as telephony from '../src/collections/TelephonyRecords/importTelephony'
import type * as reportLoad from '../src/reports/load'
import type * as reportRender from '../src/reports/render'
import type { Sql } from '../src/db/sql'
import { GENERATED_TELEPHONY_MAPPING, writeTelephonyCsv } from '../test/setup/telephonyCsv'
import { seedCallReferences } from './support/callReferences'
import { endChild, runBenchChild } from './support/child'
import {
  arg,
  flag,
  loadAverages as load,
  measure,
  peakRssMb as mb,
  telephonyImportFigures,
} from './support/cli'
import { benchDatabase } from './support/database'
import { serverCpuSeconds } from './support/serverCpu'
import { dropSeedIndexes, insertSetBased } from './support/setSeed'

const CALLS = Number(arg('calls', '1000000'))
const ROWS = Number(arg('rows', '1000000'))
const DBS = arg('db', 'sqlite,postgres').split(',')
const child = arg('child', '')
const phase = arg('phase', 'all')
const PHASES = arg('phases', 'seed,report,import').split(',')
const PG_DB = arg('pg-db', 'kotae_bench_reports')
const SQLITE_FILE = arg('sqlite', '')
const FISCAL_YEAR = flag('fiscal-year')
const self = fileURLToPath(import.meta.url)

const s = (ms: number) => (ms / 1000).toFixed(2)

async function runChild(): Promise<void> {
  const [
    { monthRange },
    { getMigratedPayload },
    { sqlOf, openSqliteSql },
    { loadReport },
    { renderReport },
    { importTelephony },
  ] = await Promise.all([
    import('@kotae/analytics'),
    import('../src/lib/payload'),
    import('../src/db/sql'),
    import('../src/reports/load'),
    import('../src/reports/render'),
    import('../src/collections/TelephonyRecords/importTelephony'),
  ])
  const payload = await getMigratedPayload()
  const sql = sqlOf(payload)
  const out: Record<string, unknown> = { db: child, calls: CALLS, rows: ROWS }
  if (phase === 'report') return reportPhase(payload, sql, out, { loadReport, renderReport })
  if (phase === 'import') return importPhase(payload, out, { importTelephony })
  const references = await seedCallReferences(payload, sql, 24)
  const months = FISCAL_YEAR
    ? Array.from({ length: 12 }, (_, i) => monthRange(2026 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1))
    : [monthRange(2026, 10)]
  const t = performance.now()
  const cpu = process.cpuUsage()
  const counts = { calls: 0, rels: 0, telephony: 0, escalations: 0 }
  // SQLite: the seed writes on a connection of its own (libsql's engine API), like the retention run.
  const ownConnection = child === 'sqlite' ? openSqliteSql(process.env.KOTAE_SQLITE_PATH!) : null
  const seedSql = ownConnection ?? sql
  // `--keep-indexes`: kept and written row by row (SQLite's index build after 12 M calls did not finish).
  const indexes = flag('keep-indexes') ? [] : await dropSeedIndexes(seedSql)
  for (const [i, range] of months.entries()) {
    const month = await insertSetBased(
      seedSql,
      { start: range.start, end: range.end, calls: CALLS, ...references },
      i,
    )
    for (const k of ['calls', 'rels', 'telephony', 'escalations'] as const) counts[k] += month[k]
    console.error(
      `bench: seeded month ${i + 1}/${months.length}, ${s(performance.now() - t)} s, load ${load()}`,
    )
  }
  const written = performance.now()
  for (const ddl of indexes) await seedSql.run(ddl)
  console.error(`bench: ${indexes.length} indexes made again, ${s(performance.now() - written)} s`)
  await seedSql.run('ANALYZE')
  ownConnection?.close()
  const c = process.cpuUsage(cpu)
  out.seed = {
    ...counts,
    seconds: s(performance.now() - t),
    indexSeconds: s(performance.now() - written),
    nodeCpuSeconds: s((c.user + c.system) / 1000),
    load: load(),
  }
  out.rowsPerTable = await rowsPerTable(sql)
  out.databaseMb = await databaseMb(sql)
  out.seedRssMb = mb()
  await endChild(out, payload)
}

/** The rows of the tables the reports read (base tables and rollups), printed beside every figure. */
async function rowsPerTable(sql: Sql): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of [
    'calls',
    'calls_rels',
    'telephony_records',
    'escalations',
    'report_telephony_slots',
    'report_call_slots',
    'report_faq_days',
  ]) {
    const [row] = await sql.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)
    out[table] = Number(row?.n ?? 0)
  }
  return out
}

/** The database's size on disk: the SQLite file (and its WAL), or pg_database_size. */
async function databaseMb(sql: Sql): Promise<number> {
  if (sql.dialect === 'postgres') {
    const [row] = await sql.query<{ n: number }>('SELECT pg_database_size(current_database()) AS n')
    return Math.round(Number(row?.n) / 1e6)
  }
  const file = process.env.KOTAE_SQLITE_PATH!
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0)
  return Math.round((size(file) + size(`${file}-wal`)) / 1e6)
}

// The modules are imported after the child's environment is set (runChild), hence passed in.
async function reportPhase(
  payload: Payload,
  sql: Sql,
  out: Record<string, unknown>,
  {
    loadReport,
    renderReport,
  }: Pick<typeof reportLoad, 'loadReport'> & Pick<typeof reportRender, 'renderReport'>,
): Promise<void> {
  let t = 0

  const period = { kind: 'month', year: 2026, month: 10 } as const
  // The rollups of the seeded month (decision 0045), as `npm run reports:rebuild` makes them.
  const { rebuildRollups } = await import('../src/reports/rollups/rebuild')
  let cpu = process.cpuUsage()
  let c = cpu
  // PostgreSQL: the server's CPU for the step beside the bench's (support/serverCpu.ts).
  const server = async (since: number | null) => {
    const now = await serverCpuSeconds(sql)
    return now === null || since === null ? '' : `, server ${(now - since).toFixed(2)} s CPU`
  }
  let before = await serverCpuSeconds(sql)
  if (!flag('no-rebuild')) {
    t = performance.now()
    await rebuildRollups(payload)
    c = process.cpuUsage(cpu)
    out.rebuild = `${s(performance.now() - t)} s wall, ${s((c.user + c.system) / 1000)} s CPU in Node${await server(before)}, load ${load()}`
  }
  out.rowsPerTable = await rowsPerTable(sql)
  out.databaseMb = await databaseMb(sql)
  const timed = async (what: string, p: typeof period | { kind: 'year'; year: number }, options = {}) => {
    const runs: string[] = []
    let loaded: Awaited<ReturnType<typeof loadReport>> | undefined
    // Three runs: the first may read from disk, the second and third are warm.
    for (let i = 0; i < 3; i++) {
      before = await serverCpuSeconds(sql)
      cpu = process.cpuUsage()
      t = performance.now()
      loaded = await loadReport(payload, p, options)
      c = process.cpuUsage(cpu)
      const wall = performance.now() - t
      // The load average (1 min) says how much of the machine the run had.
      runs.push(
        `${s(wall)} s wall, ${s((c.user + c.system) / 1000)} s CPU${await server(before)}, load ${load()}`,
      )
    }
    out[what] = {
      runs,
      counted: loaded!.counted,
      offered: loaded!.report.offered,
      calls: loaded!.report.meta.counts.calls,
      rssMb: mb(),
    }
    return loaded
  }
  const loaded = await timed('monthlyReport', period)
  await timed('fiscalYearReport', { kind: 'year', year: 2026 })
  if (!flag('no-records')) await timed('monthlyReportFromRecords', period, { fromRecords: true })
  for (const format of ['json', 'csv', 'xlsx'] as const) {
    t = performance.now()
    const r = await renderReport(loaded!, format)
    out[`render_${format}`] = `${s(performance.now() - t)} s, ${r.body.length} bytes`
  }

  await endChild(out, payload)
}

async function importPhase(
  payload: Payload,
  out: Record<string, unknown>,
  { importTelephony }: Pick<typeof telephony, 'importTelephony'>,
): Promise<void> {
  if (ROWS > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-csv-'))
    const file = await writeTelephonyCsv(path.join(dir, 'calls.csv'), ROWS)
    for (const pass of ['first', 'again']) {
      console.error(`bench: import ${pass}`)
      const { value: r, ...time } = await measure(() =>
        importTelephony(payload, {
          mapping: GENERATED_TELEPHONY_MAPPING,
          open: () => fs.createReadStream(file),
          source: 'bench.csv',
          salt: 'bench-salt-0123456789abcdef',
        }),
      )
      out[`import_${pass}`] = {
        ...time,
        ...telephonyImportFigures(r),
        rssMb: mb(),
        csvMb: Math.round(fs.statSync(file).size / 1e6),
      }
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  await endChild(out, payload)
}

async function main(): Promise<void> {
  for (const db of DBS) {
    const { env, cleanup } = await benchDatabase(db, {
      pgDb: PG_DB,
      fresh: PHASES.includes('seed'),
      sqliteFile: SQLITE_FILE,
      tmpPrefix: 'kotae-bench-',
    })
    // One process per phase, so each phase's peak RSS and heap are its own.
    const result: Record<string, unknown> = {}
    for (const p of PHASES) {
      const r = runBenchChild(
        self,
        [
          '--child',
          db,
          '--phase',
          p,
          '--calls',
          String(CALLS),
          '--rows',
          String(ROWS),
          ...(flag('no-records') ? ['--no-records'] : []),
          ...(flag('no-rebuild') ? ['--no-rebuild'] : []),
          ...(flag('keep-indexes') ? ['--keep-indexes'] : []),
          ...(FISCAL_YEAR ? ['--fiscal-year'] : []),
        ],
        env,
        `${db} ${p}`,
      )
      if (!r) break
      Object.assign(result, r)
    }
    console.log(JSON.stringify(result, null, 1))
    cleanup()
  }
}

if (child) await runChild()
else await main()

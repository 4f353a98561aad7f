/**
 * `npm run bench:reports [-- --calls 1000000 --rows 1000000 --db sqlite,postgres]`
 *
 * The reports against real databases, with the dataset sizes printed beside the figures:
 *  1. seed: N seeded synthetic calls in October 2026, each with its PBX record (10 % abandoned),
 *     FAQs used and 1 escalation per 50 calls (src/seed/syntheticCalls.ts), written by multi-row INSERTs;
 *  2. the rollups rebuilt (`npm run reports:rebuild`, decision 0045), then the monthly report and the
 *     fiscal year read from them, twice each (targets at 1,000,000 calls a month: ≤ 1 s and ≤ 3 s for
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
import { GENERATED_TELEPHONY_MAPPING, writeTelephonyCsv } from '../test/setup/telephonyCsv'
import { seedCallReferences } from './support/callReferences'
import { printResult, runBenchChild } from './support/child'
import { arg, flag, peakRssMb as mb } from './support/cli'
import { benchDatabase } from './support/database'

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
    { insertSynthetic },
    { loadReport },
    { renderReport },
    { importTelephony },
  ] = await Promise.all([
    import('@kotae/analytics'),
    import('../src/lib/payload'),
    import('../src/db/sql'),
    import('../src/seed/syntheticCalls'),
    import('../src/reports/load'),
    import('../src/reports/render'),
    import('../src/collections/TelephonyRecords/importTelephony'),
  ])
  const payload = await getMigratedPayload()
  const sql = sqlOf(payload)
  const out: Record<string, unknown> = { db: child, calls: CALLS, rows: ROWS }
  if (phase === 'report') return reportPhase(payload, out, { loadReport, renderReport })
  if (phase === 'import') return importPhase(payload, out, { importTelephony })
  const references = await seedCallReferences(payload, sql, 24)
  // A fiscal year is seeded month by month (one transaction and one generator each): one 12 M-call
  // pass holds the whole year's generator state in memory (8.5 GB by its fourth month).
  const months = FISCAL_YEAR
    ? Array.from({ length: 12 }, (_, i) => monthRange(2026 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1))
    : [monthRange(2026, 10)]
  const t = performance.now()
  const counts = { calls: 0, telephony: 0, escalations: 0 }
  // SQLite: the seed writes on a connection of its own (libsql's engine API); through the
  // adapter's client the process grew by ~8 KB per call and kept it after each commit.
  const ownConnection = child === 'sqlite' ? openSqliteSql(process.env.KOTAE_SQLITE_PATH!) : null
  const seedSql = ownConnection ?? sql
  for (const [i, range] of months.entries()) {
    const month = await insertSynthetic(seedSql, {
      start: range.start,
      end: range.end,
      calls: CALLS,
      seed: 20261001 + i,
      ...references,
    })
    for (const k of ['calls', 'telephony', 'escalations'] as const) counts[k] += month[k]
    if (FISCAL_YEAR)
      console.error(
        `bench: seeded month ${i + 1}/12, ${s(performance.now() - t)} s, RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
      )
  }
  ownConnection?.close()
  out.seed = { ...counts, seconds: s(performance.now() - t) }
  if (child === 'postgres') await sql.query('ANALYZE')
  out.seedRssMb = mb()
  printResult(out)
  await payload.destroy()
  process.exit(0)
}

// The modules are imported after the child's environment is set (runChild), hence passed in.
async function reportPhase(
  payload: Payload,
  out: Record<string, unknown>,
  {
    loadReport,
    renderReport,
  }: Pick<typeof reportLoad, 'loadReport'> & Pick<typeof reportRender, 'renderReport'>,
): Promise<void> {
  let t = 0

  console.error(`bench: seeded ${JSON.stringify(out.seed)}`)
  const period = { kind: 'month', year: 2026, month: 10 } as const
  // The rollups of the seeded month (decision 0045), as `npm run reports:rebuild` makes them.
  const { rebuildRollups } = await import('../src/reports/rollups/rebuild')
  let cpu = process.cpuUsage()
  t = performance.now()
  await rebuildRollups(payload)
  let c = process.cpuUsage(cpu)
  out.rebuild = `${s(performance.now() - t)} s wall, ${s((c.user + c.system) / 1000)} s CPU, load ${os.loadavg()[0]!.toFixed(1)}`
  const timed = async (what: string, p: typeof period | { kind: 'year'; year: number }, options = {}) => {
    const runs: string[] = []
    let loaded: Awaited<ReturnType<typeof loadReport>> | undefined
    for (let i = 0; i < 2; i++) {
      cpu = process.cpuUsage()
      t = performance.now()
      loaded = await loadReport(payload, p, options)
      c = process.cpuUsage(cpu)
      // The load average (1 min) says how much of the machine the run had.
      runs.push(
        `${s(performance.now() - t)} s wall, ${s((c.user + c.system) / 1000)} s CPU, load ${os.loadavg()[0]!.toFixed(1)}`,
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

  printResult(out)
  await payload.destroy()
  process.exit(0)
}

async function importPhase(
  payload: Payload,
  out: Record<string, unknown>,
  { importTelephony }: Pick<typeof telephony, 'importTelephony'>,
): Promise<void> {
  let t = 0
  if (ROWS > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-csv-'))
    const file = await writeTelephonyCsv(path.join(dir, 'calls.csv'), ROWS)
    for (const pass of ['first', 'again']) {
      t = performance.now()
      console.error(`bench: import ${pass}`)
      const r = await importTelephony(payload, {
        mapping: GENERATED_TELEPHONY_MAPPING,
        open: () => fs.createReadStream(file),
        source: 'bench.csv',
        salt: 'bench-salt-0123456789abcdef',
      })
      out[`import_${pass}`] = {
        seconds: s(performance.now() - t),
        ...(r.ok
          ? {
              rows: r.rows,
              inserted: r.inserted,
              updated: r.updated,
              unchanged: r.unchanged,
              steps: r.seconds,
            }
          : { errors: r.errorCount }),
        rssMb: mb(),
        csvMb: Math.round(fs.statSync(file).size / 1e6),
      }
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  printResult(out)
  await payload.destroy()
  process.exit(0)
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

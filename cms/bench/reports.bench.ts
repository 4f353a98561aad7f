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
import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type * as analytics from '@kotae/analytics'
import type { Payload } from 'payload'
import pg from 'pg'

import type * as telephony from '../src/collections/TelephonyRecords/importTelephony'
import type * as reportLoad from '../src/reports/load'
import type * as reportRender from '../src/reports/render'
import { ensurePostgresServer, TEST_PG_BASE } from '../test/setup/postgresServer'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1]! : fallback
}
const CALLS = Number(arg('calls', '1000000'))
const ROWS = Number(arg('rows', '1000000'))
const DBS = arg('db', 'sqlite,postgres').split(',')
const child = arg('child', '')
const phase = arg('phase', 'all')
const PHASES = arg('phases', 'seed,report,import').split(',')
const PG_DB = arg('pg-db', 'kotae_bench_reports')
const SQLITE_FILE = arg('sqlite', '')
const FISCAL_YEAR = args.includes('--fiscal-year')
if (!/^[a-z_][a-z0-9_]*$/.test(PG_DB))
  throw new Error(`--pg-db: "${PG_DB}" is not a plain lower-case database name`)
const self = fileURLToPath(import.meta.url)

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024)
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
  if (phase === 'import') return importPhase(payload, out, { monthRange, importTelephony })
  const cats = []
  for (let i = 0; i < 12; i++)
    cats.push({
      id: Number(
        (
          await payload.create({
            collection: 'categories',
            data: { name: `用件${i + 1}`, nameEn: `topic ${i + 1}`, slug: `topic-${i + 1}` } as never,
          })
        ).id,
      ),
      slug: `topic-${i + 1}`,
    })
  const ops: number[] = []
  for (let i = 0; i < 24; i++)
    ops.push(
      Number(
        (
          await payload.create({
            collection: 'users',
            data: {
              email: `op${i}@bench.test`,
              password: 'bench-password-123',
              roles: ['operator'],
              name: `op${i}`,
            } as never,
          })
        ).id,
      ),
    )
  // FAQs are referenced by id only (calls_rels); insert bare rows to keep the seed fast.
  const faqIds: number[] = []
  for (let i = 0; i < 115; i++) {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO faqs (question, _status) VALUES (?, 'published') RETURNING id`,
      [`ベンチFAQ ${i + 1}`],
    )
    faqIds.push(Number(row!.id))
  }
  // A fiscal year is seeded month by month (one transaction and one generator each): one 12 M-call
  // pass holds the whole year's generator state in memory (8.5 GB by its fourth month).
  const months = FISCAL_YEAR
    ? Array.from({ length: 12 }, (_, i) => monthRange(2026 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1))
    : [monthRange(2026, 10)]
  const t = performance.now()
  const counts = { calls: 0, telephony: 0, escalations: 0 }
  // SQLite: the seed writes on a connection of its own (libsql's engine API); through the
  // adapter's client the process grew by ~8 KB per call and kept it after each commit.
  const seedSql = child === 'sqlite' ? openSqliteSql(process.env.KOTAE_SQLITE_PATH!) : sql
  for (const [i, range] of months.entries()) {
    const month = await insertSynthetic(seedSql, {
      start: range.start,
      end: range.end,
      calls: CALLS,
      seed: 20261001 + i,
      categories: cats,
      faqIds,
      operatorIds: ops,
    })
    for (const k of ['calls', 'telephony', 'escalations'] as const) counts[k] += month[k]
    if (FISCAL_YEAR)
      console.error(
        `bench: seeded month ${i + 1}/12, ${s(performance.now() - t)} s, RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
      )
  }
  if ('close' in seedSql) seedSql.close()
  out.seed = { ...counts, seconds: s(performance.now() - t) }
  if (child === 'postgres') await sql.query('ANALYZE')
  out.seedRssMb = mb()
  console.log(`RESULT ${JSON.stringify(out)}`)
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
  if (!args.includes('--no-records')) await timed('monthlyReportFromRecords', period, { fromRecords: true })
  for (const format of ['json', 'csv', 'xlsx'] as const) {
    t = performance.now()
    const r = await renderReport(loaded!, format)
    out[`render_${format}`] = `${s(performance.now() - t)} s, ${r.body.length} bytes`
  }

  console.log(`RESULT ${JSON.stringify(out)}`)
  await payload.destroy()
  process.exit(0)
}

async function importPhase(
  payload: Payload,
  out: Record<string, unknown>,
  {
    monthRange,
    importTelephony,
  }: Pick<typeof analytics, 'monthRange'> & Pick<typeof telephony, 'importTelephony'>,
): Promise<void> {
  let t = 0
  if (ROWS > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-csv-'))
    const file = path.join(dir, 'calls.csv')
    const w = fs.createWriteStream(file)
    w.write('通話ID,キュー,着信日時,応答日時,放棄日時,終話日時,オペレーターID,発信者番号\n')
    const nov = monthRange(2026, 11)
    const pad = (n: number) => String(n).padStart(2, '0')
    const fmt = (ms: number) => {
      const d = new Date(ms + 9 * 3_600_000)
      return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
    }
    for (let i = 0; i < ROWS; i++) {
      const offered = nov.start + Math.floor((i / ROWS) * (nov.end - nov.start - 3_600_000))
      const answered = i % 10 === 0 ? null : offered + (i % 60) * 1000
      const line = `N${i},mynumber,${fmt(offered)},${answered === null ? '' : fmt(answered)},${answered === null ? fmt(offered + 30_000) : ''},${fmt(offered + 300_000)},agent-${i % 24},090-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}\n`
      if (!w.write(line)) await once(w, 'drain')
    }
    await new Promise((r) => w.end(r))
    const mapping = {
      encoding: 'utf-8',
      columns: {
        callId: '通話ID',
        queue: 'キュー',
        offeredAt: '着信日時',
        answeredAt: '応答日時',
        abandonedAt: '放棄日時',
        endedAt: '終話日時',
        agent: 'オペレーターID',
        caller: '発信者番号',
      },
      timestamps: { format: 'yyyy/MM/dd HH:mm:ss' },
    }
    for (const pass of ['first', 'again']) {
      t = performance.now()
      console.error(`bench: import ${pass}`)
      const r = await importTelephony(payload, {
        mapping,
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
  console.log(`RESULT ${JSON.stringify(out)}`)
  await payload.destroy()
  process.exit(0)
}

async function main(): Promise<void> {
  for (const db of DBS) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KOTAE_DISABLE_JOBS: '1',
      PAYLOAD_SECRET: 'kotae-bench-secret-0123456789',
      NODE_ENV: 'production',
    }
    if (db === 'postgres') {
      ensurePostgresServer()
      const admin = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` })
      await admin.connect()
      if (PHASES.includes('seed')) {
        await admin.query(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`)
        await admin.query(`CREATE DATABASE ${PG_DB}`)
      }
      await admin.end()
      env.DATABASE_URL = `${TEST_PG_BASE}/${PG_DB}`
    } else {
      env.DATABASE_URL = ''
      if (SQLITE_FILE && PHASES.includes('seed')) fs.rmSync(SQLITE_FILE, { force: true })
      env.KOTAE_SQLITE_PATH = SQLITE_FILE
        ? path.resolve(SQLITE_FILE)
        : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-')), 'bench.db')
    }
    // One process per phase, so each phase's peak RSS and heap are its own.
    const result: Record<string, unknown> = {}
    for (const p of PHASES) {
      const r = spawnSync(
        process.execPath,
        [
          '--conditions=production',
          '--import',
          'tsx',
          self,
          '--child',
          db,
          '--phase',
          p,
          '--calls',
          String(CALLS),
          '--rows',
          String(ROWS),
          ...(args.includes('--no-records') ? ['--no-records'] : []),
          ...(FISCAL_YEAR ? ['--fiscal-year'] : []),
        ],
        { env, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
      )
      const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '))
      if (!line) {
        console.error(`${db} ${p}: failed (exit ${r.status})\n${r.stdout.slice(-2000)}`)
        break
      }
      Object.assign(result, JSON.parse(line.slice(7)))
    }
    console.log(JSON.stringify(result, null, 1))
    if (env.KOTAE_SQLITE_PATH && !SQLITE_FILE)
      fs.rmSync(path.dirname(env.KOTAE_SQLITE_PATH), { recursive: true, force: true })
  }
}

if (child) await runChild()
else await main()

/**
 * `npm run bench:import [-- --rows 100000,1000000 --db sqlite,postgres]`
 *
 * The telephony import (`npm run import:telephony`'s code path) of a seeded PBX CSV for November
 * 2026 (the same generator as bench:reports: 10 % abandoned, caller numbers, Japanese headers), twice:
 * the first pass inserts every row, the second finds nothing to change. Each database and file size
 * runs in its own process, so the peak RSS printed is that import's (Payload's init included): compare
 * it across sizes to see that memory does not grow with the file. Load average is printed beside
 * every figure (the machine is shared). Records of earlier runs of this bench (imported_from
 * 'bench-import.csv') are deleted first (and vacuumed on PostgreSQL) and the report rollups rebuilt
 * (so the import maintains them, step `rollups`), untimed.
 *
 * Options: `--passes first` (skip the second import), `--sqlite <file>` (default: a fresh temporary file, migrated), `--pg-db <name>` (default
 * kotae_bench_import, created when missing), `--cpu-prof <dir>` (a V8 CPU profile per child).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import pg from 'pg'

import { ensurePostgresServer, TEST_PG_BASE } from '../test/setup/postgresServer'
import { GENERATED_TELEPHONY_MAPPING, writeTelephonyCsv } from '../test/setup/telephonyCsv'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1]! : fallback
}
const SIZES = arg('rows', '100000,1000000').split(',').map(Number)
const DBS = arg('db', 'sqlite,postgres').split(',')
const PG_DB = arg('pg-db', 'kotae_bench_import')
const SQLITE_FILE = arg('sqlite', '')
const PROF = arg('cpu-prof', '')
const PASSES = arg('passes', 'first,again').split(',')
const child = arg('child', '')
if (!/^[a-z_][a-z0-9_]*$/.test(PG_DB))
  throw new Error(`--pg-db: "${PG_DB}" is not a plain lower-case database name`)
const self = fileURLToPath(import.meta.url)
const SOURCE = 'bench-import.csv'

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024)
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/** The CSV of `rows` calls in November 2026 (kept in the temp dir between runs). */
const csvFile = (rows: number) =>
  writeTelephonyCsv(path.join(os.tmpdir(), 'kotae-bench-import', `calls-${rows}.csv`), rows)
const MAPPING = GENERATED_TELEPHONY_MAPPING

async function runChild(): Promise<void> {
  const rows = Number(arg('size', '0'))
  const file = await csvFile(rows)
  const [{ getMigratedPayload }, { sqlOf }, { importTelephony }] = await Promise.all([
    import('../src/lib/payload'),
    import('../src/db/sql'),
    import('../src/collections/TelephonyRecords/importTelephony'),
  ])
  const payload = await getMigratedPayload()
  const sql = sqlOf(payload)
  await sql.query(`DELETE FROM telephony_records WHERE imported_from = ?`, [SOURCE])
  // A new month's file meets no dead rows: clear the ones the delete left (PostgreSQL keeps them until vacuumed).
  if (child === 'postgres') await sql.query('VACUUM ANALYZE telephony_records')
  // The report rollups on (decision 0045), so the import keeps them as in production (untimed).
  const { rebuildRollups } = await import('../src/reports/rollups/rebuild')
  await rebuildRollups(payload)
  const out: Record<string, unknown> = {
    db: child,
    rows,
    csvMb: Math.round(fs.statSync(file).size / 1e6),
    rssAfterInitMb: mb(),
  }
  for (const pass of PASSES) {
    const before = load()
    const t = performance.now()
    const cpu = process.cpuUsage()
    const r = await importTelephony(payload, {
      mapping: MAPPING,
      open: () => fs.createReadStream(file),
      source: SOURCE,
      salt: 'bench-salt-0123456789abcdef',
    })
    const c = process.cpuUsage(cpu)
    out[pass] = {
      seconds: ((performance.now() - t) / 1000).toFixed(2),
      cpuSeconds: ((c.user + c.system) / 1e6).toFixed(2),
      ...(r.ok
        ? {
            rows: r.rows,
            inserted: r.inserted,
            updated: r.updated,
            unchanged: r.unchanged,
            links: r.links,
            steps: r.seconds,
          }
        : { errors: r.errorCount, first: r.errors.slice(0, 3) }),
      peakRssMb: mb(),
      heapMb: Math.round(process.memoryUsage().heapTotal / 2 ** 20),
      load: `${before} → ${load()}`,
    }
  }
  console.log(`RESULT ${JSON.stringify(out)}`)
  await payload.destroy()
  process.exit(0)
}

async function main(): Promise<void> {
  console.log(`bench:import on ${os.cpus().length} cores, load average ${load()}`)
  for (const db of DBS) {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      KOTAE_DISABLE_JOBS: '1',
      PAYLOAD_SECRET: 'kotae-bench-secret-0123456789',
      NODE_ENV: 'production',
    }
    let tmp: string | null = null
    if (db === 'postgres') {
      ensurePostgresServer()
      const admin = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` })
      await admin.connect()
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DB])
      if (!exists.rowCount) await admin.query(`CREATE DATABASE ${PG_DB}`)
      await admin.end()
      env.DATABASE_URL = `${TEST_PG_BASE}/${PG_DB}`
    } else {
      env.DATABASE_URL = ''
      if (!SQLITE_FILE) tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-import-db-'))
      env.KOTAE_SQLITE_PATH = SQLITE_FILE ? path.resolve(SQLITE_FILE) : path.join(tmp!, 'bench.db')
    }
    for (const size of SIZES) {
      const node = [
        '--conditions=production',
        '--import',
        'tsx',
        ...(PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(PROF)] : []),
      ]
      const r = spawnSync(
        process.execPath,
        [...node, self, '--child', db, '--size', String(size), '--passes', PASSES.join(',')],
        {
          env: env as NodeJS.ProcessEnv,
          encoding: 'utf8',
          maxBuffer: 1 << 26,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      )
      const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '))
      if (!line) {
        console.error(`${db} ${size}: failed (exit ${r.status})\n${r.stdout.slice(-2000)}`)
        continue
      }
      console.log(JSON.stringify(JSON.parse(line.slice(7))))
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  }
}

if (child) await runChild()
else await main()

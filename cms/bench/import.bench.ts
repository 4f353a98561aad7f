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
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { GENERATED_TELEPHONY_MAPPING, writeTelephonyCsv } from '../test/setup/telephonyCsv'
import { runBenchChild, endChild } from './support/child'
import { arg, loadAverages as load, measure, peakRssMb as mb, telephonyImportFigures } from './support/cli'
import { benchDatabase } from './support/database'

const SIZES = arg('rows', '100000,1000000').split(',').map(Number)
const DBS = arg('db', 'sqlite,postgres').split(',')
const PG_DB = arg('pg-db', 'kotae_bench_import')
const SQLITE_FILE = arg('sqlite', '')
const PROF = arg('cpu-prof', '')
const PASSES = arg('passes', 'first,again').split(',')
const child = arg('child', '')
const self = fileURLToPath(import.meta.url)
const SOURCE = 'bench-import.csv'

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
  const { serverCpuSeconds } = await import('./support/serverCpu')
  for (const pass of PASSES) {
    const serverBefore = await serverCpuSeconds(sql)
    const { value: r, ...time } = await measure(() =>
      importTelephony(payload, {
        mapping: MAPPING,
        open: () => fs.createReadStream(file),
        source: SOURCE,
        salt: 'bench-salt-0123456789abcdef',
      }),
    )
    // The import's connection is closed at its end: give the postmaster time to reap its backend,
    // whose CPU only then shows in the postmaster's cutime (read at once it was missing).
    if (serverBefore !== null) await new Promise((r) => setTimeout(r, 1000))
    const serverAfter = await serverCpuSeconds(sql)
    out[pass] = {
      ...time,
      // PostgreSQL: the server's CPU over the pass (decision 0062's reading), beside the process's own.
      ...(serverBefore !== null && serverAfter !== null
        ? { serverCpuSeconds: (serverAfter - serverBefore).toFixed(2) }
        : {}),
      ...telephonyImportFigures(r),
      peakRssMb: mb(),
      heapMb: Math.round(process.memoryUsage().heapTotal / 2 ** 20),
    }
  }
  await endChild(out, payload)
}

async function main(): Promise<void> {
  console.log(`bench:import on ${os.cpus().length} cores, load average ${load()}`)
  for (const db of DBS) {
    const { env, cleanup } = await benchDatabase(db, {
      pgDb: PG_DB,
      sqliteFile: SQLITE_FILE,
      tmpPrefix: 'kotae-bench-import-db-',
    })
    for (const size of SIZES) {
      const nodeArgs = PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(PROF)] : []
      const args = ['--child', db, '--size', String(size), '--passes', PASSES.join(',')]
      const result = runBenchChild(self, args, env, `${db} ${size}`, nodeArgs)
      if (result) console.log(JSON.stringify(result))
    }
    cleanup()
  }
}

if (child) await runChild()
else await main()

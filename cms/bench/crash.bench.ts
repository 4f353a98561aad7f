/**
 * `npm run bench:crash [-- --rows 1000000 --db sqlite,postgres]`: kill -9 during a full-size PBX
 * import. Per database, on a new database: a 1,000-row file imported first (the
 * database migrated, an earlier month present); then `import:telephony` of the generated
 * `--rows` file (test/setup/telephonyCsv.ts, November 2026) is started and killed with SIGKILL
 * 0.5 s into its write transaction (seen from outside: SQLite's write lock taken, or PostgreSQL's
 * backend running the upsert; test/setup/crash.ts); then the rows before and after, SQLite's
 * `PRAGMA integrity_check` (PostgreSQL: how long the killed client's backend ran on), and the re-run's time and result are printed. crash.int.spec.ts does
 * the same with 100,000 rows in CI. Load average is printed (the machine may be shared).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterCrash, count, killWhile, writing } from '../test/setup/crash'
import { runScript, startScript } from '../test/setup/runScript'
import { GENERATED_TELEPHONY_MAPPING, writeTelephonyCsv } from '../test/setup/telephonyCsv'
import { arg, loadAverages as load } from './support/cli'
import { BENCH_ENV, benchPostgresUrl } from './support/database'

const ROWS = Number(arg('rows', '1000000'))
const DBS = arg('db', 'sqlite,postgres').split(',')
const PG_DB = 'kotae_bench_crash'
const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`

async function database(kind: string, tmp: string): Promise<Record<string, string>> {
  const base = { ...BENCH_ENV, KOTAE_CALLER_SALT: 'bench-crash-salt-0123456789' }
  if (kind === 'sqlite') return { ...base, DATABASE_URL: '', KOTAE_SQLITE_PATH: path.join(tmp, 'bench.db') }
  return { ...base, DATABASE_URL: await benchPostgresUrl(PG_DB, { fresh: true }) }
}

async function main(): Promise<void> {
  console.log(
    `bench:crash on ${os.cpus().length} cores, load average ${load()}; PBX file of ${ROWS.toLocaleString('en')} rows`,
  )
  const file = await writeTelephonyCsv(
    path.join(os.tmpdir(), 'kotae-bench-import', `crash-${ROWS}.csv`),
    ROWS,
    'K',
  )
  for (const kind of DBS) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-crash-'))
    try {
      const env = await database(kind, tmp)
      const mapping = path.join(tmp, 'mapping.json')
      fs.writeFileSync(mapping, JSON.stringify(GENERATED_TELEPHONY_MAPPING))
      const earlier = await runScript(
        'import-telephony',
        ['--mapping', mapping, await writeTelephonyCsv(path.join(tmp, 'earlier.csv'), 1000, 'E')],
        env,
      )
      if (earlier.code !== 0) throw new Error(`the first import failed:\n${earlier.err}`)
      const total = () => count(env, 'SELECT count(*) AS n FROM telephony_records')
      const before = await total()

      const t0 = performance.now()
      const killed = await killWhile(
        startScript('import-telephony', ['--mapping', mapping, file], env),
        () => writing(env, "state = 'active' AND query ILIKE '%INSERT INTO telephony_records%'"),
        500,
      )
      const killedAt = secs(t0)
      const t1 = performance.now()
      const integrity = await afterCrash(env)
      const afterKill = await total()
      const recovered = secs(t1)

      const t2 = performance.now()
      const again = await runScript('import-telephony', ['--mapping', mapping, file], env)
      const rerun = secs(t2)
      const after = await total()
      const distinct = await count(env, 'SELECT count(DISTINCT pbx_call_id) AS n FROM telephony_records')
      console.log(
        `${kind}: rows before ${before}; killed (${killed.signal}) ${killedAt} after start, inside the write transaction; after the kill ${afterKill} rows ` +
          `(${afterKill === before ? 'no row of the file' : 'PARTIAL IMPORT'}), ${kind === 'sqlite' ? `PRAGMA integrity_check ${integrity} (reopened in ${recovered})` : `the killed backend ended ${recovered} later (its transaction rolled back)`}; ` +
          `re-run ${again.code === 0 ? 'ok' : `FAILED (exit ${again.code})`} in ${rerun}: ${after} rows, ${distinct} distinct call ids (expected ${before + ROWS}); load average ${load()}`,
      )
      if (again.code !== 0) console.log(again.err.slice(-2000))
      else console.log(`  ${again.out.trim()}`)
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  }
}

await main()
process.exit(0)

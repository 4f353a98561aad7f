/**
 * Killing a child with SIGKILL at the worst moment, observed from outside in the database, and
 * what the next start finds. Shared by crash.int.spec.ts and bench/crash.bench.ts.
 */
import Database from 'libsql'

import { queryDatabase } from './freshDatabase'
import type { ScriptResult, startScript } from './runScript'

type Env = Record<string, string>

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
export const count = async (env: Env, sql: string) => Number((await queryDatabase(env, sql))[0]!.n)

/** Polls `check` every 20 ms until it holds (true) or the child ended first (false). */
export async function when(
  check: () => Promise<boolean> | boolean,
  ended: () => boolean,
  timeoutMs = 60_000,
): Promise<boolean> {
  for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await sleep(20)) {
    if (ended()) return false
    if (await check()) return true
  }
  throw new Error(`nothing to kill after ${timeoutMs} ms`)
}

/** Another connection cannot take the write lock (SQLite), or a backend of the database matches `pgWhere` (PostgreSQL). */
export async function writing(env: Env, pgWhere: string): Promise<boolean> {
  if (env.DATABASE_URL)
    return (
      (await count(
        env,
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${pgWhere}`,
      )) > 0
    )
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
export async function afterCrash(env: Env): Promise<string> {
  if (env.DATABASE_URL) {
    await when(
      async () =>
        (await count(
          env,
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        )) === 0,
      () => false,
      30_000,
    )
    return 'ok'
  }
  const db = new Database(env.KOTAE_SQLITE_PATH!)
  try {
    return (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('\n')
  } finally {
    db.close()
  }
}

/** Kills a started child with SIGKILL once `ready` holds twice 100 ms apart (so a short write of its start-up does not count), then `after` ms later. */
export async function killWhile(
  child: ReturnType<typeof startScript>,
  ready: () => Promise<boolean>,
  after = 0,
): Promise<ScriptResult> {
  let ended = false
  void child.done.then(() => (ended = true))
  const caught = await when(
    async () => {
      if (!(await ready())) return false
      await sleep(100)
      return !ended && (await ready())
    },
    () => ended,
  )
  if (!caught)
    throw new Error(`the child ended before the moment to kill it:\n${child.output().slice(-2000)}`)
  await sleep(after)
  child.child.kill('SIGKILL')
  return child.done
}

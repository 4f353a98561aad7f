/**
 * SQLite: `VACUUM INTO` a new file, through the `libsql` engine the project already uses
 * (better-sqlite3 API). It reads the database in one read transaction, so the copy is consistent
 * while the CMS keeps writing, and the copy is compact (no free pages, no -wal to carry along).
 * Row counts are read from the copy itself, so they match it exactly.
 */
import fs from 'node:fs'
import path from 'node:path'

import Database from 'libsql'

import { BackupError, RestoreFailedError, RestoreRefusedError } from './errors'

const BUSY_TIMEOUT_MS = 30_000

/** The first column of the first row (this engine has no pluck()). */
const value = (db: Database.Database, sql: string): unknown =>
  (db.prepare(sql).raw(true).get() as unknown[] | undefined)?.[0]

/** Row counts of every table of a SQLite file (sqlite_* tables excluded), by table name. */
export function sqliteTableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    const names = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        )
        .raw(true)
        .all() as [string][]
    ).map(([n]) => n)
    const counts: Record<string, number> = {}
    // One read transaction, so the counts are of one moment (the copy is not written to anyway).
    db.transaction(() => {
      for (const name of names)
        counts[name] = Number(value(db, `SELECT count(*) FROM "${name.replace(/"/g, '""')}"`))
    })()
    return counts
  } finally {
    db.close()
  }
}

/** Copies the database into `target` (a new file, created 0600) and returns its tables' row counts and SQLite's version. */
export function sqliteBackup(
  source: string,
  target: string,
): { counts: Record<string, number>; serverVersion: string } {
  if (!fs.existsSync(source) || fs.statSync(source).size === 0) {
    throw new BackupError(
      `The SQLite database ${source} (KOTAE_SQLITE_PATH) does not exist or is empty: nothing to back up.`,
    )
  }
  // VACUUM INTO writes into an existing empty file: create it owner-only first.
  fs.closeSync(fs.openSync(target, 'wx', 0o600))
  let serverVersion: string
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    serverVersion = String(value(db, 'SELECT sqlite_version()'))
    db.prepare('VACUUM INTO ?').run(target)
  } catch (e) {
    throw new BackupError(`VACUUM INTO ${target} from ${source} failed: ${(e as Error).message}`)
  } finally {
    db.close()
  }
  fs.chmodSync(target, 0o600)
  return { counts: sqliteTableCounts(target), serverVersion }
}

/** Whether the target is empty (absent, zero bytes, or no tables), or why not. */
export function sqliteTargetProblem(target: string): string | null {
  for (const suffix of ['-wal', '-journal']) {
    const side = `${target}${suffix}`
    if (fs.existsSync(side) && fs.statSync(side).size > 0) {
      return `${side} exists: the SQLite database ${target} (KOTAE_SQLITE_PATH) is in use or was not closed cleanly`
    }
  }
  if (!fs.existsSync(target) || fs.statSync(target).size === 0) return null
  let tables: number
  try {
    tables = Object.keys(sqliteTableCounts(target)).length
  } catch (e) {
    return `${target} (KOTAE_SQLITE_PATH) exists and is not a readable SQLite database (${(e as Error).message})`
  }
  return tables === 0
    ? null
    : `the SQLite database ${target} (KOTAE_SQLITE_PATH) already has ${tables} tables`
}

/**
 * Puts the backup's file in place: copied to a temporary name in the target's folder (0600),
 * flushed, then renamed over the target, so the target is either absent/empty or complete.
 */
export function sqliteRestore(backupFile: string, target: string): void {
  const problem = sqliteTargetProblem(target)
  if (problem)
    throw new RestoreRefusedError(`Restore refused: ${problem}. Restore into an empty database only.`)
  const dir = path.dirname(target)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const temp = path.join(dir, `.${path.basename(target)}.restore-${process.pid}.tmp`)
  try {
    const out = fs.openSync(temp, 'wx', 0o600)
    try {
      fs.fchmodSync(out, 0o600)
      const input = fs.openSync(backupFile, 'r')
      try {
        const buf = Buffer.allocUnsafe(1 << 20)
        for (let n = fs.readSync(input, buf); n > 0; n = fs.readSync(input, buf)) fs.writeSync(out, buf, 0, n)
      } finally {
        fs.closeSync(input)
      }
      fs.fsyncSync(out)
    } finally {
      fs.closeSync(out)
    }
    fs.renameSync(temp, target)
  } catch (e) {
    fs.rmSync(temp, { force: true })
    throw new RestoreFailedError(`Writing ${target} failed: ${(e as Error).message}`)
  }
  // The rename is durable once the folder is flushed.
  const dirFd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(dirFd)
  } finally {
    fs.closeSync(dirFd)
  }
}

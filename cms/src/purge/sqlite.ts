/**
 * SQLite through `libsql` (the engine the backup and the report threads use). Foreign keys are
 * switched on for this connection, so deleting users sets the content's approved-by to NULL and
 * removes their roles, as the schema says. VACUUM rewrites the file without the deleted pages; the
 * WAL is checkpointed and truncated to zero bytes before and after.
 */
import fs from 'node:fs'

import Database from 'libsql'

import { PurgeFailedError, PurgeRefusedError } from './errors'
import { ident, type DatabaseIdentity, type PurgeDatabase } from './database'

const BUSY_TIMEOUT_MS = 30_000

/** Size of the database file and of its -wal, in bytes (0 when absent). */
export function sqliteBytes(file: string): { db: number; wal: number } {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0)
  return { db: size(file), wal: size(`${file}-wal`) }
}

export function openSqlite(file: string): PurgeDatabase {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) {
    throw new PurgeRefusedError(
      `The SQLite database ${file} (KOTAE_SQLITE_PATH) does not exist or is empty: nothing to purge.`,
    )
  }
  const db = new Database(file, { fileMustExist: true })
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.pragma('foreign_keys = ON')
  const all = (sql: string, params: unknown[] = []) =>
    db.prepare(sql).all(...params) as Record<string, unknown>[]
  const checkpoint = () => {
    const [row] = all('PRAGMA wal_checkpoint(TRUNCATE)')
    if (row && Number(row.busy) !== 0) {
      throw new PurgeFailedError(
        `The WAL of ${file} could not be truncated: another process has the database open. Stop Kotae (npm start) and run the purge again; it completes what is left.`,
      )
    }
  }
  const self: PurgeDatabase = {
    kind: 'sqlite',
    label: `${file} (KOTAE_SQLITE_PATH)`,
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
      const stmt = db.prepare(sql)
      if (stmt.reader) return stmt.all(...params) as T[]
      stmt.run(...params)
      return []
    },
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      db.exec('BEGIN IMMEDIATE')
      try {
        const result = await fn()
        db.exec('COMMIT')
        return result
      } catch (e) {
        db.exec('ROLLBACK')
        throw e
      }
    },
    async tables() {
      return all(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      ).map((r) => String(r.name))
    },
    async counts() {
      const counts: Record<string, number> = {}
      for (const t of await self.tables())
        counts[t] = Number(all(`SELECT count(*) AS n FROM ${ident(t)}`)[0]!.n)
      return counts
    },
    async identity(): Promise<DatabaseIdentity> {
      return {
        kind: 'sqlite',
        path: file,
        sqliteVersion: String(all('SELECT sqlite_version() AS v')[0]!.v),
        bytes: sqliteBytes(file).db,
      }
    },
    async otherSessions() {
      return 0
    },
    async vacuum() {
      checkpoint()
      db.exec('VACUUM')
      checkpoint()
      return 'PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE)'
    },
    async close() {
      db.close()
    },
  }
  return self
}

/**
 * Read-only rows as plain arrays, for the report's reads (rollup rows, escalations, labels).
 *
 * Why not `sql.ts`: the drivers' row objects cost more than the rows are worth here. SQLite is read
 * through the `libsql` engine underneath @libsql/client (its better-sqlite3 API: raw array rows,
 * plain numbers, statements prepared once) on a read-only connection of its own, and PostgreSQL
 * through the adapter's pool with `rowMode: 'array'`, each read in a read-only transaction.
 * Timestamps come as epoch milliseconds on PostgreSQL (no to_char per value) and as the stored ISO
 * text on SQLite; the KPI functions take both.
 */
import Database from 'libsql'
import type { Payload } from 'payload'
import type pg from 'pg'

import { driverOf, sqliteFileOf } from './driver'
import { toDollar } from './sql'
import type { Reader } from './exec'

/** The rollups' reader shape (exec.ts), on a connection of its own to close. */
export type RowReader = Reader & { close(): void }

/** JIT compilation of the report's small queries cost more than it saved. */
const PG_REPORT_SETTINGS = "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off"

/** The report's reader for the configured database: the adapter's own PostgreSQL pool, or its SQLite file read-only. */
export function rowReaderOf(payload: Payload): RowReader {
  const driver = driverOf(payload)
  if (driver.kind === 'postgres') return pgRowReader(driver.pool)
  return sqliteRowReader(sqliteFileOf(payload))
}

/** A snapshot id as pg_export_snapshot() writes it (it goes into SQL text: checked first). */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$/

/**
 * Reads through `pool`, each read in its own read-only transaction. With `snapshot` (an id from
 * `pg_export_snapshot()` whose transaction is still open) every read sees exactly that snapshot:
 * the backup computes its report run in the snapshot of its dump.
 */
export function pgRowReader(pool: pg.Pool, options: { snapshot?: string } = {}): RowReader {
  if (options.snapshot !== undefined && !SNAPSHOT_ID.test(options.snapshot))
    throw new Error(`not a PostgreSQL snapshot id: ${options.snapshot}`)
  const begin = options.snapshot
    ? `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '${options.snapshot}'`
    : 'BEGIN READ ONLY'
  return {
    dialect: 'postgres',
    async rows(text, params = []) {
      const client = await pool.connect()
      try {
        await client.query(`${begin}; ${PG_REPORT_SETTINGS}`)
        const { rows } = await client.query({ text: toDollar(text), values: [...params], rowMode: 'array' })
        await client.query('COMMIT')
        client.release()
        return rows
      } catch (e) {
        client.release(true) // a connection in an unknown state is not reused
        throw e
      }
    },
    close() {},
  }
}

/** A read-only connection to a SQLite file (the backup reads its copy this way too). */
export function sqliteRowReader(file: string): RowReader {
  const db = new Database(file, { readonly: true })
  db.pragma('query_only = 1')
  const statements = new Map<string, Database.Statement>()
  return {
    dialect: 'sqlite',
    async rows(text, params = []) {
      const statement = statements.get(text) ?? db.prepare(text)
      statements.set(text, statement)
      return statement.raw(true).all(...params.map((p) => (p === undefined ? null : p))) as unknown[][]
    },
    close: () => db.close(),
  }
}

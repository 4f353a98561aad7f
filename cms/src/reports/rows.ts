/**
 * Read-only rows as plain arrays, for the report's bulk reads (a million calls a month).
 *
 * Why not `sql.ts`: the drivers' row objects were most of the report's time. @libsql/client builds
 * each row with Object.defineProperty twice per column, after reading every integer as a BigInt, and
 * prepares the statement again for every query; node-postgres builds an object per row. Here SQLite
 * is read through the `libsql` engine underneath @libsql/client (its better-sqlite3 API: raw array
 * rows, plain numbers, statements prepared once) on a second, read-only use of the same file, and
 * PostgreSQL through the adapter's pool with `rowMode: 'array'`. Timestamps come as epoch
 * milliseconds on PostgreSQL (no to_char per value) and as the stored ISO text on SQLite; the KPI
 * functions take both.
 */
import Database from 'libsql'
import type { Payload } from 'payload'

import { instantSql, sqliteFileOf, toDollar } from './sql'

export interface RowReader {
  readonly dialect: 'postgres' | 'sqlite'
  /** `text` with `?` placeholders; each row is the selected columns in order. */
  rows(text: string, params?: readonly unknown[]): Promise<unknown[][]>
  /** A timestamp column as something parseInstant reads (epoch ms or canonical ISO text). */
  instant(column: string): string
  close(): void
}

interface PgClient {
  query(config: { text: string; values: unknown[]; rowMode: 'array' } | string): Promise<{ rows: unknown[][] }>
}
interface PgPool extends PgClient {
  connect(): Promise<PgClient & { release(err?: Error | boolean): void }>
}

/**
 * Settings for one report query, local to its read-only transaction. The planner guesses a
 * GROUP BY over a computed half-hour as a million groups and sorts them on disk; there are 1,488 a
 * month, which a hash aggregate holds in a few MB. JIT compilation cost more than it saved.
 */
const PG_REPORT_SETTINGS = "SET LOCAL enable_sort = off; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off"


export function rowReaderOf(payload: Payload): RowReader {
  const db = payload.db as unknown as {
    name: string
    pool?: PgPool
  }
  if (db.name === 'postgres') {
    const pool = db.pool
    if (!pool) throw new Error('the PostgreSQL adapter has no pool')
    return {
      dialect: 'postgres',
      async rows(text, params = []) {
        const client = await pool.connect()
        try {
          await client.query(`BEGIN READ ONLY; ${PG_REPORT_SETTINGS}`)
          const { rows } = await client.query({ text: toDollar(text), values: [...params], rowMode: 'array' })
          await client.query('COMMIT')
          client.release()
          return rows
        } catch (e) {
          client.release(true) // a connection in an unknown state is not reused
          throw e
        }
      },
      instant: (c) => instantSql('postgres', c),
      close() {},
    }
  }
  const conn = new Database(sqliteFileOf(payload))
  // Read-only, and a page cache to match a month: the caller-hash lookup jumps around the
  // telephony index, and with SQLite's default 2 MB cache a million calls took 15 s of page reads
  // instead of 4 s (the cache is filled only as pages are read; the memory map is the OS's page cache).
  conn.pragma('query_only = 1')
  conn.pragma('cache_size = -262144')
  conn.pragma('mmap_size = 1073741824')
  const statements = new Map<string, Database.Statement>()
  return {
    dialect: 'sqlite',
    async rows(text, params = []) {
      let stmt = statements.get(text)
      if (!stmt) statements.set(text, (stmt = conn.prepare(text).raw(true)))
      return stmt.all(...params.map((p) => (p === undefined ? null : p))) as unknown[][]
    },
    instant: (c) => instantSql('sqlite', c),
    close: () => conn.close(),
  }
}

/**
 * Read-only rows as plain arrays, for the report's bulk reads (a million calls a month).
 *
 * Why not `sql.ts`: the drivers' row objects were most of the report's time. @libsql/client builds
 * each row with Object.defineProperty twice per column, after reading every integer as a BigInt, and
 * prepares the statement again for every query; node-postgres builds an object per row. Here SQLite
 * is read through the `libsql` engine underneath @libsql/client (its better-sqlite3 API: raw array
 * rows, plain numbers, statements prepared once) on two read-only reader threads of the same file
 * (sqliteThreads.ts), and PostgreSQL through the adapter's pool with `rowMode: 'array'`, or streamed
 * with COPY (copyOut.ts) where the report needs each call. Timestamps come as epoch
 * milliseconds on PostgreSQL (no to_char per value) and as the stored ISO text on SQLite; the KPI
 * functions take both.
 */
import type { Payload } from 'payload'

import { copyOut } from './copyOut'
import { instantSql, sqliteFileOf, toDollar } from './sql'
import { sqliteThreadsFor } from './sqliteThreads'

export interface RowReader {
  readonly dialect: 'postgres' | 'sqlite'
  /** `text` with `?` placeholders; each row is the selected columns in order. */
  rows(text: string, params?: readonly unknown[]): Promise<unknown[][]>
  /** A timestamp column as something parseInstant reads (epoch ms or canonical ISO text). */
  instant(column: string): string
  /**
   * PostgreSQL only: the rows of `select` (no parameters: values as `literal()`s) streamed by
   * `COPY … TO STDOUT` in its text format while the server is still producing the rest, so counting
   * overlaps the query: chunks of whole protocol messages, one row each, to read with CopyRows.
   */
  copy?(select: string): AsyncGenerator<Buffer>
  close(): void
}

/**
 * A value written into SQL text, for COPY, which takes no parameters: finite numbers as they are,
 * strings quoted (the transaction sets standard_conforming_strings, so a backslash is just a character).
 */
export function literal(v: number | string): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`)
    return String(v)
  }
  return `'${v.replace(/'/g, "''")}'`
}

interface PgClient {
  query(
    config: { text: string; values: unknown[]; rowMode: 'array' } | string,
  ): Promise<{ rows: unknown[][] }>
  query<T extends NodeJS.ReadableStream>(stream: T): T
}
export interface PgPool extends PgClient {
  connect(): Promise<PgClient & { release(err?: Error | boolean): void }>
}

/**
 * Settings for one report query, local to its read-only transaction. The planner guesses a
 * GROUP BY over a computed half-hour as a million groups and sorts them on disk; there are 1,488 a
 * month, which a hash aggregate holds in a few MB. JIT compilation cost more than it saved.
 */
const PG_REPORT_SETTINGS = "SET LOCAL enable_sort = off; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off"

/**
 * The report's reader for the configured database: the adapter's own PostgreSQL pool, or reader
 * threads on its SQLite file.
 */
export function rowReaderOf(payload: Payload): RowReader {
  const db = payload.db as unknown as {
    name: string
    pool?: PgPool
  }
  if (db.name === 'postgres') {
    if (!db.pool) throw new Error('the PostgreSQL adapter has no pool')
    return pgRowReader(db.pool)
  }
  return sqliteRowReader(sqliteFileOf(payload))
}

/** A snapshot id as pg_export_snapshot() writes it (it goes into SQL text: checked first). */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$/

/**
 * Reads through `pool`, each read in its own read-only transaction. With `snapshot` (an id from
 * `pg_export_snapshot()` whose transaction is still open) every read sees exactly that snapshot:
 * the backup computes its report run in the snapshot of its dump.
 */
export function pgRowReader(pool: PgPool, options: { snapshot?: string } = {}): RowReader {
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
    instant: (c) => instantSql('postgres', c),
    async *copy(select) {
      const client = await pool.connect()
      let done = false
      try {
        await client.query(`${begin}; ${PG_REPORT_SETTINGS}; SET LOCAL standard_conforming_strings = on`)
        yield* client.query(copyOut(`COPY (${select}) TO STDOUT`)) as AsyncIterable<Buffer>
        await client.query('COMMIT')
        done = true
      } finally {
        // Left early or failed: the connection is mid-COPY or in an unknown state, so it is not reused.
        client.release(done ? undefined : true)
      }
    },
    close() {},
  }
}

/** Two reader threads on a SQLite file (sqliteThreads.ts): the reads run side by side while this thread counts. */
export function sqliteRowReader(file: string): RowReader {
  const threads = sqliteThreadsFor(file)
  return {
    dialect: 'sqlite',
    rows: (text, params = []) => threads.rows(text, params),
    instant: (c) => instantSql('sqlite', c),
    close: () => threads.release(),
  }
}

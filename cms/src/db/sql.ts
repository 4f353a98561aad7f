/**
 * Plain SQL on the configured adapter's own client (libsql for SQLite, pg's pool for PostgreSQL).
 * The reports, the telephony and transcript imports, the calls export and retention read and write
 * hundreds of thousands of rows; Payload's local API costs milliseconds per document, so these paths
 * go to SQL, with `?` placeholders and the few dialect differences (ISO timestamps, upsert) kept here.
 */
import Database from 'libsql'
import type { Payload } from 'payload'

import { driverOf, type LibsqlClient, type LibsqlExecutor } from './driver'

export type Row = Record<string, unknown>

export interface Sql {
  readonly dialect: 'postgres' | 'sqlite'
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>
  /** Runs an INSERT, UPDATE or DELETE; resolves to the number of rows it changed. */
  run(text: string, params?: readonly unknown[]): Promise<number>
  /** Runs `fn` in one transaction on one connection: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>
}

interface PgClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>
}
interface PgPool extends PgClient {
  connect(): Promise<PgClient & { release(): void }>
}
/**
 * A timestamp column as the KPI functions read it: epoch milliseconds on PostgreSQL (no to_char per
 * value), the stored ISO 8601 text on SQLite (Payload stores SQLite dates that way).
 */
export const instantSql = (dialect: 'postgres' | 'sqlite', column: string): string =>
  dialect === 'postgres' ? `floor(extract(epoch from ${column}) * 1000)::float8` : column

/** `?` placeholders as PostgreSQL's `$1, $2, …` (one SQL text for both adapters). */
export const toDollar = (text: string) => {
  let n = 0
  return text.replace(/\?/g, () => `$${++n}`)
}

function pgSql(client: PgClient, pool: PgPool | null): Sql {
  return {
    dialect: 'postgres',
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await client.query(toDollar(text), [...params])).rows as T[]
    },
    async run(text: string, params: readonly unknown[] = []) {
      return (await client.query(toDollar(text), [...params])).rowCount ?? 0
    },
    async transaction(fn) {
      if (!pool) return fn(this)
      const conn = await pool.connect()
      try {
        await conn.query('BEGIN')
        const result = await fn(pgSql(conn, null))
        await conn.query('COMMIT')
        return result
      } catch (e) {
        await conn.query('ROLLBACK')
        throw e
      } finally {
        conn.release()
      }
    },
  }
}

function sqliteSql(client: LibsqlExecutor, root: LibsqlClient | null): Sql {
  return {
    dialect: 'sqlite',
    async query<T>(text: string, params: readonly unknown[] = []) {
      const r = await client.execute({ sql: text, args: params.map((p) => (p === undefined ? null : p)) })
      // libsql rows are array-like objects with column-name keys; copy them into plain objects.
      return r.rows.map((row) => {
        const o: Row = {}
        for (const [i, c] of r.columns.entries()) o[c] = (row as unknown[])[i]
        return o
      }) as T[]
    },
    async run(text: string, params: readonly unknown[] = []) {
      return (await client.execute({ sql: text, args: params.map((p) => (p === undefined ? null : p)) }))
        .rowsAffected
    },
    async transaction(fn) {
      if (!root) return fn(this)
      const tx = await root.transaction('write')
      try {
        const result = await fn(sqliteSql(tx, null))
        await tx.commit()
        return result
      } catch (e) {
        await tx.rollback()
        throw e
      } finally {
        tx.close()
      }
    },
  }
}

/**
 * A runner on a connection of its own to a SQLite file, for one write transaction that must not
 * be interleaved (the retention run). `transaction` takes the write lock first (BEGIN IMMEDIATE),
 * retrying every 100 ms while another connection holds it — asynchronously, so the process goes on
 * meanwhile — and throws SQLITE_BUSY after `waitMs`. Its statements run synchronously (libsql's
 * engine API), so while the transaction holds the lock, code that awaits only this runner never
 * lets another write of the same process start and wait on it. Close it when done.
 */
export function openSqliteSql(file: string, waitMs = 10_000): Sql & { close(): void } {
  const conn = new Database(file)
  const args = (params: readonly unknown[]) => params.map((p) => (p === undefined ? null : p))
  // One prepared statement per text: a statement's native memory is freed only when its small JS
  // handle is collected, which a write-heavy loop outruns (a year's seed grew by ~5 KB per call).
  const statements = new Map<string, Database.Statement>()
  const prepare = (text: string) => {
    const known = statements.get(text)
    if (known) return known
    const statement = conn.prepare(text)
    statements.set(text, statement)
    return statement
  }
  const runner: Sql & { close(): void } = {
    dialect: 'sqlite',
    async query<T>(text: string, params: readonly unknown[] = []) {
      return prepare(text).all(...args(params)) as T[]
    },
    async run(text: string, params: readonly unknown[] = []) {
      return prepare(text).run(...args(params)).changes
    },
    async transaction(fn) {
      for (const until = Date.now() + waitMs; ; ) {
        try {
          conn.exec('BEGIN IMMEDIATE')
          break
        } catch (e) {
          if ((e as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= until) throw e
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
      try {
        const result = await fn(runner)
        conn.exec('COMMIT')
        return result
      } catch (e) {
        conn.exec('ROLLBACK')
        throw e
      }
    },
    close: () => conn.close(),
  }
  return runner
}

/** The SQL runner of a Payload instance's database. */
export function sqlOf(payload: Payload): Sql {
  const driver = driverOf(payload)
  return driver.kind === 'postgres'
    ? pgSql(driver.pool, driver.pool)
    : sqliteSql(driver.client, driver.client)
}

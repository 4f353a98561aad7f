/**
 * The few statements the rollups run, on whichever connection holds the write: the telephony
 * import's own transaction (ImportDb has this shape), or a Payload request's transaction in the
 * call-log hooks and the rebuild. `?` placeholders; rows as arrays in the selected order.
 */
import { sql as pgSql } from '@payloadcms/db-postgres'
import { type SQLiteAdapter, sql as sqliteSql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import type { Sql } from './sql'

/** Reading: `?` placeholders, each row the selected columns in order (the report's reader is one too, rows.ts). */
export interface Reader {
  readonly dialect: 'sqlite' | 'postgres'
  rows(text: string, params?: readonly unknown[]): Promise<unknown[][]>
}

export interface Exec extends Reader {
  /** A statement; the number of rows it changed. */
  run(text: string, params?: readonly unknown[]): Promise<number>
}

/** A timestamp column as whole epoch milliseconds (the rollups' queries, the hooks and the rebuild). */
export const msSql = (db: Pick<Exec, 'dialect'>, column: string) =>
  db.dialect === 'postgres'
    ? `round(extract(epoch from ${column}) * 1000)::int8`
    : `CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`

/**
 * What execOf uses of the drizzle adapters: members their exported types declare (`SQLiteAdapter`
 * and `PostgresAdapter` both carry `drizzle`, `sessions` — the open transactions by id, where
 * Payload's own operations find a request's transaction — and `execute`). Written out once here
 * because each adapter augments Payload's `DatabaseAdapter` with its own `drizzle` type, so
 * neither adapter type is comparable with `payload.db` in this package.
 */
interface DrizzleAdapterLike {
  name: string
  drizzle: unknown
  sessions: Record<string, Pick<SQLiteAdapter['sessions'][string], 'db'> | undefined>
  execute(args: { db?: unknown; sql: unknown }): Promise<unknown>
}
type SqlTag = typeof sqliteSql

/**
 * Statements on the transaction of `req` (the hooks run inside it: a rollup written there commits
 * or rolls back with the call), or outside any transaction when `req` has none.
 */
export async function execOf(payload: Payload, req?: Pick<PayloadRequest, 'transactionID'>): Promise<Exec> {
  const adapter = payload.db as unknown as DrizzleAdapterLike
  const dialect = adapter.name === 'postgres' ? 'postgres' : 'sqlite'
  const id = req?.transactionID ? await req.transactionID : undefined
  const db = (id !== undefined && adapter.sessions[String(id)]?.db) || adapter.drizzle
  const tag = (dialect === 'postgres' ? pgSql : sqliteSql) as SqlTag
  const statement = (text: string, params: readonly unknown[]) => {
    const parts = text.split('?')
    if (parts.length !== params.length + 1)
      throw new Error(`${parts.length - 1} placeholders for ${params.length} parameters`)
    return tag.join(
      parts.flatMap((p, i) => (i < params.length ? [tag.raw(p), tag`${params[i] ?? null}`] : [tag.raw(p)])),
    )
  }
  const run = async (text: string, params: readonly unknown[] = []) =>
    (await adapter.execute({ db, sql: statement(text, params) })) as {
      rows: unknown[]
      rowCount?: number | null
      rowsAffected?: number
    }
  return {
    dialect,
    async rows(text, params = []) {
      // node-postgres: objects keyed by column (aliases are unique); libsql: array-like rows.
      return (await run(text, params)).rows.map((r) =>
        dialect === 'postgres' ? Object.values(r as object) : Array.from(r as ArrayLike<unknown>),
      )
    },
    async run(text, params = []) {
      const r = await run(text, params)
      return Number(r.rowCount ?? r.rowsAffected ?? 0)
    },
  }
}

/** The same statements through a `Sql` runner (sql.ts), e.g. inside its `transaction`. */
export function execOfSql(sql: Sql): Exec {
  return {
    dialect: sql.dialect,
    // Both drivers' row objects keep the selected order; the rollup queries alias every column uniquely.
    rows: async (text, params) => (await sql.query(text, params)).map((r) => Object.values(r as object)),
    run: (text, params) => sql.run(text, params),
  }
}

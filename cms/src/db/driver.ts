/**
 * The driver client under Payload's database adapter, reached only through documented surfaces:
 * Payload's `payload.db.drizzle` (its "Direct database access") and drizzle-orm's `$client` (the
 * client a drizzle instance was made with: pg's Pool, @libsql/client's Client). The SQL paths that
 * bypass the local API (src/db/sql.ts, the report's reader, the telephony import) all start here,
 * so an adapter upgrade that moves its fields is found in this one file.
 */
import type pg from 'pg'
import type { Payload } from 'payload'

import { readEnv } from '../env'
import { sqliteFile } from './adapter'

/** What Kotae uses of @libsql/client's Client (a dependency of the adapter, not of ours). */
export interface LibsqlExecutor {
  execute(stmt: {
    sql: string
    args: unknown[]
  }): Promise<{ rows: unknown[]; columns: string[]; rowsAffected: number }>
}
export interface LibsqlClient extends LibsqlExecutor {
  transaction(
    mode: 'write',
  ): Promise<LibsqlExecutor & { commit(): Promise<void>; rollback(): Promise<void>; close(): void }>
}

export type Driver = { kind: 'postgres'; pool: pg.Pool } | { kind: 'sqlite'; client: LibsqlClient }

/** The pg Pool or libsql Client of a Payload instance's database. */
export function driverOf(payload: Payload): Driver {
  // Both adapters declare `drizzle` on Payload's DatabaseAdapter, each with its own type (which one
  // a package sees depends on its imports), and Payload's types leave `$client` out: it is checked
  // here, and the client is typed by the adapter's name.
  const drizzle: object | undefined = payload.db.drizzle
  const client = drizzle && '$client' in drizzle ? drizzle.$client : undefined
  if (!client) throw new Error(`the ${payload.db.name} adapter has no drizzle client (not connected yet?)`)
  if (payload.db.name === 'postgres') return { kind: 'postgres', pool: client as pg.Pool }
  if (payload.db.name === 'sqlite') return { kind: 'sqlite', client: client as LibsqlClient }
  throw new Error(`no SQL driver for the ${payload.db.name} adapter`)
}

/**
 * The file of Payload's SQLite database, for code that opens its own connection to it (the
 * report's read-only reader, the telephony import, the retention run): the path the configuration
 * gave the adapter (src/db/adapter.ts), from the same settings.
 */
export function sqliteFileOf(payload: Payload): string {
  if (payload.db.name !== 'sqlite') throw new Error(`the ${payload.db.name} adapter has no SQLite file`)
  return sqliteFile(readEnv())
}

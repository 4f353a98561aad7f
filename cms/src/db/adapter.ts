import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import type { Env } from '../env'

const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

/** Which store a configuration uses: the embedded SQLite file, or PostgreSQL in production. */
export const dbKind = (env: Pick<Env, 'DATABASE_URL'>): 'postgres' | 'sqlite' =>
  env.DATABASE_URL ? 'postgres' : 'sqlite'

/**
 * The SQLite file holds callback names and phone numbers: it is readable by its owner only (0600),
 * created so before SQLite opens it and tightened if found looser. SQLite gives its -wal and -shm
 * files the database file's mode. A new folder for it is 0700; an existing one is left as it is (it
 * may be a shared folder such as /tmp).
 */
export function ownerOnlyDatabaseFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  fs.closeSync(fs.openSync(file, 'a', 0o600))
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600)
}

/** The SQLite file a configuration uses: the adapter's url and the code that opens the file itself (src/db/driver.ts) both read it here. */
export const sqliteFile = (env: Pick<Env, 'KOTAE_SQLITE_PATH'>): string => env.KOTAE_SQLITE_PATH

/**
 * SQLite by default, PostgreSQL when DATABASE_URL is set (docs/decisions/0001-storage.md).
 * Schema changes always go through committed migrations, one folder per adapter, never push.
 */
export function databaseAdapter(env: Env): DatabaseAdapterObj {
  if (env.DATABASE_URL) {
    return postgresAdapter({
      pool: { connectionString: env.DATABASE_URL },
      push: false,
      migrationDir: path.join(migrationsRoot, 'postgres'),
    })
  }
  const file = sqliteFile(env)
  ownerOnlyDatabaseFile(file)
  return sqliteAdapter({
    client: { url: `file:${file}` },
    push: false,
    migrationDir: path.join(migrationsRoot, 'sqlite'),
    busyTimeout: 10_000,
    // Payload's own default (off) unless a process asks for it (KOTAE_SQLITE_TRANSACTIONS: the CSV import).
    transactionOptions: env.KOTAE_SQLITE_TRANSACTIONS === 'on' ? {} : false,
  })
}

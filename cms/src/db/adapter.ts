import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import type { Env } from '../env'

const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')

/** Which store a configuration uses: the embedded SQLite file, or PostgreSQL in production. */
export const dbKind = (env: Pick<Env, 'DATABASE_URL'>): 'postgres' | 'sqlite' => (env.DATABASE_URL ? 'postgres' : 'sqlite')

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
  fs.mkdirSync(path.dirname(env.KOTAE_SQLITE_PATH), { recursive: true })
  return sqliteAdapter({
    client: { url: `file:${env.KOTAE_SQLITE_PATH}` },
    push: false,
    migrationDir: path.join(migrationsRoot, 'sqlite'),
    busyTimeout: 10_000,
  })
}

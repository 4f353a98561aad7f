import type { Migration, Payload } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'

/** Applies the committed migrations of the configured adapter (a no-op when up to date). */
export async function migrateDatabase(payload: Payload): Promise<void> {
  const migrations = payload.db.name === 'postgres' ? postgresMigrations : sqliteMigrations
  // Payload types a migration's argument as unknown; each adapter's migrations take its own.
  await payload.db.migrate({ migrations: migrations as Migration[] })
}

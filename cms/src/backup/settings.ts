import path from 'node:path'

import { REPO_ROOT, readEnv } from '../env'

export interface DatabaseSettings {
  kind: 'sqlite' | 'postgres'
  /** PostgreSQL: DATABASE_URL. */
  url?: string
  /** SQLite: KOTAE_SQLITE_PATH. */
  sqlitePath: string
}

/** Where data/.payload-secret and data/.caller-salt live. */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, 'data')

/**
 * The configured database, validated by readEnv. PAYLOAD_SECRET is not needed to back up or restore,
 * and readEnv would generate data/.payload-secret when it is unset: a placeholder is passed, so the
 * restore sees the target's secrets as they are.
 */
export function databaseSettings(env: NodeJS.ProcessEnv): DatabaseSettings {
  const parsed = readEnv({ ...env, PAYLOAD_SECRET: env.PAYLOAD_SECRET || 'placeholder-not-used-by-backup' })
  return parsed.DATABASE_URL
    ? { kind: 'postgres', url: parsed.DATABASE_URL, sqlitePath: parsed.KOTAE_SQLITE_PATH }
    : { kind: 'sqlite', sqlitePath: parsed.KOTAE_SQLITE_PATH }
}

/**
 * The database a bench runs against: the environment of a bench's Payload (jobs off, a fixed
 * secret, production mode) on a fresh SQLite file or on a database of the machine's PostgreSQL test
 * cluster (the one the cms tests start).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { ensurePostgresServer, TEST_PG_BASE } from '../../test/setup/postgresServer'

export const BENCH_ENV = {
  KOTAE_DISABLE_JOBS: '1',
  PAYLOAD_SECRET: 'kotae-bench-secret-0123456789',
  NODE_ENV: 'production',
} as const

/**
 * The URL of the PostgreSQL database `name`, created when missing; `fresh` drops it first (its
 * connections too), so the bench starts empty.
 */
export async function benchPostgresUrl(name: string, { fresh = false } = {}): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`--pg-db: "${name}" is not a plain lower-case database name`)
  ensurePostgresServer()
  const admin = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` })
  await admin.connect()
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  return `${TEST_PG_BASE}/${name}`
}

export interface BenchDatabase {
  /** The child processes' environment: this process's, BENCH_ENV, and the database's settings. */
  env: NodeJS.ProcessEnv
  /** Removes the temporary SQLite folder, if one was made. */
  cleanup: () => void
}

/**
 * `postgres`: the database `pgDb` (see benchPostgresUrl). `sqlite`: `sqliteFile` when given, else
 * `bench.db` in a new temporary folder named after `tmpPrefix`.
 */
export async function benchDatabase(
  db: string,
  o: { pgDb: string; fresh?: boolean; sqliteFile?: string; tmpPrefix: string },
): Promise<BenchDatabase> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...BENCH_ENV }
  if (db === 'postgres') {
    env.DATABASE_URL = await benchPostgresUrl(o.pgDb, { fresh: o.fresh })
    env.KOTAE_SQLITE_PATH = ''
    return { env, cleanup: () => {} }
  }
  if (db !== 'sqlite') throw new Error(`--db: "${db}" is neither sqlite nor postgres`)
  env.DATABASE_URL = ''
  if (o.sqliteFile) {
    if (o.fresh) fs.rmSync(o.sqliteFile, { force: true })
    env.KOTAE_SQLITE_PATH = path.resolve(o.sqliteFile)
    return { env, cleanup: () => {} }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), o.tmpPrefix))
  env.KOTAE_SQLITE_PATH = path.join(tmp, 'bench.db')
  return { env, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) }
}

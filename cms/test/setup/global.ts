import { randomBytes } from 'node:crypto'

import pg from 'pg'

import { ensurePostgresServer, TEST_PG_BASE, testDatabasePrefix } from './postgresServer'

export async function setup(): Promise<void> {
  ensurePostgresServer()
  // Test databases carry this run's id, so teardown drops only its own: another run on the same
  // cluster (a second checkout, a bench) keeps its databases.
  process.env.KOTAE_TEST_RUN ??= randomBytes(4).toString('hex')
}

/** Drops the throwaway databases this run created. */
export async function teardown(): Promise<void> {
  const client = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` })
  await client.connect()
  const { rows } = await client.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`${testDatabasePrefix()}%`],
  )
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  await client.end()
}

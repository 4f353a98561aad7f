import pg from 'pg'

import { ensurePostgresServer, TEST_PG_BASE } from './postgresServer'

export async function setup(): Promise<void> {
  ensurePostgresServer()
}

/** Drops the throwaway databases the postgres project created. */
export async function teardown(): Promise<void> {
  const client = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` })
  await client.connect()
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'kotae_test_%'")
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  await client.end()
}

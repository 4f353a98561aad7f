import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import pg from 'pg'

import { TEST_PG_BASE, testDatabasePrefix } from './postgresServer'

/** Environment for a child process on a new, empty database of the same kind as this test project's. */
export async function freshDatabaseEnv(): Promise<Record<string, string>> {
  if (!process.env.DATABASE_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-test-'))
    return { DATABASE_URL: '', KOTAE_SQLITE_PATH: path.join(dir, 'kotae.db') }
  }
  const name = `${testDatabasePrefix()}${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  return { DATABASE_URL: `${TEST_PG_BASE}/${name}` }
}

/** Rows of a query on the database an environment names (DATABASE_URL, or the SQLite file read-only). */
export async function queryDatabase(
  env: { DATABASE_URL?: string; KOTAE_SQLITE_PATH?: string },
  sql: string,
): Promise<Record<string, unknown>[]> {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL })
    await client.connect()
    try {
      return (await client.query(sql)).rows
    } finally {
      await client.end()
    }
  }
  const db = new Database(env.KOTAE_SQLITE_PATH!, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all() as Record<string, unknown>[]
  } finally {
    db.close()
  }
}

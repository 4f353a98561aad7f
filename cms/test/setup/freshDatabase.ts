import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

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

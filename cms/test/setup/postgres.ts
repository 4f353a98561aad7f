import { randomBytes } from 'node:crypto'

import pg from 'pg'

import { TEST_PG_BASE, testDatabasePrefix } from './postgresServer'

// A throwaway PostgreSQL database for each test file.
const name = `${testDatabasePrefix()}${randomBytes(5).toString('hex')}`
const admin = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` })
await admin.connect()
await admin.query(`CREATE DATABASE "${name}"`)
await admin.end()
process.env.DATABASE_URL = `${TEST_PG_BASE}/${name}`
process.env.PAYLOAD_SECRET = 'kotae-test-secret-0123456789'
process.env.KOTAE_DISABLE_JOBS = '1'
// The source watch fetches from other sites: off in every test, whatever the shell says (its tests pass their own limits).
process.env.KOTAE_SOURCE_WATCH = 'off'

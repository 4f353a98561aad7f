/**
 * Two app servers on one PostgreSQL database, as a city runs them for the counter-hours peak: two
 * `npm start` processes on different ports. A publish on one is found by the other's operator
 * lookup within 2 s (PostgreSQL LISTEN/NOTIFY, cms/src/search/indexSync.ts).
 */
import { randomBytes } from 'node:crypto'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensurePostgresServer, TEST_PG_BASE } from '@kotae/cms/test/setup/postgresServer'

import { kotaeApi, type Json } from '../support/kotaeApi'
import { startKotae, type RunningKotae } from '../support/kotaeServer'

const database = `kotae_e2e_two_${randomBytes(4).toString('hex')}`
const admin = () => new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` })
let first: RunningKotae
let second: RunningKotae
const PASSWORD = 'kotae-two-servers-1'
const email = () => 'admin@two.example.test'
const onFirst = kotaeApi({ url: () => first.url, email, password: PASSWORD })
const onSecond = kotaeApi({ url: () => second.url, email, password: PASSWORD })

beforeAll(async () => {
  ensurePostgresServer()
  const client = admin()
  await client.connect()
  await client.query(`CREATE DATABASE "${database}"`)
  await client.end()
  const env = { DATABASE_URL: `${TEST_PG_BASE}/${database}` }
  // One after the other: the first migrates and loads the curated content, the second finds it there.
  first = await startKotae({ port: 3211, env })
  second = await startKotae({ port: 3213, env })
  const created = await onFirst.api(null, 'POST', '/api/users/first-register', { email: email(), password: PASSWORD, roles: ['admin'] })
  expect(created.status, JSON.stringify(created.json)).toBeLessThan(300)
  await onFirst.login('admin')
  await onSecond.login('admin')
})
afterAll(async () => {
  await first?.stop()
  await second?.stop()
  const client = admin()
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  await client.end()
})

describe('two app servers, one PostgreSQL', () => {
  it("a publish on one server is in the other's operator lookup within 2 s", async () => {
    const word = '二台目のサーバーでも見える合言葉'
    const lookupOnSecond = async () => ((await onSecond.api('admin', 'GET', `/api/lookup?q=${encodeURIComponent(word)}&limit=3`)).json.candidates as Json[]).map((c) => c.id as string)
    expect(await lookupOnSecond()).not.toContain('faq:pin-forgot')

    const faq = (await onFirst.api('admin', 'GET', '/api/faqs?where[slug][equals]=pin-forgot&depth=0&limit=1')).json.docs[0] as Json
    const published = await onFirst.api('admin', 'PATCH', `/api/faqs/${faq.id}`, { question: `${word}を忘れたらどうしますか？`, _status: 'published' })
    expect(published.status, JSON.stringify(published.json)).toBe(200)
    const savedAt = Date.now()

    let seenAfter: number | undefined
    while (Date.now() - savedAt < 5_000) {
      if ((await lookupOnSecond()).includes('faq:pin-forgot')) {
        seenAfter = Date.now() - savedAt
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    console.log(`two servers: publish on :3211 → found by :3213's lookup after ${seenAfter} ms`)
    expect(seenAfter).toBeDefined()
    expect(seenAfter!).toBeLessThanOrEqual(2_000)
  })
})

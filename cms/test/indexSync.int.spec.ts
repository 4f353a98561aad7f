import { loadValidContent } from '@kotae/content'
import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { INDEX_CHANNEL, startIndexSync, stopIndexSync } from '../src/search/indexSync'
import { getOperatorIndex, searchOperatorIndex, warmOperatorIndex } from '../src/search/operatorIndex'
import { seedContent } from '../src/seed/seedContent'
import { startPayload } from './helpers'

/**
 * Another app server on the same PostgreSQL database, played by a second connection: it writes
 * (here straight in SQL, so no hook of this process runs) and announces the change. This
 * process's index must follow. Several app servers need PostgreSQL, so SQLite has nothing to test.
 */
describe.skipIf(!process.env.DATABASE_URL)(
  'operator index across app servers (PostgreSQL LISTEN/NOTIFY)',
  () => {
    let payload: Payload
    let other: pg.Client

    beforeAll(async () => {
      payload = await startPayload()
      await seedContent(payload, await loadValidContent())
      await warmOperatorIndex(payload)
      startIndexSync(payload)
      other = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await other.connect()
      await new Promise((resolve) => setTimeout(resolve, 300)) // the listener's LISTEN is in place
    })
    afterAll(async () => {
      await stopIndexSync()
      await other?.end()
      await payload?.destroy()
    })

    const topIds = async (q: string) =>
      searchOperatorIndex(await getOperatorIndex(payload), q, 3).map((h) => h.id)
    const within = async (ms: number, check: () => Promise<boolean>) => {
      const deadline = Date.now() + ms
      while (Date.now() < deadline) {
        if (await check()) return true
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return false
    }

    it("finds another server's published edit, announced before that server's transaction committed", async () => {
      const faq = (
        await payload.find({
          collection: 'faqs',
          where: { slug: { equals: 'pin-forgot' } },
          limit: 1,
          depth: 0,
        })
      ).docs[0]!
      const word = 'ほかのサーバーで編集した合言葉'
      expect(await topIds(word)).not.toContain('pin-forgot')

      await other.query('BEGIN')
      const { rows } = await other.query<{ updated_at: Date }>(
        `UPDATE faqs SET question = $1, updated_at = now() WHERE id = $2 RETURNING updated_at`,
        [`${word}はどうしますか？`, faq.id],
      )
      // NOTIFY from outside the transaction, as the saving server's hook does: it arrives before the commit.
      const announce = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await announce.connect()
      await announce.query('SELECT pg_notify($1, $2)', [
        INDEX_CHANNEL,
        JSON.stringify({
          origin: 'other-server',
          collection: 'faqs',
          id: faq.id,
          previousSlug: 'pin-forgot',
          publishedAt: rows[0]!.updated_at.toISOString(),
        }),
      ])
      await announce.end()
      await new Promise((resolve) => setTimeout(resolve, 400))
      await other.query('COMMIT')

      expect(await within(2_000, async () => (await topIds(word)).includes('pin-forgot'))).toBe(true)
    })

    it("drops an entry another server unpublished, and ignores announcements that are not Kotae's", async () => {
      const faq = (
        await payload.find({
          collection: 'faqs',
          where: { slug: { equals: 'pin-forgot' } },
          limit: 1,
          depth: 0,
        })
      ).docs[0]!
      const word = 'ほかのサーバーで編集した合言葉'
      expect(await topIds(word)).toContain('pin-forgot')
      await other.query('SELECT pg_notify($1, $2)', [INDEX_CHANNEL, 'not json'])
      await other.query('SELECT pg_notify($1, $2)', [
        INDEX_CHANNEL,
        JSON.stringify({ origin: 'x', collection: 'users', id: 1 }),
      ])
      await other.query(`UPDATE faqs SET _status = 'draft' WHERE id = $1`, [faq.id])
      await other.query('SELECT pg_notify($1, $2)', [
        INDEX_CHANNEL,
        JSON.stringify({
          origin: 'other-server',
          collection: 'faqs',
          id: faq.id,
          previousSlug: 'pin-forgot',
          publishedAt: null,
        }),
      ])
      expect(await within(2_000, async () => !(await topIds(word)).includes('pin-forgot'))).toBe(true)
    })
  },
)

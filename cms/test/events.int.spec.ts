import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { siteEventsEndpoint } from '../src/events/endpoint'
import { drainSiteEventQueues, flushSiteEvents, replaceSiteEventQueue } from '../src/events/queue'
import { createRateLimiter } from '../src/events/rateLimit'
import { startPayload } from './helpers'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
})

/** Calls POST /api/events the way the REST route does: a Web Request body on a Payload request. */
async function post(body: string, headers: Record<string, string> = {}) {
  const req = await createLocalReq({}, payload)
  const request = new Request('http://localhost/api/events', {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/plain', ...headers },
  })
  Object.assign(req, { headers: request.headers, text: () => request.text() })
  return siteEventsEndpoint.handler(req)
}
const count = async () => (await payload.count({ collection: 'site-events' })).totalDocs

describe('POST /api/events', () => {
  it('stores a batch of anonymous events with masked text and the server time', async () => {
    const res = await post(
      JSON.stringify({
        events: [
          { type: 'search', query: 'マイナ 暗証番号 わすれた 090-1234-5678', results: 3, locale: 'ja' },
          { type: 'zero-result', query: 'ほけんしょう ひもづけ' },
          { type: 'faq-view', faqId: 'pin-forgot' },
          {
            type: 'helpful',
            faqId: 'pin-forgot',
            helpful: false,
            reason: '山田太郎です。窓口の場所が分からない',
            at: '2001-01-01T00:00:00.000Z',
          },
        ],
      }),
    )
    expect(res.status).toBe(202)
    await flushSiteEvents(payload)
    // One insert writes the batch with one createdAt: the id gives the order within it.
    const { docs } = await payload.find({ collection: 'site-events', sort: ['createdAt', 'id'], limit: 10 })
    expect(docs.map((d) => d.type)).toEqual(['search', 'zero-result', 'faq-view', 'helpful'])
    expect(docs[0]!.query).not.toContain('090-1234-5678')
    expect(docs[3]!.reason).not.toContain('山田太郎')
    expect(docs[3]!.helpful).toBe(false)
    for (const d of docs) expect(Date.now() - Date.parse(d.at)).toBeLessThan(60_000)
    expect(JSON.stringify(docs)).not.toMatch(/ip|cookie|user/i)
  })

  it('refuses malformed, unknown, oversized and empty bodies with a 4xx and stores nothing', async () => {
    const before = await count()
    expect((await post('not json')).status).toBe(400)
    expect((await post(JSON.stringify({ events: [] }))).status).toBe(400)
    expect(
      (await post(JSON.stringify({ events: [{ type: 'search', query: 'x', userId: 'u1' }] }))).status,
    ).toBe(400)
    expect((await post(JSON.stringify({ events: [{ type: 'faq-view', faqId: '<script>' }] }))).status).toBe(
      400,
    )
    expect(
      (
        await post(
          JSON.stringify({ events: Array.from({ length: 51 }, () => ({ type: 'faq-view', faqId: 'a' })) }),
        )
      ).status,
    ).toBe(400)
    expect(
      (await post(JSON.stringify({ events: [{ type: 'search', query: 'あ'.repeat(20_000) }] }))).status,
    ).toBe(413)
    await flushSiteEvents(payload)
    expect(await count()).toBe(before)
  })

  it('is readable by city staff but not by the public', async () => {
    await expect(payload.find({ collection: 'site-events', overrideAccess: false })).rejects.toMatchObject({
      status: 403,
    })
  })
})

/** N events for batch `b`: faq views named by batch and position, and every fifth a search with a phone number. */
const batch = (b: number, n = 50) => ({
  events: Array.from({ length: n }, (_, i) =>
    i % 5 === 4
      ? { type: 'search', query: `マイナ 暗証番号 090-1234-5678 電話` }
      : { type: 'faq-view', faqId: `burst-${b}-${i}` },
  ),
})
/** Each batch from its own visitor, as the site's proxy forwards them (the rate limit is per address). */
const visitor = (b: number) => ({ 'x-kotae-client-address': `192.0.2.${b % 250}`, 'x-burst': String(b) })
const allRows = async () =>
  (await payload.find({ collection: 'site-events', sort: 'id', pagination: false, depth: 0 })).docs

describe('the event queue', () => {
  it('stores a burst of batches exactly once each, in order of arrival, with masked text', async () => {
    const before = (await allRows()).length
    const N = 60
    for (let b = 0; b < N; b++) expect((await post(JSON.stringify(batch(b)), visitor(b))).status).toBe(202)
    await flushSiteEvents(payload)
    const rows = (await allRows()).slice(before)
    expect(rows).toHaveLength(N * 50)
    const sent = Array.from({ length: N }, (_, b) => batch(b).events).flat()
    expect(rows.map((r) => r.faq ?? r.type)).toEqual(sent.map((e) => ('faqId' in e ? e.faqId : e.type)))
    const searches = rows.filter((r) => r.type === 'search')
    expect(searches).toHaveLength(N * 10)
    for (const r of searches) {
      expect(r.query).not.toContain('090-1234-5678')
      expect(r.query).toContain('暗証番号')
    }
  })

  it('answers 503 with Retry-After when full, keeps what it accepted, and stores it', async () => {
    const queue = await replaceSiteEventQueue(payload, { capacity: 120, batchSize: 1000, flushMs: 60_000 })
    const before = await count()
    expect((await post(JSON.stringify(batch(1000)), visitor(1000))).status).toBe(202)
    expect((await post(JSON.stringify(batch(1001)), visitor(1001))).status).toBe(202)
    const full = await post(JSON.stringify(batch(1002)), visitor(1002)) // 150 > 120: refused whole
    expect(full.status).toBe(503)
    expect(Number(full.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await post(JSON.stringify(batch(1003, 20)), visitor(1003))).status).toBe(202) // 120: fits
    expect(queue.size).toBe(120)
    expect(await count()).toBe(before) // nothing written yet: the interval is a minute
    await flushSiteEvents(payload)
    const rows = (await allRows()).slice(-120)
    expect(rows.map((r) => r.faq ?? r.type)).toEqual(
      [...batch(1000).events, ...batch(1001).events, ...batch(1003, 20).events].map((e) =>
        'faqId' in e ? e.faqId : e.type,
      ),
    )
    expect(await count()).toBe(before + 120)
    expect((await post(JSON.stringify(batch(1004)), visitor(1004))).status).toBe(202) // room again
    await flushSiteEvents(payload)
  })

  it('writes what is queued on shutdown, then refuses new events', async () => {
    await replaceSiteEventQueue(payload, { flushMs: 60_000, batchSize: 1000 })
    const before = await count()
    for (let b = 2000; b < 2003; b++)
      expect((await post(JSON.stringify(batch(b)), visitor(b))).status).toBe(202)
    expect(await count()).toBe(before)
    await drainSiteEventQueues() // what scripts/server.ts runs on SIGTERM
    expect(await count()).toBe(before + 150)
    expect((await post(JSON.stringify(batch(2003)), visitor(2003))).status).toBe(503)
  })
})

describe('rate limit', () => {
  it('allows the limit per window, then refuses until the window passes', () => {
    let t = 0
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => t })
    expect(limiter.exhausted('a')).toBe(false)
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([
      true,
      true,
      false,
      true,
    ])
    expect(limiter.exhausted('a')).toBe(true)
    expect(limiter.exhausted('b')).toBe(false)
    t = 1000
    expect(limiter.exhausted('a')).toBe(false)
    expect(limiter.take('a')).toBe(true)
  })
})

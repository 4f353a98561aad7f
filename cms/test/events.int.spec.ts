import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { siteEventsEndpoint } from '../src/events/endpoint'
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
  const request = new Request('http://localhost/api/events', { method: 'POST', body, headers: { 'content-type': 'text/plain', ...headers } })
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
          { type: 'helpful', faqId: 'pin-forgot', helpful: false, reason: '山田太郎です。窓口の場所が分からない', at: '2001-01-01T00:00:00.000Z' },
        ],
      }),
    )
    expect(res.status).toBe(202)
    const { docs } = await payload.find({ collection: 'site-events', sort: 'createdAt', limit: 10 })
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
    expect((await post(JSON.stringify({ events: [{ type: 'search', query: 'x', userId: 'u1' }] }))).status).toBe(400)
    expect((await post(JSON.stringify({ events: [{ type: 'faq-view', faqId: '<script>' }] }))).status).toBe(400)
    expect((await post(JSON.stringify({ events: Array.from({ length: 51 }, () => ({ type: 'faq-view', faqId: 'a' })) }))).status).toBe(400)
    expect((await post(JSON.stringify({ events: [{ type: 'search', query: 'あ'.repeat(20_000) }] }))).status).toBe(413)
    expect(await count()).toBe(before)
  })

  it('is readable by city staff but not by the public', async () => {
    await expect(payload.find({ collection: 'site-events', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
  })
})

describe('rate limit', () => {
  it('allows the limit per window, then refuses until the window passes', () => {
    let t = 0
    const allow = createRateLimiter({ limit: 2, windowMs: 1000, now: () => t })
    expect([allow('a'), allow('a'), allow('a'), allow('b')]).toEqual([true, true, false, true])
    t = 1000
    expect(allow('a')).toBe(true)
  })
})

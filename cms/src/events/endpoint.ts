import type { Endpoint } from 'payload'

import { CLIENT_ADDRESS_HEADER } from '../http/clientAddress'
import { maskForStorage } from '../privacy/maskStored'
import { createRateLimiter } from './rateLimit'
import { eventBatchSchema, MAX_EVENT_BODY_BYTES } from './schema'

const limiter = createRateLimiter({ limit: 30, windowMs: 60_000 })
const json = (body: unknown, status: number) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * POST /api/events — anonymous, batched events from the public site (sent with sendBeacon as
 * text/plain, so no CORS preflight). Validated, size-capped and rate-limited; 4xx stores nothing.
 * The client address is used only in memory for the rate limit and is never stored.
 */
export const siteEventsEndpoint: Endpoint = {
  path: '/events',
  method: 'post',
  handler: async (req) => {
    // Set by Kotae's server from the socket and trusted proxies only (src/http/clientAddress.ts).
    const key = req.headers.get(CLIENT_ADDRESS_HEADER) || 'local'
    if (!limiter(key)) return json({ errors: [{ message: 'Too many events; try again later.' }] }, 429)
    const declared = Number(req.headers.get('content-length') ?? 0)
    if (declared > MAX_EVENT_BODY_BYTES) return json({ errors: [{ message: `Body over ${MAX_EVENT_BODY_BYTES} bytes.` }] }, 413)
    const raw = req.text ? await req.text() : ''
    if (new TextEncoder().encode(raw).length > MAX_EVENT_BODY_BYTES) return json({ errors: [{ message: `Body over ${MAX_EVENT_BODY_BYTES} bytes.` }] }, 413)
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      return json({ errors: [{ message: 'Body is not JSON.' }] }, 400)
    }
    const parsed = eventBatchSchema.safeParse(body)
    if (!parsed.success) {
      return json({ errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) }, 400)
    }
    const now = new Date().toISOString()
    for (const e of parsed.data.events) {
      await req.payload.create({
        collection: 'site-events',
        overrideAccess: true,
        req,
        data: {
          type: e.type,
          // The server's clock, so a client cannot write events into the past or future.
          at: now,
          locale: e.locale,
          query: 'query' in e ? (await maskForStorage(req.payload, e.query)).slice(0, 200) : undefined,
          faq: 'faqId' in e ? e.faqId : undefined,
          helpful: e.type === 'helpful' ? e.helpful : undefined,
          reason: e.type === 'helpful' && e.reason ? (await maskForStorage(req.payload, e.reason)).slice(0, 500) : undefined,
        },
      })
    }
    return json({ accepted: parsed.data.events.length }, 202)
  },
}

import { eventBatchSchema, MAX_EVENT_BODY_BYTES } from '@kotae/content/contracts/events'
import type { Endpoint } from 'payload'

import { CLIENT_ADDRESS_HEADER } from '../http/clientAddress'
import { fieldErrors } from '../http/fieldErrors'
import { maskForStorage } from '../privacy/maskStored'
import { siteEventQueue, type QueuedSiteEvent } from './queue'
import { siteEventLimiter, TOO_MANY_EVENTS_MESSAGE } from './rateLimit'

/** What a 503 (queue full) asks the client to wait: a few flush intervals, time for the queue to drain. */
const RETRY_AFTER_SECONDS = 1
const json = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * POST /api/events — anonymous, batched events from the public site (sent with sendBeacon as
 * text/plain, so no CORS preflight) and the desk's ask-back choices (`facet-choice`). Validated, size-capped, rate-limited and masked, then queued
 * and answered 202 at once; the queue writes them in batches (src/events/queue.ts). 4xx and 503
 * store nothing.
 * The client address is used only in memory for the rate limit and is never stored.
 */
export const siteEventsEndpoint: Endpoint = {
  path: '/events',
  method: 'post',
  handler: async (req) => {
    // Set by Kotae's server from the socket and trusted proxies only (src/http/clientAddress.ts).
    const key = req.headers.get(CLIENT_ADDRESS_HEADER) || 'local'
    if (!siteEventLimiter().take(key)) return json({ errors: [{ message: TOO_MANY_EVENTS_MESSAGE }] }, 429)
    const declared = Number(req.headers.get('content-length') ?? 0)
    if (declared > MAX_EVENT_BODY_BYTES)
      return json({ errors: [{ message: `Body over ${MAX_EVENT_BODY_BYTES} bytes.` }] }, 413)
    const raw = req.text ? await req.text() : ''
    if (new TextEncoder().encode(raw).length > MAX_EVENT_BODY_BYTES)
      return json({ errors: [{ message: `Body over ${MAX_EVENT_BODY_BYTES} bytes.` }] }, 413)
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      return json({ errors: [{ message: 'Body is not JSON.' }] }, 400)
    }
    const parsed = eventBatchSchema.safeParse(body)
    if (!parsed.success) return json({ errors: fieldErrors(parsed.error) }, 400)
    // The server's clock, so a client cannot write events into the past or future.
    const now = new Date().toISOString()
    const events: QueuedSiteEvent[] = []
    for (const e of parsed.data.events) {
      events.push({
        type: e.type,
        at: now,
        locale: e.locale,
        query: 'query' in e ? (await maskForStorage(req.payload, e.query)).slice(0, 200) : undefined,
        faq: 'faqId' in e ? e.faqId : undefined,
        helpful: e.type === 'helpful' ? e.helpful : undefined,
        reason:
          e.type === 'helpful' && e.reason
            ? (await maskForStorage(req.payload, e.reason)).slice(0, 500)
            : undefined,
        dimension: e.type === 'facet-choice' ? e.dimension : undefined,
        value: e.type === 'facet-choice' ? e.value : undefined,
      })
    }
    // Stored off the request path, in batches (src/events/queue.ts): a flood of events must not
    // hold the database away from the desk. A full queue refuses the whole batch and keeps what it holds.
    if (!siteEventQueue(req.payload).offer(events)) {
      return Response.json(
        { errors: [{ message: 'Too many events queued; try again later.' }] },
        { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) } },
      )
    }
    return json({ accepted: parsed.data.events.length }, 202)
  },
}

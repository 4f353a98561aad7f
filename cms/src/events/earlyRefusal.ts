import type { IncomingMessage, ServerResponse } from 'node:http'

import { refuse } from '../http/bodyLimit'
import { CLIENT_ADDRESS_HEADER } from '../http/clientAddress'
import { SITE_EVENT_LIMIT, siteEventLimiter, TOO_MANY_EVENTS_MESSAGE } from './rateLimit'

/**
 * In Kotae's HTTP server, before Next.js: a batch of site events from a client that has used its
 * limit is refused with 429 at once, its body dropped unread. Routed through Next.js and Payload,
 * each refusal cost the desk's event loop a few milliseconds, and one client sending as fast as it
 * could slowed every operator's lookup. True when it answered.
 */
export function refuseEventsOverLimit(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== '/api/events') return false
  const key = String(req.headers[CLIENT_ADDRESS_HEADER] || 'local')
  if (!siteEventLimiter().exhausted(key)) return false
  refuse(req, res, 429, TOO_MANY_EVENTS_MESSAGE, { 'retry-after': String(SITE_EVENT_LIMIT.windowMs / 1000) })
  return true
}

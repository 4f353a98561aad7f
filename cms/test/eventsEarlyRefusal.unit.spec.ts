import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { refuseEventsOverLimit } from '../src/events/earlyRefusal'
import { SITE_EVENT_LIMIT, siteEventLimiter, TOO_MANY_EVENTS_MESSAGE } from '../src/events/rateLimit'
import { CLIENT_ADDRESS_HEADER } from '../src/http/clientAddress'

/** Kotae's server in small: the early refusal, then "the app" (which counts what reaches it). */
let reached = 0
let base = ''
const server = http.createServer((req, res) => {
  if (refuseEventsOverLimit(req, res)) return
  reached++
  req.resume()
  req.on('end', () => res.writeHead(202).end())
})
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => server.close())

const send = (address: string, path = '/api/events') =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { [CLIENT_ADDRESS_HEADER]: address, 'content-type': 'text/plain' },
    body: '{"events":[]}',
  })

describe('site events over the limit are refused before the app', () => {
  it('lets a client through until its limit is used, then answers 429 without the app', async () => {
    expect((await send('198.51.100.1')).status).toBe(202)
    for (let i = 0; i < SITE_EVENT_LIMIT.limit; i++) siteEventLimiter().take('198.51.100.1')
    reached = 0
    const refused = await send('198.51.100.1')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe(String(SITE_EVENT_LIMIT.windowMs / 1000))
    expect(await refused.json()).toEqual({ errors: [{ message: TOO_MANY_EVENTS_MESSAGE }] })
    expect(reached).toBe(0)
    // Another visitor, and other routes from the same one, still reach the app.
    expect((await send('198.51.100.2')).status).toBe(202)
    expect((await send('198.51.100.1', '/api/calls')).status).toBe(202)
    expect(reached).toBe(2)
  })
})

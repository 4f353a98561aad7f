import { describe, expect, it } from 'vitest'

import { createAttemptWindows } from '../src/http/attemptWindows'
import { CLIENT_ADDRESS_HEADER } from '../src/http/clientAddress'
import {
  guardResetRequest,
  isResetRequest,
  RESET_ANSWER_FLOOR_MS,
  RESET_REQUESTS,
  RESET_THROTTLED_MESSAGE,
} from '../src/http/resetRequestGuard'

const request = (address: string, email: string) =>
  new Request('http://kotae.test/api/users/forgot-password', {
    method: 'POST',
    headers: { [CLIENT_ADDRESS_HEADER]: address, 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  })

/** A clock the fake handler and sleep move forward, so no test waits for real. */
function clock() {
  let t = 0
  const now = () => t
  return {
    now,
    advance: (ms: number) => (t += ms),
    sleep: async (ms: number) => {
      t += ms
    },
    windows: createAttemptWindows(RESET_REQUESTS.windowMs, now),
  }
}
const success = () => Response.json({ message: 'Success' })

describe('guardResetRequest: reset links cannot flood a mailbox or tell which accounts exist', () => {
  it('answers a known and an unknown e-mail in the same time, no sooner than the floor', async () => {
    const c = clock()
    // Payload: an unknown e-mail returns at once, a known one after a token write and a mail.
    const guarded = guardResetRequest(async (req) => {
      const { email } = (await req.json()) as { email: string }
      c.advance(email === 'staff@example.test' ? 120 : 3)
      return success()
    }, c)
    for (const email of ['staff@example.test', 'nobody@example.test']) {
      const started = c.now()
      const res = await guarded(request('192.0.2.1', email))
      expect(res.status).toBe(200)
      expect(c.now() - started).toBe(RESET_ANSWER_FLOOR_MS)
    }
  })

  it('bounds the links for one e-mail from anywhere, and the requests of one address', async () => {
    const c = clock()
    let sent = 0
    const guarded = guardResetRequest(async () => {
      sent++
      return success()
    }, c)
    for (let i = 0; i < RESET_REQUESTS.perAccount; i++)
      expect((await guarded(request(`198.51.100.${i}`, 'Staff@example.test'))).status).toBe(200)
    const throttled = await guarded(request('198.51.100.99', ' staff@example.test'))
    expect(throttled.status).toBe(429)
    expect(await throttled.json()).toEqual({ errors: [{ message: RESET_THROTTLED_MESSAGE }] })
    expect(sent).toBe(RESET_REQUESTS.perAccount)

    for (let i = 0; i < RESET_REQUESTS.perAddress; i++)
      expect((await guarded(request('203.0.113.5', `user${i}@example.test`))).status).toBe(200)
    expect((await guarded(request('203.0.113.5', 'someone@example.test'))).status).toBe(429)
    expect((await guarded(request('203.0.113.6', 'someone@example.test'))).status).toBe(200)
    c.advance(RESET_REQUESTS.windowMs)
    expect((await guarded(request('198.51.100.99', 'staff@example.test'))).status).toBe(200)
  })

  it('recognizes the reset-link route of any auth collection, and nothing else', () => {
    expect(isResetRequest(request('192.0.2.1', 'a@example.test'))).toBe(true)
    expect(
      isResetRequest(new Request('http://kotae.test/api/users/reset-password', { method: 'POST' })),
    ).toBe(false)
    expect(isResetRequest(new Request('http://kotae.test/api/users/forgot-password'))).toBe(false)
  })
})

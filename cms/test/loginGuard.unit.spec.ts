import { describe, expect, it } from 'vitest'

import { CLIENT_ADDRESS_HEADER } from '../src/http/clientAddress'
import {
  createLoginFailures,
  guardLogin,
  isLoginRequest,
  LOGIN_ATTEMPTS,
  LOGIN_FAILED_MESSAGE,
  LOGIN_FAILURE_FLOOR_MS,
  LOGIN_THROTTLED_MESSAGE,
} from '../src/http/loginGuard'

const login = (address = '203.0.113.7', email?: string) =>
  new Request('http://kotae.test/api/users/login', {
    method: 'POST',
    headers: { [CLIENT_ADDRESS_HEADER]: address, ...(email ? { 'content-type': 'application/json' } : {}) },
    body: email ? JSON.stringify({ email, password: 'x' }) : undefined,
  })

/** The admin's sign-in form posts multipart with the fields as JSON in `_payload`. */
const formLogin = (address: string, email: string) => {
  const form = new FormData()
  form.set('_payload', JSON.stringify({ email, password: 'x' }))
  return new Request('http://kotae.test/api/users/login', {
    method: 'POST',
    headers: { [CLIENT_ADDRESS_HEADER]: address },
    body: form,
  })
}

/** A clock that the fake handler and sleep move forward, so no test waits for real; the failures' own count on it. */
function clock() {
  let t = 0
  const waits: number[] = []
  const now = () => t
  return {
    now,
    advance: (ms: number) => (t += ms),
    sleep: async (ms: number) => {
      waits.push(ms)
      t += ms
    },
    waits,
    failures: createLoginFailures(now),
  }
}

describe('guardLogin: a failed sign-in says nothing about the account', () => {
  it('answers unknown, wrong and (Payload) locked alike: the same 401 and message, no sooner than the floor', async () => {
    const c = clock()
    const payloadAnswers = [
      {
        ms: 4,
        res: Response.json(
          { errors: [{ message: 'The email or password provided is incorrect.' }] },
          { status: 401 },
        ),
      },
      {
        ms: 97,
        res: Response.json(
          { errors: [{ message: 'The email or password provided is incorrect.' }] },
          { status: 401 },
        ),
      },
      {
        ms: 90,
        res: Response.json(
          { errors: [{ message: 'This user is locked due to having too many failed login attempts.' }] },
          { status: 423 },
        ),
      },
    ]
    for (const { ms, res } of payloadAnswers) {
      const guarded = guardLogin(async () => {
        c.advance(ms)
        return res.clone()
      }, c)
      const started = c.now()
      const answer = await guarded(login())
      expect(answer.status).toBe(401)
      expect(await answer.json()).toEqual({ errors: [{ message: LOGIN_FAILED_MESSAGE }] })
      expect(c.now() - started).toBe(LOGIN_FAILURE_FLOOR_MS)
    }
  })

  it('passes a successful sign-in through untouched and at once', async () => {
    const c = clock()
    const ok = Response.json({ user: { id: 1 }, token: 't' }, { status: 200 })
    expect(await guardLogin(async () => ok, c)(login())).toBe(ok)
    expect(c.waits).toEqual([])
  })

  it('limits the failed attempts of one address, not of others, and never successful ones', async () => {
    const ok = clock()
    const signedIn = guardLogin(async () => Response.json({ token: 't' }), ok)
    for (let i = 0; i < LOGIN_ATTEMPTS.limit * 2; i++)
      expect((await signedIn(login('192.0.2.1'))).status).toBe(200)

    const c = clock()
    const guarded = guardLogin(async () => new Response(null, { status: 401 }), c)
    for (let i = 0; i < LOGIN_ATTEMPTS.limit; i++)
      expect((await guarded(login('198.51.100.9'))).status).toBe(401)
    expect((await guarded(login('198.51.100.9'))).status).toBe(429)
    expect((await guarded(login('203.0.113.7'))).status).toBe(401)
    c.advance(LOGIN_ATTEMPTS.windowMs)
    expect((await guarded(login('198.51.100.9'))).status).toBe(401)
  })

  it('limits one account from one address, never the same account from another address', async () => {
    const c = clock()
    // Payload's answer: only the owner's password signs in.
    const guarded = guardLogin(async (request) => {
      const { password } = (await request.json()) as { password: string }
      return password === 'owner' ? Response.json({ token: 't' }) : new Response(null, { status: 401 })
    }, c)
    const attempt = (address: string, email: string, password: string) =>
      guarded(
        new Request('http://kotae.test/api/users/login', {
          method: 'POST',
          headers: { [CLIENT_ADDRESS_HEADER]: address, 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        }),
      )
    for (let i = 0; i < LOGIN_ATTEMPTS.perAccount; i++)
      expect((await attempt('198.51.100.9', 'staff@example.test', `guess-${i}`)).status).toBe(401)
    // The stranger's address is done with this account (in any letters' case), even with the right password …
    const throttled = await attempt('198.51.100.9', ' STAFF@example.test', 'owner')
    expect(throttled.status).toBe(429)
    expect(await throttled.json()).toEqual({ errors: [{ message: LOGIN_THROTTLED_MESSAGE }] })
    // … but not with another account, and the owner signs in from elsewhere.
    expect((await attempt('198.51.100.9', 'other@example.test', 'guess')).status).toBe(401)
    expect((await attempt('192.0.2.10', 'staff@example.test', 'owner')).status).toBe(200)
    c.advance(LOGIN_ATTEMPTS.windowMs)
    expect((await attempt('198.51.100.9', 'staff@example.test', 'owner')).status).toBe(200)
  })

  it("a right password clears the account's failures from that address, not the address's own", async () => {
    const c = clock()
    for (let i = 0; i < LOGIN_ATTEMPTS.perAccount - 1; i++) c.failures.failed('192.0.2.20', 'me@example.test')
    c.failures.succeeded('192.0.2.20', 'me@example.test')
    for (let i = 0; i < LOGIN_ATTEMPTS.perAccount - 1; i++) c.failures.failed('192.0.2.20', 'me@example.test')
    expect(c.failures.throttled('192.0.2.20', 'me@example.test')).toBe(false)
    c.failures.failed('192.0.2.20', 'me@example.test')
    expect(c.failures.throttled('192.0.2.20', 'me@example.test')).toBe(true)
    // The address has had 2 × perAccount − 1 failures; the rest up to its limit stops every account from it.
    for (let i = 0; i < LOGIN_ATTEMPTS.limit - (2 * LOGIN_ATTEMPTS.perAccount - 1); i++) {
      expect(c.failures.throttled('192.0.2.20', 'someone-else@example.test')).toBe(false)
      c.failures.failed('192.0.2.20', undefined)
    }
    expect(c.failures.throttled('192.0.2.20', 'someone-else@example.test')).toBe(true)
  })

  it("counts an e-mail no account has exactly like a staff one, from JSON and from the admin's form", async () => {
    const c = clock()
    const guarded = guardLogin(async () => new Response(null, { status: 401 }), c)
    for (let i = 0; i < LOGIN_ATTEMPTS.perAccount; i++) {
      expect((await guarded(login('203.0.113.50', 'staff@example.test'))).status).toBe(401)
      expect((await guarded(formLogin('203.0.113.51', 'nobody@example.test'))).status).toBe(401)
    }
    expect((await guarded(formLogin('203.0.113.50', 'staff@example.test'))).status).toBe(429)
    expect((await guarded(login('203.0.113.51', 'nobody@example.test'))).status).toBe(429)
  })

  it('stops guesses at one account spread over many addresses, while its owner signs in from an address it used before', async () => {
    const c = clock()
    const guarded = guardLogin(async (request) => {
      const { password } = (await request.json()) as { password: string }
      return password === 'owner' ? Response.json({ token: 't' }) : new Response(null, { status: 401 })
    }, c)
    const attempt = (address: string, password: string, email = 'staff@example.test') =>
      guarded(
        new Request('http://kotae.test/api/users/login', {
          method: 'POST',
          headers: { [CLIENT_ADDRESS_HEADER]: address, 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        }),
      )
    expect((await attempt('192.0.2.30', 'owner')).status).toBe(200) // the owner's office
    // Three guesses from each of many addresses: under each address's limits, over the account's.
    for (let i = 0; i < LOGIN_ATTEMPTS.perAccountAnywhere; i++)
      expect((await attempt(`198.51.100.${i}`, `guess-${i}`)).status).toBe(401)
    expect((await attempt('198.51.100.200', 'guess')).status).toBe(429)
    expect((await attempt('198.51.100.201', 'owner')).status).toBe(429) // a new address waits, even with the right password
    expect((await attempt('198.51.100.200', 'guess', 'other@example.test')).status).toBe(401) // other accounts are untouched
    expect((await attempt('192.0.2.30', 'owner')).status).toBe(200)
    c.advance(LOGIN_ATTEMPTS.windowMs)
    expect((await attempt('198.51.100.201', 'owner')).status).toBe(200)
  })

  it('recognizes the sign-in route of any auth collection', () => {
    expect(isLoginRequest(login())).toBe(true)
    expect(isLoginRequest(new Request('http://kotae.test/api/users/logout', { method: 'POST' }))).toBe(false)
    expect(isLoginRequest(new Request('http://kotae.test/api/users/login'))).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'

import { CLIENT_ADDRESS_HEADER } from '../src/http/clientAddress'
import { guardLogin, isLoginRequest, LOGIN_ATTEMPTS, LOGIN_FAILED_MESSAGE, LOGIN_FAILURE_FLOOR_MS } from '../src/http/loginGuard'

const login = (address = '203.0.113.7') => new Request('http://kotae.test/api/users/login', { method: 'POST', headers: { [CLIENT_ADDRESS_HEADER]: address } })

/** A clock that the fake handler and sleep move forward, so no test waits for real. */
function clock() {
  let t = 0
  const waits: number[] = []
  return { now: () => t, advance: (ms: number) => (t += ms), sleep: async (ms: number) => void (waits.push(ms), (t += ms)), waits }
}

describe('guardLogin: a failed sign-in says nothing about the account', () => {
  it('answers unknown, wrong and locked alike: the same 401 and message, no sooner than the floor', async () => {
    const c = clock()
    const payloadAnswers = [
      { ms: 4, res: Response.json({ errors: [{ message: 'The email or password provided is incorrect.' }] }, { status: 401 }) },
      { ms: 97, res: Response.json({ errors: [{ message: 'The email or password provided is incorrect.' }] }, { status: 401 }) },
      { ms: 90, res: Response.json({ errors: [{ message: 'This user is locked due to having too many failed login attempts.' }] }, { status: 423 }) },
    ]
    for (const { ms, res } of payloadAnswers) {
      const guarded = guardLogin(async () => (c.advance(ms), res.clone()), c)
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
    for (let i = 0; i < LOGIN_ATTEMPTS.limit * 2; i++) expect((await signedIn(login('192.0.2.1'))).status).toBe(200)

    const c = clock()
    const guarded = guardLogin(async () => new Response(null, { status: 401 }), c)
    for (let i = 0; i < LOGIN_ATTEMPTS.limit; i++) expect((await guarded(login('198.51.100.9'))).status).toBe(401)
    expect((await guarded(login('198.51.100.9'))).status).toBe(429)
    expect((await guarded(login('203.0.113.7'))).status).toBe(401)
    c.advance(LOGIN_ATTEMPTS.windowMs)
    expect((await guarded(login('198.51.100.9'))).status).toBe(401)
  })

  it('recognizes the sign-in route of any auth collection', () => {
    expect(isLoginRequest(login())).toBe(true)
    expect(isLoginRequest(new Request('http://kotae.test/api/users/logout', { method: 'POST' }))).toBe(false)
    expect(isLoginRequest(new Request('http://kotae.test/api/users/login'))).toBe(false)
  })
})

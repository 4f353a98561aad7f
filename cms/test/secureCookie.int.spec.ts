import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { securityHeaders } from '../src/http/securityHeaders'
import { restRequest, startPayload } from './helpers'

/**
 * Behind https (KOTAE_SERVER_URL starts with https:, as where a city's proxy ends TLS), the session
 * cookie is Secure and HttpOnly and responses carry HSTS. Set before the config is imported: the
 * cookie options are read from the environment once, at start.
 */
const before = vi.hoisted(() => {
  const value = process.env.KOTAE_SERVER_URL
  process.env.KOTAE_SERVER_URL = 'https://kotae.example.jp'
  return value
})

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
  await payload.create({
    collection: 'users',
    data: { email: 'staff@example.test', password: 'correct horse battery', roles: ['operator'] },
  })
})
afterAll(async () => {
  await payload?.destroy()
  if (before === undefined) delete process.env.KOTAE_SERVER_URL
  else process.env.KOTAE_SERVER_URL = before
})

describe('behind https', () => {
  it('the session cookie a sign-in sets is Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await handleEndpoints({
      config: payload.config,
      request: restRequest('POST', '/api/users/login', undefined, {
        email: 'staff@example.test',
        password: 'correct horse battery',
      }),
    })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })

  it('responses carry HSTS there, and not on plain http', () => {
    expect(securityHeaders('https://kotae.example.jp')['strict-transport-security']).toBe('max-age=31536000')
    expect(securityHeaders('http://localhost:3000')).not.toHaveProperty('strict-transport-security')
  })
})

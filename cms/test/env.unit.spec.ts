import { describe, expect, it } from 'vitest'

import { InvalidEnvironmentError, localAdminUrl, readEnv } from '../src/env'

const env = (vars: Record<string, string>) =>
  readEnv({ NODE_ENV: 'test', PAYLOAD_SECRET: 'kotae-test-secret-0123456789', ...vars })

describe('readEnv: the admin origin follows PORT, so any port keeps sign-in working', () => {
  it('defaults KOTAE_SERVER_URL to localhost on the port actually served', () => {
    expect(env({}).KOTAE_SERVER_URL).toBe('http://localhost:3000')
    const e = env({ PORT: '3400' })
    expect(e.PORT).toBe(3400)
    expect(e.KOTAE_SERVER_URL).toBe('http://localhost:3400')
    // A browser on 127.0.0.1 or [::1] sends that Origin; Payload must accept its cookie too.
    expect(e.trustedOrigins).toEqual(['http://127.0.0.1:3400', 'http://[::1]:3400'])
  })

  it('takes a public origin behind a reverse proxy, whatever PORT is, and normalizes a trailing slash', () => {
    const e = env({ PORT: '3400', KOTAE_SERVER_URL: 'https://kotae.city.example/' })
    expect(e.KOTAE_SERVER_URL).toBe('https://kotae.city.example')
    expect(e.trustedOrigins).toEqual([])
  })

  it('refuses a loopback KOTAE_SERVER_URL on another port than PORT, naming both settings', () => {
    expect(() => env({ PORT: '3400', KOTAE_SERVER_URL: 'http://localhost:3000' })).toThrow(
      InvalidEnvironmentError,
    )
    expect(() => env({ PORT: '3400', KOTAE_SERVER_URL: 'http://localhost:3000' })).toThrow(
      /KOTAE_SERVER_URL \(http:\/\/localhost:3000\).*PORT is 3400/,
    )
    expect(() => env({ PORT: '8080', KOTAE_SERVER_URL: 'http://127.0.0.1' })).toThrow(
      /port 80, but PORT is 8080/,
    )
    expect(env({ PORT: '3400', KOTAE_SERVER_URL: 'http://127.0.0.1:3400' }).KOTAE_SERVER_URL).toBe(
      'http://127.0.0.1:3400',
    )
  })

  it('refuses a URL with a path, and a PORT that is not a port', () => {
    expect(() => env({ KOTAE_SERVER_URL: 'https://city.example/kotae' })).toThrow(/origin only/)
    expect(() => env({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => env({ PORT: '70000' })).toThrow(/PORT/)
  })

  it('trusts X-Forwarded-For from this machine only, unless the proxies are named', () => {
    expect(env({}).KOTAE_TRUSTED_PROXIES).toEqual(['127.0.0.1', '::1'])
    expect(env({ KOTAE_TRUSTED_PROXIES: '10.0.0.2, 127.0.0.1' }).KOTAE_TRUSTED_PROXIES).toEqual([
      '10.0.0.2',
      '127.0.0.1',
    ])
    expect(() => env({ KOTAE_TRUSTED_PROXIES: 'proxy.city.example' })).toThrow(
      /KOTAE_TRUSTED_PROXIES: must be IP addresses/,
    )
  })

  it('refuses a KOTAE_ setting it does not know (a typo would otherwise fall back to a default)', () => {
    expect(() => env({ KOTAE_SERVERURL: 'https://kotae.city.example' })).toThrow(
      /KOTAE_SERVERURL: not a Kotae setting/,
    )
    expect(env({ KOTAE_SITE_PORT: '3001', KOTAE_DISABLE_JOBS: '1' }).PORT).toBe(3000)
  })

  it('listens on this machine only unless KOTAE_HOST says otherwise, and reaches itself there', () => {
    expect(env({}).KOTAE_HOST).toBe('127.0.0.1')
    expect(localAdminUrl(env({ PORT: '3400' }))).toBe('http://127.0.0.1:3400')
    expect(localAdminUrl(env({ KOTAE_HOST: '0.0.0.0' }))).toBe('http://127.0.0.1:3000')
    expect(localAdminUrl(env({ KOTAE_HOST: '::' }))).toBe('http://[::1]:3000')
    expect(localAdminUrl(env({ KOTAE_HOST: '10.0.0.5' }))).toBe('http://10.0.0.5:3000')
    expect(() => env({ KOTAE_HOST: 'all' })).toThrow(/KOTAE_HOST: must be an IP address/)
  })
})

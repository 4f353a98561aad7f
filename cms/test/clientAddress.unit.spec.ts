import { describe, expect, it } from 'vitest'

import { clientAddress } from '../src/http/clientAddress'

const LOOPBACK = ['127.0.0.1', '::1']

describe('clientAddress: X-Forwarded-For only from trusted proxies', () => {
  it('ignores the header from a peer that is not a trusted proxy (a client cannot choose its rate-limit key)', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', LOOPBACK)).toBe('203.0.113.7')
    expect(clientAddress('::ffff:203.0.113.7', '1.2.3.4, 5.6.7.8', LOOPBACK)).toBe('203.0.113.7')
  })

  it("takes the visitor's address that the site proxy on this machine appends", () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', LOOPBACK)).toBe('203.0.113.7')
    expect(clientAddress('::1', '2001:db8::5', LOOPBACK)).toBe('2001:db8::5')
  })

  it('reads the chain from the right, so a value the client prepended is ignored', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the city's proxy 10.0.0.2 appended the real address.
    expect(clientAddress('127.0.0.1', '1.1.1.1, 203.0.113.7, 10.0.0.2', [...LOOPBACK, '10.0.0.2'])).toBe(
      '203.0.113.7',
    )
  })

  it('gives the peer when the header is missing, and "unknown" for garbage', () => {
    expect(clientAddress('127.0.0.1', undefined, LOOPBACK)).toBe('127.0.0.1')
    expect(clientAddress('127.0.0.1', 'not-an-address', LOOPBACK)).toBe('unknown')
    expect(clientAddress(undefined, undefined, LOOPBACK)).toBe('unknown')
  })
})

import { describe, expect, it } from 'vitest'

import { asksForMoreThan, boundRestQuery, REST_READ_BOUNDS } from '../src/http/restQuery'

const bound = (query: string) =>
  new URL(boundRestQuery(new Request(`http://kotae.test/api/faqs${query}`)).url).searchParams

describe('boundRestQuery: REST reads within REST_READ_BOUNDS', () => {
  it('caps depth and limit, whatever the client asks', () => {
    const p = bound('?depth=1000&limit=100000')
    expect(p.get('depth')).toBe(String(REST_READ_BOUNDS.maxDepth))
    expect(p.get('limit')).toBe(String(REST_READ_BOUNDS.maxLimit))
    expect(bound('?depth=1e9&limit=1e9').get('limit')).toBe('100')
  })

  it('gives a depth when none is asked for (Payload would populate two levels)', () => {
    expect(bound('').get('depth')).toBe('1')
    expect(bound('').has('limit')).toBe(false)
  })

  it('reads limit=0 and pagination=false as one bounded page, not the whole collection', () => {
    expect(bound('?limit=0').get('limit')).toBe('100')
    const p = bound('?pagination=false&limit=5')
    expect(p.has('pagination')).toBe(false)
    expect(p.get('limit')).toBe('5')
  })

  it('takes the last of repeated values and drops values that are not numbers', () => {
    expect(bound('?limit=1&limit=0').getAll('limit')).toEqual(['100'])
    expect(bound('?depth=0&depth=9').getAll('depth')).toEqual(['1'])
    expect(bound('?limit=abc').has('limit')).toBe(false)
    expect(bound('?depth=-3').get('depth')).toBe('0')
  })

  it('keeps every other parameter and leaves a bounded request as it was', () => {
    const p = bound('?where[slug][equals]=pin-forgot&sort=-updatedAt&page=3&depth=0&limit=10')
    expect(p.get('where[slug][equals]')).toBe('pin-forgot')
    expect(p.get('sort')).toBe('-updatedAt')
    expect(p.get('page')).toBe('3')
    const request = new Request('http://kotae.test/api/faqs?depth=0&limit=10')
    expect(boundRestQuery(request)).toBe(request)
  })

  it('keeps the method and headers (the session cookie) of a rewritten request', () => {
    const request = new Request('http://kotae.test/api/calls?limit=0', {
      headers: { cookie: 'payload-token=t', origin: 'http://kotae.test' },
    })
    const bounded = boundRestQuery(request)
    expect(bounded.method).toBe('GET')
    expect(bounded.headers.get('cookie')).toBe('payload-token=t')
    expect(bounded.headers.get('origin')).toBe('http://kotae.test')
  })

  it('caps an anonymous page shorter, and tells which reads need to know who asks', () => {
    const anonymous = (query: string) =>
      new URL(
        boundRestQuery(new Request(`http://kotae.test/api/faqs${query}`), REST_READ_BOUNDS.anonymousMaxLimit)
          .url,
      ).searchParams.get('limit')
    expect(anonymous('?limit=100000')).toBe('25')
    expect(anonymous('?limit=0')).toBe('25')
    expect(anonymous('?limit=10')).toBe('10')
    const asks = (query: string) =>
      asksForMoreThan(new Request(`http://kotae.test/api/faqs${query}`), REST_READ_BOUNDS.anonymousMaxLimit)
    expect(asks('')).toBe(false)
    expect(asks('?limit=25')).toBe(false)
    expect(asks('?limit=26')).toBe(true)
    expect(asks('?limit=0')).toBe(true)
    expect(asks('?pagination=false&limit=5')).toBe(true)
    expect(asks('?limit=5&limit=100000')).toBe(true)
  })
})

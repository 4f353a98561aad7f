import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { hashCaller, hmacSha256Hex, normalizeCallerNumber } from '../src/pii'

const SALT = 'kotae-test-salt-0123456789'

describe('normalizeCallerNumber', () => {
  it('gives one E.164 form for every way of writing a Japanese number', () => {
    for (const n of [
      '090-1234-5678',
      '09012345678',
      '０９０－１２３４－５６７８',
      '+81 90 1234 5678',
      '+81-90-1234-5678',
      '+81 (0)90-1234-5678',
      ' 090 1234 5678 ',
    ])
      expect(normalizeCallerNumber(n), n).toBe('+819012345678')
    expect(normalizeCallerNumber('082(422)1234')).toBe('+81824221234')
  })

  it('keeps other countries and rejects what is not a number', () => {
    expect(normalizeCallerNumber('+1 212 555 0100')).toBe('+12125550100')
    expect(normalizeCallerNumber('010 44 20 7946 0018')).toBe('+442079460018') // 010: the international prefix dialled from Japan
    for (const n of ['', '非通知', '公衆電話', 'anonymous', '1234', '0012345678'])
      expect(normalizeCallerNumber(n), n).toBeUndefined()
  })
})

describe('hashCaller', () => {
  it('computes HMAC-SHA256 correctly (RFC 4231 test case 2)', async () => {
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })

  it('is the HMAC of the normalized number under the salt', async () => {
    const expected = createHmac('sha256', SALT).update('+819012345678').digest('hex')
    expect(await hashCaller('090-1234-5678', SALT)).toBe(expected)
    expect(await hashCaller('+81 90 1234 5678', SALT)).toBe(expected)
  })

  it('links the same caller, separates different callers and different salts', async () => {
    const a = await hashCaller('0824-22-1234', SALT)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(await hashCaller('０８２４２２１２３４', SALT)).toBe(a)
    expect(await hashCaller('0824-22-1235', SALT)).not.toBe(a)
    expect(await hashCaller('0824-22-1234', `${SALT}!`)).not.toBe(a)
    expect(await hashCaller('0824-22-1234', new TextEncoder().encode(SALT))).toBe(a)
  })

  it('never hashes a missing number and refuses a short salt', async () => {
    expect(await hashCaller('非通知', SALT)).toBeUndefined()
    await expect(hashCaller('090-1234-5678', 'short')).rejects.toThrow(RangeError)
  })
})

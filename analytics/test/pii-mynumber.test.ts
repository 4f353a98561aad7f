import { describe, expect, it } from 'vitest'

import { isValidMyNumber, maskPii, myNumberCheckDigit } from '../src/pii'

describe('My Number (個人番号)', () => {
  it('computes the check digit by the official formula', () => {
    // By hand for 12345678901: P(1..11) from the right = 1,0,9,8,7,6,5,4,3,2,1; Q = 2..7, 2..6;
    // Σ = 2+0+36+40+42+42+10+12+12+10+6 = 212; 212 mod 11 = 3; 11 − 3 = 8.
    expect(myNumberCheckDigit('12345678901')).toBe(8)
    expect(myNumberCheckDigit('00000000000')).toBe(0)
  })

  it('masks 12 digits only when the check digit verifies, in any grouping and width', () => {
    expect(isValidMyNumber('123456789018')).toBe(true)
    expect(isValidMyNumber('123456789012')).toBe(false)
    expect(maskPii('番号は123456789018です').text).toBe('番号は［個人番号］です')
    expect(maskPii('番号は1234-5678-9018です').text).toBe('番号は［個人番号］です')
    expect(maskPii('番号は１２３４ ５６７８ ９０１８です').text).toBe('番号は［個人番号］です')
    expect(maskPii('予約番号123456789012').text).toBe('予約番号123456789012')
  })
})

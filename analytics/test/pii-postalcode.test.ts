import { describe, expect, it } from 'vitest'

import { masked, of } from './helpers'

describe('postal codes', () => {
  it('masks codes after 〒, with the mark', () => {
    expect(masked('〒739-8601')).toBe('［郵便番号］')
    expect(masked('〒 7398601 宛')).toBe('［郵便番号］ 宛')
    expect(masked('〒７３９－００２５')).toBe('［郵便番号］')
  })

  it('masks codes after the word 郵便番号, without the word', () => {
    expect(masked('郵便番号は7390024です')).toBe('郵便番号は［郵便番号］です')
    expect(masked('郵便番号：739-0024')).toBe('郵便番号：［郵便番号］')
    expect(masked('郵便番号 739 0024')).toBe('郵便番号 ［郵便番号］')
  })

  it('masks a code written right before an address', () => {
    expect(of('postalCode', '739-0024 東広島市西条町御薗宇1番')).toEqual(['739-0024'])
    expect(of('postalCode', '100-8919 東京都千代田区霞が関2-1-2')).toEqual(['100-8919'])
  })

  it('leaves bare 7-digit numbers and talk about postal codes alone', () => {
    for (const t of ['受付番号7390024', '郵便番号が分からない', '739-0024番の書類', '整理番号 123-4567'])
      expect(masked(t), t).toBe(t)
  })
})

describe('a postal code a few words after 〒 (round four, decision 0049)', () => {
  it('masks the code said after 〒 or 郵便番号 and a few words', () => {
    expect(of('postalCode', '〒なしで7390142と書いた')).toEqual(['7390142'])
    expect(of('postalCode', '郵便番号、たしか739-0133です')).toEqual(['739-0133'])
    expect(of('postalCode', '郵便番号の欄に番号を書いたら、1234567円')).toEqual([])
  })
})

describe('a postal code in kanji numerals or read out after a particle', () => {
  it('masks it as a postal code, not a My Number', () => {
    expect(of('postalCode', '郵便番号を漢数字で「七三〇の〇〇一一」')).toEqual(['七三〇の〇〇一一'])
    expect(of('postalCode', '郵便番号：七三〇 〇〇一一')).toEqual(['七三〇 〇〇一一'])
    expect(of('postalCode', '新しい郵便番号を「なないちさん、ぜろぜろろくなな」と')).toEqual([
      'なないちさん、ぜろぜろろくなな',
    ])
    expect(of('postalCode', '郵便番号は七つの数字')).toEqual([])
  })
})

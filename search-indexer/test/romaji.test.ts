import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { romajiToKana } from '../src/analyzer/romaji'

describe('romajiToKana', () => {
  it('reads loanwords typed in romaji', () => {
    expect(romajiToKana('mainanba-')).toBe('マイナンバー')
    expect(romajiToKana('mainanbaa')).toBe('マイナンバー')
    expect(romajiToKana('sumaho')).toBe('スマホ')
    expect(romajiToKana('kombini')).toBe('コンビニ')
    expect(romajiToKana('konbini')).toBe('コンビニ')
  })
  it('handles Hepburn, kunrei, doubled consonants and n', () => {
    expect(romajiToKana('shinsei')).toBe('シンセイ')
    expect(romajiToKana('sinsei')).toBe('シンセイ')
    expect(romajiToKana('kitte')).toBe('キッテ')
    expect(romajiToKana('tsuuchi')).toBe('ツーチ')
    expect(romajiToKana("kan'i")).toBe('カンイ')
    expect(romajiToKana('jyuminhyou')).toBe('ジュミンヒョウ')
    expect(romajiToKana('kōshin')).toBe('コーシン')
  })
  it('says undefined for what is not romaji', () => {
    expect(romajiToKana('jpki')).toBeUndefined()
    expect(romajiToKana('xyz')).toBeUndefined()
    expect(romajiToKana('123')).toBeUndefined()
    expect(romajiToKana('')).toBeUndefined()
  })
  it('adds the kana reading to a query', () => {
    const q = createAnalyzer().analyzeQuery('mainanba- kaado')
    expect(q.romaji.map((r) => r.to)).toEqual(['マイナンバー', 'カード'])
    expect(q.tokens).toContain('まい')
    expect(q.tokens).toContain('mainanba')
  })
})

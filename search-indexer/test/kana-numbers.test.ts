import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { kanaNumbersToDigits, readKanaNumeral } from '../src/analyzer/kana-numbers'

describe('kanaNumbersToDigits', () => {
  it('reads kana numerals and counters as the FAQs write them', () => {
    expect(kanaNumbersToDigits('じゅうねん もつ？ ごねん？')).toBe('10年 もつ？ 5年？')
    expect(kanaNumbersToDigits('むすこ ななさい')).toBe('むすこ 7歳')
    expect(kanaNumbersToDigits('ばんごう じゅうにけた')).toBe('ばんごう 12桁')
    expect(kanaNumbersToDigits('よんけたも わからん')).toBe('4桁も わからん')
    expect(kanaNumbersToDigits('いっかい まちがえた')).toBe('1回 まちがえた')
    expect(kanaNumbersToDigits('にひゃくごじゅうえん')).toBe('250円')
  })
  it('reads a kana counter after digits and なん as 何', () => {
    expect(kanaNumbersToDigits('カードの4けたの番号')).toBe('カードの4桁の番号')
    expect(kanaNumbersToDigits('10ねん つかえますか')).toBe('10年 つかえますか')
    expect(kanaNumbersToDigits('なんかいまで')).toBe('何回まで')
    expect(kanaNumbersToDigits('なんじまで あいてる')).toBe('何時まで あいてる')
  })
  it('leaves words that only hold the same kana as they are', () => {
    expect(kanaNumbersToDigits('ごかいして')).toBe('ごかいして')
    expect(kanaNumbersToDigits('いちじてきに')).toBe('いちじてきに')
    expect(kanaNumbersToDigits('まいにち')).toBe('まいにち')
    expect(kanaNumbersToDigits('ごねんれい')).toBe('ごねんれい')
    expect(kanaNumbersToDigits('にさんかい')).toBe('にさんかい')
    expect(readKanaNumeral('にさん')).toBeUndefined()
  })
  it('gives a query typed in kana the counted-number token of the content', () => {
    const analyzer = createAnalyzer()
    expect(analyzer.analyzeQuery('あんしょうばんごう よんけた').tokens).toContain('4桁')
    expect(analyzer.documentTokens('4桁の暗証番号')).toContain('4桁')
  })
})

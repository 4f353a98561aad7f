import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { KANJI_ONYOMI } from '../src/analyzer/kanji-onyomi'
import { SynonymSet } from '../src/analyzer/synonyms'
import { correctTyposBySound } from '../src/analyzer/typos'
import { createSearchIndex } from '../src/engine/search-index'

const groups = [
  { terms: ['マイナ保険証', '保険証', 'ほけんしょう'] },
  { terms: ['電子証明書', 'でんししょうめいしょ'] },
  { terms: ['紛失', 'ふんしつ'] },
  { terms: ['普通', 'ふつう'] },
  { terms: ['成長', 'せいちょう'] },
]
const synonyms = new SynonymSet(groups)

describe('kanji typos by sound (typos.ts)', () => {
  it("holds the on'yomi of the 常用漢字", () => {
    expect(KANJI_ONYOMI.split(' ').length).toBeGreaterThan(2000)
    expect(KANJI_ONYOMI).toContain('健けん')
  })

  it('replaces an unknown kanji word by the list word it sounds like and differs from by one kanji', () => {
    expect(correctTyposBySound('保健証の期限', synonyms)).toEqual({
      text: '保険証の期限',
      corrections: [{ from: '保健証', to: '保険証' }],
    })
    expect(correctTyposBySound('電子証明所', synonyms).corrections).toEqual([
      { from: '電子証明所', to: '電子証明書' },
    ])
    expect(correctTyposBySound('粉失した', synonyms).corrections).toEqual([{ from: '粉失', to: '紛失' }])
  })

  it('leaves words the list knows, unknown readings and the middle of a longer word alone', () => {
    for (const text of ['保険証の期限', '電子証明書', '期限が切れた', 'ほけんしょう'])
      expect(correctTyposBySound(text, synonyms).corrections).toEqual([])
    // 附通 reads ふつう (普通), but it is the middle of 交附通知書, not a word of its own.
    expect(correctTyposBySound('交附通知書', synonyms).corrections).toEqual([])
    // 西条 can be read せいちょう (成長), but no kanji is shared: a place name, not a slip.
    expect(correctTyposBySound('西条駅', synonyms).corrections).toEqual([])
    expect(correctTyposBySound('保健証', new SynonymSet([])).corrections).toEqual([])
  })

  it('finds the FAQ through the reading, and can be switched off', () => {
    const index = createSearchIndex({ synonyms: groups })
    index.add({ id: 'hoken', kind: 'faq', question: 'マイナ保険証の使い方', body: '病院の受付で使えます。' })
    index.add({ id: 'health', kind: 'faq', question: '健康診断の案内', body: '保健センターで受けられます。' })
    expect(index.search('保健証の使い方')[0]?.id).toBe('hoken')
    expect(createAnalyzer({ synonyms: groups, soundTypos: false }).analyzeQuery('保健証').typos).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'

import { createSearchIndex } from '../src/engine/search-index'

const facets = [
  {
    id: 'action',
    name: 'お手続き',
    values: [
      { id: 'move-in', name: '転入', forms: ['転入', '越してきた'] },
      { id: 'move-out', name: '転出', forms: ['転出', '引っ越す'] },
    ],
  },
]

describe('why a result matched, in Japanese (reasons.ts)', () => {
  const index = createSearchIndex({
    facets,
    synonyms: [{ terms: ['暗証番号', 'パスワード'] }, { terms: ['マイナ保険証', '保険証', 'ほけんしょう'] }],
  })
  index.add({
    id: 'pin',
    kind: 'faq',
    question: '暗証番号を忘れました',
    alternatives: ['番号を思い出せない'],
    body: '窓口で再設定できます。',
  })
  index.add({ id: 'out', kind: 'faq', question: '転出するときのカードの手続き', body: '転出届を出します。' })
  index.add({ id: 'hoken', kind: 'faq', question: 'マイナ保険証の使い方', body: '病院の受付で使えます。' })

  it('names the fields and words that matched, and the synonym used', () => {
    const [hit] = index.search('パスワード忘れた')
    expect(hit?.id).toBe('pin')
    expect(hit?.explanation.reasons[0]).toBe('質問文に「暗証番号」「忘れ」')
    expect(hit?.explanation.reasons).toContain('言い換え: パスワード → 暗証番号')
  })

  it('warns first when the answer is about another facet than the question', () => {
    const [hit] = index.search('越してきたときのカードの手続き')
    expect(hit?.id).toBe('out')
    expect(hit?.explanation.reasons[0]).toBe('注意: ご質問は転入、この回答は転出について')
  })

  it('says when a typo was read by sound', () => {
    const [hit] = index.search('保健証の使い方')
    expect(hit?.id).toBe('hoken')
    expect(hit?.explanation.reasons).toContain('誤字の読み替え: 保健証 → 保険証')
  })
})

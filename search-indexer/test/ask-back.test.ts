import { describe, expect, it } from 'vitest'

import { FacetVocabulary } from '../src/analyzer/facets'
import { askBackFor } from '../src/engine/ask-back'
import { createSearchIndex } from '../src/engine/search-index'

const dimensions = [
  {
    id: 'what',
    name: '対象',
    values: [
      { id: 'card', name: 'カード本体', forms: ['カード本体'] },
      { id: 'certificate', name: '電子証明書', forms: ['電子証明書'] },
    ],
  },
  {
    id: 'who',
    name: 'どなたの',
    values: [
      { id: 'self', name: 'ご本人', forms: ['本人が'] },
      { id: 'proxy', name: '代理人', forms: ['代理人'] },
    ],
  },
]
const vocabulary = new FacetVocabulary(dimensions)

describe('ask back (ask-back.ts)', () => {
  it('asks when the first answers differ in one facet the query leaves open', () => {
    const hits = [
      { score: 10, facets: { what: ['card'], who: ['self'] } },
      { score: 8, facets: { what: ['certificate'], who: ['self'] } },
    ]
    expect(askBackFor(hits, {}, vocabulary)).toEqual({
      dimension: 'what',
      question: 'どちらについてのご質問ですか？',
      options: [
        { value: 'card', name: 'カード本体' },
        { value: 'certificate', name: '電子証明書' },
      ],
    })
  })

  it('does not ask when the query names the facet, the rival is far behind, or they differ in two facets', () => {
    const hits = [
      { score: 10, facets: { what: ['card'] } },
      { score: 8, facets: { what: ['certificate'] } },
    ]
    expect(askBackFor(hits, { what: ['card'] }, vocabulary)).toBeUndefined()
    expect(askBackFor([hits[0]!, { ...hits[1]!, score: 3 }], {}, vocabulary)).toBeUndefined()
    expect(
      askBackFor(
        [
          { score: 10, facets: { what: ['card'], who: ['self'] } },
          { score: 9, facets: { what: ['certificate'], who: ['proxy'] } },
        ],
        {},
        vocabulary,
      ),
    ).toBeUndefined()
    expect(askBackFor([], {}, vocabulary)).toBeUndefined()
  })

  it('answer(): the choice re-ranks at once and is not asked again', () => {
    const index = createSearchIndex({ facets: dimensions })
    index.add({
      id: 'card-renew',
      kind: 'faq',
      question: 'カード本体の更新の手続き',
      body: '有効期限の前に更新します。',
    })
    index.add({
      id: 'cert-renew',
      kind: 'faq',
      question: '電子証明書の更新の手続き',
      body: '有効期限の前に更新します。',
    })
    const open = index.answer('更新の手続き')
    expect(open.askBack?.dimension).toBe('what')
    const chosen = index.answer('更新の手続き', { facets: { what: ['certificate'] } })
    expect(chosen.hits[0]?.id).toBe('cert-renew')
    expect(chosen.askBack).toBeUndefined()
    expect(index.answer('ほげほげ')).toEqual({ hits: [], confidence: 0, sure: false })
  })
  it('a chosen facet drops the documents that contradict it, however weak the trained facet weights', () => {
    // facetAgree / facetConflict near 0 (as the content's refit left them): words alone would keep
    // the card FAQ first, since its body says 更新 three times.
    const index = createSearchIndex({
      facets: dimensions,
      weights: { facetAgree: 0.01, facetConflict: 0.01 },
    })
    index.add({
      id: 'card-renew',
      kind: 'faq',
      question: 'カード本体の更新',
      body: '更新の手続き。更新は窓口で。更新の予約。',
    })
    index.add({
      id: 'cert-renew',
      kind: 'faq',
      question: '電子証明書の更新',
      body: '有効期限の前に手続きします。',
    })
    index.add({ id: 'renew-general', kind: 'faq', question: '更新のお知らせ', body: 'はがきが届きます。' })
    expect(index.search('更新したい')[0]?.id).toBe('card-renew')
    const chosen = index.search('更新したい', { facets: { what: ['certificate'] } }).map((h) => h.id)
    // The neutral FAQ (no what facet) stays; the contradicting one goes.
    expect(chosen).toEqual(expect.arrayContaining(['cert-renew', 'renew-general']))
    expect(chosen).not.toContain('card-renew')
  })
})

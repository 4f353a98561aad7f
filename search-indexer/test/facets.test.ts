import { describe, expect, it } from 'vitest'

import { FacetVocabulary } from '../src/analyzer/facets'
import { facetFactor, meetFacets, sharedBeyondOne } from '../src/engine/facet-score'
import { loadSerializedIndex, serializeIndex } from '../src/engine/persist'
import { createSearchIndex } from '../src/engine/search-index'

const dimensions = [
  {
    id: 'action',
    name: 'お手続き',
    values: [
      { id: 'move-in', name: '転入', forms: ['転入', '引っ越してきた', '越してきた', 'てんにゅう'] },
      { id: 'move-out', name: '転出', forms: ['転出', '引っ越す', '越す', 'てんしゅつ'] },
      { id: 'move-within', name: '市内での転居', forms: ['市内で引っ越す', '転居'] },
    ],
  },
  {
    id: 'what',
    name: '対象',
    values: [
      { id: 'card', name: 'カード', forms: ['カード'] },
      { id: 'certificate', name: '電子証明書', forms: ['電子証明書'] },
    ],
  },
]

describe('facets', () => {
  const vocabulary = new FacetVocabulary(dimensions)

  it('finds values by their forms, on normalized text, longest form first', () => {
    expect(vocabulary.detect('東広島に越してきたのですが')).toEqual({ action: ['move-in'] })
    expect(vocabulary.detect('テンニュウの手続き')).toEqual({ action: ['move-in'] })
    // 市内で引っ越す claims its span before 引っ越す inside it.
    expect(vocabulary.detect('市内で引っ越すときカードは？')).toEqual({
      action: ['move-within'],
      what: ['card'],
    })
    expect(vocabulary.detect('')).toEqual({})
    expect(new FacetVocabulary([]).detect('転入')).toEqual({})
    expect(vocabulary.nameOf('action', 'move-out')).toBe('転出')
  })

  it('meets query and document facets: agreement, contradiction, silence', () => {
    expect(meetFacets({ action: ['move-in'] }, { action: ['move-in'], what: ['card'] })).toEqual({
      agree: ['action'],
      conflict: [],
    })
    expect(meetFacets({ action: ['move-in'], what: ['card'] }, { action: ['move-out'] })).toEqual({
      agree: [],
      conflict: ['action'],
    })
    expect(meetFacets({ action: ['move-in'] }, {})).toEqual({ agree: [], conflict: [] })
    expect(facetFactor({ agree: ['action'], conflict: [] }, 0.3, 1)).toBeCloseTo(1.3)
    expect(facetFactor({ agree: [], conflict: ['action'] }, 0.3, 1)).toBeCloseTo(0.5)
  })

  it('ranks the FAQ that agrees above the one that contradicts, even when words favour the other', () => {
    // The moving-out FAQ shares 越 with the question, the moving-in one does not: words alone rank it first.
    const index = createSearchIndex({ facets: dimensions, weights: { facetAgree: 0.3, facetConflict: 3 } })
    index.add({
      id: 'out',
      kind: 'faq',
      question: '市外へ引っ越す（転出）とき、マイナンバーカードの手続きは？',
      body: '転出届を出してください。マイナンバーカードはそのまま使えます。',
    })
    index.add({
      id: 'in',
      kind: 'faq',
      question: '転入したときのマイナンバーカードの手続きは？',
      body: '転入届と一緒に住所変更をします。',
    })
    expect(index.search('越してきたけどマイナンバーカードの手続きは')[0]?.id).toBe('in')
    const noFacets = createSearchIndex({ facets: dimensions, weights: { facetAgree: 0, facetConflict: 0 } })
    for (const d of [index.get('out'), index.get('in')]) noFacets.add(d!)
    expect(noFacets.search('越してきたけどマイナンバーカードの手続きは')[0]?.id).toBe('out')
  })

  it('counts the values a document shares beyond one per dimension, and ranks the sibling naming more of the question first', () => {
    const action = (...values: string[]) => ({ action: values })
    expect(sharedBeyondOne(action('apply', 'fee'), action('apply', 'fee'))).toBe(1)
    expect(sharedBeyondOne(action('apply', 'fee'), action('lost', 'reissue', 'fee'))).toBe(0)
    expect(sharedBeyondOne({ ...action('fee'), what: ['card'] }, { ...action('fee'), what: ['card'] })).toBe(
      0,
    )
    const fees = [
      {
        id: 'action',
        name: 'ご用件',
        values: [
          { id: 'apply', name: '申請', forms: ['申請', '作る'] },
          { id: 'lost', name: '紛失', forms: ['紛失', 'なくし'] },
          { id: 'fee', name: '手数料', forms: ['手数料', 'いくら'] },
        ],
      },
    ]
    const documents = [
      { id: 'lost-fee', kind: 'faq' as const, question: '紛失したカードの手数料はいくら？' },
      { id: 'application-fee', kind: 'faq' as const, question: 'カードを新しく申請するときの手数料は？' },
    ]
    const query = 'カードを作る手数料はいくら'
    const ranked = (facetValues: number) => {
      const index = createSearchIndex({
        facets: fees,
        weights: { facetAgree: 0, facetConflict: 0, facetValues },
      })
      for (const d of documents) index.add(d)
      return index.search(query).map((h) => h.id)
    }
    // Words favour lost-fee (いくら too, about 4 to 1 in this two-document index); only
    // application-fee names both apply and fee.
    expect(ranked(0)[0]).toBe('lost-fee')
    expect(ranked(4)[0]).toBe('application-fee')
  })

  it('reads the preferred word of a kana reading the synonym list knows for facets', () => {
    const readings = [{ terms: ['転入', 'てんにゅう'] }]
    const spelled = [
      { id: 'action', name: 'お手続き', values: [{ id: 'move-in', name: '転入', forms: ['転入'] }] },
    ]
    const index = createSearchIndex({ facets: spelled, synonyms: readings })
    expect(index.analyzer.analyzeQuery('てんにゅう の てつづき').facets).toEqual({ action: ['move-in'] })
    expect(
      createSearchIndex({ facets: spelled }).analyzer.analyzeQuery('てんにゅう の てつづき').facets,
    ).toEqual({})
  })

  it("takes a document's own facets over the ones found in its text, and keeps the vocabulary when saved", () => {
    const index = createSearchIndex({ facets: dimensions })
    index.add({
      id: 'a',
      kind: 'faq',
      question: '電子証明書とカードの期限',
      facets: { what: ['certificate'] },
    })
    expect(index.facetsOf('faq:a')).toEqual({ what: ['certificate'] })
    index.add({ id: 'b', kind: 'faq', question: '転入と転出', facets: { action: [] } })
    expect(index.facetsOf('faq:b')).toEqual({})
    const restored = loadSerializedIndex(serializeIndex(index))
    expect(restored.analyzer.facets.detect('転出します')).toEqual({ action: ['move-out'] })
  })

  it('a question-only dimension is found in questions, never in documents, and survives saving', () => {
    const withScope = [
      ...dimensions,
      {
        id: 'elsewhere',
        name: 'ほかの手続き',
        questionOnly: true,
        values: [{ id: 'other-procedure', name: 'ほかの手続き', forms: ['住民票'] }],
      },
    ]
    const index = createSearchIndex({ facets: withScope })
    index.add({ id: 'c', kind: 'faq', question: 'コンビニで住民票を取るときのカードの暗証番号' })
    index.add({
      id: 'd',
      kind: 'faq',
      question: 'カードの手続き',
      facets: { elsewhere: ['other-procedure'] },
    })
    expect(index.analyzer.facets.detect('住民票はどこで取れますか')).toEqual({
      elsewhere: ['other-procedure'],
    })
    expect(index.facetsOf('faq:c')).toEqual({ what: ['card'] })
    expect(index.facetsOf('faq:d')).toEqual({ what: ['card'] })
    // Neither agreement nor contradiction: the dimension does not move the ranking.
    expect(index.search('住民票 カード')[0]?.facets).toEqual({ agree: ['what'], conflict: [] })
    const restored = loadSerializedIndex(serializeIndex(index))
    expect(restored.analyzer.facets.dimensions.find((d) => d.id === 'elsewhere')?.questionOnly).toBe(true)
    expect(restored.facetsOf('faq:c')).toEqual({ what: ['card'] })
  })
})

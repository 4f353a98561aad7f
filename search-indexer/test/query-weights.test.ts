import { describe, expect, it } from 'vitest'

import { GRAM } from '../src/analyzer/tokenize'
import { inflectedWeights } from '../src/engine/query-weights'
import { createSearchIndex, DEFAULT_WEIGHTS } from '../src/engine/search-index'

describe('query-side weights of inflected words (weights.inflected)', () => {
  it('lowers an inflected word and its kanji stem, never a noun or a bigram', () => {
    const tokens = ['延長', '借り', '借', `${GRAM}延長`, 'ぱんふれつと']
    expect(inflectedWeights(tokens, 0.7)).toEqual(
      new Map([
        ['借り', 0.7],
        ['借', 0.7],
      ]),
    )
    // A lone kanji the query holds for itself (not as a stem of its words) keeps its weight.
    expect(inflectedWeights(['本', '送り'], 0.7)).toEqual(new Map([['送り', 0.7]]))
    expect(inflectedWeights(tokens, 1).size).toBe(0)
  })

  it('scores a FAQ that only shares the verb lower, and one that shares the noun the same', () => {
    const scores = (inflected: number) => {
      const index = createSearchIndex({ weights: { inflected } })
      index.add({ id: 'verb', kind: 'faq', question: '予約して借りたい' })
      index.add({ id: 'noun', kind: 'faq', question: '延長の手続き' })
      index.add({ id: 'other', kind: 'faq', question: '市役所の場所' })
      expect(index.analyzer.analyzeQuery('延長して借りたい').tokens).toEqual(
        expect.arrayContaining(['延長', '借り', '借']),
      )
      return Object.fromEntries(index.search('延長して借りたい').map((h) => [h.id, h.score]))
    }
    const plain = scores(1)
    const lowered = scores(DEFAULT_WEIGHTS.inflected)
    expect(DEFAULT_WEIGHTS.inflected).toBeLessThan(1)
    expect(lowered.noun).toBeCloseTo(plain.noun!, 10)
    expect(lowered.verb).toBeLessThan(plain.verb! - 0.5)
    expect(lowered.verb! - lowered.noun!).toBeLessThan(plain.verb! - plain.noun!)
  })
})

import { describe, expect, it } from 'vitest'

import { confidenceFeatures } from '../src/engine/confidence'
import { fitScope, SCOPE_GRAM, scopeOf, scopeOfWords, scopeWords } from '../src/engine/scope'
import { SCOPE_MODEL } from '../src/engine/scope-model'
import type { QueryAnalysis } from '../src/analyzer/analyzer'
import { createSearchIndex } from '../src/engine/search-index'

describe('the "in scope" model (scope.ts)', () => {
  it('reads the query’s own words and its kanji bigrams (marked) once each, not its kana bigrams', () => {
    const index = createSearchIndex()
    const q = index.analyzer.analyzeQuery('暗証番号を忘れた 暗証番号 ざいりゅう')
    const words = scopeWords(q)
    expect(new Set(words).size).toBe(words.length)
    const grams = words.filter((w) => w.startsWith(SCOPE_GRAM))
    const own = words.filter((w) => !w.startsWith(SCOPE_GRAM))
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((w) => q.tokens.includes(w))).toBe(true)
    // 暗証番号 gives 暗証, 証番, 番号; no bigram of ざいりゅう.
    expect(grams).toEqual(expect.arrayContaining(['·暗証', '·証番', '·番号']))
    expect(grams.every((g) => /^·\p{Script=Han}{1,2}$/u.test(g))).toBe(true)
    // A word and a bigram of the same two kanji are two features.
    expect(scopeWords(index.analyzer.analyzeQuery('在留'))).toEqual(['在留', '·在留'])
  })

  it('learns words of in-scope questions up and words of off-topic ones down', () => {
    const samples = [
      ...['暗証番号 忘れ', '暗証番号 ロック', 'カード 更新', 'カード 受け取り'].map((t) => ({
        words: t.split(' '),
        inScope: true,
      })),
      ...['図書館 カード', '図書館 予約', '在留カード 更新', '在留カード 受け取り'].map((t) => ({
        words: t.split(' '),
        inScope: false,
      })),
    ]
    const model = fitScope(samples, { epochs: 50, rate: 0.2 })
    expect(model.weights.暗証番号).toBeGreaterThan(0)
    expect(model.weights.図書館).toBeLessThan(0)
    expect(model.weights.在留カード).toBeLessThan(0)
    for (const s of samples) expect(scopeOfWords(s.words, model) >= 0.5, s.words.join(' ')).toBe(s.inScope)
    // A re-fit writes the same table.
    expect(fitScope(samples, { epochs: 50, rate: 0.2 })).toEqual(model)
  })

  it('is a confidence feature beside unknownWord, read from the committed table', () => {
    const q = { tokens: ['マイナポイント'], facets: {} } as unknown as QueryAnalysis
    const scope = scopeOf(q)
    expect(scope).toBeCloseTo(scopeOfWords(['マイナポイント'], SCOPE_MODEL))
    expect(confidenceFeatures({ query: q, top: { score: 0, coverage: 1 }, scope })).toMatchObject({ scope })
    expect(confidenceFeatures({ query: q, top: undefined, scope })).toEqual({})
  })
})

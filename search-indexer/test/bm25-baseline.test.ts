import { describe, expect, it } from 'vitest'

import { Bm25Baseline, rawBigrams } from '../src/eval/bm25-baseline'

describe('BM25 baseline over raw bigrams', () => {
  it('takes raw character bigrams with no normalization', () => {
    expect(rawBigrams('暗証番号')).toEqual(['暗証', '証番', '番号'])
    expect(rawBigrams('ＡＢ ab c')).toEqual(['ＡＢ', 'ab', 'c'])
    expect(rawBigrams('マイナンバー')).not.toContain('まい')
  })
  it('scores a hand-computed example', () => {
    // Docs (question + answer): d1 "ab ab" → tokens [ab, ab]; d2 "ab cd" → [ab, cd]; d3 "xy" → [xy].
    const bm = new Bm25Baseline([
      { id: 'd1', question: 'ab', answer: 'ab' },
      { id: 'd2', question: 'ab', answer: 'cd' },
      { id: 'd3', question: 'xy', answer: '' },
    ])
    // Query "cd": df = 1 of N = 3 → idf = ln(1 + 2.5/1.5) = ln(2.6667) = 0.98083.
    // d2: tf 1, length 2, average length 5/3 → 0.98083 × 2.2 / (1 + 1.2 × (0.25 + 0.75 × 2 / (5/3)))
    //   = 2.15783 / (1 + 1.2 × 1.15) = 2.15783 / 2.38 = 0.90665
    const scored = bm.scored('cd')
    expect(scored.map(([id]) => id)).toEqual(['d2'])
    expect(scored[0]?.[1]).toBeCloseTo(0.90665, 4)
    // Query "ab": d1 has tf 2 and ranks above d2.
    expect(bm.rank('ab')).toEqual(['d1', 'd2'])
    expect(bm.rank('zz')).toEqual([])
  })
})

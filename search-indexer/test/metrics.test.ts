import { describe, expect, it } from 'vitest'

import { evaluateRanking, meanMetrics, queryMetrics } from '../src/eval/metrics'

describe('metrics on a hand-computed example', () => {
  // Relevant: a (grade 2), b (grade 1), c (grade 1). Ranking: x a y b z …
  const j = { id: 'q', query: 'q', relevant: ['a', 'b', 'c'], grades: { a: 2, b: 1, c: 1 } }
  const ranked = ['x', 'a', 'y', 'b', 'z', 'c', 'w']
  const m = queryMetrics(ranked, j)

  it('computes P@1, P@5, MRR@10, Recall@5 and Recall@10', () => {
    expect(m.p1).toBe(0)
    expect(m.p5).toBeCloseTo(2 / 5, 10)
    expect(m.mrr10).toBeCloseTo(1 / 2, 10)
    expect(m.recall5).toBeCloseTo(2 / 3, 10)
    expect(m.recall10).toBe(1)
  })
  it('computes nDCG@5 with gain 2^g − 1 and discount log2(rank + 1)', () => {
    // DCG  = (2²−1)/log2(3) + (2¹−1)/log2(5) = 3/1.5850 + 1/2.3219 = 1.8928 + 0.4307 = 2.3235
    // IDCG = 3/log2(2) + 1/log2(3) + 1/log2(4) = 3 + 0.6309 + 0.5 = 4.1309
    expect(m.ndcg5).toBeCloseTo(2.3235 / 4.1309, 3)
    expect(m.ndcg5).toBeCloseTo(0.5625, 3)
  })
  it('treats a query without grades as binary and an empty ranking as zero', () => {
    const binary = queryMetrics(['b', 'a'], { id: 'q', query: 'q', relevant: ['a'] })
    expect(binary.mrr10).toBe(0.5)
    expect(binary.ndcg5).toBeCloseTo(1 / Math.log2(3), 10)
    expect(queryMetrics([], j)).toEqual({
      p1: 0,
      success3: 0,
      p5: 0,
      mrr10: 0,
      ndcg5: 0,
      ndcg10: 0,
      recall5: 0,
      recall10: 0,
    })
  })
  it('ignores a relevant item past rank 10 for MRR@10', () => {
    const late = queryMetrics([...'abcdefghij'.split('').map((c) => `n${c}`), 'a'], j)
    expect(late.mrr10).toBe(0)
  })
  it('averages over queries', () => {
    const perfect = { id: 'p', query: 'p', relevant: ['a'] }
    const miss = { id: 'm', query: 'm', relevant: ['zz'] }
    const avg = evaluateRanking([perfect, miss], () => ['a'])
    expect(avg.p1).toBe(0.5)
    expect(avg.mrr10).toBe(0.5)
    expect(meanMetrics([]).p1).toBe(0)
  })
})

import { seededRandom } from '@kotae/content/seededRandom'
import { describe, expect, it } from 'vitest'

import { Scores, kthLargest } from '../src/engine/bm25'

describe('top k without a full sort', () => {
  it('kthLargest agrees with sorting, ties included', () => {
    const rand = seededRandom(1)
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(rand() * 300)
      const values = Float64Array.from({ length: n }, () => Math.floor(rand() * 20) / 4)
      const sorted = [...values].sort((a, b) => b - a)
      const k = 1 + Math.floor(rand() * n)
      expect(kthLargest(Float64Array.from(values), k)).toBe(sorted[k - 1])
    }
  })
  it('Scores.top gives what the full sort by score then id gives', () => {
    const rand = seededRandom(2)
    for (let round = 0; round < 100; round++) {
      const size = 50 + Math.floor(rand() * 500)
      const scores = new Scores(size)
      for (let i = 0; i < size * 2; i++) scores.add(Math.floor(rand() * size), Math.floor(rand() * 8) + 1)
      const full = scores.touched
        .map((id): [number, number] => [id, scores.values[id]!])
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      const limit = 1 + Math.floor(rand() * 60)
      expect(scores.top(limit)).toEqual(full.slice(0, limit))
    }
  })
})

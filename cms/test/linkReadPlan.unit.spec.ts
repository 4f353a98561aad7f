import { seededRandom } from '@kotae/content/seededRandom'
import { describe, expect, it } from 'vitest'

import { LinkReadPlan } from '../src/reports/counts'

describe('FAQ links read while the calls stream (LinkReadPlan)', () => {
  it('reads each id of [lowest, highest] exactly once, whatever order the ids come in', () => {
    const random = seededRandom(11)
    for (let trial = 0; trial < 200; trial++) {
      // Mostly growing ids, some far out of order, in blocks of a random size.
      const ids = Array.from({ length: 1 + Math.floor(random() * 400) }, (_, i) =>
        random() < 0.05 ? Math.floor(random() * 1000) : 500 + i * (1 + Math.floor(random() * 3)),
      )
      const plan = new LinkReadPlan(1 + Math.floor(random() * 60), 1 + Math.floor(random() * 8))
      const read: [number, number][] = []
      let lo = Infinity
      let hi = -Infinity
      for (let i = 0; i < ids.length; ) {
        const block = 1 + Math.floor(random() * 50)
        for (const id of ids.slice(i, i + block)) [lo, hi] = [Math.min(lo, id), Math.max(hi, id)]
        i += block
        const next = plan.next(lo, hi)
        if (next) read.push(next)
      }
      read.push(...plan.rest(lo, hi))
      const sorted = [...read].sort((a, b) => a[0] - b[0])
      expect(sorted[0]![0]).toBe(lo)
      expect(sorted.at(-1)![1]).toBe(hi)
      for (let k = 0; k < sorted.length; k++) {
        expect(sorted[k]![0]).toBeLessThanOrEqual(sorted[k]![1])
        if (k) expect(sorted[k]![0]).toBe(sorted[k - 1]![1] + 1) // no gap, no overlap
      }
    }
  })

  it('an id just below the first read, or just above the last, is read at the end', () => {
    const plan = new LinkReadPlan(5, 8)
    expect(plan.next(10, 12)).toBeNull() // too few ids yet
    expect(plan.next(10, 20)).toEqual([10, 20])
    expect(plan.next(10, 22)).toBeNull()
    expect(plan.next(9, 30)).toEqual([21, 30])
    expect(plan.rest(9, 31)).toEqual([
      [9, 9],
      [31, 31],
    ])
    expect(new LinkReadPlan(5, 8).rest(3, 4)).toEqual([[3, 4]])
    const capped = new LinkReadPlan(1, 1)
    expect(capped.next(1, 1)).toEqual([1, 1])
    expect(capped.next(1, 50)).toBeNull() // no more reads while streaming
    expect(capped.rest(1, 50)).toEqual([[2, 50]])
  })
})

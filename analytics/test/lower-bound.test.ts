import { describe, expect, it } from 'vitest'

import { lowerBound } from '../src/lib/lowerBound'

describe('lowerBound: the first place at or after a value in a sorted list', () => {
  it('finds the first equal or greater item, ties to the first of them', () => {
    const xs = [1, 3, 3, 3, 8]
    const id = (x: number) => x
    expect([0, 1, 2, 3, 4, 8, 9].map((t) => lowerBound(xs, t, id))).toEqual([0, 0, 1, 1, 4, 4, 5])
  })

  it('reads the key of each item, and gives 0 for an empty list', () => {
    const calls = [{ at: 10 }, { at: 20 }, { at: 30 }]
    expect(lowerBound(calls, 15, (c) => c.at)).toBe(1)
    expect(lowerBound([], 5, (x: number) => x)).toBe(0)
  })
})

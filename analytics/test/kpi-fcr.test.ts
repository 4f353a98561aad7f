import { seededRandom } from '@kotae/content/seededRandom'
import { describe, expect, it } from 'vitest'

import {
  abandonRate,
  answerRate,
  asaSeconds,
  attSeconds,
  callerKey,
  callHandleSeconds,
  firstContactResolutionRate,
  median,
  ratio,
  RepeatTracker,
  serviceLevel,
  talkSeconds,
} from '../src/kpi'
import { calls } from './fixtures/october-2026'

const day = 86_400_000

describe('RepeatTracker', () => {
  it('a later call within the window (inclusive) disqualifies; same instant or later than the window does not', () => {
    const r = new RepeatTracker(7)
    r.add('a', 'x', 0, true)
    r.add('a', 'x', 7 * day, false) // exactly 7 days
    r.add('b', 'x', 0, true)
    r.add('b', 'x', 7 * day + 1, false) // just over
    r.add('c', 'x', 5, true)
    r.add('c', 'x', 5, true) // same instant: neither is a repeat of the other
    r.add('d', 'x', 0, true)
    r.add('d', 'y', day, false) // other category
    r.add('e', 'x', 0, false)
    r.add('e', 'x', day, true) // the earlier call was not resolved; the later one has no repeat
    const out = r.finish()
    expect(out.disqualified).toBe(1)
    expect([...out.disqualifiedByCategory]).toEqual([['x', 1]])
  })

  it('is order-independent and handles chains', () => {
    const times = [0, 2 * day, 4 * day, 20 * day]
    const orders = [times, [...times].reverse(), [times[2]!, times[0]!, times[3]!, times[1]!]]
    for (const order of orders) {
      const r = new RepeatTracker(7)
      for (const t of order) r.add('h', 'k', t, true)
      expect(r.finish().disqualified).toBe(2) // 0 and 2 days; 4 days has no successor within 7; 20 none
    }
  })
})

describe('formulas on sums never give NaN', () => {
  it('null on an empty base', () => {
    expect(ratio(0, 0)).toBeNull()
    expect(ratio(1, Number.NaN)).toBeNull()
    expect(answerRate({ answered: 0, offered: 2, shortAbandoned: 2 })).toBeNull()
    expect(answerRate({ answered: 3, offered: 5, shortAbandoned: 1 })).toBe(0.75)
    expect(abandonRate({ abandoned: 1, offered: 5, shortAbandoned: 1 })).toBe(0.25)
    expect(serviceLevel({ answeredWithin: 2, answered: 3, offered: 5, shortAbandoned: 1 })).toBe(0.5)
    expect(serviceLevel({ answeredWithin: 2, answered: 4, offered: 5, shortAbandoned: 1 }, 'answered')).toBe(
      0.5,
    )
    expect(asaSeconds({ waitSeconds: 0, answeredWithWait: 0 })).toBeNull()
    expect(attSeconds({ talkSeconds: 10, callsWithTalk: 0 })).toBeNull()
    expect(firstContactResolutionRate({ firstContactResolved: 0, calls: 0 })).toBeNull()
    expect(median([])).toBeNull()
    expect(median([3, 1, 2, 10])).toBe(2.5)
  })

  it('talk and handle of one call', () => {
    const c1 = calls[0]!
    expect(talkSeconds(c1)).toBe(270)
    expect(talkSeconds(c1, false)).toBe(300)
    expect(callHandleSeconds(c1)).toBe(360)
    expect(talkSeconds({ ...c1, holdSeconds: 1000 })).toBe(0)
  })
})

describe('RepeatTracker against a direct count', () => {
  it('agrees on random calls, hex hashes and short ones, several categories', () => {
    const random = seededRandom(7)
    const calls = Array.from({ length: 3000 }, () => ({
      caller:
        random() < 0.5
          ? `h${Math.floor(random() * 300)}`
          : Math.floor(random() * 300)
              .toString(16)
              .padStart(64, 'a'),
      category: `cat${Math.floor(random() * 5)}`,
      t: Date.UTC(2026, 9, 1) + Math.floor(random() * 40) * day + Math.floor(random() * 3) * 3_600_000,
      resolved: random() < 0.7,
    }))
    const tracker = new RepeatTracker(7)
    for (const c of calls) tracker.add(c.caller, c.category, c.t, c.resolved)
    const expected = new Map<string, number>()
    let total = 0
    for (const c of calls) {
      if (!c.resolved) continue
      if (
        calls.some(
          (d) => d.caller === c.caller && d.category === c.category && d.t > c.t && d.t - c.t <= 7 * day,
        )
      ) {
        total++
        expected.set(c.category, (expected.get(c.category) ?? 0) + 1)
      }
    }
    const out = tracker.finish()
    expect(total).toBeGreaterThan(100)
    expect(out.disqualified).toBe(total)
    expect(Object.fromEntries(out.disqualifiedByCategory)).toEqual(Object.fromEntries(expected))
  })

  it('caller keys do not collide on similar hashes', () => {
    const keys = new Set<number>()
    for (let i = 0; i < 100_000; i++) keys.add(callerKey(i.toString(16).padStart(64, '0')))
    expect(keys.size).toBe(100_000)
  })
})

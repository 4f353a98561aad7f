import { describe, expect, it } from 'vitest'

import { abandonRate, answerRate, asaSeconds, attSeconds, callHandleSeconds, firstContactResolutionRate, median, ratio, RepeatTracker, serviceLevel, talkSeconds } from '../src/kpi'
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
    expect(serviceLevel({ answeredWithin: 2, answered: 4, offered: 5, shortAbandoned: 1 }, 'answered')).toBe(0.5)
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

import { seededRandom } from '@kotae/content/seededRandom'
import { describe, expect, it } from 'vitest'

import {
  abandonRate,
  answerRate,
  asaSeconds,
  attSeconds,
  calledAgain,
  firstContactResolutionRate,
  handleSeconds,
  median,
  ratio,
  serviceLevel,
  talkSeconds,
} from '../src/kpi'
import { calls } from './fixtures/october-2026'

const day = 86_400_000

describe('calledAgain', () => {
  const call = (caller: string, category: string, at: number) => ({ caller, category, at })
  it('a later call within the window (inclusive) repeats; the same instant or later than the window does not', () => {
    const again = calledAgain(
      [
        call('a', 'x', 0),
        call('a', 'x', 7 * day), // exactly 7 days
        call('b', 'x', 0),
        call('b', 'x', 7 * day + 1), // just over
        call('c', 'x', 5),
        call('c', 'x', 5), // same instant: neither is a repeat of the other
        call('d', 'x', 0),
        call('d', 'y', day), // other category
      ],
      7 * day,
    )
    expect(again).toEqual([true, false, false, false, false, false, false, false])
  })

  it('is order-independent and handles chains', () => {
    const times = [0, 2 * day, 4 * day, 20 * day]
    const orders = [times, [...times].reverse(), [times[2]!, times[0]!, times[3]!, times[1]!]]
    for (const order of orders) {
      const again = calledAgain(
        order.map((t) => call('h', 'k', t)),
        7 * day,
      )
      // 0 and 2 days have a successor within 7 days; 4 days and 20 days do not.
      expect(order.filter((_, i) => again[i])).toEqual(order.filter((t) => t < 4 * day))
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
    expect(median([100, 9, 10])).toBe(10) // numeric order (as text, '100' would be the middle)
  })

  it('talk and handle of one call', () => {
    const c1 = calls[0]!
    expect(talkSeconds(c1)).toBe(270)
    expect(talkSeconds(c1, false)).toBe(300)
    expect(handleSeconds(c1, talkSeconds(c1))).toBe(360)
    expect(talkSeconds({ ...c1, holdSeconds: 1000 })).toBe(0)
  })
})

describe('calledAgain against a direct count', () => {
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
      at: Date.UTC(2026, 9, 1) + Math.floor(random() * 40) * day + Math.floor(random() * 3) * 3_600_000,
    }))
    const expected = calls.map((c) =>
      calls.some(
        (d) => d.caller === c.caller && d.category === c.category && d.at > c.at && d.at - c.at <= 7 * day,
      ),
    )
    expect(expected.filter(Boolean).length).toBeGreaterThan(100)
    expect(calledAgain(calls, 7 * day)).toEqual(expected)
  })
})

import { describe, expect, it } from 'vitest'

import { halfHourRows } from '../src/kpi'
import { busyHours, hourRows, outcomeRows, selfServiceTrend, staleContent, type StaleInput } from '../src/gap'

describe('staleContent', () => {
  const now = '2026-11-30T03:00:00.000Z'
  const base: StaleInput = {
    id: '1',
    title: '基本',
    reviewBy: '2027-06-30',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: '2026-11-20T00:00:00.000Z',
    lastViewedAt: null,
    helpfulVotes: 0,
    notHelpfulVotes: 0,
  }
  const rows = staleContent(
    [
      base,
      { ...base, id: '2', title: '期限切れ', reviewBy: '2026-11-20' },
      // Last used 91 days ago, last viewed 95 days ago: unused for 90 days.
      {
        ...base,
        id: '3',
        title: '使われない',
        lastUsedAt: '2026-08-31T03:00:00.000Z',
        lastViewedAt: '2026-08-27T00:00:00.000Z',
      },
      // Viewed 10 days ago though no call used it: in use.
      {
        ...base,
        id: '4',
        title: 'サイトで読まれる',
        lastUsedAt: null,
        lastViewedAt: '2026-11-20T00:00:00.000Z',
      },
      // Created 30 days ago, never used: too new to call unused.
      { ...base, id: '5', title: '新しい', createdAt: '2026-10-31T00:00:00.000Z', lastUsedAt: null },
      { ...base, id: '6', title: '役に立たない', helpfulVotes: 2, notHelpfulVotes: 4 },
      // 4 votes, all negative: below minVotes, not judged.
      { ...base, id: '7', title: '票が少ない', helpfulVotes: 0, notHelpfulVotes: 4 },
      {
        ...base,
        id: '8',
        title: '全部',
        reviewBy: '2026-10-31',
        lastUsedAt: null,
        helpfulVotes: 1,
        notHelpfulVotes: 9,
      },
    ],
    { now },
  )

  it('lists each entry with every reason that applies, most reasons first', () => {
    expect(rows.map((r) => [r.id, r.reasons])).toEqual([
      ['8', ['past-review-by', 'unused', 'low-helpfulness']],
      ['2', ['past-review-by']],
      ['3', ['unused']],
      ['6', ['low-helpfulness']],
    ])
  })

  it('counts days overdue from the review-by date (JST midnight) and the helpful share', () => {
    expect(rows.find((r) => r.id === '2')!.daysOverdue).toBe(10)
    expect(rows.find((r) => r.id === '6')!.helpfulRate).toBeCloseTo(1 / 3, 12)
  })

  it('takes its thresholds from options', () => {
    const strict = staleContent(
      [{ ...base, id: '7', title: '票が少ない', helpfulVotes: 0, notHelpfulVotes: 4 }],
      { now, minVotes: 3 },
    )
    expect(strict.map((r) => r.reasons)).toEqual([['low-helpfulness']])
    expect(staleContent([base], { now, unusedDays: 5 }).map((r) => r.reasons)).toEqual([['unused']])
  })
})

describe('selfServiceTrend', () => {
  // November 2026 in JST: 1 Nov is a Sunday, so the weeks start Mon 26 Oct, 2, 9, 16, 23, 30 Nov.
  const range = { start: '2026-10-31T15:00:00.000Z', end: '2026-11-30T15:00:00.000Z' }
  const trend = selfServiceTrend({
    range,
    faqTopics: new Map([
      ['pin-forgot', 'pin'],
      ['renewal-fee', 'renewal'],
    ]),
    siteEvents: [
      { type: 'search', at: '2026-10-31T15:00:00.000Z' }, // Sun 1 Nov 00:00 JST → week of 26 Oct
      { type: 'faq-view', at: '2026-10-31T15:30:00.000Z', faq: 'pin-forgot' },
      { type: 'search', at: '2026-11-01T15:00:00.000Z' }, // Mon 2 Nov 00:00 JST → week of 2 Nov
      { type: 'zero-result', at: '2026-11-01T15:00:00.000Z' }, // not a second search
      { type: 'faq-view', at: '2026-11-02T01:00:00.000Z', faq: 'pin-forgot' },
      { type: 'faq-view', at: '2026-11-02T02:00:00.000Z', faq: 'renewal-fee' },
      { type: 'faq-view', at: '2026-11-02T03:00:00.000Z', faq: 'unknown-slug' },
      { type: 'faq-view', at: '2026-10-31T14:59:59.999Z', faq: 'pin-forgot' }, // 31 Oct JST: outside
    ],
    calls: [
      { talkStartedAt: '2026-11-01T14:59:00.000Z', category: 'pin' }, // Sun 1 Nov 23:59 JST
      { talkStartedAt: '2026-11-03T00:00:00.000Z', category: 'pin' },
      { talkStartedAt: '2026-11-03T00:00:00.000Z', category: null },
      { talkStartedAt: '2026-11-30T15:00:00.000Z', category: 'pin' }, // 1 Dec JST: outside
    ],
  })

  it('has every week of the range, Monday first, empty weeks as zeros', () => {
    expect(trend.weeks.map((w) => w.weekStart)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ])
    expect(trend.weeks.map((w) => [w.searches, w.faqViews, w.calls])).toEqual([
      [1, 1, 1],
      [1, 3, 2],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ])
    expect(trend.weeks.map((w) => w.selfServiceRate)).toEqual([0.5, 0.6, null, null, null, null])
  })

  it('splits views and calls by topic (a view by its FAQ’s category)', () => {
    expect(trend.weeks[1]!.byTopic).toEqual({
      pin: { faqViews: 1, calls: 1 },
      renewal: { faqViews: 1, calls: 0 },
      '': { faqViews: 1, calls: 1 },
    })
    expect(trend.topics).toEqual([
      { topic: 'pin', faqViews: 2, calls: 2, selfServiceRate: 0.5 },
      { topic: null, faqViews: 1, calls: 1, selfServiceRate: 0.5 },
      { topic: 'renewal', faqViews: 1, calls: 0, selfServiceRate: 1 },
    ])
    expect(trend.totals).toEqual({ searches: 2, faqViews: 4, calls: 3, selfServiceRate: 4 / 7 })
  })

  it('an empty range gives no weeks and null rates, never NaN', () => {
    const empty = selfServiceTrend({
      range: { start: range.start, end: range.start },
      siteEvents: [],
      calls: [],
    })
    expect(empty).toEqual({
      weeks: [],
      topics: [],
      totals: { searches: 0, faqViews: 0, calls: 0, selfServiceRate: null },
    })
  })
})

describe('dashboard pieces', () => {
  it('outcomeRows counts in the given order, unknown outcomes last', () => {
    expect(
      outcomeRows(
        [{ outcome: 'resolved' }, { outcome: 'resolved' }, { outcome: 'escalated' }, { outcome: 'other' }],
        ['resolved', 'escalated', 'callback'],
      ),
    ).toEqual([
      { outcome: 'resolved', count: 2, share: 0.5 },
      { outcome: 'escalated', count: 1, share: 0.25 },
      { outcome: 'callback', count: 0, share: 0 },
      { outcome: 'other', count: 1, share: 0.25 },
    ])
    expect(outcomeRows([], ['resolved'])).toEqual([{ outcome: 'resolved', count: 0, share: null }])
  })

  it('hourRows folds 30-minute slots into hours; busyHours keeps business hours and any busy hour', () => {
    const counts = (rows: number) => ({
      offered: new Int32Array(rows),
      answered: new Int32Array(rows),
      abandoned: new Int32Array(rows),
      shortAbandoned: new Int32Array(rows),
      calls: new Int32Array(rows),
    })
    const c = counts(48)
    c.calls[18] = 2 // 09:00-09:30
    c.calls[19] = 3 // 09:30-10:00
    c.calls[40] = 1 // 20:00-20:30
    const half = halfHourRows(c, false)
    const hours = hourRows(half)
    expect(hours).toHaveLength(24)
    expect(hours[9]).toEqual({ hour: 9, label: '09時', calls: 5, offered: null, answered: null })
    expect(busyHours(hours).map((h) => h.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
  })
})

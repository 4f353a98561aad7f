import { describe, expect, it } from 'vitest'

import { computeReport, REPORT_KPI_KEYS } from '../src/kpi'
import { calls, escalations, expected, telephony } from './fixtures/october-2026'
import { badLeaves } from './fixtures/walk'

const october = () =>
  computeReport({ period: { kind: 'month', year: 2026, month: 10 }, calls, telephony, escalations })

describe('computeReport, October 2026 by hand', () => {
  const r = october()

  it('has exactly the KPI keys plus empty and meta', () => {
    expect(Object.keys(r).sort()).toEqual([...REPORT_KPI_KEYS, 'empty', 'meta'].sort())
    expect(r.empty).toBe(false)
    expect(badLeaves(r)).toEqual([])
  })

  it('counts offered, answered, abandoned and short abandons by JST offer time', () => {
    expect(r.offered).toBe(expected.offered)
    expect(r.answered).toBe(expected.answered)
    expect(r.abandoned).toEqual({
      count: expected.abandoned,
      short: expected.shortAbandoned,
      rate: expected.abandonRate,
      shortThresholdSeconds: 5,
    })
    expect(r.meta.details.offeredForRate).toBe(expected.offeredForRate)
    expect(r.meta.counts.outside.telephony).toBe(2)
  })

  it('rates: answer rate, service level, ASA', () => {
    expect(r.answerRate).toBeCloseTo(expected.answerRate, 12)
    expect(r.serviceLevel).toEqual({
      rate: expected.serviceLevel,
      answeredWithin: expected.answeredWithin,
      thresholdSeconds: 20,
      base: 'offered',
      target: 0.8,
    })
    expect(r.asaSeconds).toBeCloseTo(expected.asaSeconds, 9)
  })

  it('一次完了 from logged outcomes, cross-checked against repeats within 7 days (also after the month end)', () => {
    expect(r.meta.counts.calls).toBe(expected.calls)
    expect(r.meta.details.loggedResolved).toBe(expected.loggedResolved)
    expect(r.meta.details.repeatDisqualified).toBe(expected.repeatDisqualified)
    expect(r.meta.details.firstContactResolved).toBe(expected.firstContactResolved)
    expect(r.meta.details.callsCrossCheckable).toBe(expected.callsCrossCheckable)
    expect(r.firstContactResolutionRate).toBeCloseTo(expected.firstContactResolutionRate, 12)
    expect(r.meta.counts.callsForRepeatCheck).toBe(1)
    expect(r.meta.counts.outside.calls).toBe(2)
  })

  it('ATT and AHT from call logs, hold inside the talk span', () => {
    expect(r.attSeconds).toBeCloseTo(expected.attSeconds, 9)
    expect(r.ahtSeconds).toBeCloseTo(expected.ahtSeconds, 9)
    expect(r.meta.counts.callsWithoutTalk).toBe(expected.callsWithoutTalk)
  })

  it('48 half-hour slots in JST (midnight and month-end calls in the slot they started)', () => {
    expect(r.byHalfHour).toHaveLength(48)
    expect(r.byHalfHour[0]!.label).toBe('00:00-00:30')
    expect(r.byHalfHour[47]!.label).toBe('23:30-24:00')
    for (const row of r.byHalfHour) {
      const e = expected.byHalfHour[row.slot] ?? [0, 0, 0, 0, 0]
      expect([row.offered, row.answered, row.abandoned, row.shortAbandoned, row.calls], row.label).toEqual(e)
    }
    expect(r.byHalfHour.reduce((s, x) => s + x.offered!, 0)).toBe(expected.offered)
  })

  it('weekdays Monday first, the holiday in its own row, with the number of days of each type', () => {
    expect(r.byWeekday.map((w) => w.label)).toEqual(['月', '火', '水', '木', '金', '土', '日', '祝日'])
    for (const w of r.byWeekday)
      expect([w.days, w.offered, w.answered, w.abandoned, w.shortAbandoned, w.calls], w.key).toEqual(
        expected.byWeekday[w.key],
      )
    expect(r.byWeekday.reduce((s, w) => s + w.days, 0)).toBe(31)
    expect(r.meta.period.holidays).toEqual([{ date: '2026-10-12', name: 'スポーツの日' }])
  })

  it('topics, FAQ usage and escalations', () => {
    expect(r.byTopic).toEqual(expected.byTopic)
    expect(r.faqUsage).toEqual(expected.faqUsage)
    expect(r.meta.details.callsWithFaq).toBe(expected.callsWithFaq)
    expect(r.meta.details.callsWithoutFaq).toBe(expected.callsWithoutFaq)
    expect(r.escalations).toEqual(expected.escalations)
  })

  it('period metadata in 和暦 and 西暦', () => {
    expect(r.meta.period).toMatchObject({
      kind: 'month',
      year: 2026,
      month: 10,
      start: '2026-09-30T15:00:00.000Z',
      end: '2026-10-31T15:00:00.000Z',
      days: 31,
    })
    expect(r.meta.period.labels).toEqual({
      wareki: '令和8年10月',
      seireki: '2026年10月',
      both: '令和8年10月（2026年10月）',
      kind: '月次',
    })
  })

  it('survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r)
  })
})

describe('options', () => {
  it('short abandon threshold, service level seconds and base, resolved outcomes, repeat window', () => {
    const r = computeReport({
      period: { kind: 'month', year: 2026, month: 10 },
      calls,
      telephony,
      options: {
        shortAbandonSeconds: 0,
        serviceLevelSeconds: 30,
        serviceLevelBase: 'answered',
        resolvedOutcomes: ['resolved', 'reservation-made'],
        repeatWindowDays: 6,
      },
    })
    // No short abandons: 5 abandoned over 12.
    expect(r.abandoned).toMatchObject({ count: 5, short: 0, rate: 5 / 12 })
    expect(r.answerRate).toBeCloseTo(7 / 12, 12)
    // ≤ 30 s: 10 30 20 5 15 8 → 6 of 7 answered.
    expect(r.serviceLevel.rate).toBeCloseTo(6 / 7, 12)
    // C6 now resolved (9 logged); window 6 days: C7 → C15 (7 days) no longer a repeat → disqualified C2, C8.
    expect(r.meta.details.loggedResolved).toBe(9)
    expect(r.meta.details.repeatDisqualified).toBe(2)
    expect(r.firstContactResolutionRate).toBeCloseTo(7 / 12, 12)
  })

  it('hold outside the talk span', () => {
    const r = computeReport({
      period: { kind: 'month', year: 2026, month: 10 },
      calls,
      options: { holdInsideTalkSpan: false },
    })
    // talk = span: 5792 + hold (30 + 60 + 100) = 5982; handle adds hold again: 6362 + 190 = 6552
    expect(r.attSeconds).toBeCloseTo(5982 / 11, 9)
    expect(r.ahtSeconds).toBeCloseTo(6552 / 11, 9)
  })

  it('holidays under their weekday when asked', () => {
    const r = computeReport({
      period: { kind: 'month', year: 2026, month: 10 },
      calls,
      telephony,
      options: { holidaysAsOwnRow: false },
    })
    expect(r.byWeekday).toHaveLength(7)
    expect(r.byWeekday[0]).toMatchObject({ key: 'mon', days: 4, offered: 1, calls: 1 })
  })

  it('queue filter', () => {
    const other = { ...telephony[0]!, callId: 'X1', queue: 'other' }
    const r = computeReport({
      period: { kind: 'month', year: 2026, month: 10 },
      telephony: [...telephony, other],
      options: { queues: ['mynumber'] },
    })
    expect(r.offered).toBe(12)
    expect(r.meta.counts.otherQueues).toBe(1)
  })

  it('rejects bad options', () => {
    expect(() =>
      computeReport({
        period: { kind: 'month', year: 2026, month: 10 },
        options: { shortAbandonSeconds: -1 },
      }),
    ).toThrow()
    expect(() => computeReport({ period: { kind: 'month', year: 2026, month: 13 } })).toThrow()
  })
})

describe('years', () => {
  it('fiscal year (年度, default) and calendar year', () => {
    const fy = computeReport({ period: { kind: 'year', year: 2026 }, calls, telephony, escalations })
    expect(fy.meta.period.labels.both).toBe('令和8年度（2026年度）')
    expect(fy.meta.period.start).toBe('2026-03-31T15:00:00.000Z')
    expect(fy.meta.period.days).toBe(365)
    expect(fy.offered).toBe(14)
    expect(fy.meta.counts.calls).toBe(15)
    // Resolved C1 C2 C3 C5 C7 C8 C9 C10 C11 C12 C13 = 11, repeats C2 C7 C8.
    expect(fy.firstContactResolutionRate).toBeCloseTo(8 / 15, 12)
    expect(fy.escalations.count).toBe(5)
    const cy = computeReport({ period: { kind: 'year', year: 2026, basis: 'calendar' }, calls, telephony })
    expect(cy.meta.period.labels.both).toBe('令和8年（2026年）')
    expect(cy.offered).toBe(14)
    const before = computeReport({ period: { kind: 'year', year: 2025 }, calls, telephony })
    expect(before.empty).toBe(true)
  })
})

describe('computeReport', () => {
  it('gives the same report whatever the order of the records', () => {
    const shuffled = <T>(xs: readonly T[]) =>
      xs
        .map((x, i) => [((i * 7919) % 13) + i / 100, x] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, x]) => x)
    const r = computeReport({
      period: { kind: 'month', year: 2026, month: 10 },
      calls: shuffled(calls),
      telephony: [...telephony].reverse(),
      escalations: [...escalations].reverse(),
    })
    expect(r).toEqual(october())
  })
})

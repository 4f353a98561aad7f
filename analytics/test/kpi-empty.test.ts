import { describe, expect, it } from 'vitest'

import { computeReport, createReportAccumulator } from '../src/kpi'
import { calls, escalations, expected, telephony } from './fixtures/october-2026'
import { badLeaves } from './fixtures/walk'

describe('a month with no data', () => {
  const r = computeReport({ period: { kind: 'month', year: 2026, month: 12 }, calls, telephony, escalations })

  it('says empty, has zeros and nulls and not one NaN anywhere', () => {
    expect(r.empty).toBe(true)
    expect(badLeaves(r)).toEqual([])
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/)
  })

  it('telephony figures are null (no telephony data), call-log figures zero or null', () => {
    expect(r.meta.hasTelephony).toBe(false)
    expect([
      r.offered,
      r.answered,
      r.answerRate,
      r.asaSeconds,
      r.serviceLevel.rate,
      r.abandoned.count,
      r.abandoned.short,
      r.abandoned.rate,
    ]).toEqual(Array(8).fill(null))
    expect([r.firstContactResolutionRate, r.attSeconds, r.ahtSeconds]).toEqual([null, null, null])
    expect(r.meta.counts.calls).toBe(0)
    expect(r.byHalfHour).toHaveLength(48)
    expect(r.byHalfHour.every((s) => s.calls === 0 && s.offered === null)).toBe(true)
    expect(r.byWeekday.map((w) => w.calls)).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
    expect(r.byTopic).toEqual([])
    expect(r.faqUsage).toEqual([])
    expect(r.escalations).toEqual({
      count: 0,
      answered: 0,
      closed: 0,
      open: 0,
      answerTurnaround: { meanHours: null, medianHours: null },
      closeTurnaround: { meanHours: null, medianHours: null },
      byUrgency: [],
    })
  })

  it('with the PBX known to be connected, counts are 0 and rates null', () => {
    const z = computeReport({
      period: { kind: 'month', year: 2026, month: 12 },
      options: { telephonyAvailable: true },
    })
    expect(z.empty).toBe(true)
    expect([
      z.offered,
      z.answered,
      z.abandoned.count,
      z.abandoned.short,
      z.serviceLevel.answeredWithin,
    ]).toEqual([0, 0, 0, 0, 0])
    expect([z.answerRate, z.asaSeconds, z.serviceLevel.rate, z.abandoned.rate]).toEqual([
      null,
      null,
      null,
      null,
    ])
    expect(z.byHalfHour.every((s) => s.offered === 0)).toBe(true)
    expect(badLeaves(z)).toEqual([])
  })

  it('no input at all', () => {
    const z = createReportAccumulator({ period: { kind: 'month', year: 2027, month: 2 } }).finish()
    expect(z.empty).toBe(true)
    expect(z.meta.period.days).toBe(28)
    expect(badLeaves(z)).toEqual([])
  })
})

describe('a month with call logs but no telephony data', () => {
  const r = computeReport({ period: { kind: 'month', year: 2026, month: 10 }, calls, escalations })

  it('computes what the logs give and leaves telephony KPIs null', () => {
    expect(r.empty).toBe(false)
    expect(r.meta.hasTelephony).toBe(false)
    expect([
      r.offered,
      r.answered,
      r.answerRate,
      r.asaSeconds,
      r.serviceLevel.rate,
      r.abandoned.count,
    ]).toEqual(Array(6).fill(null))
    expect(r.firstContactResolutionRate).toBeCloseTo(expected.firstContactResolutionRate, 12)
    expect(r.attSeconds).toBeCloseTo(expected.attSeconds, 9)
    expect(r.ahtSeconds).toBeCloseTo(expected.ahtSeconds, 9)
    expect(r.byHalfHour[18]).toMatchObject({ offered: null, calls: 2 })
    expect(r.byTopic).toEqual(expected.byTopic)
    expect(badLeaves(r)).toEqual([])
  })
})

describe('bad records never make NaN', () => {
  it('skips unparseable timestamps and impossible waits, and counts them', () => {
    const r = computeReport({
      period: { kind: 'month', year: 2026, month: 10 },
      calls: [
        { ...calls[0]!, talkStartedAt: 'not a time' },
        { ...calls[0]!, id: 'x', talkEndedAt: 'garbage', holdSeconds: Number.NaN },
      ],
      telephony: [
        { ...telephony[0]!, offeredAt: '' },
        { ...telephony[0]!, callId: 'y', answeredAt: '2026-10-01T08:00:00+09:00' },
        { ...telephony[0]!, callId: 'z', answeredAt: null, abandonedAt: 'nonsense' },
      ],
      escalations: [
        { ...escalations[0]!, createdAt: 'x' },
        { ...escalations[0]!, id: 'e', answeredAt: '2026-01-01T00:00:00Z' },
      ],
    })
    expect(badLeaves(r)).toEqual([])
    expect(r.meta.counts.invalid).toEqual({ calls: 1, telephony: 1, escalations: 1 })
    expect(r.meta.counts.callsWithoutTalk).toBe(1)
    expect(r.attSeconds).toBeNull()
    expect(r.answered).toBe(1)
    expect(r.meta.counts.answeredWithoutWait).toBe(1)
    expect(r.asaSeconds).toBeNull()
    expect(r.abandoned).toMatchObject({ count: 1, short: 0 })
    expect(r.escalations.answerTurnaround.meanHours).toBeNull()
  })
})

/**
 * The counting rules from the city profile, by hand (fixtures/january-2027-hours.ts: every figure is
 * worked out in its comment table): in hours and out of hours, other queues, outbound logs, hold
 * longer than the span, repeats at 4, exactly 7 and 8 days and after the month.
 */
import { describe, expect, it } from 'vitest'

import { computeReport, hoursClock } from '../src'
import { buildSections, renderCsvText } from '../src/reports'
import {
  CITY_RULES,
  EXPECTED,
  JANUARY_2027,
  TELEPHONY,
  callLogs,
  expectJanuary,
} from './fixtures/january-2027-hours'

describe('January 2027 with the city hours, by hand', () => {
  const calls = callLogs((n) => `hash-${n}`)
  const report = computeReport({ period: JANUARY_2027, calls, telephony: TELEPHONY, options: CITY_RULES })

  it('every KPI, in hours and out of hours, equals the hand figures', () => {
    expectJanuary(report)
    expect(
      Object.fromEntries(report.faqUsage.map((f) => [f.faqId, { count: f.count, first: f.first }])),
    ).toEqual(EXPECTED.faqUsage)
  })

  it('the same records in any order give the same report', () => {
    const shuffled = computeReport({
      period: JANUARY_2027,
      calls: [...calls].reverse(),
      telephony: [...TELEPHONY].reverse(),
      options: CITY_RULES,
    })
    expect(shuffled).toEqual(report)
  })

  it('without the hours every call is in hours (the old figures): offered = in + out', () => {
    const all = computeReport({
      period: JANUARY_2027,
      calls,
      telephony: TELEPHONY,
      options: { ...CITY_RULES, hours: null },
    })
    expect(all.offered).toBe(EXPECTED.offered + EXPECTED.outOfHours.offered)
    expect(all.outOfHours.offered).toBe(0)
  })

  it('the clock: 15-minute buckets for 08:30 / 17:15; [opens, closes)', () => {
    const clock = hoursClock(CITY_RULES.hours!)
    expect(clock.bucketMs).toBe(15 * 60_000)
    expect(clock.outOfHours(Date.parse('2027-01-04T17:14:59.999+09:00'))).toBeNull()
    expect(clock.outOfHours(Date.parse('2027-01-04T17:15:00+09:00'))).toBe('after-hours')
    expect(clock.outOfHours(Date.parse('2026-12-29T10:00:00+09:00'))).toBe('year-end')
    expect(hoursClock(null).outOfHours(0)).toBeNull()
  })

  it('prints the rules, the coverage and the out-of-hours line', () => {
    const text = renderCsvText(report)
    expect(text).toContain('年末年始の休み,12月29日～1月3日')
    expect(text).toContain('集計するキュー,mynumber')
    expect(text).toContain('サービスレベルの目標,80% を 20 秒以内に応答')
    expect(text).toContain('令和9年1月11日 成人の日')
    expect(text).toContain('応対記録 10 件中 8 件で再入電を確認しました')
    expect(text).toContain('受付時間外の入電件数,9,件')
    expect(text).toContain('"　うち年末年始",2,件,')
    const hour = buildSections(report).find((s) => s.key === 'hour')!.tables[0]!
    expect(hour.rows.map((r) => [r[0], r[1]])).toEqual(
      [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 23].map((h) => [`${h}時台`, EXPECTED.byHour[h] ?? 0]),
    )
  })
})

import { describe, expect, it } from 'vitest'

import {
  calendarYearRange,
  fiscalYearOf,
  fiscalYearRange,
  formatJstDateTime,
  formatSeirekiDate,
  formatWarekiDate,
  formatWarekiMonth,
  formatWarekiYear,
  halfHourSlotLabel,
  holidaysIn,
  isJapaneseHoliday,
  japaneseHolidayName,
  jstDateKey,
  jstHalfHourSlot,
  jstParts,
  jstWeekday,
  monthRange,
  parseInstant,
} from '../src/time'
import { periodLabels } from '../src/kpi'

const at = (s: string) => Date.parse(s)

describe('JST business time', () => {
  it('date keys, slots and weekdays cross midnight in JST, not UTC', () => {
    const t = at('2026-09-30T15:05:00Z') // 2026-10-01 00:05 JST, a Thursday
    expect(jstDateKey(t)).toBe('2026-10-01')
    expect(jstHalfHourSlot(t)).toBe(0)
    expect(jstWeekday(t)).toBe(4)
    expect(jstParts(t)).toMatchObject({ year: 2026, month: 10, day: 1, hour: 0, minute: 5 })
    const late = at('2026-10-15T23:59:59.999+09:00')
    expect([jstDateKey(late), jstHalfHourSlot(late)]).toEqual(['2026-10-15', 47])
    expect(jstHalfHourSlot(at('2026-10-15T09:29:59+09:00'))).toBe(18)
    expect(jstHalfHourSlot(at('2026-10-15T09:30:00+09:00'))).toBe(19)
    expect(halfHourSlotLabel(19)).toBe('09:30-10:00')
    // Before 1970 too.
    expect(jstWeekday(at('1969-12-31T15:00:00Z'))).toBe(4)
  })

  it('month, calendar year and fiscal year ranges as UTC instants', () => {
    expect(monthRange(2026, 10)).toEqual({
      start: at('2026-09-30T15:00:00Z'),
      end: at('2026-10-31T15:00:00Z'),
    })
    expect(monthRange(2026, 12).end).toBe(at('2026-12-31T15:00:00Z'))
    expect(calendarYearRange(2026)).toEqual({
      start: at('2025-12-31T15:00:00Z'),
      end: at('2026-12-31T15:00:00Z'),
    })
    expect(fiscalYearRange(2026)).toEqual({
      start: at('2026-03-31T15:00:00Z'),
      end: at('2027-03-31T15:00:00Z'),
    })
    expect(fiscalYearOf(at('2027-03-31T14:59:59Z'))).toBe(2026)
    expect(fiscalYearOf(at('2027-03-31T15:00:00Z'))).toBe(2027)
    expect(() => monthRange(2026, 0)).toThrow(RangeError)
  })

  it('parses instants; a time without zone is JST wall time', () => {
    expect(parseInstant('2026-10-01T09:00:00+09:00')).toBe(at('2026-10-01T00:00:00Z'))
    expect(parseInstant('2026-10-01T09:00:00')).toBe(at('2026-10-01T00:00:00Z'))
    expect(parseInstant('2026-10-01')).toBe(at('2026-09-30T15:00:00Z'))
    expect(parseInstant('nope')).toBeNaN()
    expect(parseInstant(null)).toBeNaN()
  })
})

describe('和暦 and 西暦', () => {
  it('months, years and fiscal years, with 元年 and the era change of 2019', () => {
    expect(formatWarekiMonth(2026, 10)).toBe('令和8年10月')
    expect(formatWarekiMonth(2019, 4)).toBe('平成31年4月')
    expect(formatWarekiMonth(2019, 5)).toBe('令和元年5月')
    expect(formatWarekiYear(2026)).toBe('令和8年')
    expect(formatWarekiYear(2026, { fiscal: true })).toBe('令和8年度')
    expect(formatWarekiYear(2019, { fiscal: true })).toBe('令和元年度')
    expect(formatWarekiYear(2018, { fiscal: true })).toBe('平成30年度')
    expect(formatWarekiDate(at('2026-10-31T15:30:00Z'))).toBe('令和8年11月1日')
    expect(formatSeirekiDate(at('2026-10-31T15:30:00Z'))).toBe('2026年11月1日')
    expect(formatJstDateTime(at('2026-10-31T15:30:00Z'))).toBe('2026/11/01 00:30')
  })

  it('period labels', () => {
    expect(periodLabels({ kind: 'month', year: 2026, month: 10 }).both).toBe('令和8年10月（2026年10月）')
    expect(periodLabels({ kind: 'year', year: 2026 }).both).toBe('令和8年度（2026年度）')
    expect(periodLabels({ kind: 'year', year: 2026, basis: 'calendar' }).both).toBe('令和8年（2026年）')
    expect(
      periodLabels({ kind: 'range', start: '2026-10-05T00:00:00+09:00', end: '2026-10-12T00:00:00+09:00' })
        .seireki,
    ).toBe('2026年10月5日～2026年10月11日')
  })
})

describe('holidays', () => {
  it('by JST date, including substitute holidays', () => {
    expect(isJapaneseHoliday('2026-10-12')).toBe(true)
    expect(japaneseHolidayName('2026-10-12')).toBe('スポーツの日')
    expect(isJapaneseHoliday(at('2026-10-11T15:00:00Z'))).toBe(true) // 00:00 JST on the 12th
    expect(isJapaneseHoliday(at('2026-10-11T14:59:59Z'))).toBe(false)
    expect(isJapaneseHoliday('2026-10-13')).toBe(false)
    expect(holidaysIn(monthRange(2026, 5)).map((h) => h.date)).toEqual([
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
    ])
  })
})

describe('parseInstant fast path', () => {
  it('agrees with Date.parse on canonical strings and rejects impossible dates', () => {
    for (let i = 0; i < 2000; i++) {
      const iso = new Date(Date.UTC(1990, 0, 1) + i * 7_919_993_117).toISOString()
      expect(parseInstant(iso)).toBe(Date.parse(iso))
    }
    expect(parseInstant('2026-04-31T00:00:00.000Z')).toBeNaN()
    expect(parseInstant('2026-10-01T24:00:00.000Z')).toBeNaN()
    expect(parseInstant('2026-1x-01T00:00:00.000Z')).toBeNaN()
  })
})

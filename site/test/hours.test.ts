import { loadValidContent } from '@kotae/content'
import { beforeAll, describe, expect, it } from 'vitest'

import { holidayTable } from '../src/lib/holidays'
import { hoursOn, inYearEndClosure, openState, tokyoParts, type HoursConfig } from '../src/lib/hours'

/** An instant written in Japan time. */
const jst = (local: string) => new Date(`${local}+09:00`)

let city: HoursConfig
const holidays = holidayTable(2026, 2028)

beforeAll(async () => {
  // The real city profile: weekdays 8:30–17:15, 1st/3rd Thursday to 19:00, 2nd/4th Sunday 9:00–12:00.
  city = (await loadValidContent()).city
})

describe('tokyoParts', () => {
  it('reads the calendar day in Asia/Tokyo, not UTC', () => {
    expect(tokyoParts(new Date('2026-12-02T23:45:00Z'))).toMatchObject({
      date: '2026-12-03',
      weekday: 4,
      minutes: 8 * 60 + 45,
    })
    expect(tokyoParts(new Date('2026-12-31T15:00:00Z'))).toMatchObject({
      date: '2027-01-01',
      weekday: 5,
      minutes: 0,
    })
  })
})

describe('openState with a fixed clock', () => {
  it('is open on a weekday morning and says until when', () => {
    const s = openState(jst('2026-12-01T10:00:00'), city, holidays) // Tuesday
    expect(s.state).toBe('open')
    expect(s.closesAt).toBe('17:15')
    expect(s.today.intervals).toHaveLength(1)
  })

  it('opens at 8:30 and closes at 17:15 sharp', () => {
    expect(openState(jst('2026-12-01T08:29:00'), city, holidays).state).toBe('closed')
    expect(openState(jst('2026-12-01T08:30:00'), city, holidays).state).toBe('open')
    expect(openState(jst('2026-12-01T17:14:00'), city, holidays).state).toBe('open')
    const after = openState(jst('2026-12-01T17:15:00'), city, holidays)
    expect(after.state).toBe('closed')
    expect(after.next).toEqual({ date: '2026-12-02', weekday: 3, opens: '08:30' })
  })

  it('before opening, the next opening is later today', () => {
    expect(openState(jst('2026-12-01T07:00:00'), city, holidays).next).toEqual({
      date: '2026-12-01',
      weekday: 2,
      opens: '08:30',
    })
  })

  it('is closed on a national holiday that falls on a weekday (勤労感謝の日, Monday 2026-11-23)', () => {
    const s = openState(jst('2026-11-23T10:00:00'), city, holidays)
    expect(s.state).toBe('closed')
    expect(s.today.closedReason).toBe('holiday')
    expect(s.today.holiday).toBe('勤労感謝の日')
    expect(s.next).toEqual({ date: '2026-11-24', weekday: 2, opens: '08:30' })
  })

  it('skips a run of holidays when looking for the next opening (Golden Week 2027)', () => {
    const s = openState(jst('2027-05-02T10:00:00'), city, holidays) // Sunday (1st), then 5/3–5/5 holidays
    expect(s.state).toBe('closed')
    expect(s.next).toEqual({ date: '2027-05-06', weekday: 4, opens: '08:30' })
  })

  it('is closed on Saturdays', () => {
    const s = openState(jst('2026-12-05T10:00:00'), city, holidays)
    expect(s.state).toBe('closed')
    expect(s.today.closedReason).toBe('no-opening')
    expect(s.next?.date).toBe('2026-12-07')
  })

  it('opens until 19:00 on the 1st and 3rd Thursday only', () => {
    // 2026-12-03 is the 1st Thursday, 12-17 the 3rd; 12-10 the 2nd, 12-24 the 4th.
    for (const d of ['2026-12-03', '2026-12-17']) {
      const s = openState(jst(`${d}T18:30:00`), city, holidays)
      expect(s.state, d).toBe('open')
      expect(s.closesAt).toBe('19:00')
      expect(s.today.intervals).toEqual([{ opens: '08:30', closes: '19:00', labels: expect.any(Array) }])
      expect(openState(jst(`${d}T19:00:00`), city, holidays).state).toBe('closed')
    }
    for (const d of ['2026-12-10', '2026-12-24']) {
      expect(openState(jst(`${d}T18:30:00`), city, holidays).state, d).toBe('closed')
      expect(openState(jst(`${d}T10:00:00`), city, holidays).closesAt).toBe('17:15')
    }
  })

  it('opens 9:00–12:00 on the 2nd and 4th Sunday only', () => {
    for (const d of ['2026-12-13', '2026-12-27']) {
      const s = openState(jst(`${d}T10:00:00`), city, holidays)
      expect(s.state, d).toBe('open')
      expect(s.closesAt).toBe('12:00')
      expect(openState(jst(`${d}T08:45:00`), city, holidays).state).toBe('closed')
      expect(openState(jst(`${d}T12:00:00`), city, holidays).state).toBe('closed')
    }
    for (const d of ['2026-12-06', '2026-12-20'])
      expect(openState(jst(`${d}T10:00:00`), city, holidays).state, d).toBe('closed')
    // Saturday evening: the next opening is the 2nd Sunday morning.
    expect(openState(jst('2026-12-12T18:00:00'), city, holidays).next).toEqual({
      date: '2026-12-13',
      weekday: 0,
      opens: '09:00',
    })
  })

  it('does not open on a 2nd/4th Sunday or 1st/3rd Thursday that is a holiday', () => {
    const synthetic = {
      from: '2026-01-01',
      to: '2028-12-31',
      days: { '2026-12-13': '試験の祝日', '2026-12-03': '試験の祝日' },
    }
    expect(openState(jst('2026-12-13T10:00:00'), city, synthetic).today.closedReason).toBe('holiday')
    expect(openState(jst('2026-12-03T18:00:00'), city, synthetic).state).toBe('closed')
    // A real one: 2027-02-11 建国記念の日 is a (2nd) Thursday.
    expect(openState(jst('2027-02-11T10:00:00'), city, holidays).today.holiday).toBe('建国記念の日')
  })

  it('is closed from 12/29 to 1/3 even on weekdays, and opens again on the first weekday after', () => {
    for (const d of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) {
      const s = openState(jst(`${d}T10:00:00`), city, holidays)
      expect(s.state, d).toBe('closed')
      expect(s.today.closedReason, d).toBe('year-end')
    }
    expect(openState(jst('2026-12-28T10:00:00'), city, holidays).state).toBe('open')
    expect(openState(jst('2026-12-28T18:00:00'), city, holidays).next).toEqual({
      date: '2027-01-04',
      weekday: 1,
      opens: '08:30',
    })
    expect(openState(jst('2027-01-04T09:00:00'), city, holidays).state).toBe('open')
  })

  it('is closed on an extra closed date from the city profile', () => {
    const s = openState(jst('2026-12-01T10:00:00'), { ...city, closedDates: ['2026-12-01'] }, holidays)
    expect(s.state).toBe('closed')
    expect(s.today.closedReason).toBe('closed-date')
  })

  it('says unknown, not open or closed, outside the holiday table', () => {
    const s = openState(jst('2031-06-03T10:00:00'), city, holidays)
    expect(s.state).toBe('unknown')
    expect(s.today.intervals).toEqual([{ opens: '08:30', closes: '17:15', labels: expect.any(Array) }])
  })
})

describe('the pieces', () => {
  it('year-end closure wraps over the new year, and a plain range does not', () => {
    const c = { from: '12-29', to: '01-03' }
    expect(
      ['2026-12-28', '2026-12-29', '2027-01-03', '2027-01-04'].map((d) => inYearEndClosure(d, c)),
    ).toEqual([false, true, true, false])
    expect(inYearEndClosure('2026-08-14', { from: '08-13', to: '08-15' })).toBe(true)
    expect(inYearEndClosure('2026-12-30', { from: '08-13', to: '08-15' })).toBe(false)
  })

  it('a rule that stays open on holidays still opens (closedOnHolidays: false)', () => {
    const cfg: HoursConfig = {
      hours: [
        { label: '祝日も開庁', weekdays: [1], opens: '09:00', closes: '12:00', closedOnHolidays: false },
      ],
      yearEndClosure: { from: '12-29', to: '01-03' },
    }
    const d = hoursOn('2026-11-23', cfg, holidays)
    expect(d.holiday).toBe('勤労感謝の日')
    expect(d.intervals).toHaveLength(1)
  })

  it('the holiday table holds only its window', () => {
    const t = holidayTable(2027, 2027)
    expect(Object.keys(t.days).every((d) => d.startsWith('2027-'))).toBe(true)
    expect(t.days['2027-01-01']).toBe('元日')
  })
})

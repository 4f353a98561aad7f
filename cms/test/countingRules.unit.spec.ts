import { describe, expect, it } from 'vitest'

import { countingRulesOf } from '../src/reports/counting'

/** A stored profile as the admin saves it (weekdays as select strings, English siblings null when not written). */
type Stored = Parameters<typeof countingRulesOf>[0]

const weekday = { label: '平日', weekdays: ['1', '2', '3', '4', '5'], opens: '08:30', closes: '17:15' }

describe('the counting rules read from the stored city profile', () => {
  it('take an hour saved without its English name (stored as null)', () => {
    const rules = countingRulesOf({ hours: [{ ...weekday, labelEn: null }] } as Stored)
    expect(rules.hours?.hours).toEqual([
      { label: '平日', weekdays: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:15', closedOnHolidays: true },
    ])
  })

  it('keep the English name when there is one', () => {
    const rules = countingRulesOf({ hours: [{ ...weekday, labelEn: 'Weekdays' }] } as Stored)
    expect(rules.hours?.hours[0]?.labelEn).toBe('Weekdays')
  })

  it('name the field of a stored value the schema refuses', () => {
    expect(() => countingRulesOf({ hours: [{ ...weekday, opens: '8時' }] } as Stored)).toThrow(/opens/)
  })
})

/**
 * The counting rules every report uses and prints: the centre's hours and the call center's rules
 * from the city profile (自治体情報, seeded from content/city.yaml), checked by content's schemas.
 */
import { callCenterSchema, cityProfileSchema, openingRuleSchema } from '@kotae/content'
import type { ReportOptions } from '@kotae/analytics'
import type { Payload } from 'payload'
import { z } from 'zod'

import { englishOf } from '../fields/english'
import { tokyoDay } from '../lib/jstDays'
import type { CityProfile } from '../payload-types'

/** The profile's hours as the schema checks them, but possibly none (a database never seeded). */
const hoursSchema = cityProfileSchema
  .pick({ yearEndClosure: true, closedDates: true })
  .extend({ hours: z.array(openingRuleSchema) })

/** The profile as stored (the 自治体情報 global); a database never seeded has none of it. */
type StoredProfile = Partial<Pick<CityProfile, 'hours' | 'yearEndClosure' | 'closedDates' | 'callCenter'>>

/** The report options of a stored profile; throws naming the field when a stored value breaks the schema. */
export function countingRulesOf(city: StoredProfile): ReportOptions {
  const given = Object.fromEntries(
    Object.entries(city.callCenter ?? {}).filter(([k, v]) => k !== 'queues' && v !== null && v !== undefined),
  )
  const rules = callCenterSchema.parse({
    ...given,
    queues: (city.callCenter?.queues ?? '')
      .split('\n')
      .map((q) => q.trim())
      .filter(Boolean),
  })
  const hours = hoursSchema.parse({
    // An hour saved in the admin without its English name stores null, which the schema's optional
    // string refuses: an unwritten English sibling is no name at all.
    hours: (city.hours ?? []).map(({ labelEn, ...h }) => ({
      ...h,
      ...englishOf('labelEn', labelEn),
      weekdays: (h.weekdays ?? []).map(Number),
      weeksOfMonth: h.weeksOfMonth?.length ? h.weeksOfMonth.map(Number) : undefined,
      closedOnHolidays: h.closedOnHolidays ?? true,
    })),
    yearEndClosure: { from: city.yearEndClosure?.from ?? '12-29', to: city.yearEndClosure?.to ?? '01-03' },
    closedDates: (city.closedDates ?? []).map((d) => tokyoDay(d.date)),
  })
  return {
    // A profile without hours (a database never seeded) counts every call in hours.
    hours: hours.hours.length ? hours : null,
    queues: rules.queues.length ? rules.queues : null,
    shortAbandonSeconds: rules.shortAbandonSeconds,
    serviceLevelSeconds: rules.serviceLevelSeconds,
    serviceLevelTarget: rules.serviceLevelTarget,
  }
}

export async function readCountingRules(payload: Payload): Promise<ReportOptions> {
  return countingRulesOf(
    (await payload.findGlobal({ slug: 'city-profile', depth: 0, overrideAccess: true })) as StoredProfile,
  )
}

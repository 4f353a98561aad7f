/**
 * The fiscal year read from the rollups grouped twice (per half-hour without category, per JST day
 * and category: decision 0062) equals the same report counted from the records, on a seeded
 * fiscal year with three categories, outbound calls, repeat callers and the centre's hours: the year, its twelve
 * months and its trend, and a month on its own.
 */
import { monthRange, type ReportPeriod } from '@kotae/analytics'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rounded } from './setup/rounded'

let payload: Payload
let loadReport: typeof import('../src/reports/load').loadReport

beforeAll(async () => {
  const helpers = await import('./helpers')
  const [load, { insertSynthetic }, { sqlOf }, { rebuildRollups }] = await Promise.all([
    import('../src/reports/load'),
    import('../src/seed/syntheticCalls'),
    import('../src/db/sql'),
    import('../src/reports/rollups/rebuild'),
  ])
  loadReport = load.loadReport
  payload = await helpers.startPayload()
  const users = await helpers.createRoleUsers(payload)
  const refs = await helpers.createReferences(payload)
  const categories = [{ id: Number(refs.category), slug: 'renewal' }]
  for (const slug of ['lost', 'moving']) {
    const c = await payload.create({
      collection: 'categories',
      data: { name: slug, nameEn: slug, slug } as never,
    })
    categories.push({ id: Number(c.id), slug })
  }
  const faq = await payload.create({ collection: 'faqs', data: helpers.faqData(refs) as never })
  const sql = sqlOf(payload)
  // Fiscal 2026 and the first days of April 2027 (the repeat window after March).
  await insertSynthetic(sql, {
    start: monthRange(2026, 4).start,
    end: monthRange(2027, 4).start + 5 * 86_400_000,
    calls: 6000,
    seed: 11,
    categories,
    faqIds: [Number(faq.id)],
    operatorIds: [Number(users.operator.id)],
  })
  // The generator makes inbound calls only: every 25th a call the centre made.
  await sql.run(`UPDATE calls SET channel = 'outbound-callback' WHERE id % 25 = 0`)
  // The centre's hours, with a close at a quarter past (a half-hour split into in and out of hours).
  await payload.updateGlobal({
    slug: 'city-profile',
    data: {
      name: '年度市',
      nameEn: 'Year City',
      localGovernmentCode: '000000',
      hours: [
        {
          label: '平日',
          labelEn: 'Weekdays',
          weekdays: ['1', '2', '3', '4', '5'],
          opens: '08:30',
          closes: '17:15',
          closedOnHolidays: true,
        },
      ],
    } as never,
  })
  await rebuildRollups(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

describe('the fiscal year from the rollups, grouped', () => {
  for (const period of [
    { kind: 'year', year: 2026 },
    { kind: 'month', year: 2026, month: 10 },
  ] as ReportPeriod[])
    it(`${JSON.stringify(period)} equals the report counted from the records`, async () => {
      const grouped = await loadReport(payload, period)
      const records = await loadReport(payload, period, { fromRecords: true })
      expect([grouped.counted, records.counted]).toEqual(['rollups', 'records'])
      expect(rounded({ ...grouped, counted: 'either' })).toEqual(rounded({ ...records, counted: 'either' }))
      // What the seed must exercise, so the comparison cannot pass on empty tables.
      const { report } = grouped
      expect(report.byTopic.filter((t) => t.calls > 0).length).toBeGreaterThanOrEqual(4) // three and none
      expect(report.outbound.calls).toBeGreaterThan(0)
      expect(report.outOfHours.calls).toBeGreaterThan(0)
      expect(report.meta.details.repeatDisqualified).toBeGreaterThan(0)
      expect(report.meta.counts.callsForRepeatCheck).toBeGreaterThan(0)
      if (period.kind === 'year') {
        expect(grouped.months).toHaveLength(12)
        for (const m of grouped.months!) expect(m.meta.counts.calls).toBeGreaterThan(0)
      }
    })
})

import { computeReport, monthRange, REPORT_KPI_KEYS, type CallLogRecord, type EscalationRecord, type TelephonyRecord } from '@kotae/analytics'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SyntheticInput } from '../src/reports/synthetic'

let payload: Payload
let input: SyntheticInput
let mod: {
  loadReport: typeof import('../src/reports/load').loadReport
  renderReport: typeof import('../src/reports/render').renderReport
  syntheticRecords: typeof import('../src/reports/synthetic').syntheticRecords
}

beforeAll(async () => {
  const helpers = await import('./helpers')
  const [{ loadReport }, { renderReport }, { syntheticRecords, insertSynthetic }, { sqlOf }] = await Promise.all([
    import('../src/reports/load'),
    import('../src/reports/render'),
    import('../src/reports/synthetic'),
    import('../src/reports/sql'),
  ])
  mod = { loadReport, renderReport, syntheticRecords }
  payload = await helpers.startPayload()
  const users = await helpers.createRoleUsers(payload)
  const refs = await helpers.createReferences(payload)
  const faq = await payload.create({ collection: 'faqs', data: helpers.faqData(refs) as never })
  // October 2026 plus the first days of November (for the repeat check and the month end).
  const { start } = monthRange(2026, 10)
  input = { start, end: monthRange(2026, 11).start + 5 * 86_400_000, calls: 1500, seed: 7, categories: [{ id: Number(refs.category), slug: 'renewal' }], faqIds: [Number(faq.id)], operatorIds: [Number(users.operator.id)] }
  await insertSynthetic(sqlOf(payload), input)
})
afterAll(async () => {
  await payload?.destroy()
})

/** Means summed in another order differ in the last bits: compare to 12 significant digits. */
const rounded = (v: unknown): unknown =>
  typeof v === 'number' ? Number(v.toPrecision(12)) : Array.isArray(v) ? v.map(rounded) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)])) : v

function expectedRecords() {
  const calls: CallLogRecord[] = []
  const telephony: TelephonyRecord[] = []
  const escalations: EscalationRecord[] = []
  for (const r of mod.syntheticRecords(input)) {
    if (r.call) calls.push(r.call)
    const { callerNumber: _, ...t } = r.telephony
    telephony.push(t)
    if (r.escalation) escalations.push(r.escalation)
  }
  return { calls, telephony, escalations }
}

describe('reports from the database', () => {
  it('a month read from the database window by window equals computeReport over the same records', async () => {
    const period = { kind: 'month', year: 2026, month: 10 } as const
    const { report, labels, trend } = await mod.loadReport(payload, period, { windowHours: 0.5 })
    const expected = computeReport({ period, ...expectedRecords() })
    for (const key of REPORT_KPI_KEYS) expect(rounded(report[key]), key).toEqual(rounded(expected[key]))
    expect(report.offered).toBeGreaterThan(1000)
    expect(report.meta.details.callsCrossCheckable).toBeGreaterThan(0)
    expect(report.faqUsage[0]?.count).toBeGreaterThan(0)
    expect(labels.categories?.renewal).toBe('更新')
    expect(Object.values(labels.faqs ?? {})).toContain('電子証明書の有効期限はいつまでですか？')
    expect(trend).toHaveLength(31)
    expect(trend.reduce((s, p) => s + (p.offered ?? 0), 0)).toBe(report.offered)
    expect(trend.reduce((s, p) => s + p.calls, 0)).toBe(report.meta.counts.calls)
  })

  it('the fiscal year (令和8年度) counts the same October and November calls', async () => {
    const { report, trend } = await mod.loadReport(payload, { kind: 'year', year: 2026 })
    const expected = computeReport({ period: { kind: 'year', year: 2026 }, ...expectedRecords() })
    expect(report.offered).toBe(expected.offered)
    expect(report.firstContactResolutionRate).toBe(expected.firstContactResolutionRate)
    expect(report.meta.period.labels.wareki).toBe('令和8年度')
    expect(trend.map((p) => p.label)).toEqual(['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月'])
  })

  it('an empty month: zeros, a note, never NaN, in every format', async () => {
    const loaded = await mod.loadReport(payload, { kind: 'month', year: 2027, month: 1 })
    expect(loaded.report.empty).toBe(true)
    expect(loaded.report.offered).toBe(0) // the PBX is connected (records exist), so 0 rather than "no data"
    const json = JSON.parse((await mod.renderReport(loaded, 'json')).body.toString('utf8'))
    for (const key of REPORT_KPI_KEYS) expect(json, key).toHaveProperty(key)
    expect(json.notes.join('')).toContain('データはありません')
    expect(json.answerRate).toBeNull()
    const csv = (await mod.renderReport(loaded, 'csv')).body.toString('utf8')
    expect(csv).toContain('データはありません')
    for (const format of ['json', 'csv'] as const) expect((await mod.renderReport(loaded, format)).body.toString('utf8')).not.toMatch(/NaN|Infinity/)
  })
})

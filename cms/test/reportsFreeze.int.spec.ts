/**
 * Closed months frozen as stored report JSON (decision 0051): a frozen October is served as stored,
 * marked in every format, after a call log is added into it through the desk's path; the late write
 * is counted on the report; `again` takes it in, a deletion after that is counted too, and unfreezing
 * serves the month counted from the records again. A month not closed, or frozen already, is refused.
 */
import { monthRange, REPORT_KPI_KEYS } from '@kotae/analytics'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let payload: Payload
let mod: {
  frozen: typeof import('../src/reports/frozen')
  loadReport: typeof import('../src/reports/load').loadReport
  renderReport: typeof import('../src/reports/render').renderReport
}
let call: Record<string, unknown>
const october = { kind: 'month', year: 2026, month: 10 } as const

beforeAll(async () => {
  const helpers = await import('./helpers')
  const [frozen, { loadReport }, { renderReport }, { insertSynthetic }, { sqlOf }] = await Promise.all([
    import('../src/reports/frozen'),
    import('../src/reports/load'),
    import('../src/reports/render'),
    import('../src/seed/syntheticCalls'),
    import('../src/db/sql'),
  ])
  mod = { frozen, loadReport, renderReport }
  payload = await helpers.startPayload()
  const users = await helpers.createRoleUsers(payload)
  const refs = await helpers.createReferences(payload)
  const faq = await payload.create({ collection: 'faqs', data: helpers.faqData(refs) as never })
  await insertSynthetic(sqlOf(payload), {
    start: monthRange(2026, 10).start,
    end: monthRange(2026, 11).start,
    calls: 120,
    seed: 51,
    categories: [{ id: Number(refs.category), slug: 'renewal' }],
    faqIds: [Number(faq.id)],
    operatorIds: [Number(users.operator.id)],
  })
  call = {
    talkStartedAt: '2026-10-15T01:00:00.000Z',
    talkEndedAt: '2026-10-15T01:05:00.000Z',
    holdSeconds: 0,
    afterCallWorkSeconds: 30,
    channel: 'direct',
    callerType: 'self',
    category: refs.category,
    faqsUsed: [],
    summary: '確定後の記録',
    outcome: 'resolved',
    operator: users.operator.id,
  }
})
afterAll(async () => {
  await payload?.destroy()
})

const kpis = (r: import('@kotae/analytics').Report) =>
  Object.fromEntries(REPORT_KPI_KEYS.map((k) => [k, r[k]]))

describe('frozen months', () => {
  it('serves a frozen month as stored, marked in every format, and counts the writes after it', async () => {
    const before = await mod.loadReport(payload, october)
    await mod.frozen.freezeMonth(payload, october)
    const late = await payload.create({ collection: 'calls', data: call as never, overrideAccess: true })

    const served = await mod.frozen.loadServedReport(payload, october)
    expect(served.frozen?.laterChanges).toBe(1)
    expect(kpis(served.report)).toEqual(kpis(before.report))
    expect(served.trend).toEqual(before.trend)
    const live = await mod.loadReport(payload, october)
    expect(live.report.meta.counts.calls).toBe(before.report.meta.counts.calls + 1)

    const json = JSON.parse((await mod.renderReport(served, 'json')).body.toString('utf8'))
    expect(json.frozen.laterChanges).toBe(1)
    expect(json.notes[0]).toMatch(/確定した内容です.*確定後に変わった記録：1 件/)
    for (const format of ['csv', 'xlsx'] as const) {
      const out = await mod.renderReport(served, format)
      // XLSX is a zip: its shared strings carry the note; CSV is UTF-8 text.
      const text = format === 'csv' ? out.body.toString('utf8') : await xlsxText(out.body)
      expect(text, format).toContain('確定した内容です')
    }
    // The PDF's page (printed by Chromium as it is).
    const { reportHtml } = await import('@kotae/analytics')
    expect(reportHtml(served.report, { ...served, proposals: null })).toContain('確定した内容です')
    // The report as counted before the freeze is not marked.
    expect((await mod.renderReport(before, 'csv')).body.toString('utf8')).not.toContain('確定')

    await expect(mod.frozen.freezeMonth(payload, october)).rejects.toThrow(/確定済み/)
    await mod.frozen.freezeMonth(payload, october, true)
    const again = await mod.frozen.loadServedReport(payload, october)
    expect(again.frozen?.laterChanges).toBe(0)
    expect(again.report.meta.counts.calls).toBe(live.report.meta.counts.calls)

    await payload.delete({ collection: 'calls', id: late.id, overrideAccess: true })
    expect((await mod.frozen.loadServedReport(payload, october)).frozen?.laterChanges).toBe(1)

    expect(await mod.frozen.unfreezeMonth(payload, october)).toBe(true)
    const unfrozen = await mod.frozen.loadServedReport(payload, october)
    expect(unfrozen.frozen).toBeUndefined()
    expect(unfrozen.report.meta.counts.calls).toBe(before.report.meta.counts.calls)
    expect(await mod.frozen.unfreezeMonth(payload, october)).toBe(false)
  })

  it('refuses a month that has not ended', async () => {
    const now = new Date()
    const month = { kind: 'month', year: now.getUTCFullYear() + 1, month: 1 } as const
    await expect(mod.frozen.freezeMonth(payload, month)).rejects.toThrow(/まだ終わっていない/)
  })
})

/** Every text of an XLSX (its shared strings), through exceljs as the renderer writes it. */
async function xlsxText(body: Buffer): Promise<string> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(body as never)
  const texts: string[] = []
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.text)))))
  return texts.join('\n')
}

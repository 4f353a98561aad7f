/**
 * 一次完了 and every other KPI do not depend on the order data arrives in (decision 0036): the hand
 * fixture of January 2027 (analytics/test/fixtures/january-2027-hours.ts, every figure worked out in
 * its table) logged at the desk before the PBX import, and again with the import first. The caller
 * hash reaches a call log through its link to the PBX record either way (the import's link step, or
 * the call's save when its record is already there).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  CALLER_NUMBERS,
  CITY_RULES,
  EXPECTED,
  JANUARY_2027,
  TELEPHONY,
  callLogs,
  expectJanuary,
} from '../../analytics/test/fixtures/january-2027-hours'
import type { TestUser } from './helpers'

let payload: Payload
let operator: TestUser
let categories: Record<string, number | string>
let faqs: Record<string, number | string>
let mod: {
  loadReport: typeof import('../src/reports/load').loadReport
  importTelephony: typeof import('../src/collections/TelephonyRecords/importTelephony').importTelephony
  sqlOf: typeof import('../src/db/sql').sqlOf
}

beforeAll(async () => {
  const helpers = await import('./helpers')
  const [{ loadReport }, { importTelephony }, { sqlOf }] = await Promise.all([
    import('../src/reports/load'),
    import('../src/collections/TelephonyRecords/importTelephony'),
    import('../src/db/sql'),
  ])
  mod = { loadReport, importTelephony, sqlOf }
  payload = await helpers.startPayload()
  operator = (await helpers.createRoleUsers(payload)).operator
  const refs = await helpers.createReferences(payload)
  const lost = await payload.create({
    collection: 'categories',
    data: { name: '紛失', nameEn: 'Lost', slug: 'lost' } as never,
  })
  categories = { renewal: refs.category, lost: lost.id }
  const f1 = await payload.create({ collection: 'faqs', data: helpers.faqData(refs) as never })
  const f2 = await payload.create({
    collection: 'faqs',
    data: helpers.faqData(refs, { question: '更新の手続きは？' }) as never,
  })
  faqs = { f1: f1.id, f2: f2.id }
  // Rollups on from the first record (decision 0045): the desk's hooks and the import keep them,
  // so the report below reads what those writers maintained, in either order.
  const [{ storeRules, rollupRulesOf }, { execOfSql }] = await Promise.all([
    import('../src/reports/rollups/rules'),
    import('../src/db/exec'),
  ])
  await storeRules(execOfSql(sqlOf(payload)), rollupRulesOf(CITY_RULES))
})

afterAll(async () => {
  await payload?.destroy()
})

const MAPPING = {
  name: 'test PBX',
  encoding: 'utf-8',
  delimiter: ',',
  columns: {
    callId: 'id',
    queue: 'queue',
    offeredAt: 'offered',
    answeredAt: 'answered',
    abandonedAt: 'abandoned',
    endedAt: 'ended',
    agent: 'agent',
    caller: 'caller',
  },
  timestamps: { format: 'iso', timeZone: 'Asia/Tokyo' },
  nullValues: [''],
}
const CSV = [
  'id,queue,offered,answered,abandoned,ended,agent,caller',
  ...TELEPHONY.map((t) =>
    [
      t.callId,
      t.queue,
      t.offeredAt,
      t.answeredAt ?? '',
      t.abandonedAt ?? '',
      t.endedAt ?? '',
      t.agent ?? '',
      CALLER_NUMBERS[t.callId] ?? '',
    ].join(','),
  ),
].join('\r\n')

async function importPbx() {
  const r = await mod.importTelephony(payload, {
    mapping: MAPPING,
    open: () => CSV,
    source: 'january.csv',
    salt: 'order-test-salt-0123456789',
  })
  expect(r.ok, JSON.stringify(r).slice(0, 500)).toBe(true)
}

/** The desk saves each log as an operator does (REST create, the operator's own access). */
async function logCalls() {
  for (const c of callLogs(() => 'unused')) {
    await payload.create({
      collection: 'calls',
      data: {
        talkStartedAt: c.talkStartedAt,
        talkEndedAt: c.talkEndedAt,
        holdSeconds: c.holdSeconds,
        afterCallWorkSeconds: c.afterCallWorkSeconds,
        channel: c.channel,
        callerType: 'self',
        category: c.category ? categories[c.category] : undefined,
        faqsUsed: c.faqKeys.map((k) => faqs[k]),
        summary: `応対 ${c.id}`,
        outcome: c.outcome,
        telephonyCallId: c.telephonyCallId ?? undefined,
      } as never,
      user: operator as never,
      overrideAccess: false,
    })
  }
}

async function clear() {
  const sql = mod.sqlOf(payload)
  for (const table of [
    'telephony_records',
    'calls_rels',
    'calls',
    'report_telephony_slots',
    'report_call_slots',
    'report_faq_days',
  ])
    await sql.run(`DELETE FROM ${table}`)
}

async function reportAndCheck() {
  const { report, counted } = await mod.loadReport(payload, JANUARY_2027, CITY_RULES)
  expect(counted).toBe('rollups')
  expectJanuary(report)
  // And counted from the records themselves.
  expectJanuary((await mod.loadReport(payload, JANUARY_2027, { ...CITY_RULES, fromRecords: true })).report)
  expect(
    Object.fromEntries(report.faqUsage.map((f) => [f.faqId, { count: f.count, first: f.first }])),
  ).toEqual({
    [String(faqs.f1)]: EXPECTED.faqUsage.f1,
    [String(faqs.f2)]: EXPECTED.faqUsage.f2,
  })
  return report
}

describe('the hand-computed January 2027 in both import orders', () => {
  it('call logs first, then the PBX import; then the PBX import first, then the logs: the same figures', async () => {
    await logCalls()
    await importPbx()
    const logsFirst = await reportAndCheck()
    await clear()
    await importPbx()
    await logCalls()
    const pbxFirst = await reportAndCheck()
    expect(pbxFirst.meta.details).toEqual(logsFirst.meta.details)
    expect(pbxFirst.firstContactResolutionRate).toBe(logsFirst.firstContactResolutionRate)
  })
})

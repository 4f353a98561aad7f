/**
 * The report rollups (decision 0045) against a full recomputation: a seeded October and early
 * November, then random call logs created, corrected and deleted through Payload (the desk's hooks),
 * telephony records deleted, and a PBX import linking some of the new logs (their caller hashes
 * change, so earlier calls' 一次完了 flags do). After all of it, the rollup rows and every call's flag
 * must be what `reports:rebuild` computes from the records, and the reports read from the rollups
 * must equal the reports counted from the records themselves (`fromRecords`: the same grouped counts over the records, with the repeat check computed there).
 */
import { monthRange, REPORT_KPI_KEYS, type ReportPeriod } from '@kotae/analytics'
import { seededRandom } from '@kotae/content/seededRandom'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GENERATED_TELEPHONY_MAPPING } from './setup/telephonyCsv'
import { rounded } from './setup/rounded'

let payload: Payload
let mod: {
  loadReport: typeof import('../src/reports/load').loadReport
  rebuildRollups: typeof import('../src/reports/rollups/rebuild').rebuildRollups
  execOf: typeof import('../src/db/exec').execOf
  importTelephony: typeof import('../src/collections/TelephonyRecords/importTelephony').importTelephony
  sql: import('../src/db/sql').Sql
}
let operator: number
let categories: number[]
let faqs: number[]

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

beforeAll(async () => {
  const helpers = await import('./helpers')
  const [
    { loadReport },
    { rebuildRollups },
    { importTelephony },
    { insertSynthetic },
    { sqlOf },
    { execOf },
  ] = await Promise.all([
    import('../src/reports/load'),
    import('../src/reports/rollups/rebuild'),
    import('../src/collections/TelephonyRecords/importTelephony'),
    import('../src/seed/syntheticCalls'),
    import('../src/db/sql'),
    import('../src/db/exec'),
  ])
  payload = await helpers.startPayload()
  mod = { loadReport, rebuildRollups, execOf, importTelephony, sql: sqlOf(payload) }
  const users = await helpers.createRoleUsers(payload)
  operator = Number(users.operator.id)
  const refs = await helpers.createReferences(payload)
  const lost = await payload.create({
    collection: 'categories',
    data: { name: '紛失', nameEn: 'lost', slug: 'lost' } as never,
  })
  categories = [Number(refs.category), Number(lost.id)]
  const faq = await payload.create({ collection: 'faqs', data: helpers.faqData(refs) as never })
  const [second] = await mod.sql.query<{ id: number }>(
    `INSERT INTO faqs (question, _status) VALUES (?, 'published') RETURNING id`,
    ['二つ目のFAQ'],
  )
  faqs = [Number(faq.id), Number(second!.id)]
  await insertSynthetic(mod.sql, {
    start: monthRange(2026, 10).start,
    end: monthRange(2026, 11).start + 5 * DAY,
    calls: 400,
    seed: 45,
    categories: [
      { id: categories[0]!, slug: 'renewal' },
      { id: categories[1]!, slug: 'lost' },
    ],
    faqIds: faqs,
    operatorIds: [operator],
  })
  await mod.rebuildRollups(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

/** Every rollup row and every call's flag, in key order (sums to 9 significant digits). */
async function snapshot() {
  const tables = {
    report_telephony_slots: 'slot_at, in_hours, queue',
    report_call_slots: 'slot_at, in_hours, category_id, outcome, outbound',
    report_faq_days: 'day_at, faq_id',
  }
  const out: Record<string, unknown[]> = {}
  for (const [table, keys] of Object.entries(tables))
    out[table] = (await mod.sql.query(`SELECT * FROM ${table} ORDER BY ${keys}`)).map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          typeof v === 'string' && k !== 'queue' && k !== 'outcome'
            ? Number(Number(v).toPrecision(9))
            : typeof v === 'number'
              ? Number(v.toPrecision(9))
              : v,
        ]),
      ),
    )
  out.flags = (await mod.sql.query('SELECT id, called_again FROM calls ORDER BY id')).map(
    (r) => `${r.id}:${r.called_again}`,
  )
  return out
}

/** The report from the rollups equals the one counted from the records, KPI by KPI and in its details. */
async function expectSameReports(period: ReportPeriod) {
  const fromRollups = await mod.loadReport(payload, period)
  const fromRecords = await mod.loadReport(payload, period, { fromRecords: true })
  for (const key of REPORT_KPI_KEYS)
    expect(rounded(fromRollups.report[key]), key).toEqual(rounded(fromRecords.report[key]))
  expect(fromRollups.report.meta.details).toEqual(fromRecords.report.meta.details)
  const { outside: _a, ...counts } = fromRollups.report.meta.counts
  const { outside: _b, ...expected } = fromRecords.report.meta.counts
  expect(counts).toEqual(expected)
  expect(fromRollups.trend).toEqual(fromRecords.trend)
  return fromRollups.report
}

describe('report rollups', () => {
  it('after a rebuild, October and the fiscal year read from the rollups equal the reports counted from the records', async () => {
    const october = await expectSameReports({ kind: 'month', year: 2026, month: 10 })
    expect(october.offered).toBeGreaterThan(300)
    expect(october.meta.details.repeatDisqualified).toBeGreaterThan(0)
    expect(october.faqUsage.length).toBeGreaterThan(0)
    expect((await mod.loadReport(payload, { kind: 'month', year: 2026, month: 10 })).counted).toBe('rollups')
    await expectSameReports({ kind: 'year', year: 2026 })
    // The fiscal year's 月別 rows are counted from the year's rows: each equals its monthly report.
    for (const read of [{}, { fromRecords: true }]) {
      const year = await mod.loadReport(payload, { kind: 'year', year: 2026 }, read)
      for (const [i, month] of [
        [6, 10],
        [7, 11],
      ] as const) {
        const alone = (await mod.loadReport(payload, { kind: 'month', year: 2026, month }, read)).report
        const inYear = year.months![i]!
        for (const key of REPORT_KPI_KEYS) expect(rounded(inYear[key]), key).toEqual(rounded(alone[key]))
        expect(inYear.meta.counts).toEqual(alone.meta.counts)
        expect(inYear.meta.details).toEqual(alone.meta.details)
      }
    }
  })

  it('random inserts, updates and deletes (seeded), record deletions and a PBX import keep the rollups equal to a full recomputation (also a corrected row moving a record to a day outside its file)', async () => {
    const random = seededRandom(20261206)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
    const start = monthRange(2026, 10).start
    // Around the month's end too, so the repeat window crosses it.
    const instant = () => start + 20 * DAY + Math.floor(random() * 16 * DAY)
    const unlinked = (
      await mod.sql.query<{ pbx: string }>(
        'SELECT pbx_call_id AS pbx FROM telephony_records WHERE call_id IS NULL ORDER BY id',
      )
    ).map((r) => r.pbx)
    const created: number[] = []
    let nextPbx = 0
    const pbxId = () => {
      const r = random()
      return r < 0.35 ? `G-${nextPbx++}` : r < 0.6 && unlinked.length ? pick(unlinked) : null
    }
    const callData = () => {
      const t = instant()
      return {
        talkStartedAt: iso(t),
        talkEndedAt: iso(t + 30_000 + Math.floor(random() * 600_000)),
        holdSeconds: random() < 0.3 ? Math.floor(random() * 900) : 0,
        afterCallWorkSeconds: Math.floor(random() * 120),
        channel: random() < 0.1 ? 'outbound-callback' : 'direct',
        callerType: 'self',
        category: random() < 0.85 ? pick(categories) : null,
        faqsUsed: random() < 0.6 ? (random() < 0.5 ? [...faqs] : [pick(faqs)]) : [],
        summary: 'ガードのテスト',
        outcome: pick(['resolved', 'resolved', 'resolved', 'callback', 'escalated'] as const),
        telephonyCallId: pbxId(),
        operator,
      }
    }
    const ops = { create: 0, update: 0, delete: 0, deleteRecord: 0 }
    for (let i = 0; i < 60; i++) {
      const r = random()
      if (r < 0.45 || created.length < 3) {
        const doc = await payload.create({
          collection: 'calls',
          data: callData() as never,
          overrideAccess: true,
        })
        created.push(Number(doc.id))
        ops.create++
      } else if (r < 0.8) {
        const id = pick(created)
        const whole = callData()
        const change = pick(['time', 'category', 'outcome', 'pbx'] as const)
        const data =
          change === 'time'
            ? { talkStartedAt: whole.talkStartedAt, talkEndedAt: whole.talkEndedAt }
            : change === 'category'
              ? { category: whole.category }
              : change === 'outcome'
                ? { outcome: whole.outcome }
                : { telephonyCallId: whole.telephonyCallId }
        await payload.update({ collection: 'calls', id, data: data as never, overrideAccess: true })
        ops.update++
      } else if (r < 0.93) {
        const id = created.splice(Math.floor(random() * created.length), 1)[0]!
        await payload.delete({ collection: 'calls', id, overrideAccess: true })
        ops.delete++
      } else {
        const [record] = await mod.sql.query<{ id: number }>(
          'SELECT id FROM telephony_records WHERE call_id IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?',
          [Math.floor(random() * 200)],
        )
        await payload.delete({ collection: 'telephony-records', id: record!.id, overrideAccess: true })
        ops.deleteRecord++
      }
      if (i === 40) await importGuardFile(random)
    }
    await importCorrectedOfferTimes()
    expect(Math.min(...Object.values(ops))).toBeGreaterThan(0)

    const kept = await snapshot()
    await mod.rebuildRollups(payload, { from: '2026-09', to: '2026-12' })
    const recomputed = await snapshot()
    for (const key of Object.keys(recomputed)) expect(kept[key], key).toEqual(recomputed[key])
    for (const month of [10, 11])
      expect((await expectSameReports({ kind: 'month', year: 2026, month })).offered).toBeGreaterThan(0)
  })

  it('a call log written inside a transaction that rolls back leaves the rollups as they were (the hooks write on the request’s transaction)', async () => {
    const transactionID = await payload.db.beginTransaction()
    // SQLite runs without transactions unless KOTAE_SQLITE_TRANSACTIONS is on (decision 0058).
    if (!transactionID) return expect(payload.db.name).toBe('sqlite')
    const before = await snapshot()
    const t = monthRange(2026, 10).start + 12 * DAY + 3_600_000
    await payload.create({
      collection: 'calls',
      data: {
        talkStartedAt: iso(t),
        talkEndedAt: iso(t + 120_000),
        channel: 'direct',
        callerType: 'self',
        category: categories[0],
        faqsUsed: [faqs[0]],
        summary: '取り消されるガード',
        outcome: 'resolved',
        operator,
      } as never,
      overrideAccess: true,
      req: { transactionID },
    })
    // Inside the transaction the call is counted; after the rollback, nothing is left of it.
    const calls = 'SELECT coalesce(sum(calls), 0) AS n FROM report_call_slots'
    const inside = await (await mod.execOf(payload, { transactionID })).rows(calls)
    const outside = await (await mod.execOf(payload)).rows(calls)
    expect(Number(inside[0]![0])).toBe(Number(outside[0]![0]) + 1)
    await payload.db.rollbackTransaction(transactionID)
    expect(await snapshot()).toEqual(before)
  })
})

/**
 * A PBX file for the logs created with a `G-` call id: each record offered 20 s before its log's
 * talk start, from five caller numbers, so the import links them and their callers repeat.
 */
async function importGuardFile(random: () => number) {
  const logs = await mod.sql.query<{ pbx: string; at: unknown }>(
    "SELECT telephony_call_id AS pbx, talk_started_at AS at FROM calls WHERE telephony_call_id LIKE 'G-%' ORDER BY id",
  )
  const pad = (n: number) => String(n).padStart(2, '0')
  const jst = (ms: number) => {
    const d = new Date(ms + 9 * 3_600_000)
    return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  }
  const lines = logs.map(({ pbx, at }) => {
    const talk = new Date(at as string | Date).getTime()
    const offered = talk - 20_000
    return `${pbx},mynumber,${jst(offered)},${jst(talk)},,${jst(talk + 200_000)},agent-1,090-0000-000${Math.floor(random() * 5)}`
  })
  const csv = `通話ID,キュー,着信日時,応答日時,放棄日時,終話日時,オペレーターID,発信者番号\n${lines.join('\n')}\n`
  const r = await mod.importTelephony(payload, {
    mapping: GENERATED_TELEPHONY_MAPPING,
    open: () => Buffer.from(csv),
    source: 'guard.csv',
    salt: 'rollup-guard-salt-0123456789',
  })
  expect(r.ok, JSON.stringify(r).slice(0, 500)).toBe(true)
  if (r.ok) expect(r.links.byCallId).toBeGreaterThan(0)
}

/**
 * A corrected PBX file whose rows move two records of the guard file three days later: the half-hours
 * they leave lie outside the file's days, and must be recounted too.
 */
async function importCorrectedOfferTimes() {
  const moved = await mod.sql.query<{ pbx: string; at: unknown }>(
    "SELECT pbx_call_id AS pbx, offered_at AS at FROM telephony_records WHERE imported_from = 'guard.csv' ORDER BY id LIMIT 2",
  )
  expect(moved).toHaveLength(2)
  const jst = (ms: number) =>
    new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ').replaceAll('-', '/')
  const lines = moved.map(({ pbx, at }) => {
    const offered = new Date(at as string | Date).getTime() + 3 * DAY
    return `${pbx},mynumber,${jst(offered)},,${jst(offered + 5_000)},${jst(offered + 5_000)},,`
  })
  const csv = `通話ID,キュー,着信日時,応答日時,放棄日時,終話日時,オペレーターID,発信者番号\n${lines.join('\n')}\n`
  const r = await mod.importTelephony(payload, {
    mapping: GENERATED_TELEPHONY_MAPPING,
    open: () => Buffer.from(csv),
    source: 'guard-corrected.csv',
    salt: 'rollup-guard-salt-0123456789',
  })
  expect(r.ok && r.updated, JSON.stringify(r).slice(0, 500)).toBe(2)
}

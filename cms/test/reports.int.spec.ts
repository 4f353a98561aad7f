import {
  computeReport,
  monthRange,
  REPORT_KPI_KEYS,
  type CallLogRecord,
  type EscalationRecord,
  type ReportOptions,
  type TelephonyRecord,
} from '@kotae/analytics'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SyntheticInput } from '../src/seed/syntheticCalls'
import { rounded } from './setup/rounded'

let payload: Payload
let input: SyntheticInput
/** Hand-made September 2026 records for the edges the SQL counts (see `edgeRecords`). */
let edges: { calls: CallLogRecord[]; telephony: TelephonyRecord[] }
let mod: {
  loadReport: typeof import('../src/reports/load').loadReport
  renderReport: typeof import('../src/reports/render').renderReport
  syntheticRecords: typeof import('../src/seed/syntheticCalls').syntheticRecords
}

beforeAll(async () => {
  const helpers = await import('./helpers')
  const [{ loadReport }, { renderReport }, { syntheticRecords, insertSynthetic }, { sqlOf }] =
    await Promise.all([
      import('../src/reports/load'),
      import('../src/reports/render'),
      import('../src/seed/syntheticCalls'),
      import('../src/db/sql'),
    ])
  mod = { loadReport, renderReport, syntheticRecords }
  payload = await helpers.startPayload()
  const users = await helpers.createRoleUsers(payload)
  const refs = await helpers.createReferences(payload)
  const faq = await payload.create({ collection: 'faqs', data: helpers.faqData(refs) as never })
  // October 2026 plus the first days of November (for the repeat check and the month end).
  const { start } = monthRange(2026, 10)
  input = {
    start,
    end: monthRange(2026, 11).start + 5 * 86_400_000,
    calls: 1500,
    seed: 7,
    categories: [{ id: Number(refs.category), slug: 'renewal' }],
    faqIds: [Number(faq.id)],
    operatorIds: [Number(users.operator.id)],
  }
  await insertSynthetic(sqlOf(payload), input)
  const [second] = await sqlOf(payload).query<{ id: number }>(
    `INSERT INTO faqs (question, _status) VALUES (?, 'published') RETURNING id`,
    ['二つ目のFAQ'],
  )
  const other = await payload.create({
    collection: 'categories',
    data: { name: '紛失', nameEn: 'lost', slug: 'lost' } as never,
  })
  edges = await insertEdges(
    sqlOf(payload),
    { renewal: Number(refs.category), lost: Number(other.id) },
    [Number(faq.id), Number(second!.id)],
    Number(users.operator.id),
  )
  // The rollups of everything inserted (decision 0045): reports with the default rules read them.
  const { rebuildRollups } = await import('../src/reports/rollups/rebuild')
  await rebuildRollups(payload)
})

/**
 * September 2026 (JST): 21 Sep 敬老の日, 22 Sep 国民の休日, 23 Sep 秋分の日. Each record sits on an edge
 * the SQL counting has to get right: midnight at both ends of the month (a millisecond either
 * side), waits of exactly the thresholds, abandons with unknown or impossible waits, an answer
 * before its offer, another queue, talk spans that end before they start, and repeat calls at
 * exactly 7 days, 7 days + 1 ms, the same instant, after the month end, without a caller hash,
 * without a category, with a caller hash that is not hex and one with a tab and a backslash
 * (escaped by PostgreSQL's COPY), and hold and after-call work in fractions of a second.
 */
async function insertEdges(
  sql: import('../src/db/sql').Sql,
  categoryIds: Record<string, number>,
  faqIds: number[],
  operator: number,
) {
  const jst = (s: string) => new Date(`${s}+09:00`).toISOString()
  const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()
  const hex = (n: number) => n.toString(16).padStart(64, 'e')
  const telephony: TelephonyRecord[] = []
  const calls: CallLogRecord[] = []
  const tel = (id: string, offered: string, f: Partial<TelephonyRecord> = {}) =>
    telephony.push({
      callId: id,
      queue: 'mynumber',
      offeredAt: offered,
      answeredAt: null,
      abandonedAt: null,
      endedAt: null,
      agent: null,
      wrapUpEndedAt: null,
      ...f,
    })
  tel('E-T1', jst('2026-09-30T23:59:59.999'), {
    answeredAt: jst('2026-10-01T00:00:09.999'),
    endedAt: jst('2026-10-01T00:05:00'),
  }) // last ms of the month
  tel('E-T2', jst('2026-09-01T00:00:00.000'), {
    answeredAt: jst('2026-09-01T00:00:20.000'),
    endedAt: jst('2026-09-01T00:03:00'),
  }) // first ms, wait exactly 20 s
  tel('E-T3', jst('2026-08-31T23:59:59.999'), {
    answeredAt: jst('2026-09-01T00:00:01'),
    endedAt: jst('2026-09-01T00:01:00'),
  }) // August
  tel('E-T4', jst('2026-09-02T10:00:00.000'), {
    abandonedAt: jst('2026-09-02T10:00:04.999'),
    endedAt: jst('2026-09-02T10:00:04.999'),
  }) // short at 5 s
  tel('E-T5', jst('2026-09-02T10:01:00.000'), {
    abandonedAt: jst('2026-09-02T10:01:05.000'),
    endedAt: jst('2026-09-02T10:01:05.000'),
  }) // exactly 5 s: not short
  tel('E-T6', jst('2026-09-02T10:02:00.000')) // unanswered, no end: abandoned, wait unknown
  tel('E-T7', jst('2026-09-02T10:03:00.000'), {
    abandonedAt: jst('2026-09-02T10:02:59.000'),
    endedAt: jst('2026-09-02T10:02:59.000'),
  }) // gone before offered
  tel('E-T8', jst('2026-09-02T10:04:00.000'), {
    answeredAt: jst('2026-09-02T10:03:59.000'),
    endedAt: jst('2026-09-02T10:06:00'),
  }) // answer before offer
  tel('E-T9', jst('2026-09-21T10:00:00.000'), {
    answeredAt: jst('2026-09-21T10:00:03.000'),
    endedAt: jst('2026-09-21T10:05:00'),
  }) // holiday
  tel('E-T10', jst('2026-09-22T10:00:00.000'), {
    queue: 'other',
    answeredAt: jst('2026-09-22T10:00:01'),
    endedAt: jst('2026-09-22T10:02:00'),
  })
  tel('E-T11', jst('2026-09-23T12:00:00.000'), {
    answeredAt: jst('2026-09-23T12:00:25.000'),
    endedAt: jst('2026-09-23T12:09:00'),
  })
  tel('E-T12', jst('2026-09-24T12:00:00.000'), { abandonedAt: null, endedAt: jst('2026-09-24T12:00:05.500') }) // gone at ended_at, 5.5 s

  let n = 0
  const call = (start: string, f: Partial<CallLogRecord> & { caller?: string | null } = {}) => {
    const id = `E-C${++n}`
    const { caller = null, ...rest } = f
    calls.push({
      id,
      talkStartedAt: start,
      talkEndedAt: plus(start, 300_000),
      holdSeconds: 30,
      afterCallWorkSeconds: 60,
      channel: 'direct',
      callerType: 'self',
      category: 'renewal',
      faqsUsed: [],
      outcome: 'resolved',
      operator: String(operator),
      telephonyCallId: id,
      callerHash: caller,
      ...rest,
    })
    // Every call has its PBX record (offered 10 s before), which carries the caller hash.
    tel(id, plus(start, -10_000), {
      answeredAt: plus(start, -2_000),
      endedAt: plus(start, 300_000),
      agent: 'op',
    })
  }
  const f1 = String(faqIds[0])
  const f2 = String(faqIds[1])
  call(jst('2026-09-21T10:00:05.000'), { caller: hex(1), faqsUsed: [f1, f2] }) // holiday; repeated at exactly 7 days
  call(jst('2026-09-28T10:00:05.000'), { caller: hex(1), outcome: 'callback', faqsUsed: [f2] })
  call(jst('2026-09-30T23:59:59.999'), { caller: hex(2), holdSeconds: 400 }) // last ms; hold longer than the span
  call(jst('2026-10-07T23:59:59.999'), { caller: hex(2), outcome: 'escalated' }) // 7 days later, after the month
  call(jst('2026-09-10T10:00:00.000'), { caller: hex(3), category: 'lost' })
  call(jst('2026-09-17T10:00:00.001'), { caller: hex(3), category: 'lost' }) // 7 days + 1 ms: not a repeat
  call(jst('2026-09-15T10:00:00.000'), { caller: null }) // no caller hash
  call(jst('2026-09-16T10:00:00.000'), { caller: hex(4), category: null })
  call(jst('2026-09-17T09:00:00.000'), { caller: hex(4), category: null }) // no category: not checked
  call(jst('2026-09-18T10:00:00.000'), { caller: hex(5) })
  call(jst('2026-09-18T10:00:00.000'), { caller: hex(5), category: 'renewal' }) // the same instant: not a repeat
  call(jst('2026-09-01T00:00:00.000'), { caller: 'caller-six-is-not-hex', faqsUsed: [f2, f1, f2] }) // first ms; f2 once
  call(jst('2026-09-03T10:00:00.000'), { caller: 'caller-six-is-not-hex', outcome: 'transferred' })
  call(jst('2026-08-31T23:59:59.999'), { caller: hex(7) }) // August
  // A hash with characters PostgreSQL's COPY escapes (a tab, a backslash), and hold and after-call work with fractions.
  call(jst('2026-09-05T10:00:00.000'), {
    caller: 'tab\there\\back',
    holdSeconds: 12.5,
    afterCallWorkSeconds: 0.25,
  })
  call(jst('2026-09-06T10:00:00.000'), { caller: 'tab\there\\back', holdSeconds: 0.001 })
  call(jst('2026-09-04T10:00:00.000'), { caller: hex(8), talkEndedAt: jst('2026-09-04T09:59:00.000') }) // ends before it starts
  call(jst('2026-09-24T17:00:00.000'), { caller: hex(9), outcome: 'reservation-made', category: 'lost' })
  call(jst('2026-09-25T17:00:00.000'), { caller: hex(9), category: 'lost' })
  // With the city's hours (CITY_HOURS): 17:14:59.999 is in, 17:15 out (a 15-minute bucket); the 4th Sunday in, the 3rd out.
  tel('E-T13', jst('2026-09-25T17:14:59.999'), {
    answeredAt: jst('2026-09-25T17:15:04'),
    endedAt: jst('2026-09-25T17:20:00'),
  })
  tel('E-T14', jst('2026-09-25T17:15:00.000'), {
    abandonedAt: jst('2026-09-25T17:15:30'),
    endedAt: jst('2026-09-25T17:15:30'),
  })
  tel('E-T15', jst('2026-09-27T10:00:00.000'), {
    answeredAt: jst('2026-09-27T10:00:02'),
    endedAt: jst('2026-09-27T10:03:00'),
  })
  tel('E-T16', jst('2026-09-20T10:00:00.000'), {
    answeredAt: jst('2026-09-20T10:00:02'),
    endedAt: jst('2026-09-20T10:03:00'),
  })
  // Calls the centre made: no PBX record, their own line only (not in ATT, AHT, 一次完了, FAQ usage).
  calls.push({
    id: 'E-OUT1',
    talkStartedAt: jst('2026-09-25T17:20:00.000'),
    talkEndedAt: jst('2026-09-25T17:24:00.000'),
    holdSeconds: 0,
    afterCallWorkSeconds: 30,
    channel: 'outbound-callback',
    callerType: 'self',
    category: 'lost',
    faqsUsed: [f1],
    outcome: 'resolved',
    operator: String(operator),
    telephonyCallId: null,
    callerHash: hex(9),
  })

  const [top] = await sql.query<{ max: number | null }>('SELECT MAX(id) AS max FROM calls')
  let next = Number(top?.max ?? 0) + 1
  const now = new Date().toISOString()
  for (const c of calls) {
    const id = next++
    await sql.query(
      // The call carries its record's caller hash (calls.caller_hash, as the import's link step copies it).
      `INSERT INTO calls (id, talk_started_at, talk_ended_at, hold_seconds, after_call_work_seconds, channel, caller_type, category_id, summary, outcome, operator_id, telephony_call_id, caller_hash, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        c.talkStartedAt,
        c.talkEndedAt,
        c.holdSeconds,
        c.afterCallWorkSeconds,
        c.channel,
        c.callerType,
        c.category ? categoryIds[c.category] : null,
        '境界',
        c.outcome,
        operator,
        c.telephonyCallId,
        c.callerHash,
        now,
        now,
      ],
    )
    // Links in their order; the second call's list starts with an emptied link (a deleted FAQ).
    const links = c.id === 'E-C12' ? [null, ...c.faqsUsed] : c.faqsUsed
    for (const [i, f] of links.entries())
      await sql.query(
        `INSERT INTO calls_rels ("order", parent_id, path, faqs_id) VALUES (?, ?, 'faqsUsed', ?)`,
        [i + 1, id, f === null ? null : Number(f)],
      )
    const t = telephony.find((x) => x.callId === c.id)
    if (t) Object.assign(t, { dbCallId: id, callerHash: c.callerHash })
  }
  for (const t of telephony) {
    const x = t as TelephonyRecord & { dbCallId?: number; callerHash?: string | null }
    await sql.query(
      `INSERT INTO telephony_records (pbx_call_id, queue, offered_at, answered_at, abandoned_at, ended_at, wrap_up_ended_at, agent, caller_hash, call_id, link_method, imported_from, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        x.callId,
        x.queue,
        x.offeredAt,
        x.answeredAt,
        x.abandonedAt,
        x.endedAt,
        x.wrapUpEndedAt,
        x.agent,
        x.callerHash ?? null,
        x.dbCallId ?? null,
        x.dbCallId ? 'call-id' : null,
        'edges',
        now,
        now,
      ],
    )
    delete x.dbCallId
    delete x.callerHash
  }
  return { calls, telephony }
}
afterAll(async () => {
  await payload?.destroy()
})

/** content/city.yaml's hours: weekdays 8:30–17:15, the 1st and 3rd Thursday to 19:00, the 2nd and 4th Sunday 9:00–12:00. */
const CITY_HOURS: ReportOptions['hours'] = {
  hours: [
    { label: '平日', weekdays: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:15', closedOnHolidays: true },
    {
      label: '木曜延長',
      weekdays: [4],
      weeksOfMonth: [1, 3],
      opens: '08:30',
      closes: '19:00',
      closedOnHolidays: true,
    },
    {
      label: '日曜開庁',
      weekdays: [0],
      weeksOfMonth: [2, 4],
      opens: '09:00',
      closes: '12:00',
      closedOnHolidays: true,
    },
  ],
  yearEndClosure: { from: '12-29', to: '01-03' },
  closedDates: [],
}

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
  it('a month counted from the records equals computeReport over the same records', async () => {
    const period = { kind: 'month', year: 2026, month: 10 } as const
    const { report, labels, trend } = await mod.loadReport(payload, period, { fromRecords: true })
    const { calls, telephony, escalations } = expectedRecords()
    const expected = computeReport({
      period,
      calls: [...calls, ...edges.calls],
      telephony: [...telephony, ...edges.telephony],
      escalations,
    })
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

  const variants: [string, ReportOptions][] = [
    ['default options', {}],
    ['short abandon 6 s, service level 19 s', { shortAbandonSeconds: 6, serviceLevelSeconds: 19 }],
    [
      'short abandon 0 s, service level 0 s, one queue, reservations resolved, hold outside the span',
      {
        shortAbandonSeconds: 0,
        serviceLevelSeconds: 0,
        queues: ['mynumber'],
        resolvedOutcomes: ['resolved', 'reservation-made'],
        holdInsideTalkSpan: false,
      },
    ],
    ['no holiday row, a 3-day repeat window', { holidaysAsOwnRow: false, repeatWindowDays: 3 }],
    ["the city's hours (15-minute buckets), one queue", { hours: CITY_HOURS, queues: ['mynumber'] }],
  ]
  for (const [name, options] of variants)
    it(`September's edges equal computeReport (${name}), with each way of reading`, async () => {
      const period = { kind: 'month', year: 2026, month: 9 } as const
      const { calls, telephony, escalations } = expectedRecords()
      const expected = computeReport({
        period,
        calls: [...calls, ...edges.calls],
        telephony: [...telephony, ...edges.telephony],
        escalations,
        options,
      })
      // What the edges must exercise, so the comparison cannot pass on empty counts.
      expect(expected.abandoned.count).toBeGreaterThan(0)
      if (options.shortAbandonSeconds !== 0) expect(expected.abandoned.short).toBeGreaterThan(0)
      expect(expected.meta.counts.answeredWithoutWait).toBe(1)
      expect(expected.meta.details.repeatDisqualified).toBeGreaterThan(0)
      expect(expected.meta.details.callsCrossCheckable).toBeGreaterThan(0)
      if (options.hours)
        for (const reason of ['after-hours', 'no-opening', 'holiday'] as const)
          expect(
            expected.outOfHours.byReason.find((r) => r.reason === reason)?.offered,
            reason,
          ).toBeGreaterThan(0)
      else
        expect(
          expected.byWeekday.find((w) => w.key === 'holiday')?.offered ??
            expected.byWeekday.find((w) => w.key === 'mon')?.offered,
        ).toBeGreaterThan(0)
      expect(expected.outbound.calls).toBe(1)
      // The default reads, time windows with and without grouping by half-hour, and small id ranges
      // (a half-hour split over several ranges).
      // From the rollup tables where they serve (default rules), and counted from the records.
      for (const read of [{}, { fromRecords: true }]) {
        const how = JSON.stringify(read)
        const { report, trend, counted } = await mod.loadReport(payload, period, { ...options, ...read })
        // The default rules over a whole month: read from the rollups (decision 0045); any other way, from the records.
        expect(counted).toBe(how === '{}' && name === 'default options' ? 'rollups' : 'records')
        for (const key of REPORT_KPI_KEYS)
          expect(rounded(report[key]), `${key}, read ${how}`).toEqual(rounded(expected[key]))
        expect(report.meta.details, `read ${how}`).toEqual(expected.meta.details)
        const { outside: _o, invalid: _i, ...counts } = report.meta.counts
        const { outside: _eo, invalid: _ei, ...expectedCounts } = expected.meta.counts
        expect(counts).toEqual(expectedCounts)
        expect(trend.reduce((s, p) => s + p.calls, 0)).toBe(report.meta.counts.calls)
      }
    })

  it('the fiscal year (令和8年度) equals computeReport over every record (September edges, October, November)', async () => {
    const { report, trend, counted } = await mod.loadReport(payload, { kind: 'year', year: 2026 })
    expect(counted).toBe('rollups')
    const { calls, telephony, escalations } = expectedRecords()
    const expected = computeReport({
      period: { kind: 'year', year: 2026 },
      calls: [...calls, ...edges.calls],
      telephony: [...telephony, ...edges.telephony],
      escalations,
    })
    for (const key of REPORT_KPI_KEYS) expect(rounded(report[key]), key).toEqual(rounded(expected[key]))
    expect(report.meta.period.labels.wareki).toBe('令和8年度')
    expect(trend.map((p) => p.label)).toEqual([
      '4月',
      '5月',
      '6月',
      '7月',
      '8月',
      '9月',
      '10月',
      '11月',
      '12月',
      '1月',
      '2月',
      '3月',
    ])
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
    for (const format of ['json', 'csv'] as const)
      expect((await mod.renderReport(loaded, format)).body.toString('utf8')).not.toMatch(/NaN|Infinity/)
  })
})

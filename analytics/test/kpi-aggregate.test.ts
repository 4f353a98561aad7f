import { describe, expect, it } from 'vitest'

import {
  abandonWaitSeconds,
  answerWaitSeconds,
  computeReport,
  createReportAccumulator,
  handleSeconds,
  isAnswered,
  REPORT_KPI_KEYS,
  talkSeconds,
  type CallSlotAggregate,
  type TelephonySlotAggregate,
} from '../src/kpi'
import type { CallLogRecord, TelephonyRecord } from '../src/records'
import { jstHalfHourSlot, parseInstant } from '../src/time'
import { calls, escalations, telephony } from './fixtures/october-2026'
import { badLeaves } from './fixtures/walk'

const october = { kind: 'month', year: 2026, month: 10 } as const
const jst = (s: string) => `${s}+09:00`

describe('pre-aggregated counts, October 2026 by hand', () => {
  // Telephony, three half-hours:
  //  - Mon 12 Oct (スポーツの日) 00:10 JST, slot 0: 10 offered = 6 answered (5 with a wait: 40 s in all,
  //    4 of them ≤ 20 s; 1 answer before its offer) + 1 short + 3 abandoned;
  //  - Sat 31 Oct 23:45 JST, slot 47 (the month's last half-hour): 4 offered = 4 answered, waits 100 s,
  //    2 within; plus 3 records of another queue;
  //  - Sun 1 Nov 00:00 JST: outside the month (5 offered + 1 other queue).
  const t: TelephonySlotAggregate[] = [
    {
      at: jst('2026-10-12T00:10:00'),
      offered: 10,
      answered: 6,
      answeredWithWait: 5,
      waitSeconds: 40,
      answeredWithin: 4,
      shortAbandoned: 1,
      abandoned: 3,
    },
    {
      at: jst('2026-10-31T23:45:00'),
      offered: 4,
      answered: 4,
      answeredWithWait: 4,
      waitSeconds: 100,
      answeredWithin: 2,
      shortAbandoned: 0,
      abandoned: 0,
      otherQueues: 3,
    },
    {
      at: jst('2026-11-01T00:00:00'),
      offered: 5,
      answered: 5,
      answeredWithWait: 5,
      waitSeconds: 5,
      answeredWithin: 5,
      shortAbandoned: 0,
      abandoned: 0,
      otherQueues: 1,
    },
  ]
  // Calls: Thu 1 Oct 09:05 renewal 3 calls (callers a and c resolved, one without a caller hash not:
  // 3 with talk, 600 s talk, 900 s handle); Thu 1 Oct 09:20 no category 1 call (resolved, no valid
  // span); Thu 8 Oct 09:05 renewal 1 call (caller a again, 100 s talk and handle); Sat 31 Oct 23:50
  // renewal 1 call (caller b, resolved, 60 s talk, 90 s handle); Sun 1 Nov 00:30 renewal 2 calls
  // (after the month: repeat check only; one is caller b again).
  const c: CallSlotAggregate[] = [
    {
      at: jst('2026-10-01T09:05:00'),
      category: 'renewal',
      calls: 3,
      loggedResolved: 2,
      callsWithTalk: 3,
      talkSeconds: 600,
      handleSeconds: 900,
    },
    {
      at: jst('2026-10-01T09:20:00'),
      category: null,
      calls: 1,
      loggedResolved: 1,
      callsWithTalk: 0,
      talkSeconds: 0,
      handleSeconds: 0,
    },
    {
      at: jst('2026-10-08T09:05:00'),
      category: 'renewal',
      calls: 1,
      loggedResolved: 0,
      callsWithTalk: 1,
      talkSeconds: 100,
      handleSeconds: 100,
    },
    {
      at: jst('2026-10-31T23:50:00'),
      category: 'renewal',
      calls: 1,
      loggedResolved: 1,
      callsWithTalk: 1,
      talkSeconds: 60,
      handleSeconds: 90,
    },
    {
      at: jst('2026-11-01T00:30:00'),
      category: 'renewal',
      calls: 2,
      loggedResolved: 2,
      callsWithTalk: 2,
      talkSeconds: 1,
      handleSeconds: 1,
    },
  ]

  const acc = createReportAccumulator({ period: october })
  t.forEach(acc.addTelephonySlot)
  c.forEach(acc.addCallSlot)
  // Caller a: resolved 1 Oct 09:05, again 8 Oct 09:05 (exactly 7 days: a repeat). Caller b: resolved
  // 31 Oct 23:50, again 1 Nov 00:30 (after the month, within 7 days: a repeat). Caller c: resolved
  // 1 Oct 09:07, nothing after. 2 of the 4 logged-resolved calls are disqualified; 4 calls of the
  // month could be cross-checked (a twice, b, c).
  for (const [at, disqualified] of [
    ['2026-10-01T09:05:00', 1],
    ['2026-10-08T09:05:00', 0],
    ['2026-10-31T23:50:00', 1],
    ['2026-11-01T00:30:00', 0], // after the month: not counted
    ['2026-10-01T09:07:00', 0],
  ] as const)
    acc.addRepeatCheck({ at: jst(at), category: 'renewal', crossCheckable: 1, disqualified })
  acc.addFaqUsage({
    callsWithFaq: 3,
    faqs: [
      { faqId: 'f1', count: 3, first: 2 },
      { faqId: 'f2', count: 1, first: 1 },
    ],
  })
  acc.addFaqUsage({ callsWithFaq: 1, faqs: [{ faqId: 'f2', count: 1, first: 1 }] })
  const r = acc.finish()

  it('telephony: totals, rates and ASA from the two October half-hours', () => {
    expect(badLeaves(r)).toEqual([])
    expect(r.offered).toBe(14) // 10 + 4
    expect(r.answered).toBe(10) // 6 + 4
    expect(r.abandoned).toEqual({ count: 3, short: 1, rate: 3 / 13, shortThresholdSeconds: 5 }) // base 14 − 1
    expect(r.answerRate).toBe(10 / 13)
    expect(r.serviceLevel.answeredWithin).toBe(6) // 4 + 2
    expect(r.serviceLevel.rate).toBe(6 / 13)
    expect(r.asaSeconds).toBe(140 / 9) // (40 + 100) / (5 + 4)
    expect(r.meta.counts.answeredWithoutWait).toBe(1)
    expect(r.meta.counts.telephony).toBe(17) // 14 + 3 of the other queue
    expect(r.meta.counts.otherQueues).toBe(3)
    expect(r.meta.counts.outside.telephony).toBe(6) // 5 + 1 in November
  })

  it('telephony by slot and by day type: the holiday row and the last half-hour of the month', () => {
    expect(r.byHalfHour[0]).toMatchObject({
      label: '00:00-00:30',
      offered: 10,
      answered: 6,
      abandoned: 3,
      shortAbandoned: 1,
      calls: 0,
    })
    expect(r.byHalfHour[47]).toMatchObject({
      label: '23:30-24:00',
      offered: 4,
      answered: 4,
      abandoned: 0,
      shortAbandoned: 0,
    })
    const row = (key: string) => r.byWeekday.find((w) => w.key === key)!
    expect(row('holiday')).toMatchObject({
      days: 1,
      offered: 10,
      answered: 6,
      abandoned: 3,
      shortAbandoned: 1,
    })
    expect(row('mon')).toMatchObject({ days: 3, offered: 0 }) // 12 Oct is not counted as a Monday
    expect(row('sat')).toMatchObject({ offered: 4, answered: 4 })
    expect(row('thu')).toMatchObject({ calls: 5 }) // 1 Oct and 8 Oct
    expect(row('sat')).toMatchObject({ calls: 1 })
  })

  it('calls: ATT, AHT, topics, and 一次完了 with the repeat check', () => {
    expect(r.meta.counts.calls).toBe(6) // 3 + 1 + 1 + 1; the 2 November calls only serve the repeat check
    expect(r.meta.counts.callsForRepeatCheck).toBe(2)
    expect(r.meta.counts.callsWithoutTalk).toBe(1)
    expect(r.attSeconds).toBe(152) // (600 + 100 + 60) / 5
    expect(r.ahtSeconds).toBe(218) // (900 + 100 + 90) / 5
    expect(r.byHalfHour[18]!.calls).toBe(5) // 09:00-09:30: 3 + 1 on 1 Oct, 1 on 8 Oct
    expect(r.byHalfHour[47]!.calls).toBe(1)
    expect(r.meta.details.loggedResolved).toBe(4) // 2 + 1 + 0 + 1
    expect(r.meta.details.repeatDisqualified).toBe(2) // callers a and b
    expect(r.meta.details.callsCrossCheckable).toBe(4)
    expect(r.firstContactResolutionRate).toBe(2 / 6) // (4 − 2) / 6
    expect(r.byTopic).toEqual([
      // 5 calls, 3 logged resolved − 2 repeats; handle (900 + 100 + 90) / 5
      {
        category: 'renewal',
        calls: 5,
        share: 5 / 6,
        firstContactResolved: 1,
        firstContactResolutionRate: 1 / 5,
        ahtSeconds: 218,
      },
      {
        category: null,
        calls: 1,
        share: 1 / 6,
        firstContactResolved: 1,
        firstContactResolutionRate: 1,
        ahtSeconds: null,
      },
    ])
  })

  it('FAQ usage adds up over chunks', () => {
    expect(r.faqUsage).toEqual([
      { faqId: 'f1', count: 3, first: 2, share: 3 / 6 },
      { faqId: 'f2', count: 2, first: 2, share: 2 / 6 },
    ])
    expect(r.meta.details.callsWithFaq).toBe(4)
    expect(r.meta.details.callsWithoutFaq).toBe(2)
  })

  it('thresholds and outcomes to count with are the accumulator options', () => {
    const a = createReportAccumulator({ period: october, shortAbandonSeconds: 3, serviceLevelSeconds: 30 })
    expect(a.options).toMatchObject({
      shortAbandonSeconds: 3,
      serviceLevelSeconds: 30,
      resolvedOutcomes: ['resolved'],
      repeatWindowDays: 7,
    })
  })

  it('an aggregate at no instant throws and names it', () => {
    const a = createReportAccumulator({ period: october })
    expect(() => a.addTelephonySlot({ ...t[0]!, at: 'yesterday' })).toThrow(/at: yesterday/)
    expect(a.finish().empty).toBe(true) // nothing was added
  })
})

/**
 * The hand-computed fixture month fed as aggregates grouped here with the per-record KPI functions:
 * every KPI equals computeReport over the records.
 */
function aggregatesOf(
  tel: TelephonyRecord[],
  cs: CallLogRecord[],
  o: { serviceLevelSeconds: number; shortAbandonSeconds: number },
) {
  const ts = new Map<string, TelephonySlotAggregate>()
  for (const r of tel) {
    const at = parseInstant(r.offeredAt)
    const key = `${Math.floor(at / 1_800_000)}`
    let a = ts.get(key)
    if (!a) {
      a = {
        at,
        offered: 0,
        answered: 0,
        answeredWithWait: 0,
        waitSeconds: 0,
        answeredWithin: 0,
        shortAbandoned: 0,
        abandoned: 0,
      }
      ts.set(key, a)
    }
    a.offered++
    if (isAnswered(r)) {
      a.answered++
      const w = answerWaitSeconds(r)
      if (w !== null) {
        a.answeredWithWait++
        a.waitSeconds += w
        if (w <= o.serviceLevelSeconds) a.answeredWithin++
      }
    } else {
      const w = abandonWaitSeconds(r)
      if (w !== null && w < o.shortAbandonSeconds) a.shortAbandoned++
      else a.abandoned++
    }
  }
  const cslots = new Map<string, CallSlotAggregate>()
  for (const call of cs) {
    const at = parseInstant(call.talkStartedAt)
    if (Number.isNaN(at)) continue
    const key = `${Math.floor(at / 1_800_000)} ${call.category}`
    let a = cslots.get(key)
    if (!a) {
      a = {
        at,
        category: call.category || null,
        calls: 0,
        loggedResolved: 0,
        callsWithTalk: 0,
        talkSeconds: 0,
        handleSeconds: 0,
      }
      cslots.set(key, a)
    }
    a.calls++
    if (call.outcome === 'resolved') a.loggedResolved++
    const talk = talkSeconds(call)
    if (talk !== null) {
      a.callsWithTalk++
      a.talkSeconds += talk
      a.handleSeconds += handleSeconds(call, talkSeconds(call))!
    }
  }
  return { telephony: [...ts.values()], calls: [...cslots.values()] }
}

/** Whether the same caller called again about the same category within 7 days after `c` (by hand, every pair). */
const calledAgain = (c: CallLogRecord) =>
  calls.some((n) => {
    const gap = parseInstant(n.talkStartedAt) - parseInstant(c.talkStartedAt)
    return n.callerHash === c.callerHash && n.category === c.category && gap > 0 && gap <= 7 * 86_400_000
  })

describe('the fixture month fed as aggregates', () => {
  for (const o of [
    { serviceLevelSeconds: 20, shortAbandonSeconds: 5 },
    { serviceLevelSeconds: 10, shortAbandonSeconds: 4 },
  ])
    it(`equals computeReport over the records (service level ${o.serviceLevelSeconds} s, short abandon ${o.shortAbandonSeconds} s)`, () => {
      const expected = computeReport({ period: october, calls, telephony, escalations, options: o })
      const acc = createReportAccumulator({ period: october, ...o })
      const agg = aggregatesOf(telephony, calls, o)
      agg.telephony.forEach(acc.addTelephonySlot)
      agg.calls.forEach(acc.addCallSlot)
      // What the CMS's rollups hand over: a per-call flag set at write time (decision 0045 there).
      for (const call of calls)
        if (call.callerHash && call.category)
          acc.addRepeatCheck({
            at: call.talkStartedAt,
            category: call.category,
            crossCheckable: 1,
            disqualified: call.outcome === 'resolved' && calledAgain(call) ? 1 : 0,
          })
      const inPeriod = calls.filter((x) => {
        const ms = parseInstant(x.talkStartedAt)
        return ms >= acc.range.start && ms < acc.range.end
      })
      const faqs = new Map<string, { faqId: string; count: number; first: number }>()
      for (const x of inPeriod)
        [...new Set(x.faqsUsed)].forEach((f, i) => {
          const e = faqs.get(f) ?? { faqId: f, count: 0, first: 0 }
          faqs.set(f, { ...e, count: e.count + 1, first: e.first + (i === 0 ? 1 : 0) })
        })
      acc.addFaqUsage({
        callsWithFaq: inPeriod.filter((x) => x.faqsUsed.length).length,
        faqs: [...faqs.values()],
      })
      for (const e of escalations) acc.addEscalation(e)
      const r = acc.finish()
      for (const key of REPORT_KPI_KEYS) expect(r[key], key).toEqual(expected[key])
      expect(r.meta.details).toEqual(expected.meta.details)
      const { outside, invalid, ...counts } = r.meta.counts
      const { outside: eo, invalid: ei, ...ec } = expected.meta.counts
      expect(counts).toEqual(ec)
      expect(jstHalfHourSlot(acc.range.start)).toBe(0)
    })
})

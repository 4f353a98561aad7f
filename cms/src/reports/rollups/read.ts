/**
 * A report from the rollups (refresh.ts): a few thousand rows a month, whatever the number of calls,
 * handed to the KPI accumulator as the aggregates it already takes. Usable when the report counts by
 * the rules the rollups were built with (rules.ts) over whole JST days; otherwise the report counts
 * from the records (load.ts).
 */
import { DAY_MS, JST_OFFSET_MS, type InstantRange, type ReportAccumulator } from '@kotae/analytics'

import type { RowReader } from '../rows'
import { rollupRulesOf, rulesKey, storedRules } from './rules'

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))

/** Whether `range`, counted with `options`, can be read from the rollups. */
export async function rollupsServe(
  db: Pick<RowReader, 'rows'>,
  range: InstantRange,
  options: ReportAccumulator['options'],
): Promise<boolean> {
  const wholeDays = (ms: number) => (ms + JST_OFFSET_MS) % DAY_MS === 0
  if (!wholeDays(range.start) || !wholeDays(range.end)) return false
  const stored = await storedRules(db)
  return stored !== null && rulesKey(stored) === rulesKey(rollupRulesOf(options))
}

export interface RollupSink {
  acc: ReportAccumulator
  /** Category slugs by id (a category without one counts as none). */
  categories: ReadonlyMap<number, string>
  /** Offered (all queues) and inbound calls per instant, for the trend chart. */
  trend(at: number, what: 'calls' | 'offered', n: number): void
}

/** Telephony, call-log and FAQ counts of the accumulator's period from the rollups. */
export async function readRollups(db: Pick<RowReader, 'rows'>, { acc, categories, trend }: RollupSink) {
  const { start, end } = acc.range
  const o = acc.options
  const queues = o.queues === null ? null : new Set(o.queues)
  const telephony = await db.rows(
    `SELECT first_at, queue, offered, answered, answered_with_wait, wait_ms, answered_within, short_abandoned
     FROM report_telephony_slots WHERE slot_at >= ? AND slot_at < ?`,
    [start, end],
  )
  for (const r of telephony) {
    const at = num(r[0])
    const offered = num(r[2])
    trend(at, 'offered', offered)
    if (queues && !queues.has(String(r[1]))) {
      acc.addTelephonySlot({
        at,
        offered: 0,
        answered: 0,
        answeredWithWait: 0,
        waitSeconds: 0,
        answeredWithin: 0,
        shortAbandoned: 0,
        abandoned: 0,
        otherQueues: offered,
      })
      continue
    }
    const [answered, short] = [num(r[3]), num(r[7])]
    acc.addTelephonySlot({
      at,
      offered,
      answered,
      answeredWithWait: num(r[4]),
      waitSeconds: num(r[5]) / 1000,
      answeredWithin: num(r[6]),
      shortAbandoned: short,
      abandoned: offered - answered - short,
    })
  }

  // The calls of the repeat window after the period too: the accumulator counts them apart (callsForRepeatCheck).
  const resolved = new Set<string>(o.resolvedOutcomes)
  const calls = await db.rows(
    `SELECT first_at, category_id, outcome, outbound, calls, with_talk, talk_s, span_s, hold_s, acw_s,
       cross_checkable, called_again, with_faq
     FROM report_call_slots WHERE slot_at >= ? AND slot_at < ?`,
    [start, end + Math.round(o.repeatWindowDays * DAY_MS)],
  )
  let callsWithFaq = 0
  for (const r of calls) {
    const at = num(r[0])
    const category = categories.get(num(r[1])) ?? null
    const isResolved = resolved.has(String(r[2]))
    const outbound = num(r[3]) === 1
    const n = num(r[4])
    const [span, hold, acw] = [num(r[7]), num(r[8]), num(r[9])]
    acc.addCallSlot({
      at,
      category,
      calls: n,
      loggedResolved: isResolved ? n : 0,
      callsWithTalk: num(r[5]),
      // Hold inside the span: talk = max(0, span − hold) per call (kept summed), handle = span + ACW (aht.ts).
      talkSeconds: o.holdInsideTalkSpan ? num(r[6]) : span,
      handleSeconds: o.holdInsideTalkSpan ? span + acw : span + hold + acw,
      outbound,
    })
    if (outbound || at >= end) continue
    trend(at, 'calls', n)
    callsWithFaq += num(r[12])
    if (category !== null && num(r[10]))
      acc.addRepeatCheck({
        at,
        category,
        crossCheckable: num(r[10]),
        disqualified: isResolved ? num(r[11]) : 0,
      })
  }

  const faqs = await db.rows(
    `SELECT faq_id, SUM(calls) AS c1, SUM(first_calls) AS c2 FROM report_faq_days WHERE day_at >= ? AND day_at < ? GROUP BY faq_id`,
    [start, end],
  )
  acc.addFaqUsage({
    callsWithFaq,
    faqs: faqs.map((r) => ({ faqId: String(r[0]), count: num(r[1]), first: num(r[2]) })),
  })
}

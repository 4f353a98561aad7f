/**
 * A report from rollup rows (refresh.ts): a few thousand rows a month, whatever the number of calls,
 * handed to the KPI accumulator as the aggregates it already takes. The rows come from the rollup
 * tables when the report counts by the rules they were built with, over whole JST days; otherwise
 * the same grouped queries run over the records with the report's own rules (slower: every call is
 * read, and the 一次完了 flag is computed for the report's repeat window).
 */
import { DAY_MS, JST_OFFSET_MS, type InstantRange, type ReportAccumulator } from '@kotae/analytics'

import { callSlotRows, faqDayRows, type Reader, telephonySlotRows } from './refresh'
import { rollupRulesOf, rulesKey, storedRules } from './rules'

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))

/** Whether `range`, counted with `options`, can be read from the rollup tables. */
export async function rollupsServe(
  db: Pick<Reader, 'rows'>,
  range: InstantRange,
  options: ReportAccumulator['options'],
): Promise<boolean> {
  const wholeDays = (ms: number) => (ms + JST_OFFSET_MS) % DAY_MS === 0
  if (!wholeDays(range.start) || !wholeDays(range.end)) return false
  const stored = await storedRules(db)
  return stored !== null && rulesKey(stored) === rulesKey(rollupRulesOf(options))
}

export interface RollupSink {
  /** The report's accumulator: its period is the one read. */
  acc: ReportAccumulator
  /** Accumulators of parts of that period (a fiscal year's months), fed from the same rows. */
  parts?: readonly ReportAccumulator[]
  /** Category slugs by id (a category without one counts as none). */
  categories: ReadonlyMap<number, string>
  /** Offered (all queues) and inbound calls per instant, for the trend chart. */
  trend(at: number, what: 'calls' | 'offered', n: number): void
}

/** The rows of the accumulator's period (calls: and of the repeat window after it), from the tables or the records. */
async function rowsOf(db: Reader, acc: ReportAccumulator, fromTables: boolean) {
  const { start, end } = acc.range
  const callsEnd = end + Math.round(acc.options.repeatWindowDays * DAY_MS)
  if (!fromTables)
    return {
      telephony: await telephonySlotRows(db, acc.options, start, end),
      calls: await callSlotRows(db, acc.options, start, callsEnd, acc.options.repeatWindowDays * DAY_MS),
      faqs: await faqDayRows(db, start, end),
    }
  const between = 'WHERE slot_at >= ? AND slot_at < ?'
  return {
    telephony: await db.rows(
      `SELECT slot_at, in_hours, queue, first_at, offered, answered, answered_with_wait, wait_ms, answered_within,
         short_abandoned FROM report_telephony_slots ${between}`,
      [start, end],
    ),
    calls: await db.rows(
      `SELECT slot_at, in_hours, category_id, outcome, outbound, first_at, calls, with_talk, talk_s, span_s, hold_s,
         acw_s, cross_checkable, called_again, with_faq FROM report_call_slots ${between}`,
      [start, callsEnd],
    ),
    faqs: await db.rows(
      'SELECT day_at, faq_id, calls, first_calls FROM report_faq_days WHERE day_at >= ? AND day_at < ?',
      [start, end],
    ),
  }
}

/** Telephony, call-log and FAQ counts of the accumulator's period. */
export async function readRollups(
  db: Reader,
  { acc, parts = [], categories, trend }: RollupSink,
  fromTables: boolean,
) {
  const o = acc.options
  const windowMs = Math.round(o.repeatWindowDays * DAY_MS)
  // The accumulators a row at `at` belongs to (calls: also those whose repeat window it lies in).
  const all = [acc, ...parts]
  const of = (at: number, calls = false) =>
    all.filter((a) => at >= a.range.start && at < a.range.end + (calls ? windowMs : 0))
  const queues = o.queues === null ? null : new Set(o.queues)
  const rows = await rowsOf(db, acc, fromTables)
  for (const r of rows.telephony) {
    const at = num(r[3])
    const offered = num(r[4])
    trend(at, 'offered', offered)
    const counted = !queues || queues.has(String(r[2]))
    const [answered, short] = counted ? [num(r[5]), num(r[9])] : [0, 0]
    const slot = {
      at,
      offered: counted ? offered : 0,
      answered,
      answeredWithWait: counted ? num(r[6]) : 0,
      waitSeconds: counted ? num(r[7]) / 1000 : 0,
      answeredWithin: counted ? num(r[8]) : 0,
      shortAbandoned: short,
      abandoned: counted ? offered - answered - short : 0,
      otherQueues: counted ? 0 : offered,
    }
    for (const a of of(at)) a.addTelephonySlot(slot)
  }

  // The calls of the repeat window after the period too: the accumulator counts them apart (callsForRepeatCheck).
  const resolved = new Set<string>(o.resolvedOutcomes)
  const callsWithFaq = new Map<ReportAccumulator, number>(all.map((a) => [a, 0]))
  for (const r of rows.calls) {
    const at = num(r[5])
    const category = categories.get(num(r[2])) ?? null
    const isResolved = resolved.has(String(r[3]))
    const outbound = num(r[4]) === 1
    const n = num(r[6])
    const [span, hold, acw] = [num(r[9]), num(r[10]), num(r[11])]
    const slot = {
      at,
      category,
      calls: n,
      loggedResolved: isResolved ? n : 0,
      callsWithTalk: num(r[7]),
      // Hold inside the span: talk = max(0, span − hold) per call (kept summed), handle = span + ACW (aht.ts).
      talkSeconds: o.holdInsideTalkSpan ? num(r[8]) : span,
      handleSeconds: o.holdInsideTalkSpan ? span + acw : span + hold + acw,
      outbound,
    }
    if (!outbound && at < acc.range.end) trend(at, 'calls', n)
    for (const a of of(at, true)) {
      a.addCallSlot(slot)
      if (outbound || at >= a.range.end) continue
      callsWithFaq.set(a, callsWithFaq.get(a)! + num(r[14]))
      if (category !== null && num(r[12]))
        a.addRepeatCheck({
          at,
          category,
          crossCheckable: num(r[12]),
          disqualified: isResolved ? num(r[13]) : 0,
        })
    }
  }

  for (const a of all) {
    const faqs = new Map<string, { faqId: string; count: number; first: number }>()
    for (const [day, faq, calls, first] of rows.faqs) {
      // The query kept the report's own range; a part (a month) takes its days.
      if (a !== acc && (num(day) < a.range.start || num(day) >= a.range.end)) continue
      const f = faqs.get(String(faq)) ?? { faqId: String(faq), count: 0, first: 0 }
      faqs.set(f.faqId, { ...f, count: f.count + num(calls), first: f.first + num(first) })
    }
    a.addFaqUsage({ callsWithFaq: callsWithFaq.get(a)!, faqs: [...faqs.values()] })
  }
}

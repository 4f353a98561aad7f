/**
 * A report from rollup rows (refresh.ts): a few thousand rows a month, whatever the number of calls,
 * handed to the KPI accumulator as the aggregates it already takes. The rows come from the rollup
 * tables when the report counts by the rules they were built with, over whole JST days; otherwise
 * the same grouped queries run over the records with the report's own rules (slower: every call is
 * read, and the 一次完了 flag is computed for the report's repeat window).
 */
import { DAY_MS, JST_OFFSET_MS, type InstantRange, type ReportAccumulator } from '@kotae/analytics'

import type { Reader } from '../../db/exec'
import { callSlots, faqDays, telephonySlots } from './refresh'
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

/** Counted from the records with the report's rules, or read from the rollup tables. */
export type RollupRead = 'records' | 'rollups'

export interface RollupSink {
  /** The report's accumulator: its period is the one read. */
  acc: ReportAccumulator
  /** Accumulators of parts of that period (a fiscal year's months), fed from the same rows. */
  parts?: readonly ReportAccumulator[]
  /** Category slugs by id (a category without one counts as none). */
  categories: ReadonlyMap<number, string>
}

/**
 * The call slots summed over outcomes: category, outbound, first instant, calls, with talk, talk,
 * span, hold, ACW, cross-checkable, then the calls and the called-again of the report's resolved
 * outcomes, then with FAQ.
 */
const CALL_SUMS = `MIN(first_at), SUM(calls), SUM(with_talk), SUM(talk_s), SUM(span_s), SUM(hold_s), SUM(acw_s),
  SUM(cross_checkable), SUM(resolved * calls), SUM(resolved * called_again),
  SUM(with_faq)`

/** The records path's per-outcome rows (refresh.ts's columns) summed the same way. */
function sumOverOutcomes(rows: unknown[][], resolved: readonly string[]): unknown[][] {
  const byKey = new Map<string, number[]>()
  for (const r of rows) {
    const isResolved = resolved.includes(String(r[3]))
    const sums = [6, 7, 8, 9, 10, 11, 12].map((i) => num(r[i]))
    sums.push(isResolved ? num(r[6]) : 0, isResolved ? num(r[13]) : 0, num(r[14]))
    const key = `${r[0]}|${r[1]}|${r[2]}|${r[4]}`
    const row = byKey.get(key)
    if (!row) byKey.set(key, [num(r[2]), num(r[4]), num(r[5]), ...sums])
    else {
      row[2] = Math.min(row[2]!, num(r[5]))
      for (const [i, v] of sums.entries()) row[3 + i]! += v
    }
  }
  return [...byKey.values()]
}

/**
 * The rows of the accumulator's period (calls: and of the repeat window after it). The tables' calls
 * twice, per half-hour without category (time tables, headline sums) and per JST day and category
 * (byTopic, 一次完了): a year is ~40,000 rows, not ~200,000 (decision 0062).
 */
async function rowsOf(db: Reader, acc: ReportAccumulator, read: RollupRead) {
  const [{ start, end }, o] = [acc.range, acc.options]
  const callsEnd = end + Math.round(o.repeatWindowDays * DAY_MS)
  if (read === 'records') {
    const slots = await callSlots.rows(db, o, start, callsEnd, callsEnd - end)
    const calls = sumOverOutcomes(slots, o.resolvedOutcomes)
    const telephony = await telephonySlots.rows(db, o, start, end)
    return { telephony, times: calls, topics: calls, faqs: await faqDays.rows(db, o, start, end) }
  }
  const callSums = (category: string, groupBy: string, until: number) =>
    db.rows(
      `SELECT ${category}, outbound, ${CALL_SUMS}
       FROM (SELECT *, CASE WHEN outcome IN (${o.resolvedOutcomes.map(() => '?').join(', ')}) THEN 1 ELSE 0 END
         AS resolved FROM report_call_slots WHERE slot_at >= ? AND slot_at < ?) s
       GROUP BY ${groupBy}, outbound`,
      [...o.resolvedOutcomes, start, until],
    )
  const byDay = `(slot_at + ${JST_OFFSET_MS}) / ${DAY_MS}, category_id`
  return {
    telephony: await db.rows(telephonySlots.select, [start, end]),
    times: await callSums('0', 'slot_at, in_hours', callsEnd),
    topics: await callSums('category_id', byDay, end),
    faqs: await db.rows(faqDays.select, [start, end]),
  }
}

/** Telephony, call-log and FAQ counts of the accumulator's period. */
export async function readRollups(db: Reader, { acc, parts = [], categories }: RollupSink, read: RollupRead) {
  const o = acc.options
  const windowMs = Math.round(o.repeatWindowDays * DAY_MS)
  // The accumulators a row at `at` belongs to (calls: also those whose repeat window it lies in).
  const all = [acc, ...parts]
  const of = (at: number, calls = false) =>
    all.filter((a) => at >= a.range.start && at < a.range.end + (calls ? windowMs : 0))
  const queues = o.queues === null ? null : new Set(o.queues)
  const rows = await rowsOf(db, acc, read)
  for (const r of rows.telephony) {
    const at = num(r[3])
    const offered = num(r[4])
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
  for (const part of ['times', 'topics'] as const)
    for (const r of rows[part]) {
      const at = num(r[2])
      const category = categories.get(num(r[0])) ?? null
      const outbound = num(r[1]) === 1
      const [span, hold, acw] = [num(r[6]), num(r[7]), num(r[8])]
      const slot = {
        at,
        category,
        calls: num(r[3]),
        loggedResolved: num(r[10]),
        callsWithTalk: num(r[4]),
        // Hold inside the span: talk = max(0, span − hold) per call (kept summed), handle = span + ACW (talk.ts).
        talkSeconds: o.holdInsideTalkSpan ? num(r[5]) : span,
        handleSeconds: o.holdInsideTalkSpan ? span + acw : span + hold + acw,
        outbound,
        part,
      }
      for (const a of of(at, true)) {
        a.addCallSlot(slot)
        if (outbound || at >= a.range.end) continue
        if (part === 'times') a.addFaqUsage({ callsWithFaq: num(r[12]), faqs: [] })
        else if (category !== null && num(r[9]))
          a.addRepeatCheck({ at, category, crossCheckable: num(r[9]), disqualified: num(r[11]) })
      }
    }

  // The query kept the report's own range; a part (a month) takes its days.
  for (const [day, faqId, count, first] of rows.faqs)
    for (const a of of(num(day)))
      a.addFaqUsage({
        callsWithFaq: 0,
        faqs: [{ faqId: String(faqId), count: num(count), first: num(first) }],
      })
}

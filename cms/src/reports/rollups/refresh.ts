/**
 * Keeping the rollups (decision 0045). Every change recomputes what it touched from the base tables,
 * in the writer's transaction: the 一次完了 flag of the calls whose answer may have changed, then the
 * rollup rows of the half-hours (and JST days, for FAQ usage) concerned, deleted and written again.
 * Recomputing rather than adding and subtracting deltas means a rollup row is always what one
 * grouped query over its half-hour says, whichever writer ran last: the guard test compares exactly that.
 *
 *   calls.called_again  inbound call with a caller hash and a category, followed by another inbound
 *                       call of the same caller and category within the repeat window (c.t < n.t ≤ c.t + window)
 *   report_telephony_slots  per JST half-hour × in-hours flag × queue: offered, answered, answered with a
 *                       valid wait, Σ wait ms, answered within the service level, short abandons
 *   report_call_slots   per JST half-hour × in-hours × category × outcome × outbound: calls, calls with a
 *                       valid span, Σ talk (hold inside the span), Σ span, Σ hold, Σ after-call work,
 *                       cross-checkable calls, those called again, calls with an FAQ
 *   report_faq_days     per JST day × FAQ: inbound calls that used it, calls that opened it first
 *
 * In-hours is decided by the instant of the group's first record (hoursClock: within one bucket of
 * `bucketMs` it never changes, so the database groups by bucket and the half-hours are merged here).
 */
import { DAY_MS, HALF_HOUR_MS, hoursClock, JST_OFFSET_MS } from '@kotae/analytics'
import { OUTBOUND_CHANNELS } from '@kotae/content/contracts/calls'

import { type Exec, msSql } from './exec'
import { storedRules, type RollupRules } from './rules'

const iso = (ms: number) => new Date(ms).toISOString()
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))
const floorTo = (ms: number, step: number, offset = 0) => Math.floor((ms + offset) / step) * step - offset
const ceilTo = (ms: number, step: number, offset = 0) => Math.ceil((ms + offset) / step) * step - offset

/** What the row computations need: reading (the report's own reader does). */
export type Reader = Pick<Exec, 'dialect' | 'rows'>

/** SQL of the two dialects for what the rollups compute. */
function dialect(db: Reader) {
  const pg = db.dialect === 'postgres'
  return {
    ms: (c: string) => msSql(db, c),
    greatest: (a: string, b: string) => (pg ? `GREATEST(${a}, ${b})` : `max(${a}, ${b})`),
    outbound: (c: string) => `${c} IN (${OUTBOUND_CHANNELS.map((ch) => `'${ch}'`).join(', ')})`,
    /** A select column as text (PostgreSQL keeps outcomes as an enum). */
    text: (c: string) => (pg ? `${c}::text` : c),
  }
}

type Dialect = ReturnType<typeof dialect>

/** An inbound call with a caller hash and a category (the only calls the repeat check can see). */
const crossCheckable = (d: Dialect, c: string) =>
  `NOT ${d.outbound(`${c}.channel`)} AND ${c}.caller_hash <> '' AND ${c}.category_id IS NOT NULL`

/** 1 when the call `c` was followed by the same caller about the same category within `windowMs` (c.t < n.t ≤ c.t + window). */
const calledAgainSql = (d: Dialect, c: string, windowMs: number) =>
  `CASE WHEN ${crossCheckable(d, c)} AND EXISTS (SELECT 1 FROM calls n WHERE n.caller_hash = ${c}.caller_hash
      AND n.category_id = ${c}.category_id AND n.talk_started_at > ${c}.talk_started_at AND NOT ${d.outbound('n.channel')}
      AND ${d.ms('n.talk_started_at')} - ${d.ms(`${c}.talk_started_at`)} <= ${windowMs}) THEN 1 ELSE 0 END`

/**
 * Sets calls.called_again over calls started in [from, to) (of the given callers only, when given)
 * and returns the start instants (ms) of the calls whose flag changed.
 */
export async function refreshCalledAgain(
  db: Exec,
  rules: RollupRules,
  from: number,
  to: number,
  callers?: readonly string[],
): Promise<number[]> {
  if (callers && !callers.length) return []
  const d = dialect(db)
  const flag = calledAgainSql(d, 'calls', Math.round(rules.repeatWindowDays * DAY_MS))
  const which = callers ? ` AND calls.caller_hash IN (${callers.map(() => '?').join(', ')})` : ''
  const rows = await db.rows(
    `UPDATE calls SET called_again = ${flag} WHERE calls.talk_started_at >= ? AND calls.talk_started_at < ?${which}
      AND calls.called_again <> ${flag} RETURNING ${d.ms('calls.talk_started_at')} AS at_ms`,
    [iso(from), iso(to), ...(callers ?? [])],
  )
  return rows.map((r) => num(r[0]))
}

/** Rows into `table` in statements of up to 400 rows. */
async function insertRows(db: Exec, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const one = `(${columns.map(() => '?').join(', ')})`
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400)
    await db.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')}`,
      chunk.flat(),
    )
  }
}

/** Groups by half-hour and in-hours flag, summing `sums` (column offsets into each row), keeping the first instant. */
function mergeHalfHours(
  rows: unknown[][],
  clock: ReturnType<typeof hoursClock>,
  firstAt: number,
  keys: number[],
  sums: number[],
): unknown[][] {
  const merged = new Map<string, unknown[]>()
  for (const r of rows) {
    const first = num(r[firstAt])
    const slot = floorTo(first, HALF_HOUR_MS)
    const inHours = clock.outOfHours(first) ? 0 : 1
    const key = [slot, inHours, ...keys.map((k) => r[k])].join('\u0000')
    const m = merged.get(key)
    if (!m) merged.set(key, [slot, inHours, ...keys.map((k) => r[k]), first, ...sums.map((s) => num(r[s]))])
    else {
      m[2 + keys.length] = Math.min(num(m[2 + keys.length]), first)
      for (const [i, s] of sums.entries()) m[3 + keys.length + i] = num(m[3 + keys.length + i]) + num(r[s])
    }
  }
  return [...merged.values()]
}

/**
 * The telephony records offered in the half-hours of [a, b), counted by `rules`, one row per JST
 * half-hour × in-hours × queue: slot_at, in_hours, queue, first_at, offered, answered,
 * answered_with_wait, wait_ms, answered_within, short_abandoned (the table's columns).
 */
export async function telephonySlotRows(db: Reader, rules: RollupRules, a: number, b: number) {
  const d = dialect(db)
  const clock = hoursClock(rules.hours)
  // Waits are whole ms: wait ≤ N s ⇔ ms ≤ ⌊1000 N⌋, wait < N s ⇔ ms < ⌈1000 N⌉.
  const within = Math.floor(rules.serviceLevelSeconds * 1000)
  const short = Math.ceil(rules.shortAbandonSeconds * 1000)
  const rows = await db.rows(
    `SELECT x.o / ${clock.bucketMs} AS c0, x.queue AS c1, MIN(x.o) AS c2, COUNT(*) AS c3,
       SUM(CASE WHEN x.a IS NOT NULL THEN 1 ELSE 0 END) AS c4, SUM(CASE WHEN x.a >= x.o THEN 1 ELSE 0 END) AS c5,
       SUM(CASE WHEN x.a >= x.o THEN x.a - x.o ELSE 0 END) AS c6,
       SUM(CASE WHEN x.a >= x.o AND x.a - x.o <= ${within} THEN 1 ELSE 0 END) AS c7,
       SUM(CASE WHEN x.a IS NULL AND x.g >= x.o AND x.g - x.o < ${short} THEN 1 ELSE 0 END) AS c8
     FROM (SELECT ${d.ms('offered_at')} AS o, ${d.ms('answered_at')} AS a, ${d.ms('COALESCE(abandoned_at, ended_at)')} AS g,
       COALESCE(queue, '') AS queue FROM telephony_records WHERE offered_at >= ? AND offered_at < ?) x
     GROUP BY x.o / ${clock.bucketMs}, x.queue`,
    [iso(a), iso(b)],
  )
  return mergeHalfHours(rows, clock, 2, [1], [3, 4, 5, 6, 7, 8]).map((r) => [
    r[0],
    r[1],
    String(r[2]),
    ...r.slice(3),
  ])
}

/** report_telephony_slots for the half-hours of [from, to). */
export async function refreshTelephonySlots(db: Exec, rules: RollupRules, from: number, to: number) {
  const [a, b] = [floorTo(from, HALF_HOUR_MS), ceilTo(to, HALF_HOUR_MS)]
  const rows = await telephonySlotRows(db, rules, a, b)
  await db.run('DELETE FROM report_telephony_slots WHERE slot_at >= ? AND slot_at < ?', [a, b])
  await insertRows(db, 'report_telephony_slots', TELEPHONY_COLUMNS, rows)
}

const TELEPHONY_COLUMNS = [
  'slot_at',
  'in_hours',
  'queue',
  'first_at',
  'offered',
  'answered',
  'answered_with_wait',
  'wait_ms',
  'answered_within',
  'short_abandoned',
]

/**
 * The call logs started in the half-hours of [a, b), one row per JST half-hour × in-hours × category
 * × outcome × outbound, in the columns of report_call_slots. The 一次完了 flag is the stored one, or
 * (`repeatWindowMs`, for a report counted by other rules) computed here for that window.
 */
export async function callSlotRows(
  db: Reader,
  rules: Pick<RollupRules, 'hours'>,
  a: number,
  b: number,
  repeatWindowMs?: number,
) {
  const d = dialect(db)
  const clock = hoursClock(rules.hours)
  // Per call: s/e talk start and end (ms), hold and after-call work (> 0, else 0), ob outbound,
  // cc cross-checkable (inbound, with a caller hash and a category), f used an FAQ.
  const valid = 'x.e >= x.s'
  const span = '(x.e - x.s) / 1000.0'
  const again =
    repeatWindowMs === undefined ? 'c.called_again' : calledAgainSql(d, 'c', Math.round(repeatWindowMs))
  const rows = await db.rows(
    `SELECT x.s / ${clock.bucketMs} AS c0, x.cat AS c1, x.outcome AS c2, x.ob AS c3, MIN(x.s) AS c4, COUNT(*) AS c5,
       SUM(CASE WHEN ${valid} THEN 1 ELSE 0 END) AS c6,
       SUM(CASE WHEN ${valid} THEN ${d.greatest('0', `${span} - x.hold`)} ELSE 0 END) AS c7,
       SUM(CASE WHEN ${valid} THEN ${span} ELSE 0 END) AS c8, SUM(CASE WHEN ${valid} THEN x.hold ELSE 0 END) AS c9,
       SUM(CASE WHEN ${valid} THEN x.acw ELSE 0 END) AS c10, SUM(x.cc) AS c11, SUM(x.cc * x.again) AS c12, SUM(x.f) AS c13
     FROM (SELECT ${d.ms('c.talk_started_at')} AS s, ${d.ms('c.talk_ended_at')} AS e, COALESCE(c.category_id, 0) AS cat,
         COALESCE(${d.text('c.outcome')}, '') AS outcome, CASE WHEN ${d.outbound('c.channel')} THEN 1 ELSE 0 END AS ob,
         CASE WHEN c.hold_seconds > 0 THEN c.hold_seconds ELSE 0 END AS hold,
         CASE WHEN c.after_call_work_seconds > 0 THEN c.after_call_work_seconds ELSE 0 END AS acw,
         CASE WHEN ${crossCheckable(d, 'c')} THEN 1 ELSE 0 END AS cc, ${again} AS again,
         CASE WHEN EXISTS (SELECT 1 FROM calls_rels r WHERE r.parent_id = c.id AND r.path = 'faqsUsed' AND r.faqs_id IS NOT NULL) THEN 1 ELSE 0 END AS f
       FROM calls c WHERE c.talk_started_at >= ? AND c.talk_started_at < ?) x
     GROUP BY x.s / ${clock.bucketMs}, x.cat, x.outcome, x.ob`,
    [iso(a), iso(b)],
  )
  return mergeHalfHours(rows, clock, 4, [1, 2, 3], [5, 6, 7, 8, 9, 10, 11, 12, 13]).map((r) => [
    r[0],
    r[1],
    num(r[2]),
    String(r[3]),
    num(r[4]),
    ...r.slice(5),
  ])
}

/** report_call_slots for the half-hours of [from, to). */
export async function refreshCallSlots(db: Exec, rules: RollupRules, from: number, to: number) {
  const [a, b] = [floorTo(from, HALF_HOUR_MS), ceilTo(to, HALF_HOUR_MS)]
  const rows = await callSlotRows(db, rules, a, b)
  await db.run('DELETE FROM report_call_slots WHERE slot_at >= ? AND slot_at < ?', [a, b])
  await insertRows(db, 'report_call_slots', CALL_COLUMNS, rows)
}

const CALL_COLUMNS = [
  'slot_at',
  'in_hours',
  'category_id',
  'outcome',
  'outbound',
  'first_at',
  'calls',
  'with_talk',
  'talk_s',
  'span_s',
  'hold_s',
  'acw_s',
  'cross_checkable',
  'called_again',
  'with_faq',
]

/** FAQ usage of the inbound calls of the JST days of [a, b): day_at, faq_id, calls, first_calls. */
export async function faqDayRows(db: Reader, a: number, b: number) {
  const d = dialect(db)
  const day = `((${d.ms('c.talk_started_at')} + ${JST_OFFSET_MS}) / ${DAY_MS}) * ${DAY_MS} - ${JST_OFFSET_MS}`
  const order = 'COALESCE(r."order", 0)'
  // Each FAQ once per call; "first" when its earliest place in the call's list is the list's first.
  const rows = await db.rows(
    `SELECT x.d AS c0, x.faq AS c1, COUNT(*) AS c2, SUM(CASE WHEN x.fo = x.co THEN 1 ELSE 0 END) AS c3
     FROM (SELECT ${day} AS d, r.faqs_id AS faq, MIN(${order}) AS fo, MIN(MIN(${order})) OVER (PARTITION BY c.id) AS co
       FROM calls c JOIN calls_rels r ON r.parent_id = c.id AND r.path = 'faqsUsed' AND r.faqs_id IS NOT NULL
       WHERE c.talk_started_at >= ? AND c.talk_started_at < ? AND NOT ${d.outbound('c.channel')}
       GROUP BY c.id, ${day}, r.faqs_id) x
     GROUP BY x.d, x.faq`,
    [iso(a), iso(b)],
  )
  return rows.map((r) => r.map(num))
}

/** report_faq_days for the JST days of [from, to). */
export async function refreshFaqDays(db: Exec, from: number, to: number) {
  const [a, b] = [floorTo(from, DAY_MS, JST_OFFSET_MS), ceilTo(to, DAY_MS, JST_OFFSET_MS)]
  const rows = await faqDayRows(db, a, b)
  await db.run('DELETE FROM report_faq_days WHERE day_at >= ? AND day_at < ?', [a, b])
  await insertRows(db, 'report_faq_days', ['day_at', 'faq_id', 'calls', 'first_calls'], rows)
}

/**
 * Everything recorded in [from, to) (the import's days, a rebuild's months): the flags of the calls
 * a repeat in the range may concern (from a window before it), then every rollup of the range and
 * of any earlier call whose flag changed. Nothing before the first rebuild (no stored rules).
 */
export async function refreshRange(db: Exec, from: number, to: number): Promise<void> {
  const rules = await storedRules(db)
  if (!rules) return
  const windowMs = Math.round(rules.repeatWindowDays * DAY_MS)
  const changed = await refreshCalledAgain(db, rules, from - windowMs, to)
  const callsFrom = changed.reduce((m, t) => Math.min(m, t), from)
  await refreshTelephonySlots(db, rules, from, to)
  await refreshCallSlots(db, rules, callsFrom, to)
  await refreshFaqDays(db, from, to)
}

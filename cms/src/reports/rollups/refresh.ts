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

import { type Exec, msSql, type Reader } from '../../db/exec'
import { storedRules, type RollupRules } from './rules'

const iso = (ms: number) => new Date(ms).toISOString()
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))
const floorTo = (ms: number, step: number, offset = 0) => Math.floor((ms + offset) / step) * step - offset
const ceilTo = (ms: number, step: number, offset = 0) => Math.ceil((ms + offset) / step) * step - offset

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
  `CASE WHEN ${crossCheckable(d, c)} AND EXISTS (SELECT 1 FROM calls n WHERE n.caller_hash = ${c}.caller_hash AND n.category_id = ${c}.category_id
      AND n.talk_started_at > ${c}.talk_started_at AND NOT ${d.outbound('n.channel')} AND ${d.ms('n.talk_started_at')} - ${d.ms(`${c}.talk_started_at`)} <= ${windowMs}) THEN 1 ELSE 0 END`

/**
 * calls.called_again of the calls started in [from, to) (of the given callers only, when given) from one window over
 * caller × category × time (a sort, not a lookup per call), writing only the flags that change; returns their start ms.
 */
export async function refreshCalledAgain(
  db: Exec,
  rules: RollupRules,
  from: number,
  to: number,
  callers?: readonly string[],
): Promise<number[]> {
  if (callers && !callers.length) return []
  const [d, windowMs] = [dialect(db), Math.round(rules.repeatWindowDays * DAY_MS)]
  const which = callers ? ` AND c.caller_hash IN (${callers.map(() => '?').join(', ')})` : ''
  const rows = await db.rows(
    `UPDATE calls SET called_again = w.flag FROM (SELECT c.id, c.talk_started_at AS t, c.called_again AS old, CASE WHEN ${crossCheckable(d, 'c')}
      AND COUNT(*) OVER (PARTITION BY ${crossCheckable(d, 'c')}, c.caller_hash, c.category_id ORDER BY ${d.ms('c.talk_started_at')}
      RANGE BETWEEN 1 FOLLOWING AND ${windowMs} FOLLOWING) > 0 THEN 1 ELSE 0 END AS flag FROM calls c WHERE c.talk_started_at >= ?
      AND c.talk_started_at < ?${which}) w WHERE calls.id = w.id AND w.t < ? AND w.flag <> w.old RETURNING ${d.ms('calls.talk_started_at')}`,
    [iso(from), iso(to + windowMs), ...(callers ?? []), iso(to)],
  )
  return rows.map((r) => num(r[0]))
}

/** Rows into `table` in statements of up to 400 rows. */
async function insertRows(db: Exec, table: string, columns: string, rows: unknown[][]): Promise<void> {
  const one = `(${columns
    .split(', ')
    .map(() => '?')
    .join(', ')})`
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400)
    await db.run(`INSERT INTO ${table} (${columns}) VALUES ${chunk.map(() => one).join(', ')}`, chunk.flat())
  }
}

/**
 * Groups by half-hour and in-hours flag, summing `sums` (column offsets into each row), keeping the
 * first instant: [slot, in_hours, ...keys, first_at, ...sums], each key as `keys` reads it from a row.
 */
function mergeHalfHours(
  rows: unknown[][],
  clock: ReturnType<typeof hoursClock>,
  firstAt: number,
  keys: ((r: unknown[]) => unknown)[],
  sums: number[],
): unknown[][] {
  const merged = new Map<string, unknown[]>()
  const at = 2 + keys.length
  for (const r of rows) {
    const first = num(r[firstAt])
    const head = [floorTo(first, HALF_HOUR_MS), clock.outOfHours(first) ? 0 : 1, ...keys.map((k) => k(r))]
    const key = head.join('\u0000')
    const m = merged.get(key)
    if (!m) merged.set(key, [...head, first, ...sums.map((s) => num(r[s]))])
    else {
      m[at] = Math.min(num(m[at]), first)
      for (const [i, s] of sums.entries()) m[at + 1 + i] = num(m[at + 1 + i]) + num(r[s])
    }
  }
  return [...merged.values()]
}

/**
 * One rollup table: its rows for the steps (half-hours, or JST days) of [a, b) as `rows` counts
 * them from the records, in the order of `columns`; `refresh` replaces the table's rows of the
 * steps around [from, to) with those, and `select` reads them back in the same order.
 */
function rollup<Rules>(
  table: string,
  columns: string,
  [step, offset]: [number, number],
  rows: (db: Reader, rules: Rules, a: number, b: number, repeatWindowMs?: number) => Promise<unknown[][]>,
) {
  const key = columns.split(', ')[0]
  const between = `WHERE ${key} >= ? AND ${key} < ?`
  return {
    rows,
    select: `SELECT ${columns} FROM ${table} ${between}`,
    async refresh(db: Exec, rules: Rules, from: number, to: number): Promise<void> {
      const [a, b] = [floorTo(from, step, offset), ceilTo(to, step, offset)]
      const fresh = await rows(db, rules, a, b)
      await db.run(`DELETE FROM ${table} ${between}`, [a, b])
      await insertRows(db, table, columns, fresh)
    },
  }
}

/**
 * report_telephony_slots: the telephony records offered in the half-hours of [a, b), counted by
 * `rules`, one row per JST half-hour × in-hours × queue.
 */
export const telephonySlots = rollup(
  'report_telephony_slots',
  'slot_at, in_hours, queue, first_at, offered, answered, answered_with_wait, wait_ms, answered_within, ' +
    'short_abandoned',
  [HALF_HOUR_MS, 0],
  async (db, rules: RollupRules, a, b) => {
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
    return mergeHalfHours(rows, clock, 2, [(r) => String(r[1])], [3, 4, 5, 6, 7, 8])
  },
)

/**
 * report_call_slots: the call logs started in the half-hours of [a, b), one row per JST half-hour ×
 * in-hours × category × outcome × outbound. The 一次完了 flag is the stored one, or
 * (`repeatWindowMs`, for a report counted by other rules) computed here for that window.
 */
export const callSlots = rollup(
  'report_call_slots',
  'slot_at, in_hours, category_id, outcome, outbound, first_at, calls, with_talk, talk_s, span_s, hold_s, ' +
    'acw_s, cross_checkable, called_again, with_faq',
  [HALF_HOUR_MS, 0],
  async (db, rules: Pick<RollupRules, 'hours'>, a, b, repeatWindowMs?: number) => {
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
    const keys = [(r: unknown[]) => num(r[1]), (r: unknown[]) => String(r[2]), (r: unknown[]) => num(r[3])]
    return mergeHalfHours(rows, clock, 4, keys, [5, 6, 7, 8, 9, 10, 11, 12, 13])
  },
)

/** report_faq_days: FAQ usage of the inbound calls of the JST days of [a, b), per day and FAQ. */
export const faqDays = rollup(
  'report_faq_days',
  'day_at, faq_id, calls, first_calls',
  [DAY_MS, JST_OFFSET_MS],
  async (db, _rules: unknown, a, b) => {
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
  },
)

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
  await telephonySlots.refresh(db, rules, from, to)
  await callSlots.refresh(db, rules, callsFrom, to)
  await faqDays.refresh(db, rules, from, to)
}

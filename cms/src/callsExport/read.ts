/**
 * The calls of a span of days, a page at a time, in the order they were taken: plain SQL with a
 * keyset cursor (talk start, id), so 100,000 calls never sit in memory at once and each page costs
 * the same (Payload's local API costs milliseconds per document; decision 0011). Only the columns
 * the export writes are selected: the call-back contact and the caller's hash are never read.
 */
import { CALL_CHANNEL_OPTIONS, CALLER_TYPE_OPTIONS, callOutcomeLabel } from '@kotae/content/contracts/calls'
import { parseInstant } from '@kotae/analytics'

import type { Sql } from '../db/sql'
import type { CallsExportRow } from './columns'

const CALLS_EXPORT_PAGE = 1000

const label = (options: readonly { value: string; label: string }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? value
/** A timestamp as read: a Date on PostgreSQL, Payload's ISO text on SQLite. */
type Stamp = Date | string
const optionalInstant = (v: Stamp | null): number | null => (v === null ? null : parseInstant(v))

/** How many calls started in [start, end). */
export async function countCalls(sql: Sql, range: { start: number; end: number }): Promise<number> {
  const [row] = await sql.query<{ n: unknown }>(
    'SELECT count(*) AS n FROM calls WHERE talk_started_at >= ? AND talk_started_at < ?',
    [iso(range.start), iso(range.end)],
  )
  return Number(row?.n ?? 0)
}

const iso = (ms: number) => new Date(ms).toISOString()

type CallRow = {
  id: unknown
  started: Stamp
  ended: Stamp
  hold: unknown
  acw: unknown
  channel: string
  caller_type: string
  category: string | null
  summary: string | null
  outcome: string
  telephony_call_id: string | null
  anonymized: Stamp | null
}

/** Pages of the calls that started in [start, end), oldest first. */
export async function* readCallPages(
  sql: Sql,
  range: { start: number; end: number },
  pageSize = CALLS_EXPORT_PAGE,
): AsyncGenerator<CallsExportRow[]> {
  // The last row of the page before: the next page starts after it (same start, higher id, or later).
  let cursor: { started: Stamp; id: number } | null = null
  // Payload indexes calls_texts on ("order", parent_id) only: naming every position a list holds
  // lets SQLite look each call up in that index instead of scanning the table once per page
  // (100,000 calls: ~120 → ~25 ms a page). max("order") is read from the index's first column,
  // once: a call saved during the export with more search words than any before loses the extra.
  const [top] = await sql.query<{ m: unknown }>('SELECT max("order") AS m FROM calls_texts')
  const positions = Array.from({ length: Number(top?.m ?? 0) + 1 }, (_, i) => i).join(', ')
  for (;;) {
    // After the first page the lower bound is the cursor's start, so the index seeks there
    // instead of scanning again from the range's start (each page costs the same).
    const params: unknown[] = cursor
      ? [cursor.started, iso(range.end), cursor.started, cursor.id, pageSize]
      : [iso(range.start), iso(range.end), pageSize]
    const calls: CallRow[] = await sql.query<CallRow>(
      `SELECT c.id, c.talk_started_at AS started, c.talk_ended_at AS ended,
          c.hold_seconds AS hold, c.after_call_work_seconds AS acw, c.channel, c.caller_type, cat.name AS category,
          c.summary, c.outcome, c.telephony_call_id, c.anonymized_at AS anonymized
        FROM calls c LEFT JOIN categories cat ON cat.id = c.category_id
        WHERE c.talk_started_at >= ? AND c.talk_started_at < ?
          ${cursor ? 'AND (c.talk_started_at > ? OR c.id > ?)' : ''}
        ORDER BY c.talk_started_at, c.id LIMIT ?`,
      params,
    )
    if (calls.length === 0) return
    const ids = calls.map((c) => Number(c.id))
    const marks = ids.map(() => '?').join(', ')
    const [queries, faqs] = await Promise.all([
      sql.query<{ parent_id: unknown; text: string | null }>(
        `SELECT parent_id, text FROM calls_texts WHERE path = 'queries' AND "order" IN (${positions}) AND parent_id IN (${marks}) ORDER BY parent_id, "order"`,
        ids,
      ),
      sql.query<{ parent_id: unknown; faq: unknown; slug: string | null }>(
        `SELECT r.parent_id, r.faqs_id AS faq, f.slug FROM calls_rels r LEFT JOIN faqs f ON f.id = r.faqs_id WHERE r.path = 'faqsUsed' AND r.parent_id IN (${marks}) ORDER BY r.parent_id, r."order"`,
        ids,
      ),
    ])
    const queriesOf = byParent(queries, (r) => r.text ?? '')
    const faqsOf = byParent(faqs, (r) => r.slug ?? `FAQ ${String(r.faq)}`)
    yield calls.map((c): CallsExportRow => {
      const id = Number(c.id)
      const startedAt = parseInstant(c.started)
      const endedAt = parseInstant(c.ended)
      return {
        id,
        startedAt,
        endedAt,
        talkSeconds: Math.max(0, Math.round((endedAt - startedAt) / 1000)),
        holdSeconds: Number(c.hold ?? 0),
        afterCallWorkSeconds: Number(c.acw ?? 0),
        channel: label(CALL_CHANNEL_OPTIONS, c.channel),
        callerType: label(CALLER_TYPE_OPTIONS, c.caller_type),
        category: c.category ?? '',
        faqs: faqsOf.get(id) ?? [],
        queries: queriesOf.get(id) ?? [],
        summary: c.summary ?? '',
        outcome: callOutcomeLabel(c.outcome),
        telephonyCallId: c.telephony_call_id ?? '',
        anonymizedAt: optionalInstant(c.anonymized),
      }
    })
    const last: CallRow = calls.at(-1)!
    cursor = { started: last.started, id: Number(last.id) }
    if (calls.length < pageSize) return
  }
}

/** Rows of a hasMany table (already in order) as each call's list. */
function byParent<R extends { parent_id: unknown }>(
  rows: R[],
  value: (r: R) => string,
): Map<number, string[]> {
  const map = new Map<number, string[]>()
  for (const r of rows) {
    const id = Number(r.parent_id)
    const list = map.get(id)
    if (list) list.push(value(r))
    else map.set(id, [value(r)])
  }
  return map
}

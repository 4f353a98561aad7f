/**
 * The PBX call-detail import behind `npm run import:telephony`: validate the whole file (every bad
 * row named, nothing written), then in ONE transaction upsert every record by its PBX call id and
 * link the records to the operators' call logs. Same file twice: nothing added, nothing changed.
 * Rows go through SQL (src/reports/sql.ts): a month of a city's calls is hundreds of thousands of rows.
 */
import {
  DAY_MS,
  hashCaller,
  JST_OFFSET_MS,
  jstDayNumber,
  linkCallsToTelephony,
  parseTelephonyMapping,
  type CallLogRecord,
  type TelephonyImportError,
  type TelephonyRecord,
} from '@kotae/analytics'
import { importTelephonyCsv, validateTelephonyCsv, type TelephonyCsvSource } from '@kotae/analytics/telephony.node'
import type { Payload } from 'payload'

import { sqlOf, type Sql } from '../../reports/sql'

export interface TelephonyImportInput {
  /** The mapping JSON (text or parsed); validated here. */
  mapping: unknown
  /** Opens the CSV (called twice: validation, then import). */
  open: () => TelephonyCsvSource | Promise<TelephonyCsvSource>
  /** Recorded on each row as where it came from (the file name). */
  source: string
  /** Secret salt for caller hashes (callerSalt()). */
  salt: string
  /** Agent-and-time links: largest gap between the PBX answer and the logged talk start. Default 120 s. */
  toleranceSeconds?: number
  batchSize?: number
}

export interface TelephonyImportSummary {
  ok: true
  rows: number
  inserted: number
  updated: number
  unchanged: number
  encoding: string
  links: { byCallId: number; byAgentTime: number; unlinked: number; changed: number }
}
export interface TelephonyImportFailure {
  ok: false
  errors: TelephonyImportError[]
  errorCount: number
  rows: number
  encoding: string | null
}

class Rollback extends Error {
  constructor(readonly failure: TelephonyImportFailure) {
    super('telephony import rolled back')
  }
}

const COLUMNS = ['pbx_call_id', 'queue', 'offered_at', 'answered_at', 'abandoned_at', 'ended_at', 'wrap_up_ended_at', 'agent', 'caller_hash', 'imported_from', 'updated_at', 'created_at'] as const
/** Columns an import may change on an existing record (caller_hash only when the mapping has a caller column). */
const UPDATABLE = ['queue', 'offered_at', 'answered_at', 'abandoned_at', 'ended_at', 'wrap_up_ended_at', 'agent'] as const

export async function importTelephony(payload: Payload, input: TelephonyImportInput): Promise<TelephonyImportSummary | TelephonyImportFailure> {
  const parsed = parseTelephonyMapping(input.mapping)
  // A bad mapping fails like a bad file, through the parser, so every report has one shape.
  const mapping = parsed.ok ? parsed.mapping : input.mapping
  const check = await validateTelephonyCsv(await input.open(), mapping)
  if (!check.ok) return { ok: false, errors: check.errors, errorCount: check.errorCount, rows: check.rows, encoding: check.encoding }
  if (!parsed.ok) throw new Error('unreachable: the parser accepted a mapping parseTelephonyMapping rejected')
  const withCaller = parsed.mapping.columns.caller !== undefined
  const agents = parsed.mapping.agents
  const sql = sqlOf(payload)

  try {
    return await sql.transaction(async (tx) => {
      let inserted = 0
      let updated = 0
      const hashes = new Map<string, string | null>()
      let min = Number.POSITIVE_INFINITY
      let max = Number.NEGATIVE_INFINITY
      const result = await importTelephonyCsv(
        input.open,
        mapping,
        async (batch) => {
          for (const r of batch) {
            const t = Date.parse(r.offeredAt)
            if (t < min) min = t
            if (t > max) max = t
          }
          const n = await upsert(tx, batch, { source: input.source, salt: input.salt, withCaller, hashes })
          inserted += n.inserted
          updated += n.updated
        },
        { batchSize: input.batchSize ?? 500, validateFirst: false },
      )
      if (!result.ok) throw new Rollback({ ok: false, errors: result.errors, errorCount: result.errorCount, rows: result.rows, encoding: result.encoding })
      const links = result.count ? await linkDays(tx, min, max, { toleranceSeconds: input.toleranceSeconds ?? 120, agents }) : { byCallId: 0, byAgentTime: 0, unlinked: 0, changed: 0 }
      return { ok: true as const, rows: result.count, inserted, updated, unchanged: result.count - inserted - updated, encoding: result.encoding, links }
    })
  } catch (e) {
    if (e instanceof Rollback) return e.failure
    throw e
  }
}

/** Hashes of numbers seen in this import (callers call again); dropped when it grows past 100,000. */
async function cachedHash(cache: Map<string, string | null>, number: string, salt: string): Promise<string | null> {
  let h = cache.get(number)
  if (h === undefined) {
    if (cache.size >= 100_000) cache.clear()
    h = (await hashCaller(number, salt)) ?? null
    cache.set(number, h)
  }
  return h
}

async function upsert(tx: Sql, batch: readonly TelephonyRecord[], o: { source: string; salt: string; withCaller: boolean; hashes: Map<string, string | null> }): Promise<{ inserted: number; updated: number }> {
  const ids = batch.map((r) => r.callId)
  const existing = new Set(
    (await tx.query<{ id: string }>(`SELECT pbx_call_id AS id FROM telephony_records WHERE pbx_call_id IN (${ids.map(() => '?').join(',')})`, ids)).map((r) => r.id),
  )
  const now = new Date().toISOString()
  const params: unknown[] = []
  for (const r of batch) {
    // The number itself goes no further than this line (and the cache of this import).
    const callerHash = o.withCaller && r.callerNumber ? await cachedHash(o.hashes, r.callerNumber, o.salt) : null
    params.push(r.callId, r.queue, r.offeredAt, r.answeredAt, r.abandonedAt, r.endedAt, r.wrapUpEndedAt, r.agent, callerHash, o.source, now, now)
  }
  const row = `(${COLUMNS.map(() => '?').join(',')})`
  const changeable = o.withCaller ? [...UPDATABLE, 'caller_hash'] : [...UPDATABLE]
  const differs = tx.dialect === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT'
  const returned = await tx.query<{ id: string }>(
    `INSERT INTO telephony_records (${COLUMNS.join(',')}) VALUES ${batch.map(() => row).join(',')}
     ON CONFLICT (pbx_call_id) DO UPDATE SET ${[...changeable, 'imported_from', 'updated_at'].map((c) => `${c} = excluded.${c}`).join(', ')}
     WHERE ${changeable.map((c) => `telephony_records.${c} ${differs} excluded.${c}`).join(' OR ')}
     RETURNING pbx_call_id AS id`,
    params,
  )
  let updated = 0
  for (const r of returned) if (existing.has(r.id)) updated++
  return { inserted: batch.length - existing.size, updated }
}

interface LinkCounts {
  byCallId: number
  byAgentTime: number
  unlinked: number
  changed: number
}

/**
 * Links the telephony records of every JST day from `min` to `max` to the call logs of that day
 * (analytics linkCallsToTelephony: by call id, else by agent and time). A day at a time keeps memory
 * to one day's calls; every record of those days is (re)linked, so the result does not depend on
 * the order files were imported in.
 */
async function linkDays(tx: Sql, min: number, max: number, o: { toleranceSeconds: number; agents: Record<string, string> }): Promise<LinkCounts> {
  const counts: LinkCounts = { byCallId: 0, byAgentTime: 0, unlinked: 0, changed: 0 }
  const tol = o.toleranceSeconds * 1000
  for (let day = jstDayNumber(min) * DAY_MS - JST_OFFSET_MS; day <= max; day += DAY_MS) {
    const from = new Date(day).toISOString()
    const to = new Date(day + DAY_MS).toISOString()
    const records = await tx.query<{ id: number; pbx: string; offered: string; answered: string | null; agent: string | null; call: number | null; method: string | null; queue: string }>(
      `SELECT id, pbx_call_id AS pbx, ${tx.iso('offered_at')} AS offered, ${tx.iso('answered_at')} AS answered, agent, call_id AS call, link_method AS method, queue
       FROM telephony_records WHERE offered_at >= ? AND offered_at < ?`,
      [from, to],
    )
    if (!records.length) continue
    const calls = await tx.query<{ id: number; started: string; ended: string; pbx: string | null; email: string | null }>(
      `SELECT c.id, ${tx.iso('c.talk_started_at')} AS started, ${tx.iso('c.talk_ended_at')} AS ended, c.telephony_call_id AS pbx, u.email
       FROM calls c LEFT JOIN users u ON u.id = c.operator_id WHERE c.talk_started_at >= ? AND c.talk_started_at < ?`,
      [new Date(day - tol).toISOString(), new Date(day + DAY_MS + tol).toISOString()],
    )
    const result = linkCallsToTelephony(
      calls.map((c) => callForLink(c)),
      records.map((r) => ({ callId: r.pbx, queue: r.queue, offeredAt: r.offered, answeredAt: r.answered, abandonedAt: null, endedAt: null, agent: r.agent, wrapUpEndedAt: null })),
      { toleranceSeconds: o.toleranceSeconds, agentToOperator: (agent) => o.agents[agent] ?? agent },
    )
    const linkOf = new Map(result.links.map((l) => [l.telephonyCallId, l]))
    const changes: [number, number | null, string | null][] = []
    for (const r of records) {
      const link = linkOf.get(r.pbx)
      const call = link ? Number(link.callLogId) : null
      const method = link?.method ?? null
      if (method === 'call-id') counts.byCallId++
      else if (method === 'agent-time') counts.byAgentTime++
      else counts.unlinked++
      if (call === (r.call === null ? null : Number(r.call)) && method === r.method) continue
      changes.push([Number(r.id), call, method])
    }
    counts.changed += changes.length
    await updateLinks(tx, changes)
  }
  return counts
}

/** Writes changed links, 300 rows per UPDATE (one statement per row took minutes for a month). */
async function updateLinks(tx: Sql, changes: readonly [number, number | null, string | null][]): Promise<void> {
  // PostgreSQL types a CASE of parameters as text; the column is an enum.
  const methodType = tx.dialect === 'postgres' ? '::"enum_telephony_records_link_method"' : ''
  const callType = tx.dialect === 'postgres' ? '::integer' : ''
  for (let i = 0; i < changes.length; i += 300) {
    const chunk = changes.slice(i, i + 300)
    const when = chunk.map(() => 'WHEN ? THEN ?').join(' ')
    await tx.query(
      `UPDATE telephony_records SET call_id = (CASE id ${when} END)${callType}, link_method = (CASE id ${when} END)${methodType} WHERE id IN (${chunk.map(() => '?').join(',')})`,
      [...chunk.flatMap(([id, call]) => [id, call]), ...chunk.flatMap(([id, , method]) => [id, method]), ...chunk.map(([id]) => id)],
    )
  }
}

/** The fields linking reads, in a CallLogRecord (the rest do not matter to it). */
function callForLink(c: { id: number; started: string; ended: string; pbx: string | null; email: string | null }): CallLogRecord {
  return {
    id: String(c.id),
    talkStartedAt: c.started,
    talkEndedAt: c.ended,
    holdSeconds: 0,
    afterCallWorkSeconds: 0,
    channel: 'direct',
    callerType: 'unknown',
    category: null,
    faqsUsed: [],
    outcome: 'resolved',
    operator: c.email,
    telephonyCallId: c.pbx,
    callerHash: null,
  }
}

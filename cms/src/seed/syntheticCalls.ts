/**
 * Seeded synthetic call-center data written straight into the database, for the e2e test (a
 * seeded month) and `npm run bench:reports` (a million calls). Every call log has its PBX record
 * (linked by call id, caller hash on the record), 10 % of offered calls are abandoned, and about a
 * third of callers call again, so every KPI has something to count. Reproducible: a seed gives the
 * same records; `records` returns them as the KPI functions see them, to compute the expected report.
 */
import { DAY_MS, type CallLogRecord, type EscalationRecord, type TelephonyRecord } from '@kotae/analytics'
import { GENERATED_OUTCOME_MIX } from '@kotae/content/contracts/calls'
import { seededRandom } from '@kotae/content/seededRandom'

import { execOfSql } from '../db/exec'
import { refreshRange } from '../reports/rollups/refresh'
import type { Sql } from '../db/sql'

export interface SyntheticInput {
  /** [start, end) instants in ms. */
  start: number
  end: number
  calls: number
  seed?: number
  categories: readonly { id: number; slug: string }[]
  faqIds: readonly number[]
  operatorIds: readonly number[]
  /** One escalation per this many calls (default 50). */
  escalationEvery?: number
}

export interface SyntheticRecord {
  call: CallLogRecord | null
  telephony: TelephonyRecord
  escalation: EscalationRecord | null
}

const URGENCY = ['high', 'normal', 'normal', 'low'] as const
const iso = (ms: number) => new Date(ms).toISOString()

/** The records, in offer-time order within each day (ids: `S{seed}-{n}`). */
export function* syntheticRecords(o: SyntheticInput): Generator<SyntheticRecord> {
  const random = seededRandom(o.seed ?? 20261001)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const span = o.end - o.start
  const callers = Math.max(10, Math.floor(o.calls * 0.4))
  const every = o.escalationEvery ?? 50
  for (let n = 0; n < o.calls; n++) {
    // Business hours mostly (08:30–17:30 JST), some at night; in order of n across the span.
    const dayStart = o.start + Math.floor((n / o.calls) * (span / DAY_MS)) * DAY_MS
    const inDay = random() < 0.97 ? (8.5 + random() * 9) * 3_600_000 : random() * DAY_MS
    const offered = Math.min(o.end - 1, dayStart + Math.floor(inDay))
    const id = `S${o.seed ?? 20261001}-${n}`
    const abandoned = random() < 0.1
    const caller = Math.floor(random() ** 2 * callers)
    const callerHash = random() < 0.05 ? null : (caller * 2654435761 + 1).toString(16).padStart(64, '0')
    if (abandoned) {
      const wait = Math.floor(random() * 120_000)
      yield {
        call: null,
        telephony: {
          callId: id,
          queue: 'mynumber',
          offeredAt: iso(offered),
          answeredAt: null,
          abandonedAt: iso(offered + wait),
          endedAt: iso(offered + wait),
          agent: null,
          wrapUpEndedAt: null,
          callerNumber: callerHash,
        },
        escalation: null,
      }
      continue
    }
    const answered = offered + Math.floor(random() * 90_000)
    const talk = 60_000 + Math.floor(random() * 600_000)
    const hold = random() < 0.3 ? Math.floor(random() * 120) : 0
    const acw = Math.floor(random() * 180)
    const operator = pick(o.operatorIds)
    const category = random() < 0.05 ? null : pick(o.categories)
    const faqCount = Math.floor(random() * 4)
    const faqs: string[] = []
    for (let i = 0; i < faqCount && o.faqIds.length; i++) {
      const f = String(pick(o.faqIds))
      if (!faqs.includes(f)) faqs.push(f)
    }
    const talkStart = answered + 2000
    const call: CallLogRecord = {
      id,
      talkStartedAt: iso(talkStart),
      talkEndedAt: iso(talkStart + talk),
      holdSeconds: hold,
      afterCallWorkSeconds: acw,
      channel: 'direct',
      callerType: 'self',
      category: category?.slug ?? null,
      faqsUsed: faqs,
      outcome: pick(GENERATED_OUTCOME_MIX),
      operator: String(operator),
      telephonyCallId: id,
      callerHash,
    }
    const escalation: EscalationRecord | null =
      n % every === 0
        ? {
            id: `E${id}`,
            createdAt: iso(talkStart + talk),
            answeredAt: random() < 0.8 ? iso(talkStart + talk + Math.floor(random() * 72) * 3_600_000) : null,
            closedAt: null,
            urgency: pick(URGENCY),
          }
        : null
    if (escalation?.answeredAt && random() < 0.7)
      escalation.closedAt = iso(Date.parse(escalation.answeredAt) + 3_600_000)
    yield {
      call,
      telephony: {
        callId: id,
        queue: 'mynumber',
        offeredAt: iso(offered),
        answeredAt: iso(answered),
        abandonedAt: null,
        endedAt: iso(talkStart + talk),
        agent: `agent-${operator}`,
        wrapUpEndedAt: iso(talkStart + talk + acw * 1000),
        callerNumber: callerHash,
      },
      escalation,
    }
  }
}

/**
 * Writes the records in one transaction with multi-row INSERTs; returns how many of each. Call
 * logs get ids after the current largest; the telephony record carries the caller hash (from
 * `callerNumber`, already a hash here) and its link to the call, and the call a copy of the hash
 * (calls.caller_hash, as the import's link step sets it).
 */
export async function insertSynthetic(
  sql: Sql,
  input: SyntheticInput,
  onProgress?: (done: number) => void,
): Promise<{ calls: number; telephony: number; escalations: number }> {
  const categoryId = new Map(input.categories.map((c) => [c.slug, c.id]))
  return sql.transaction(async (tx) => {
    const [top] = await tx.query<{ max: number | null }>('SELECT MAX(id) AS max FROM calls')
    let nextId = Number(top?.max ?? 0) + 1
    const counts = { calls: 0, telephony: 0, escalations: 0 }
    let calls: unknown[][] = []
    let rels: unknown[][] = []
    let tels: unknown[][] = []
    let escs: unknown[][] = []
    const now = iso(Date.now())
    const insert = async (table: string, columns: string[], rows: unknown[][]) => {
      if (!rows.length) return
      const row = `(${columns.map(() => '?').join(',')})`
      await tx.query(
        `INSERT INTO ${table} (${columns.join(',')}) VALUES ${rows.map(() => row).join(',')}`,
        rows.flat(),
      )
    }
    const flush = async () => {
      await insert(
        'calls',
        [
          'id',
          'talk_started_at',
          'talk_ended_at',
          'hold_seconds',
          'after_call_work_seconds',
          'channel',
          'caller_type',
          'category_id',
          'summary',
          'outcome',
          'operator_id',
          'telephony_call_id',
          'caller_hash',
          'updated_at',
          'created_at',
        ],
        calls,
      )
      await insert('calls_rels', ['"order"', 'parent_id', 'path', 'faqs_id'], rels)
      await insert(
        'telephony_records',
        [
          'pbx_call_id',
          'queue',
          'offered_at',
          'answered_at',
          'abandoned_at',
          'ended_at',
          'wrap_up_ended_at',
          'agent',
          'caller_hash',
          'call_id',
          'link_method',
          'imported_from',
          'updated_at',
          'created_at',
        ],
        tels,
      )
      await insert(
        'escalations',
        [
          'call_id',
          'summary',
          'urgency',
          'assigned_to',
          'status',
          'answered_at',
          'closed_at',
          'updated_at',
          'created_at',
        ],
        escs,
      )
      calls = []
      rels = []
      tels = []
      escs = []
    }
    let done = 0
    for (const r of syntheticRecords(input)) {
      let callId: number | null = null
      if (r.call) {
        const c = r.call
        callId = nextId++
        // The linked record's caller hash, as the import's link step copies it.
        calls.push([
          callId,
          c.talkStartedAt,
          c.talkEndedAt,
          c.holdSeconds,
          c.afterCallWorkSeconds,
          c.channel,
          c.callerType,
          c.category === null ? null : categoryId.get(c.category)!,
          '合成データ',
          c.outcome,
          Number(c.operator),
          c.telephonyCallId,
          r.telephony.callerNumber ?? null,
          now,
          now,
        ])
        for (const [i, f] of c.faqsUsed.entries()) rels.push([i + 1, callId, 'faqsUsed', Number(f)])
        counts.calls++
      }
      const t = r.telephony
      tels.push([
        t.callId,
        t.queue,
        t.offeredAt,
        t.answeredAt,
        t.abandonedAt,
        t.endedAt,
        t.wrapUpEndedAt,
        t.agent,
        t.callerNumber ?? null,
        callId,
        callId === null ? null : 'call-id',
        'synthetic',
        now,
        now,
      ])
      counts.telephony++
      if (r.escalation) {
        const e = r.escalation
        escs.push([
          callId,
          '合成データ',
          e.urgency,
          '市民課',
          e.closedAt ? 'closed' : e.answeredAt ? 'answered' : 'open',
          e.answeredAt,
          e.closedAt,
          now,
          e.createdAt,
        ])
        counts.escalations++
      }
      // SQLite allows 32,766 parameters per statement: 15 columns × 500 rows stays well below.
      if (calls.length >= 500 || tels.length >= 500) await flush()
      if (++done % 100_000 === 0) onProgress?.(done)
    }
    await flush()
    // Ids were given explicitly: move PostgreSQL's sequence past them for later inserts.
    if (tx.dialect === 'postgres')
      await tx.query("SELECT setval(pg_get_serial_sequence('calls', 'id'), (SELECT MAX(id) FROM calls))")
    // The report rollups of the span, once they are in use (decision 0045), as every writer keeps them.
    await refreshRange(execOfSql(tx), input.start, input.end)
    return counts
  })
}

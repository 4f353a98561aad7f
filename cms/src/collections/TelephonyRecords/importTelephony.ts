/**
 * The PBX call-detail import behind `npm run import:telephony`, on its own connection (importDb.ts),
 * reading the file once; telephony_records changes in ONE transaction (steps 3 and 4):
 *  1. every row is validated as it streams by and staged in a temporary table (the caller's number
 *     hashed on the way, never staged); telephony_records is not touched yet;
 *  2. duplicate call ids are found in the staging table (so memory stays flat for any file); any bad
 *     row → roll back and report every one, nothing written;
 *  3. one INSERT … SELECT … ON CONFLICT (pbx_call_id) DO UPDATE … WHERE something differs: the same
 *     file twice adds and changes nothing, a corrected row is updated in place;
 *  4. records are linked to the operators' call logs day by day (JST).
 * Figures and design: docs/decisions/0016-telephony-import-at-scale.md and 0052-telephony-import-cpu.md.
 */
import {
  DAY_MS,
  HALF_HOUR_MS,
  JST_OFFSET_MS,
  jstDayNumber,
  linkCallsToTelephony,
  parseTelephonyMapping,
  telephonyError,
  type CallLogRecord,
  type TelephonyImportError,
} from '@kotae/analytics'
import {
  createCallerHasher,
  readTelephonyCsv,
  validateTelephonyCsv,
  type TelephonyCsvSource,
} from '@kotae/analytics/telephony.node'
import type { Payload } from 'payload'

import { instantSql } from '../../db/sql'
import { callSlots, refreshCalledAgain, telephonySlots } from '../../reports/rollups/refresh'
import { storedRules } from '../../reports/rollups/rules'
import { openImportDb, type ImportDb, type LinkChange } from './importDb'

export interface TelephonyImportInput {
  /** The mapping JSON (text or parsed); validated here. */
  mapping: unknown
  /** Opens the CSV (read once). */
  open: () => TelephonyCsvSource | Promise<TelephonyCsvSource>
  /** Recorded on each row as where it came from (the file name). */
  source: string
  /** Secret salt for caller hashes (callerSalt()). */
  salt: string
  /** Agent-and-time links: largest gap between the PBX answer and the logged talk start. Default 120 s. */
  toleranceSeconds?: number
}

export interface TelephonyImportSummary {
  ok: true
  rows: number
  inserted: number
  updated: number
  unchanged: number
  encoding: string
  links: { byCallId: number; byAgentTime: number; unlinked: number; changed: number }
  /** Wall seconds of each step: read and stage the file, check call ids, merge, link, report rollups. */
  seconds: { read: number; check: number; merge: number; link: number; rollups: number }
}
export interface TelephonyImportFailure {
  ok: false
  errors: TelephonyImportError[]
  errorCount: number
  rows: number
  encoding: string | null
}

const TIMES = ['offered_at', 'answered_at', 'abandoned_at', 'ended_at', 'wrap_up_ended_at'] as const
/** Columns an import may change on an existing record (caller_hash only when the mapping has a caller column). */
const UPDATABLE = ['queue', ...TIMES, 'agent'] as const

export async function importTelephony(
  payload: Payload,
  input: TelephonyImportInput,
): Promise<TelephonyImportSummary | TelephonyImportFailure> {
  const parsed = parseTelephonyMapping(input.mapping)
  if (!parsed.ok) {
    // A bad mapping fails like a bad file, through the parser, so every report has one shape.
    const r = await validateTelephonyCsv('', input.mapping)
    if (r.ok) throw new Error('unreachable: the parser accepted a mapping parseTelephonyMapping rejected')
    return { ok: false, errors: r.errors, errorCount: r.errorCount, rows: r.rows, encoding: r.encoding }
  }
  const mapping = parsed.mapping
  const hash = mapping.columns.caller !== undefined ? createCallerHasher(input.salt) : null
  const db = await openImportDb(payload)
  try {
    // 1. Stage. Canonical ISO strings compare like the instants, so min/max need no Date.parse.
    let t = performance.now()
    const lap = () => {
      const now = performance.now()
      const s = Math.round(now - t) / 1000
      t = now
      return s
    }
    let min = ''
    let max = ''
    let good = 0
    const read = await readTelephonyCsv(await input.open(), mapping, (r, line, callId) => {
      if (!r)
        return callId === null
          ? undefined
          : db.stage([line, 0, callId, null, null, null, null, null, null, null, null])
      good++
      if (min === '' || r.offeredAt < min) min = r.offeredAt
      if (r.offeredAt > max) max = r.offeredAt
      // The number itself goes no further than this line (and the hasher's cache for this import).
      const callerHash = hash && r.callerNumber ? (hash(r.callerNumber) ?? null) : null
      return db.stage([
        line,
        1,
        r.callId || null,
        r.queue,
        r.offeredAt,
        r.answeredAt,
        r.abandonedAt,
        r.endedAt,
        r.wrapUpEndedAt,
        r.agent,
        callerHash,
      ])
    })
    await db.endStage()
    const readSeconds = lap()

    // 2. Duplicate call ids, with every other error, in file order.
    const duplicates =
      mapping.columns.callId === undefined ? [] : await duplicateIds(db, mapping.columns.callId)
    if (!read.ok || duplicates.length) {
      const errors = read.ok
        ? duplicates
        : [...read.errors, ...duplicates].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
      return {
        ok: false,
        errors,
        errorCount: (read.ok ? 0 : read.errorCount) + duplicates.length,
        rows: read.rows,
        encoding: read.encoding,
      }
    }
    // A file with a header and no rows is not a successful import of nothing: say so.
    if (read.rows === 0)
      return {
        ok: false,
        errors: [telephonyError('no-rows', null, null, null)],
        errorCount: 1,
        rows: 0,
        encoding: read.encoding,
      }
    if (mapping.columns.callId === undefined) await numberSyntheticIds(db)
    const checkSeconds = lap()

    // 3. Merge.
    await db.beginWrite()
    const { inserted, updated, left } = good
      ? await merge(db, { source: input.source, withCaller: hash !== null })
      : { inserted: 0, updated: 0, left: [] }
    const mergeSeconds = lap()
    const toleranceSeconds = input.toleranceSeconds ?? 120
    const touched: Touched = { hashes: 0, moved: [] }
    const links = good
      ? await linkDays(
          db,
          Date.parse(min),
          Date.parse(max),
          { toleranceSeconds, agents: mapping.agents },
          touched,
        )
      : { byCallId: 0, byAgentTime: 0, unlinked: 0, changed: 0 }
    const linkSeconds = lap()
    // 5. The report's rollups of what changed, in the same transaction (decision 0045).
    if (good)
      await refreshAfterImport(db, Date.parse(min), Date.parse(max), toleranceSeconds * 1000, {
        records: inserted + updated > 0,
        left,
        ...touched,
      })
    await db.commit()
    const seconds = {
      read: readSeconds,
      check: checkSeconds,
      merge: mergeSeconds,
      link: linkSeconds,
      rollups: lap(),
    }
    return {
      ok: true,
      rows: read.rows,
      inserted,
      updated,
      unchanged: good - inserted - updated,
      encoding: read.encoding,
      links,
      seconds,
    }
  } finally {
    await db.close()
  }
}

/** What the link step changed on calls: how many caller hashes, and the calls that lost a link (ids). */
interface Touched {
  hashes: number
  moved: number[]
}

/**
 * The rollups of what the import changed (decision 0052: the same rows as refreshing everything,
 * without recounting what cannot have changed). The telephony half-hours of the file's JST days
 * when a record was added or changed, and those a corrected row moved a record out of; the 一次完了
 * flags and the call half-hours only when the links gave calls another caller hash (the one column
 * of calls an import writes): those of the days' windows (± the link tolerance) and of the calls
 * that lost a link elsewhere. FAQ usage counts nothing an import writes.
 */
async function refreshAfterImport(
  db: ImportDb,
  min: number,
  max: number,
  toleranceMs: number,
  changed: Touched & { records: boolean; left: readonly number[] },
): Promise<void> {
  const rules = await storedRules(db)
  if (!rules) return
  const first = jstDayNumber(min) * DAY_MS - JST_OFFSET_MS - toleranceMs
  const last = (jstDayNumber(max) + 1) * DAY_MS - JST_OFFSET_MS + toleranceMs
  if (changed.records) await telephonySlots.refresh(db, rules, first, last)
  // The half-hours corrected rows moved records out of (telephonySlots.refresh widens to the half-hour).
  const leftSlots = new Set(
    changed.left.filter((at) => at < first || at >= last).map((at) => at - (at % HALF_HOUR_MS)),
  )
  for (const slot of leftSlots) await telephonySlots.refresh(db, rules, slot, slot + 1)
  if (!changed.hashes) return
  const refreshCalls = async (from: number, to: number) => {
    const flagged = await refreshCalledAgain(
      db,
      rules,
      from - Math.round(rules.repeatWindowDays * DAY_MS),
      to,
    )
    await callSlots.refresh(
      db,
      rules,
      flagged.reduce((m, t) => Math.min(m, t), from),
      to,
    )
  }
  await refreshCalls(first, last)
  const moved = changed.moved
  if (!moved.length) return
  const days = new Set<number>()
  for (let i = 0; i < moved.length; i += 500) {
    const ids = moved.slice(i, i + 500)
    for (const [at] of await db.rows(
      `SELECT ${instantSql(db.dialect, 'talk_started_at')} FROM calls WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    )) {
      const ms = typeof at === 'number' ? at : Date.parse(String(at))
      if (ms < first || ms >= last) days.add(jstDayNumber(ms))
    }
  }
  for (const day of days) await refreshCalls(day * DAY_MS - JST_OFFSET_MS, (day + 1) * DAY_MS - JST_OFFSET_MS)
}

/**
 * Every row whose call id an earlier row of the file has, named like the reader names its errors.
 * The ids that occur twice come from one grouping (on SQLite half the CPU of a window function over
 * every staged row, which the file nearly never needs); only their rows are then looked up.
 */
async function duplicateIds(db: ImportDb, column: string): Promise<TelephonyImportError[]> {
  const rows = await db.rows(
    `WITH d AS (SELECT call_id, min(line) AS first FROM telephony_stage WHERE call_id IS NOT NULL GROUP BY call_id HAVING count(*) > 1)
     SELECT s.line, s.call_id, d.first FROM d JOIN telephony_stage s ON s.call_id = d.call_id AND s.line > d.first ORDER BY s.line`,
  )
  return rows.map(([line, id, first]) =>
    telephonyError(
      'duplicate-call-id',
      Number(line),
      column,
      'callId',
      `${Number(first)} 行目と同じ`,
      String(id),
    ),
  )
}

/**
 * A PBX without call ids: each record gets `${queue}@${offeredAt}`, with `#n` from the second record
 * of the same queue and instant on (file order), as the analytics reader numbers them in memory.
 */
async function numberSyntheticIds(db: ImportDb): Promise<void> {
  await db.run(
    `UPDATE telephony_stage SET call_id = queue || '@' || offered_at || CASE WHEN n.rn > 1 THEN '#' || n.rn ELSE '' END
     FROM (SELECT line, row_number() OVER (PARTITION BY queue, offered_at ORDER BY line) AS rn FROM telephony_stage WHERE ok = 1) AS n
     WHERE telephony_stage.line = n.line`,
  )
}

/**
 * The staging table into telephony_records in one upsert (ON CONFLICT … DO UPDATE … WHERE something
 * differs: identical rows are left alone and count as neither inserted nor updated). Each staged row
 * is one lookup in the pbx_call_id index, so the cost follows the file, not the table; set-based
 * forms (UPDATE … FROM plus INSERT … WHERE NOT EXISTS) were faster on PostgreSQL only with fresh
 * statistics and took a nested loop over the whole table without them (docs/decisions/0016).
 */
async function merge(
  db: ImportDb,
  o: { source: string; withCaller: boolean },
): Promise<{ inserted: number; updated: number; left: number[] }> {
  const pg = db.dialect === 'postgres'
  const now = new Date().toISOString()
  const changeable = o.withCaller ? [...UPDATABLE, 'caller_hash'] : [...UPDATABLE]
  const time = (c: string) => (pg ? `${c}::timestamptz` : c)
  const upsert = `INSERT INTO telephony_records (pbx_call_id, queue, ${TIMES.join(', ')}, agent, caller_hash, imported_from, updated_at, created_at)
     SELECT call_id, queue, ${TIMES.map(time).join(', ')}, agent, caller_hash, ${pg ? '?::text' : '?'}, ${time('?')}, ${time('?')} FROM telephony_stage WHERE ok = 1
     ON CONFLICT (pbx_call_id) DO UPDATE SET ${[...changeable, 'imported_from', 'updated_at'].map((c) => `${c} = excluded.${c}`).join(', ')}
     WHERE ${changeable.map((c) => `telephony_records.${c} ${pg ? 'IS DISTINCT FROM' : 'IS NOT'} excluded.${c}`).join(' OR ')}`
  // The offer instants of records a corrected row moves (before it moves them): the half-hours they
  // leave may lie outside the file's days, and their rollups are recounted too.
  const instant = (at: unknown) => (typeof at === 'number' ? at : Date.parse(String(at)))
  if (pg) {
    const left = await db.rows(
      `SELECT DISTINCT ${instantSql('postgres', 't.offered_at')} FROM telephony_stage s JOIN telephony_records t ON t.pbx_call_id = s.call_id
       WHERE s.ok = 1 AND t.offered_at IS DISTINCT FROM s.offered_at::timestamptz`,
    )
    // xmax = 0 marks a row this statement inserted (an updated row carries the updating transaction).
    const [[inserted, updated]] = (await db.rows(
      `WITH u AS (${upsert} RETURNING (xmax = 0) AS inserted) SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM u`,
      [o.source, now, now],
    )) as [[string, string]]
    return { inserted: Number(inserted), updated: Number(updated), left: left.map(([at]) => instant(at)) }
  }
  // One pass over the staged rows' index lookups for the counts and the instants left (ISO text has no comma).
  const [[staged, existing, left]] = (await db.rows(
    `SELECT count(*), count(t.id), group_concat(DISTINCT CASE WHEN t.offered_at IS NOT s.offered_at THEN t.offered_at END)
     FROM telephony_stage s LEFT JOIN telephony_records t ON t.pbx_call_id = s.call_id WHERE s.ok = 1`,
  )) as [[number, number, string | null]]
  const changed = await db.run(upsert, [o.source, now, now])
  const inserted = staged - existing
  return { inserted, updated: changed - inserted, left: left ? left.split(',').map(instant) : [] }
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
 * the order files were imported in. A day without call logs needs no records read: they are all
 * unlinked (and any old link is cleared).
 */
async function linkDays(
  db: ImportDb,
  min: number,
  max: number,
  o: { toleranceSeconds: number; agents: Record<string, string> },
  /**
   * Receives the number of caller hashes changed on calls, and the ids of calls that lost a link
   * (they may lie outside the days' windows).
   */
  touched: Touched,
): Promise<LinkCounts> {
  const counts: LinkCounts = { byCallId: 0, byAgentTime: 0, unlinked: 0, changed: 0 }
  const tol = o.toleranceSeconds * 1000
  // Timestamps: epoch ms from PostgreSQL (no to_char per value), the stored ISO text from SQLite.
  const instant = (c: string) => instantSql(db.dialect, c)
  const iso = (v: unknown): string | null =>
    v === null ? null : typeof v === 'number' ? new Date(v).toISOString() : String(v)
  for (let day = jstDayNumber(min) * DAY_MS - JST_OFFSET_MS; day <= max; day += DAY_MS) {
    const from = new Date(day).toISOString()
    const to = new Date(day + DAY_MS).toISOString()
    // The calls this day's records may link to.
    const window: [string, string] = [
      new Date(day - tol).toISOString(),
      new Date(day + DAY_MS + tol).toISOString(),
    ]
    const calls = await db.rows(
      `SELECT c.id, ${instant('c.talk_started_at')}, ${instant('c.talk_ended_at')}, c.telephony_call_id, u.email
       FROM calls c LEFT JOIN users u ON u.id = c.operator_id WHERE c.talk_started_at >= ? AND c.talk_started_at < ?`,
      window,
    )
    if (!calls.length) {
      const [[n]] = (await db.rows(
        `SELECT count(*) FROM telephony_records WHERE offered_at >= ? AND offered_at < ?`,
        [from, to],
      )) as [[number | string]]
      counts.unlinked += Number(n)
      const unlinked = await db.rows(
        `SELECT DISTINCT call_id FROM telephony_records WHERE offered_at >= ? AND offered_at < ? AND call_id IS NOT NULL`,
        [from, to],
      )
      counts.changed += await db.run(
        `UPDATE telephony_records SET call_id = NULL, link_method = NULL WHERE offered_at >= ? AND offered_at < ? AND (call_id IS NOT NULL OR link_method IS NOT NULL)`,
        [from, to],
      )
      const ids = unlinked.map(([id]) => Number(id))
      touched.moved.push(...ids)
      touched.hashes += await syncCallerHashes(db, null, ids)
      continue
    }
    const records = await db.rows(
      `SELECT id, pbx_call_id, ${instant('offered_at')}, ${instant('answered_at')}, agent, call_id, link_method, queue FROM telephony_records WHERE offered_at >= ? AND offered_at < ?`,
      [from, to],
    )
    if (!records.length) continue
    const result = linkCallsToTelephony(
      calls.map(([id, started, ended, pbx, email]) =>
        callForLink(Number(id), iso(started)!, iso(ended)!, pbx as string | null, email as string | null),
      ),
      records.map(([, pbx, offered, answered, agent, , , queue]) => ({
        callId: String(pbx),
        queue: String(queue),
        offeredAt: iso(offered)!,
        answeredAt: iso(answered),
        abandonedAt: null,
        endedAt: null,
        agent: agent as string | null,
        wrapUpEndedAt: null,
      })),
      { toleranceSeconds: o.toleranceSeconds, agentToOperator: (agent) => o.agents[agent] ?? agent },
    )
    const linkOf = new Map(result.links.map((l) => [l.telephonyCallId, l]))
    const changes: LinkChange[] = []
    const unlinked: number[] = []
    for (const [id, pbx, , , , oldCall, oldMethod] of records) {
      const link = linkOf.get(String(pbx))
      const call = link ? Number(link.callLogId) : null
      const method = link?.method ?? null
      if (method === 'call-id') counts.byCallId++
      else if (method === 'agent-time') counts.byAgentTime++
      else counts.unlinked++
      if (call === (oldCall === null ? null : Number(oldCall)) && method === oldMethod) continue
      changes.push([Number(id), call, method])
      // A call that loses its link here may lie outside the day's window: its hash is synced by id.
      if (oldCall !== null && Number(oldCall) !== call) unlinked.push(Number(oldCall))
    }
    counts.changed += changes.length
    await db.updateLinks(changes)
    touched.moved.push(...unlinked)
    touched.hashes += await syncCallerHashes(db, window, unlinked)
  }
  return counts
}

/**
 * calls.caller_hash follows the links (decision 0011): each call takes
 * the hash of its linked telephony record — the lowest record id with a hash, for the rare call two
 * records link to — or null. Run after each day's links (and after a merge that may have changed a
 * record's hash, which linkDays follows for every record of the file's days): the calls of `window`
 * (every call the day's records could link to) and `ids` (calls that lost a link). Writes only the
 * calls whose hash differs. The same statement back-fills existing data in the migration
 * `calls_caller_hash`. Returns the number of calls changed.
 */
async function syncCallerHashes(
  db: ImportDb,
  window: [string, string] | null,
  ids: number[],
): Promise<number> {
  if (!window && !ids.length) return 0
  const pg = db.dialect === 'postgres'
  const hash =
    '(SELECT tr.caller_hash FROM telephony_records tr WHERE tr.call_id = calls.id AND tr.caller_hash IS NOT NULL ORDER BY tr.id LIMIT 1)'
  const which: string[] = []
  const params: unknown[] = []
  if (window) {
    which.push('(calls.talk_started_at >= ? AND calls.talk_started_at < ?)')
    params.push(...window)
  }
  if (ids.length) {
    which.push(pg ? 'calls.id = ANY(?::integer[])' : 'calls.id IN (SELECT value FROM json_each(?))')
    params.push(pg ? ids : JSON.stringify(ids))
  }
  return db.run(
    `UPDATE calls SET caller_hash = ${hash} WHERE (${which.join(' OR ')}) AND calls.caller_hash ${pg ? 'IS DISTINCT FROM' : 'IS NOT'} ${hash}`,
    params,
  )
}

/** The fields linking reads, in a CallLogRecord (the rest do not matter to it). */
export function callForLink(
  id: number | string,
  started: string,
  ended: string,
  pbx: string | null,
  email: string | null,
): CallLogRecord {
  return {
    id: String(id),
    talkStartedAt: started,
    talkEndedAt: ended,
    holdSeconds: 0,
    afterCallWorkSeconds: 0,
    channel: 'direct',
    callerType: 'unknown',
    category: null,
    faqsUsed: [],
    outcome: 'resolved',
    operator: email,
    telephonyCallId: pbx,
    callerHash: null,
  }
}

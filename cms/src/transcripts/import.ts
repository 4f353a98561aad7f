/**
 * `npm run import:transcripts`: transcript files into the transcripts collection, all or nothing.
 *  1. Every file is read, validated and parsed; every segment of every good transcript is masked
 *     (the one masking step, privacy/maskStored.ts) and the masked row written to a temporary
 *     NDJSON file (0600, deleted at the end), so memory stays flat for any number of files and
 *     unmasked text never leaves this step.
 *  2. Call ids are checked against the call logs (calls.telephony_call_id) and the PBX records
 *     (telephony_records.pbx_call_id → its linked call); transcripts without an id are linked by
 *     agent and time with the telephony import's own function (linkCallsToTelephony).
 *  3. Any problem in any file: every one is returned and nothing is written.
 *  4. One transaction: new keys inserted, changed ones (content hash or link) updated, the rest
 *     left alone, so the same files twice change nothing.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

import {
  DAY_MS,
  JST_OFFSET_MS,
  jstDayNumber,
  linkCallsToTelephony,
  transcriptError,
  transcriptMappingSchema,
  type CallLogRecord,
  type TranscriptError,
  type ParsedTranscript,
  type TranscriptMapping,
} from '@kotae/analytics'
import { readTranscriptFile } from '@kotae/analytics/transcripts.node'
import type { Payload } from 'payload'

import { callForLink } from '../collections/TelephonyRecords/importTelephony'
import { storageMasker } from '../privacy/maskStored'
import { instantSql, sqlOf, type Sql } from '../db/sql'

export interface TranscriptImportInput {
  /** Files to import (a folder is expanded by the caller: transcriptFilesIn). */
  files: string[]
  /** The mapping JSON (text or parsed), or undefined for the defaults. */
  mapping?: unknown
  /** Largest file read (bytes); default MAX_TRANSCRIPT_FILE_BYTES. */
  maxBytes?: number
}

export interface TranscriptImportSummary {
  ok: true
  files: number
  transcripts: number
  segments: number
  inserted: number
  updated: number
  unchanged: number
  links: { byCallId: number; byAgentTime: number; unlinked: number }
  /** The keys of this run's transcripts that no call log matched (also listed in the admin: 照合方法「未照合」). */
  unlinkedKeys: string[]
  seconds: { read: number; check: number; write: number }
}
export interface TranscriptImportFailure {
  ok: false
  errors: TranscriptError[]
  files: number
}

/** One masked transcript as staged between the steps: the parsed one (masked) and what the import adds. */
type StagedRow = Omit<ParsedTranscript, 'line'> & {
  durationSeconds: number
  audioUri: string | null
  importedFrom: string
  contentHash: string
}

/** The files of a folder Kotae reads as transcripts: regular files, not hidden, in name order. */
export function transcriptFilesIn(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target]
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith('.'))
    .map((d) => path.join(target, d.name))
    .sort()
}

export function parseMappingInput(
  input: unknown,
): { ok: true; mapping: TranscriptMapping } | { ok: false; errors: TranscriptError[] } {
  let raw = input ?? {}
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw)
    } catch {
      return { ok: false, errors: [transcriptError('mapping', null, 'bad-mapping', 'JSON として読めません')] }
    }
  }
  const r = transcriptMappingSchema.safeParse(raw)
  if (r.success) return { ok: true, mapping: r.data }
  return {
    ok: false,
    errors: r.error.issues.map((i) =>
      transcriptError('mapping', null, 'bad-mapping', `${i.path.join('.') || '(全体)'}: ${i.message}`),
    ),
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)

export async function importTranscripts(
  payload: Payload,
  input: TranscriptImportInput,
): Promise<TranscriptImportSummary | TranscriptImportFailure> {
  const parsedMapping = parseMappingInput(input.mapping)
  if (!parsedMapping.ok) return { ok: false, errors: parsedMapping.errors, files: input.files.length }
  const mapping = parsedMapping.mapping
  const mask = await storageMasker(payload)
  const started = performance.now()
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-transcripts-'))
  const stagePath = path.join(tmpDir, 'masked.ndjson')
  try {
    // 1. Read, validate, mask, stage.
    const errors: TranscriptError[] = []
    const seen = new Map<string, string>()
    /** Call id → where it was first given (for the unknown-call-id error). */
    const callIds = new Map<string, { file: string; line: number }>()
    const byAgent: { key: string; agent: string; startedAt: string }[] = []
    let transcripts = 0
    let segmentCount = 0
    const out = fs.createWriteStream(stagePath, { mode: 0o600 })
    for (const file of input.files) {
      const name = path.basename(file)
      const r = await readTranscriptFile(file, name, mapping, input.maxBytes)
      errors.push(...r.errors)
      if (r.errors.length) continue
      for (const t of r.transcripts) {
        const where = `${name}:${t.line}`
        const first = seen.get(t.key)
        if (first) {
          errors.push(transcriptError(name, t.line, 'duplicate-transcript', `${first} と同じ`, t.key))
          continue
        }
        seen.set(t.key, where)
        if (errors.length) continue // nothing will be written: stop masking, go on validating
        if (t.callId) {
          if (!callIds.has(t.callId)) callIds.set(t.callId, { file: name, line: t.line })
        } else byAgent.push({ key: t.key, agent: t.agent!, startedAt: t.startedAt! })
        const segments = t.segments.map((s) => ({
          speaker: s.speaker,
          start: s.start,
          end: s.end,
          text: mask(s.text),
        }))
        const row: Omit<StagedRow, 'contentHash'> = {
          key: t.key,
          callId: t.callId,
          agent: t.agent,
          startedAt: t.startedAt,
          format: t.format,
          segments,
          durationSeconds: Math.round(Math.max(...segments.map((s) => s.end)) * 10) / 10,
          audioUri: mapping.audioUri
            ? fill(mapping.audioUri, { callId: t.callId ?? t.key, file: name })
            : null,
          importedFrom: mask(name),
        }
        const staged: StagedRow = { ...row, contentHash: sha256(JSON.stringify(row)) }
        transcripts++
        segmentCount += segments.length
        if (!out.write(`${JSON.stringify(staged)}\n`))
          await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      }
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())))
    const readSeconds = (performance.now() - started) / 1000

    // 2. Which call each transcript belongs to.
    const sql = sqlOf(payload)
    const callOf = new Map<string, { call: number | null; method: 'call-id' | 'agent-time' | 'unlinked' }>()
    if (!errors.length) {
      const resolved = await callsById(sql, [...callIds.keys()])
      for (const [id, where] of callIds) {
        const hit = resolved.get(id)
        if (hit === undefined)
          errors.push(transcriptError(where.file, where.line, 'unknown-call-id', undefined, id))
        else
          callOf.set(id, hit === null ? { call: null, method: 'unlinked' } : { call: hit, method: 'call-id' })
      }
      for (const [key, call] of await linkByAgentTime(sql, byAgent, mapping))
        callOf.set(key, call === null ? { call: null, method: 'unlinked' } : { call, method: 'agent-time' })
    }
    if (errors.length) {
      errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)))
      return { ok: false, errors, files: input.files.length }
    }
    const checkSeconds = (performance.now() - started) / 1000 - readSeconds

    // 3. Write, in one transaction.
    const counts = await sql.transaction((tx) => writeStaged(tx, stagePath, callOf))
    const links = { byCallId: 0, byAgentTime: 0, unlinked: 0 }
    for (const l of callOf.values())
      links[l.method === 'call-id' ? 'byCallId' : l.method === 'agent-time' ? 'byAgentTime' : 'unlinked']++
    const unlinkedKeys = counts.unlinkedKeys
    return {
      ok: true,
      files: input.files.length,
      transcripts,
      segments: segmentCount,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: transcripts - counts.inserted - counts.updated,
      links,
      unlinkedKeys,
      seconds: {
        read: round(readSeconds),
        check: round(checkSeconds),
        write: round((performance.now() - started) / 1000 - readSeconds - checkSeconds),
      },
    }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true })
  }
}

const round = (s: number) => Math.round(s * 100) / 100

const CHUNK = 500
const marks = (n: number) => Array(n).fill('?').join(', ')

/** Call id → the call it names (a call log's telephonyCallId, else the call a PBX record is linked to), null for a PBX record not linked yet; absent: unknown. */
async function callsById(sql: Sql, ids: string[]): Promise<Map<string, number | null>> {
  const found = new Map<string, number | null>()
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK)
    const calls = await sql.query<{ id: unknown; t: string }>(
      `SELECT id, telephony_call_id AS t FROM calls WHERE telephony_call_id IN (${marks(chunk.length)}) ORDER BY id`,
      chunk,
    )
    for (const c of calls) if (!found.has(c.t)) found.set(c.t, Number(c.id))
    const rest = chunk.filter((id) => !found.has(id))
    if (!rest.length) continue
    const records = await sql.query<{ p: string; c: unknown }>(
      `SELECT pbx_call_id AS p, call_id AS c FROM telephony_records WHERE pbx_call_id IN (${marks(rest.length)})`,
      rest,
    )
    for (const r of records) found.set(r.p, r.c === null ? null : Number(r.c))
  }
  return found
}

/**
 * Transcripts without a call id, linked by agent and time exactly as PBX records are
 * (linkCallsToTelephony: the agent mapped to an operator, the closest call log within the
 * tolerance, each used once), one JST day of call logs at a time. Key → call, or null.
 */
async function linkByAgentTime(
  sql: Sql,
  transcripts: { key: string; agent: string; startedAt: string }[],
  mapping: TranscriptMapping,
): Promise<Map<string, number | null>> {
  const result = new Map<string, number | null>()
  const byDay = new Map<number, typeof transcripts>()
  for (const t of transcripts) {
    const day = jstDayNumber(Date.parse(t.startedAt))
    let list = byDay.get(day)
    if (!list) {
      list = []
      byDay.set(day, list)
    }
    list.push(t)
  }
  const tol = mapping.toleranceSeconds * 1000
  const iso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : String(v))
  for (const [day, list] of byDay) {
    const from = day * DAY_MS - JST_OFFSET_MS
    const rows = await sql.query<{ id: unknown; s: unknown; e: unknown; email: string | null }>(
      `SELECT c.id, ${instantSql(sql.dialect, 'c.talk_started_at')} AS s, ${instantSql(sql.dialect, 'c.talk_ended_at')} AS e, u.email
       FROM calls c LEFT JOIN users u ON u.id = c.operator_id WHERE c.talk_started_at >= ? AND c.talk_started_at < ?`,
      [new Date(from - tol).toISOString(), new Date(from + DAY_MS + tol).toISOString()],
    )
    // A transcript is its own source: a call the PBX import already linked may still get its recording by agent and time.
    const calls: CallLogRecord[] = rows.map((r) =>
      callForLink(String(r.id), iso(r.s), iso(r.e), null, r.email),
    )
    const linked = linkCallsToTelephony(
      calls,
      list.map((t) => ({
        callId: t.key,
        queue: '',
        offeredAt: t.startedAt,
        answeredAt: t.startedAt,
        abandonedAt: null,
        endedAt: null,
        agent: t.agent,
        wrapUpEndedAt: null,
      })),
      {
        toleranceSeconds: mapping.toleranceSeconds,
        agentToOperator: (agent) => mapping.agents[agent] ?? agent,
      },
    )
    for (const t of list) result.set(t.key, null)
    for (const l of linked.links) result.set(l.telephonyCallId, Number(l.callLogId))
  }
  return result
}

/** The staged rows into transcripts: new keys inserted, rows whose content or link differ updated, the rest untouched. */
async function writeStaged(
  tx: Sql,
  stagePath: string,
  callOf: Map<string, { call: number | null; method: 'call-id' | 'agent-time' | 'unlinked' }>,
): Promise<{ inserted: number; updated: number; unlinkedKeys: string[] }> {
  const pg = tx.dialect === 'postgres'
  const now = new Date().toISOString()
  const cast = (type: string) => (pg ? `?::${type}` : '?')
  const COLUMNS =
    'transcript_key, call_id, link_method, external_call_id, agent, started_at, format, segments, segment_count, duration_seconds, audio_uri, imported_from, content_hash, updated_at, created_at'
  const VALUES = `(?, ?, ${cast('"enum_transcripts_link_method"')}, ?, ?, ${cast('timestamptz')}, ${cast('"enum_transcripts_format"')}, ${cast('jsonb')}, ?, ?, ?, ?, ?, ${cast('timestamptz')}, ${cast('timestamptz')})`
  let inserted = 0
  let updated = 0
  const unlinkedKeys: string[] = []
  const flush = async (batch: StagedRow[]) => {
    const existing = new Map(
      (
        await tx.query<{ k: string; h: string; c: unknown; m: string }>(
          `SELECT transcript_key AS k, content_hash AS h, call_id AS c, link_method AS m FROM transcripts WHERE transcript_key IN (${marks(batch.length)})`,
          batch.map((r) => r.key),
        )
      ).map((r) => [r.k, r]),
    )
    const fresh: unknown[] = []
    let freshRows = 0
    for (const r of batch) {
      const link = callOf.get(r.key) ?? { call: null, method: 'unlinked' as const }
      if (link.method === 'unlinked') unlinkedKeys.push(r.key)
      const values = [
        link.call,
        link.method,
        r.callId,
        r.agent,
        r.startedAt,
        r.format,
        JSON.stringify(r.segments),
        r.segments.length,
        r.durationSeconds,
        r.audioUri,
        r.importedFrom,
        r.contentHash,
      ]
      const old = existing.get(r.key)
      if (!old) {
        fresh.push(r.key, ...values, now, now)
        freshRows++
        continue
      }
      if (
        old.h === r.contentHash &&
        (old.c === null ? null : Number(old.c)) === link.call &&
        old.m === link.method
      )
        continue
      await tx.run(
        `UPDATE transcripts SET call_id = ?, link_method = ${cast('"enum_transcripts_link_method"')}, external_call_id = ?, agent = ?, started_at = ${cast('timestamptz')}, format = ${cast('"enum_transcripts_format"')},
         segments = ${cast('jsonb')}, segment_count = ?, duration_seconds = ?, audio_uri = ?, imported_from = ?, content_hash = ?, updated_at = ${cast('timestamptz')} WHERE transcript_key = ?`,
        [...values, now, r.key],
      )
      updated++
    }
    if (freshRows) {
      await tx.run(
        `INSERT INTO transcripts (${COLUMNS}) VALUES ${Array(freshRows).fill(VALUES).join(', ')}`,
        fresh,
      )
      inserted += freshRows
    }
  }
  let batch: StagedRow[] = []
  const lines = readline.createInterface({ input: fs.createReadStream(stagePath), crlfDelay: Infinity })
  for await (const line of lines) {
    if (!line) continue
    batch.push(JSON.parse(line) as StagedRow)
    if (batch.length === 200) {
      await flush(batch)
      batch = []
    }
  }
  if (batch.length) await flush(batch)
  return { inserted, updated, unlinkedKeys }
}

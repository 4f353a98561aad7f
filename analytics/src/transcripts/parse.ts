/**
 * Transcript text → parsed transcripts, with every problem named by file and line. Plain functions
 * (Node and browser); reading bytes and encodings is read.node.ts.
 *
 * WebVTT goes through webvtt-parser (the W3C validator's parser: every syntax error with its line);
 * SRT is the same cue syntax with a comma before the milliseconds and no header, so it is rewritten
 * to WebVTT line for line (line numbers kept) and parsed by the same parser. Speaker labels: a
 * WebVTT voice span (`<v オペレーター>`), else a known label before a colon (`お客様：…`, `[SPEAKER_00] …`).
 * JSON: Whisper-style `{segments:[{start,end,text,speaker?}]}` (also a bare array), with optional
 * call_id / agent / started_at. CSV: one row per turn, many calls per file.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import webvtt from 'webvtt-parser'
import { z } from 'zod'

import { compileTimestampParser } from '../telephony/timestamp'
import { parseOffset } from './cueTime'
import { transcriptError, type TranscriptError } from './errors'
import { isAnonymousSpeakerLabel, speakerRole, type TranscriptMapping } from './mapping'
import type { ParsedTranscript, Speaker, TranscriptFormat, TranscriptSegment } from './types'
import { lowerBound } from '../lib/lowerBound'

/** A parsed transcript with the line each segment came from (for the checks' messages; not stored). */
export interface LinedTranscript extends ParsedTranscript {
  segmentLines: number[]
}

export interface ParseResult {
  format: TranscriptFormat | null
  transcripts: LinedTranscript[]
  errors: TranscriptError[]
}

const isoInstant = compileTimestampParser('iso')
const compactInstant = compileTimestampParser('yyyyMMddTHHmmss')
/** A start time as a file gives it (ISO, with or without zone: JST; or 20261001T090000), as ISO UTC; null when unreadable. */
export function parseStartedAt(text: string): string | null {
  const t = text.trim()
  const ms = isoInstant(t.replace(/\//g, '-'))
  const v = Number.isNaN(ms) ? compactInstant(t) : ms
  return Number.isNaN(v) ? null : new Date(v).toISOString()
}

/** The format the text is in, from its first line (the extension only breaks a tie between JSON and CSV). */
export function detectFormat(text: string, fileName: string): TranscriptFormat | null {
  const head = text.replace(/^\ufeff/, '').trimStart()
  if (/^WEBVTT(?:[ \t]|$)/m.test(head.slice(0, 10)) && head.startsWith('WEBVTT')) return 'vtt'
  if (head.startsWith('{') || head.startsWith('[')) return 'json'
  const lines = head.split(/\r?\n/, 3)
  if (/^\d+\s*$/.test(lines[0] ?? '') && /-->/.test(lines[1] ?? '')) return 'srt'
  if (/\.csv$/i.test(fileName) || (/[,\t]/.test(lines[0] ?? '') && !/-->/.test(head.slice(0, 500))))
    return /[,\t]/.test(lines[0] ?? '') ? 'csv' : null
  return null
}

export function parseTranscriptText(text: string, file: string, mapping: TranscriptMapping): ParseResult {
  const body = text.replace(/^\ufeff/, '')
  if (!body.trim())
    return { format: null, transcripts: [], errors: [transcriptError(file, null, 'empty-file')] }
  const format = detectFormat(body, file)
  if (!format)
    return {
      format,
      transcripts: [],
      errors: [transcriptError(file, 1, 'unknown-format', undefined, body.split(/\r?\n/, 1)[0])],
    }
  const r =
    format === 'csv'
      ? parseCsvTranscripts(body, file, mapping)
      : format === 'json'
        ? parseJson(body, file, mapping)
        : parseCues(body, file, format, mapping)
  const errors = [...r.errors]
  for (const t of r.transcripts) errors.push(...checkSegments(t, file))
  return { format, transcripts: r.transcripts, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }
}

/** What a file without ids of its own says in its name (mapping.fileName; default: the name without extension is the call id). */
function fromFileName(
  file: string,
  mapping: TranscriptMapping,
): { callId: string | null; agent: string | null; startedAt: string | null } {
  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]+$/, '')
  if (!mapping.fileName) return { callId: base || null, agent: null, startedAt: null }
  const g = new RegExp(mapping.fileName, 'u').exec(base)?.groups ?? {}
  return {
    callId: g.callId || null,
    agent: g.agent || null,
    startedAt: g.startedAt ? parseStartedAt(g.startedAt) : null,
  }
}

/** Key of a transcript, or an error when it says neither which call nor which agent and time. */
function keyOf(ref: {
  callId: string | null
  agent: string | null
  startedAt: string | null
}): string | null {
  if (ref.callId) return ref.callId
  return ref.agent && ref.startedAt ? `${ref.agent}@${ref.startedAt}` : null
}

/** `ラベル：本文` / `[ラベル] 本文` with a label the mapping or the defaults know (or a diarization label). */
function splitLabel(text: string): { label: string | null; text: string } {
  const m = /^\s*(?:\[([^\]]{1,30})\]|([^:：\s]{1,20})\s*[:：])\s*([\s\S]*)$/.exec(text)
  if (!m) return { label: null, text }
  return { label: (m[1] ?? m[2])!.trim(), text: m[3]! }
}

function roleOf(label: string | null, mapping: TranscriptMapping): Speaker | null {
  if (label === null) return null
  return speakerRole(label, mapping) ?? (isAnonymousSpeakerLabel(label) ? 'unknown' : null)
}

/** The segment of a line of speech: its speaker from an explicit label (voice span, JSON or CSV field) or a known prefix. */
function segmentOf(
  text: string,
  explicit: string | null | undefined,
  mapping: TranscriptMapping,
): { speaker: Speaker; text: string } {
  if (explicit) return { speaker: speakerRole(explicit, mapping) ?? 'unknown', text: text.trim() }
  const split = splitLabel(text)
  const role = roleOf(split.label, mapping)
  return role ? { speaker: role, text: split.text.trim() } : { speaker: 'unknown', text: text.trim() }
}

/** A node of webvtt-parser's cue tree: text, or a tag (`v` carries the voice's name as its value). */
interface Node {
  type: string
  name?: string
  value?: string
  children?: Node[]
}
const textOf = (nodes: readonly Node[]): string =>
  nodes.map((n) => (n.type === 'text' ? (n.value ?? '') : n.children ? textOf(n.children) : '')).join('')
const voiceOf = (nodes: readonly Node[]): string | null => {
  for (const n of nodes) {
    if (n.type === 'object' && n.name === 'v') return n.value?.trim() || null
    if (n.children) {
      const v = voiceOf(n.children)
      if (v) return v
    }
  }
  return null
}

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)/

/** WebVTT, and SRT rewritten as WebVTT (the same lines: SRT's header-less start gets a header on line 0). */
function parseCues(
  text: string,
  file: string,
  format: 'vtt' | 'srt',
  mapping: TranscriptMapping,
): { transcripts: LinedTranscript[]; errors: TranscriptError[] } {
  const lines = text.split(/\r\n|\r|\n/)
  // SRT gets a header and its blank line in front: the parser's line numbers are two ahead.
  const shift = format === 'srt' ? 2 : 0
  const source =
    format === 'srt'
      ? [
          'WEBVTT',
          '',
          ...lines.map((l) => (TIMING.test(l) ? l.replace(/(\d),(\d{1,3})\b/g, '$1.$2') : l)),
        ].join('\n')
      : lines.join('\n')
  const parsed = new webvtt.WebVTTParser().parse(source, 'metadata')
  const errors: TranscriptError[] = []
  for (const e of parsed.errors) {
    const line = e.line - shift
    // SRT has no blank line rule for its header; the parser's header complaint is ours to ignore.
    if (format === 'srt' && line < 1) continue
    if (/End timestamp is not greater than start timestamp/i.test(e.message))
      errors.push(transcriptError(file, line, 'end-before-start', undefined, lines[line - 1]))
    else
      errors.push(
        transcriptError(
          file,
          line,
          /timestamp/i.test(e.message) ? 'bad-time' : 'syntax',
          e.message,
          lines[line - 1],
        ),
      )
  }
  // The timing line of each cue, in order (the parser keeps cues in file order).
  const timingLines: { line: number; start: number }[] = []
  lines.forEach((l, i) => {
    const m = TIMING.exec(l)
    if (m) timingLines.push({ line: i + 1, start: parseOffset(m[1]!) })
  })
  const ref = fromFileName(file, mapping)
  const segments: TranscriptSegment[] = []
  const segmentLines: number[] = []
  let next = 0
  for (const cue of parsed.cues) {
    while (next < timingLines.length - 1 && Math.abs(timingLines[next]!.start - cue.startTime) > 0.0005)
      next++
    const line = timingLines[next]?.line ?? 1
    next++
    const nodes = (cue.tree as { children: Node[] }).children
    const s = segmentOf(textOf(nodes), voiceOf(nodes), mapping)
    if (!s.text) continue
    segments.push({ ...s, start: cue.startTime, end: cue.endTime })
    segmentLines.push(line)
  }
  return { transcripts: build(file, format, ref, segments, segmentLines, 1, errors), errors }
}

function build(
  file: string,
  format: TranscriptFormat,
  ref: { callId: string | null; agent: string | null; startedAt: string | null },
  segments: TranscriptSegment[],
  segmentLines: number[],
  line: number,
  errors: TranscriptError[],
): LinedTranscript[] {
  const key = keyOf(ref)
  if (!key) {
    errors.push(transcriptError(file, line, 'no-call-reference'))
    return []
  }
  if (!segments.length) {
    errors.push(transcriptError(file, line, 'no-segments'))
    return []
  }
  return [{ key, ...ref, format, segments, segmentLines, line }]
}

const jsonSegment = z.object({
  start: z.number().finite().nonnegative(),
  end: z.number().finite().nonnegative(),
  text: z.string(),
  speaker: z.string().max(60).nullish(),
})
const jsonTranscript = z.object({
  call_id: z.string().min(1).max(100).nullish(),
  callId: z.string().min(1).max(100).nullish(),
  agent: z.string().min(1).max(100).nullish(),
  started_at: z.string().max(40).nullish(),
  startedAt: z.string().max(40).nullish(),
  segments: z.array(jsonSegment),
})

/** The line of the n-th `"start"` key: JSON.parse keeps no positions, and a segment's line is what a person needs. */
function segmentLineFinder(text: string): (n: number) => number {
  const starts: number[] = []
  const re = /"start"\s*:/g
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index)
  let lineOf: number[] | null = null
  return (n) => {
    const at = starts[n]
    if (at === undefined) return 1
    if (!lineOf) {
      lineOf = []
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineOf.push(i)
    }
    return lowerBound(lineOf, at, (i) => i) + 1
  }
}

function parseJson(
  text: string,
  file: string,
  mapping: TranscriptMapping,
): { transcripts: LinedTranscript[]; errors: TranscriptError[] } {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message)
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : null
    return { transcripts: [], errors: [transcriptError(file, line, 'syntax', 'JSON')] }
  }
  const r = jsonTranscript.safeParse(Array.isArray(raw) ? { segments: raw } : raw)
  const lineOfSegment = segmentLineFinder(text)
  if (!r.success) {
    return {
      transcripts: [],
      errors: r.error.issues.map((i) => {
        const seg = i.path[0] === 'segments' && typeof i.path[1] === 'number' ? i.path[1] : null
        const key = String(i.path[i.path.length - 1] ?? '')
        const code = key === 'start' || key === 'end' ? 'bad-time' : 'syntax'
        return transcriptError(
          file,
          seg === null ? 1 : lineOfSegment(seg),
          code,
          `${i.path.join('.')}: ${i.message}`,
        )
      }),
    }
  }
  const d = r.data
  const named = fromFileName(file, mapping)
  const startedText = d.started_at ?? d.startedAt ?? null
  const errors: TranscriptError[] = []
  const startedAt = startedText ? parseStartedAt(startedText) : named.startedAt
  if (startedText && !startedAt) errors.push(transcriptError(file, 1, 'bad-time', 'started_at', startedText))
  const ref = {
    callId: d.call_id ?? d.callId ?? (d.agent ? null : named.callId),
    agent: d.agent ?? named.agent,
    startedAt,
  }
  const segments: TranscriptSegment[] = []
  const segmentLines: number[] = []
  d.segments.forEach((s, i) => {
    const seg = segmentOf(s.text, s.speaker, mapping)
    if (!seg.text) return
    segments.push({ ...seg, start: s.start, end: s.end })
    segmentLines.push(lineOfSegment(i))
  })
  return { transcripts: build(file, 'json', ref, segments, segmentLines, 1, errors), errors }
}

/** CSV: one row per turn; rows of one call (same call id, or same agent and start) may be anywhere in the file. */
function parseCsvTranscripts(
  text: string,
  file: string,
  mapping: TranscriptMapping,
): { transcripts: LinedTranscript[]; errors: TranscriptError[] } {
  const errors: TranscriptError[] = []
  const delimiter = text.split(/\r?\n/, 1)[0]!.includes('\t') ? '\t' : ','
  let rows: { record: Record<string, string>; info: { lines: number } }[]
  try {
    rows = parseCsv(text, {
      columns: true,
      skip_empty_lines: true,
      info: true,
      delimiter,
      trim: true,
    })
  } catch (e) {
    return {
      transcripts: [],
      errors: [transcriptError(file, (e as { lines?: number }).lines ?? null, 'syntax', 'CSV')],
    }
  }
  const c = mapping.csv
  const header = text
    .split(/\r?\n/, 1)[0]!
    .split(delimiter)
    .map((h) => h.trim().replace(/^"|"$/g, ''))
  const missing = [c.speaker, c.start, c.end, c.text].filter((h) => !header.includes(h))
  if (!header.includes(c.callId) && !(header.includes(c.agent) && header.includes(c.startedAt)))
    missing.unshift(c.callId)
  if (missing.length)
    return {
      transcripts: [],
      errors: [transcriptError(file, 1, 'missing-value', `列がありません: ${missing.join(', ')}`)],
    }
  const byKey = new Map<string, LinedTranscript>()
  for (const { record, info } of rows) {
    const line = info.lines
    const ref = {
      callId: record[c.callId] || null,
      agent: record[c.agent] || null,
      startedAt: null as string | null,
    }
    if (record[c.startedAt]) {
      ref.startedAt = parseStartedAt(record[c.startedAt]!)
      if (!ref.startedAt)
        errors.push(transcriptError(file, line, 'bad-time', c.startedAt, record[c.startedAt]))
    }
    const key = keyOf(ref)
    if (!key) {
      errors.push(transcriptError(file, line, 'no-call-reference'))
      continue
    }
    const start = parseOffset(record[c.start] ?? '')
    const end = parseOffset(record[c.end] ?? '')
    if (Number.isNaN(start)) errors.push(transcriptError(file, line, 'bad-time', c.start, record[c.start]))
    if (Number.isNaN(end)) errors.push(transcriptError(file, line, 'bad-time', c.end, record[c.end]))
    const seg = segmentOf(record[c.text] ?? '', record[c.speaker] || null, mapping)
    if (!seg.text) errors.push(transcriptError(file, line, 'missing-value', c.text))
    if (Number.isNaN(start) || Number.isNaN(end) || !seg.text) continue
    let t = byKey.get(key)
    if (!t) {
      t = { key, ...ref, format: 'csv', segments: [], segmentLines: [], line }
      byKey.set(key, t)
    }
    t.segments.push({ ...seg, start, end })
    t.segmentLines.push(line)
  }
  return { transcripts: [...byKey.values()], errors }
}

/**
 * A cue's end before its start, and overlapping cues of one speaker (a cue starting before the
 * same speaker's previous one ended; the two sides talking at once is normal on a call). Cues of
 * an unknown speaker are checked against every earlier cue of unknown speaker.
 */
export function checkSegments(t: LinedTranscript, file: string): TranscriptError[] {
  const errors: TranscriptError[] = []
  const lastEnd = new Map<Speaker, { end: number; line: number }>()
  t.segments.forEach((s, i) => {
    const line = t.segmentLines[i] ?? null
    // The cue parser reports its own end-before-start; JSON and CSV are checked here.
    if (s.end < s.start && (t.format === 'json' || t.format === 'csv'))
      errors.push(transcriptError(file, line, 'end-before-start', `${s.start} → ${s.end}`))
    const prev = lastEnd.get(s.speaker)
    if (prev && s.start < prev.end - 1e-6)
      errors.push(
        transcriptError(
          file,
          line,
          'overlap',
          `${prev.line} 行目の発話は ${prev.end} 秒まで、この発話は ${s.start} 秒から`,
        ),
      )
    if (!prev || s.end > prev.end) lastEnd.set(s.speaker, { end: s.end, line: line ?? 0 })
  })
  return errors
}

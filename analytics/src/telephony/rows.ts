/**
 * Turns decoded CSV rows into TelephonyRecords through a mapping, collecting every problem with its
 * line and column. Pure: the node-side parser (parse.node.ts) feeds it; anything else that has rows
 * (a spreadsheet upload, a test) can too.
 */
import type { TelephonyRecord } from '../records'
import { telephonyError, type TelephonyImportError } from './errors'
import { TELEPHONY_FIELDS, type TelephonyField, type TelephonyMapping } from './mapping'
import { compileTimestampParser } from './timestamp'

export type EncodingTrouble = 'invalid-bytes' | 'unknown-encoding'

export interface TelephonyRowReader {
  /** Reads the header row; returns false (after adding errors) when mapped columns are missing. */
  header(cells: readonly string[], line: number): boolean
  /** Reads one data row: the record, or null after adding its errors (always null when build is false: validation only). */
  row(cells: readonly string[], line: number, build?: boolean): TelephonyRecord | null
  /** Adds an error found outside the reader (CSV syntax, no header). */
  add(error: TelephonyImportError): void
  /** Sets what a U+FFFD in a cell means (the decoder's finding). */
  setEncodingTrouble(kind: EncodingTrouble): void
  readonly errors: TelephonyImportError[]
  /** Errors found, even beyond maxErrors. */
  errorCount(): number
  /** Data rows read. */
  rows(): number
  /** The call-id cell of the row read last (null when empty or unmapped), good row or bad. */
  lastCallId(): string | null
}

export interface TelephonyRowReaderOptions {
  /** Keep at most this many errors (all are counted). */
  maxErrors?: number
  /**
   * 'reader' (default): duplicate call ids are found here and a PBX without ids gets its stable ids
   * here, from maps that hold every id of the file. 'caller': the caller does both (e.g. in a database
   * staging table, so memory does not grow with the file): no 'duplicate-call-id' errors come from
   * the reader, and a record without a call id has callId '' — the caller numbers it
   * `${queue}@${offeredAt}`, with `#n` from the second record of that queue and instant on.
   */
  ids?: 'reader' | 'caller'
}

const norm = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .trim()
const ISO = (ms: number) => new Date(ms).toISOString()

export function createTelephonyRowReader(
  mapping: TelephonyMapping,
  options: TelephonyRowReaderOptions = {},
): TelephonyRowReader {
  const maxErrors = options.maxErrors ?? Number.POSITIVE_INFINITY
  const idsHere = (options.ids ?? 'reader') === 'reader'
  let lastId: string | null = null
  const errors: TelephonyImportError[] = []
  let count = 0
  let rows = 0
  let trouble: EncodingTrouble = 'invalid-bytes'
  const push = (e: TelephonyImportError) => {
    count++
    if (errors.length < maxErrors) errors.push(e)
  }
  const parseTime = compileTimestampParser(mapping.timestamps.format, mapping.timestamps.timeZone)
  const nulls = new Set(mapping.nullValues.map((v) => v.trim()))
  const index = new Map<TelephonyField, number>()
  let headers: string[] = []
  let width = 0
  let usable = true
  const seenIds = new Map<string, number>()
  const synthetic = new Map<string, number>()
  const mapped = TELEPHONY_FIELDS.filter((f) => mapping.columns[f] !== undefined)

  // Column positions of the mapped fields (-1: not mapped), set by header().
  const at = {
    callId: -1,
    queue: -1,
    offeredAt: -1,
    answeredAt: -1,
    abandonedAt: -1,
    endedAt: -1,
    agent: -1,
    wrapUpEndedAt: -1,
    caller: -1,
  }

  function header(headerCells: readonly string[], headerLine: number): boolean {
    const cells = headerCells
    const line = headerLine
    headers = cells.map((c) => c.replace(/^\uFEFF/, '').trim())
    width = cells.length
    const positions = new Map<string, number[]>()
    headers.forEach((h, i) => {
      const k = norm(h)
      positions.set(k, [...(positions.get(k) ?? []), i])
    })
    for (let i = 0; i < headers.length; i++)
      if (headers[i]!.includes('\uFFFD'))
        push(telephonyError(trouble, line, headers[i]!, null, undefined, headers[i]))
    for (const field of mapped) {
      const name = mapping.columns[field]!
      const found = positions.get(norm(name))
      if (!found) {
        usable = false
        push(
          telephonyError(
            'missing-column',
            line,
            name,
            field,
            `見出し行: ${headers.join(', ').slice(0, 200)}`,
          ),
        )
      } else {
        if (found.length > 1)
          push(telephonyError('duplicate-column', line, name, field, `${found.length} 列`))
        index.set(field, found[0]!)
        at[field] = found[0]!
      }
    }
    return usable
  }

  const col = (f: TelephonyField) => mapping.columns[f] ?? null
  let cells: readonly string[] = []
  let line = 0

  /** The trimmed cell of a field, null when unmapped or a null value. */
  function cell(f: TelephonyField): string | null {
    const i = at[f]
    if (i < 0) return null
    const v = cells[i]!.trim()
    return nulls.has(v) ? null : v
  }
  /** A time field: null when empty, NaN (after an error) when unreadable. */
  function time(f: TelephonyField): number | null {
    const v = cell(f)
    if (v === null) return null
    const t = parseTime(v)
    if (Number.isNaN(t))
      push(telephonyError('bad-time', line, col(f), f, `形式 ${mapping.timestamps.format}`, v))
    return t
  }
  const ok = (t: number | null): t is number => t !== null && !Number.isNaN(t)
  const fail = (code: Parameters<typeof telephonyError>[0], f: TelephonyField) =>
    push(telephonyError(code, line, col(f), f, undefined, cell(f) ?? ''))

  function row(rowCells: readonly string[], rowLine: number, build = true): TelephonyRecord | null {
    rows++
    cells = rowCells
    line = rowLine
    const before = count
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.includes('\uFFFD'))
        push(telephonyError(trouble, line, headers[i] ?? `${i + 1}列目`, fieldAt(i), undefined, cells[i]))
    }
    lastId = null
    if (cells.length !== width) {
      push(telephonyError('column-count', line, null, null, `見出し ${width} 列、この行 ${cells.length} 列`))
      return null
    }
    if (!usable) return null
    let callId = cell('callId')
    lastId = callId
    if (at.callId >= 0 && callId === null)
      push(telephonyError('missing-value', line, col('callId'), 'callId'))
    const queue = cell('queue') ?? mapping.defaultQueue
    const offered = time('offeredAt')
    if (offered === null) push(telephonyError('missing-value', line, col('offeredAt'), 'offeredAt'))
    const answered = time('answeredAt')
    const abandoned = time('abandonedAt')
    const ended = time('endedAt')
    const wrapUp = time('wrapUpEndedAt')
    if (ok(offered)) {
      if (ok(answered) && answered < offered) fail('answer-before-offer', 'answeredAt')
      if (ok(abandoned) && abandoned < offered) fail('abandon-before-offer', 'abandonedAt')
      if (ok(ended) && answered === null && ended < offered) fail('end-before-offer', 'endedAt')
    }
    if (answered !== null && abandoned !== null) fail('answered-and-abandoned', 'abandonedAt')
    if (ok(answered) && ok(ended) && ended < answered) fail('end-before-answer', 'endedAt')
    const callEnd = ok(ended) ? ended : answered
    if (ok(wrapUp) && ok(callEnd) && wrapUp < callEnd) fail('wrap-up-before-end', 'wrapUpEndedAt')

    if (callId !== null && idsHere) {
      const first = seenIds.get(callId)
      if (first !== undefined)
        push(
          telephonyError('duplicate-call-id', line, col('callId'), 'callId', `${first} 行目と同じ`, callId),
        )
      else seenIds.set(callId, line)
    }
    if (count !== before || !ok(offered) || !build) return null
    if (callId === null && !idsHere) callId = ''
    else if (callId === null) {
      // No call id from this PBX: a stable one from queue and offer time (and its occurrence), so the
      // same file imported twice gives the same ids.
      const base = `${queue}@${ISO(offered)}`
      const n = (synthetic.get(base) ?? 0) + 1
      synthetic.set(base, n)
      callId = n === 1 ? base : `${base}#${n}`
    }
    return {
      callId,
      queue,
      offeredAt: ISO(offered),
      answeredAt: ok(answered) ? ISO(answered) : null,
      abandonedAt: ok(abandoned) ? ISO(abandoned) : null,
      endedAt: ok(ended) ? ISO(ended) : null,
      agent: cell('agent'),
      wrapUpEndedAt: ok(wrapUp) ? ISO(wrapUp) : null,
      ...(at.caller >= 0 ? { callerNumber: cell('caller') } : {}),
    }
  }

  function fieldAt(i: number): TelephonyField | null {
    for (const [f, at] of index) if (at === i) return f
    return null
  }

  return {
    header,
    row,
    add: push,
    setEncodingTrouble: (kind) => {
      trouble = kind
    },
    errors,
    errorCount: () => count,
    rows: () => rows,
    lastCallId: () => lastId,
  }
}

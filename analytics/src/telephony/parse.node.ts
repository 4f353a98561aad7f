/**
 * Reads a PBX call-detail CSV through a mapping, streaming: bytes → CsvDecoder → quote-free lines
 * split by plainLines.ts, csv-parse from the first other line on → the row reader. All or nothing:
 * any bad row (or bad mapping, unknown encoding, missing column) gives `{ ok: false, errors }`
 * listing every problem with its line and column, and no records.
 *
 *  - parseTelephonyCsv: one pass, records returned in memory (fine for a month of a city's calls).
 *  - importTelephonyCsv: flat memory for any size: a validating pass that keeps nothing but the
 *    call ids seen, then, only if it found nothing wrong, a second pass that hands records to a
 *    callback in batches (it opens the source twice); or one pass inside the caller's transaction.
 *  - validateTelephonyCsv: the first pass alone.
 *  - readTelephonyCsv: one pass that hands every row (good or bad) to a callback, for an importer that
 *    stages rows in its database and checks call ids there (memory flat for any file size).
 */
import { once } from 'node:events'

import { parse } from 'csv-parse'

import type { TelephonyRecord } from '../records'
import { CsvDecoder, type DetectedEncoding } from './decode.node.ts'
import { telephonyError, type TelephonyImportError } from './errors'
import { parseTelephonyMapping, type TelephonyMapping } from './mapping'
import { createPlainLineSplitter, type PlainLineSplitter } from './plainLines'
import { createTelephonyRowReader } from './rows'

/** Bytes (a Node Readable, any async iterable of chunks, a Buffer) or already-decoded text. */
export type TelephonyCsvSource = AsyncIterable<Uint8Array | string> | Uint8Array | string

export interface TelephonyCsvOptions {
  /** Keep at most this many errors (all are counted in errorCount). Default: all. */
  maxErrors?: number
}

export type TelephonyFailure = {
  ok: false
  errors: TelephonyImportError[]
  /** Errors found, including any beyond maxErrors. */
  errorCount: number
  rows: number
  encoding: DetectedEncoding | null
}
export type TelephonyParseResult =
  | { ok: true; records: TelephonyRecord[]; rows: number; encoding: DetectedEncoding }
  | TelephonyFailure
export type TelephonyValidateResult =
  | { ok: true; rows: number; encoding: DetectedEncoding }
  | TelephonyFailure
export type TelephonyImportResult =
  | { ok: true; count: number; encoding: DetectedEncoding }
  | (TelephonyFailure & { delivered?: number })

/** `mapping` may be the validated mapping or raw JSON (object or text); a bad one fails like a bad file. */
export type MappingArgument = TelephonyMapping | unknown

async function* chunksOf(source: TelephonyCsvSource): AsyncGenerator<Uint8Array | string> {
  if (typeof source === 'string') yield source
  else if (source instanceof Uint8Array)
    for (let i = 0; i < source.length; i += 1 << 16) yield source.subarray(i, i + (1 << 16))
  else yield* source
}

function countNewlines(cells: readonly string[]): number {
  let n = 0
  for (const c of cells)
    if (c.includes('\n')) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) n++
  return n
}

interface Scan {
  errors: TelephonyImportError[]
  errorCount: number
  rows: number
  encoding: DetectedEncoding | null
}

/** Every data row: its record (null when the row has errors, or when only validating), line and call-id cell. */
type RowCallback = (
  record: TelephonyRecord | null,
  line: number,
  callId: string | null,
) => void | Promise<void>

async function scan(
  source: TelephonyCsvSource,
  mappingArg: MappingArgument,
  onRecord: ((record: TelephonyRecord) => void | Promise<void>) | null,
  options: TelephonyCsvOptions & {
    onFirstError?: () => void
    onRow?: RowCallback
    ids?: 'reader' | 'caller'
  },
): Promise<Scan> {
  const parsed = parseTelephonyMapping(mappingArg)
  if (!parsed.ok) {
    const errors = parsed.problems.map((p) => telephonyError('bad-mapping', null, null, null, p))
    return { errors, errorCount: errors.length, rows: 0, encoding: null }
  }
  const mapping = parsed.mapping
  const reader = createTelephonyRowReader(mapping, { maxErrors: options.maxErrors, ids: options.ids })
  const onRow = options.onRow
  const decoder = new CsvDecoder(mapping.encoding)
  // Records (cells and the line they end on) wait here until `take` hands them on. Quote-free lines
  // are split by plainLines.ts; from the first other line on, csv-parse's on_record hook fills them,
  // in the same call that parses a chunk, and keeps them out of its object-mode stream (null): a
  // million records through that stream and an async iterator cost more than parsing (decision 0052).
  const parsedRecords: string[][] = []
  const parsedLines: number[] = []
  let plain: PlainLineSplitter | null = createPlainLineSplitter(mapping.delimiter, (cells, line) => {
    parsedRecords.push(cells)
    parsedLines.push(line)
  })
  const parser = parse({
    delimiter: mapping.delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: string[], context: { lines: number }) => {
      parsedRecords.push(record)
      parsedLines.push(context.lines)
      return null
    },
  })
  let syntaxLine: number | null | undefined
  parser.on('skip', (err: Error & { lines?: number }) => {
    // One syntax error per line: csv-parse may raise a second one while it recovers.
    const line = err.lines ?? null
    if (line !== syntaxLine) reader.add(telephonyError('csv-syntax', line, null, null, err.message))
    syntaxLine = line
  })
  // Nothing is read from the parser's readable side: it only ever ends. A failure of the parser
  // itself (not a bad row: those are skipped above) rejects the pending drain or finish.
  parser.resume()
  let failed: Error | null = null
  parser.on('error', (e: Error) => (failed = e))

  let header = true
  /** Hands the records parsed so far to the reader and the callbacks, in file order. */
  const take = async () => {
    for (let i = 0; i < parsedRecords.length; i++) {
      const record = parsedRecords[i]!
      if (decoder.encoding === 'unknown') reader.setEncodingTrouble('unknown-encoding')
      const line = parsedLines[i]! - countNewlines(record)
      if (header) {
        header = false
        reader.header(record, line)
        continue
      }
      const r = reader.row(record, line, onRecord !== null || onRow !== undefined)
      if (options.onFirstError && reader.errorCount() > 0) {
        options.onFirstError()
        options = { ...options, onFirstError: undefined }
      }
      if (r && onRecord) await onRecord(r)
      if (onRow) {
        const pending = onRow(r, line, reader.lastCallId())
        if (pending) await pending
      }
    }
    parsedRecords.length = 0
    parsedLines.length = 0
  }
  const write = async (text: string | null) => {
    if (plain && text) {
      const rest = plain.push(text)
      if (rest === null) return take()
      plain = null
      text = rest
    }
    if (!text) return
    if (!parser.write(text) && !failed) await once(parser, 'drain')
    if (failed) throw failed
    await take()
  }

  let first = true
  for await (const chunk of chunksOf(source)) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk)
    if (first && typeof chunk === 'string') text = text.replace(/^\uFEFF/, '')
    first = false
    await write(text)
  }
  await write(decoder.end())
  if (plain) {
    const rest = plain.end()
    plain = null
    await write(rest)
    await take()
  }
  const finished = once(parser, 'finish')
  parser.end()
  await finished
  if (failed) throw failed
  await take()
  if (header) reader.add(telephonyError('no-header', null, null, null))
  const errors = [...reader.errors]
  let errorCount = reader.errorCount()
  if (decoder.encoding === 'unknown') {
    errors.unshift(
      telephonyError(
        'unknown-encoding',
        null,
        null,
        null,
        'UTF-8（BOM あり・なし）か Shift_JIS で保存し直してください',
      ),
    )
    errorCount++
  }
  // In file order (csv-parse reports syntax errors before the rows around them); file-level first.
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  return { errors, errorCount, rows: reader.rows(), encoding: decoder.encoding }
}

const failure = (s: Scan): TelephonyFailure => ({
  ok: false,
  errors: s.errors,
  errorCount: s.errorCount,
  rows: s.rows,
  encoding: s.encoding,
})

/** Parses and validates a whole CSV; records only when every row is good. */
export async function parseTelephonyCsv(
  source: TelephonyCsvSource,
  mapping: MappingArgument,
  options: TelephonyCsvOptions = {},
): Promise<TelephonyParseResult> {
  const records: TelephonyRecord[] = []
  const s = await scan(source, mapping, (r) => void records.push(r), options)
  return s.errorCount > 0 ? failure(s) : { ok: true, records, rows: s.rows, encoding: s.encoding ?? 'utf-8' }
}

/** Validates a CSV without keeping records. */
export async function validateTelephonyCsv(
  source: TelephonyCsvSource,
  mapping: MappingArgument,
  options: TelephonyCsvOptions = {},
): Promise<TelephonyValidateResult> {
  const s = await scan(source, mapping, null, options)
  return s.errorCount > 0 ? failure(s) : { ok: true, rows: s.rows, encoding: s.encoding ?? 'utf-8' }
}

export type TelephonyReadResult = { ok: true; rows: number; encoding: DetectedEncoding } | TelephonyFailure

/**
 * One pass for a staged import, in flat memory: `onRow` gets every data row in file order — its record
 * (null when the row has errors), its line and its call-id cell — and may stage them (awaited when it
 * returns a promise). With `ids: 'caller'` (the default here) the caller finds duplicate call ids and
 * numbers the ids of a PBX without them (see TelephonyRowReaderOptions), so nothing here grows with
 * the file. The result lists every error the reader found; `ok` only for a file with none.
 */
export async function readTelephonyCsv(
  source: TelephonyCsvSource,
  mapping: MappingArgument,
  onRow: RowCallback,
  options: TelephonyCsvOptions & { ids?: 'reader' | 'caller' } = {},
): Promise<TelephonyReadResult> {
  const s = await scan(source, mapping, null, { ...options, onRow, ids: options.ids ?? 'caller' })
  return s.errorCount > 0 ? failure(s) : { ok: true, rows: s.rows, encoding: s.encoding ?? 'utf-8' }
}

/**
 * Flat-memory import, handing records to `onBatch` in batches of `batchSize` (default 1000).
 *
 * validateFirst (default): reads the whole file once to validate it (first `open()`), and only when
 * it is clean reads it again (second `open()`) to hand the records over: `onBatch` is never called
 * for a bad file. Should the file change between the passes and the second pass find errors, it
 * throws after the batches already handed over.
 *
 * validateFirst: false — one pass, for callers that write inside a transaction: batches are handed
 * over while the file is read and stop at the first bad row; the result is then `ok: false` with every
 * error in the file and `delivered` records already handed over, which the caller must roll back.
 */
export async function importTelephonyCsv(
  open: () => TelephonyCsvSource | Promise<TelephonyCsvSource>,
  mapping: MappingArgument,
  onBatch: (records: TelephonyRecord[]) => void | Promise<void>,
  options: TelephonyCsvOptions & { batchSize?: number; validateFirst?: boolean } = {},
): Promise<TelephonyImportResult> {
  const size = options.batchSize ?? 1000
  const validateFirst = options.validateFirst ?? true
  if (validateFirst) {
    const check = await scan(await open(), mapping, null, options)
    if (check.errorCount > 0) return failure(check)
  }
  let batch: TelephonyRecord[] = []
  let count = 0
  let delivered = 0
  let clean = true
  const flush = async () => {
    const full = batch
    batch = []
    delivered += full.length
    await onBatch(full)
  }
  const result = await scan(
    await open(),
    mapping,
    async (r) => {
      count++
      if (!clean) return
      batch.push(r)
      if (batch.length >= size) await flush()
    },
    {
      ...options,
      onFirstError: () => {
        clean = false
      },
    },
  )
  if (result.errorCount > 0) {
    if (validateFirst)
      throw new Error(
        `the telephony CSV changed between validation and import: ${result.errorCount} errors on the second pass`,
      )
    return { ...failure(result), delivered }
  }
  if (batch.length) await flush()
  return { ok: true, count, encoding: result.encoding ?? 'utf-8' }
}

/**
 * The inquiry log as file bytes, a page of calls at a time, into a Node stream.
 * CSV: the FAQ CSV's rules (decision 0010) through the same helpers — the one CSV writer (CRLF,
 * quoting, the `'` formula guard), one record per line (a line break in a summary is written `\n`),
 * list cells joined by `;`, 機種依存文字 folded, UTF-8 with a BOM or Shift_JIS (cp932).
 * XLSX: exceljs's streaming writer (rows committed as they are written), text as text cells (a
 * spreadsheet never runs a text cell), instants as date cells showing the Japan time.
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'

import {
  encodeChunk,
  encodeListCell,
  encodeCell,
  filePreamble,
  foldMachineDependent,
  REPLACEMENT_CHAR,
} from '@kotae/content/csv/index'
import { csvText } from '@kotae/content/csv/text'
import { JST_OFFSET_MS } from '@kotae/analytics'
import ExcelJS from 'exceljs'

import { CALLS_EXPORT_COLUMNS, CALLS_EXPORT_HEADER, type CallsExportRow } from './columns'
import type { CallsExportFormat } from './options'

export type CallsExportResult = {
  rows: number
  /** Cells with a character that has no Shift_JIS-safe stand-in, written as 〓 (CSV only). */
  replacedCells: number
}

const pad = (n: number) => String(n).padStart(2, '0')
/** An instant as the Japan time 'YYYY-MM-DD HH:MM:SS'. */
function jstDateTime(ms: number): string {
  const d = new Date(ms + JST_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** One row's CSV cells (before the writer's formula guard), counting cells that lost a character. */
function csvCells(row: CallsExportRow, lost: { cells: number }): string[] {
  const fold = (v: string) => foldMachineDependent(v).text
  return CALLS_EXPORT_COLUMNS.map((column) => {
    const value = row[column.key]
    let cell: string
    if (value === null) cell = ''
    else if (column.kind === 'datetime') cell = jstDateTime(value as number)
    else if (column.kind === 'number') cell = String(value)
    else if (Array.isArray(value)) cell = encodeListCell(value.map(fold))
    else cell = encodeCell(fold(String(value)))
    if (cell.includes(REPLACEMENT_CHAR) && !String(value).includes(REPLACEMENT_CHAR)) lost.cells++
    return cell
  })
}

async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}

async function writeCsv(
  pages: AsyncIterable<CallsExportRow[]>,
  encoding: 'utf8' | 'shift_jis',
  out: Writable,
): Promise<CallsExportResult> {
  const lost = { cells: 0 }
  let rows = 0
  await write(
    out,
    Buffer.concat([filePreamble(encoding), encodeChunk(csvText([CALLS_EXPORT_HEADER]), encoding)]),
  )
  for await (const page of pages) {
    await write(out, encodeChunk(csvText(page.map((r) => csvCells(r, lost))), encoding))
    rows += page.length
  }
  out.end()
  await finished(out)
  return { rows, replacedCells: lost.cells }
}

/** An instant as a date cell: Excel's dates have no zone, so the cell holds the Japan wall time. */
const jstCellDate = (ms: number) => new Date(ms + JST_OFFSET_MS)

async function writeXlsx(pages: AsyncIterable<CallsExportRow[]>, out: Writable): Promise<CallsExportResult> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'Kotae'
  const ws = wb.addWorksheet('対応履歴', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = CALLS_EXPORT_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: c.kind === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
  }))
  const head = ws.addRow([...CALLS_EXPORT_HEADER])
  head.font = { bold: true }
  head.commit()
  let rows = 0
  for await (const page of pages) {
    for (const row of page) {
      ws.addRow(
        CALLS_EXPORT_COLUMNS.map((column) => {
          const value = row[column.key]
          if (value === null) return null
          if (column.kind === 'datetime') return jstCellDate(value as number)
          if (Array.isArray(value)) return value.join('; ')
          return value
        }),
      ).commit()
    }
    rows += page.length
  }
  ws.commit()
  await wb.commit()
  await finished(out)
  return { rows, replacedCells: 0 }
}

/** Writes the export into `out` and ends it. */
export function writeCallsExport(
  pages: AsyncIterable<CallsExportRow[]>,
  format: CallsExportFormat,
  encoding: 'utf8' | 'shift_jis',
  out: Writable,
): Promise<CallsExportResult> {
  return format === 'csv' ? writeCsv(pages, encoding, out) : writeXlsx(pages, out)
}

export const CALLS_EXPORT_CONTENT_TYPES: Record<CallsExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

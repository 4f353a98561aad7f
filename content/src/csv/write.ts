/**
 * Writing a FAQ CSV: records → bytes, through the one CSV writer (text.ts: CRLF, quoting, the
 * formula guard); every value is folded free of 機種依存文字 and escaped so that each record is
 * one line.
 */

import {
  AUDIENCE_LABELS,
  EXCEL_CELL_MAX,
  FAQ_CSV_HEADER,
  NO,
  STATUS_LABELS,
  YES,
  type FaqCsvColumn,
  type FaqCsvRecord,
} from './columns'
import { encodeText, type CsvEncoding } from './encoding'
import { encodeCell, encodeListCell } from './escape'
import { foldMachineDependent, REPLACEMENT_CHAR } from './machineDependent'
import { msg } from './messages'
import type { CsvProblem } from './problems'
import { csvText } from './text'

export type WriteResult = {
  bytes: Buffer
  /** Characters that had no safe stand-in (written as 〓) and cells too long for Excel; by line and column. */
  warnings: CsvProblem[]
}

/** The record's values by column, before folding and escaping. */
const valuesOf = (r: FaqCsvRecord): Record<FaqCsvColumn, string | string[]> => ({
  全国地方公共団体コード: r.localGovernmentCode,
  ID: r.id,
  地方公共団体名: r.cityName,
  質問: r.question,
  言い換え: r.alternatives,
  短い回答: r.shortAnswer,
  回答: r.answer,
  カテゴリ: r.category,
  出典: r.sources,
  確認期限: r.reviewBy,
  状態: STATUS_LABELS[r.status],
  公開範囲: AUDIENCE_LABELS[r.audience],
  言語: r.locale,
  翻訳元ID: r.translationOf ?? '',
  関連FAQ: r.related,
  要確認: r.needsReview ? YES : NO,
})

/**
 * One record as the cells of its line (folded and escaped, before the formula guard), with the
 * warnings for it. Also the canonical form an import compares a row with what is stored in: two
 * records that give the same cells give the same line in any export.
 */
export function faqCsvCells(record: FaqCsvRecord, line = 0): { cells: string[]; warnings: CsvProblem[] } {
  const warnings: CsvProblem[] = []
  const values = valuesOf(record)
  const cells = FAQ_CSV_HEADER.map((column) => {
    const value = values[column]
    const lost: string[] = []
    const fold = (v: string) => {
      const { text, folds } = foldMachineDependent(v)
      for (const f of folds) if (f.to === REPLACEMENT_CHAR) lost.push(f.from)
      return text
    }
    const cell = Array.isArray(value) ? encodeListCell(value.map(fold)) : encodeCell(fold(value))
    if (lost.length) warnings.push({ line, column, message: msg.unsafeChar(lost) })
    if (cell.length > EXCEL_CELL_MAX)
      warnings.push({ line, column, message: msg.cellTooLongForExcel(cell.length) })
    return cell
  })
  return { cells, warnings }
}

/** The records as CSV text (header first), with the warnings. */
export function faqCsvText(records: readonly FaqCsvRecord[]): { text: string; warnings: CsvProblem[] } {
  const warnings: CsvProblem[] = []
  const rows: string[][] = [[...FAQ_CSV_HEADER]]
  records.forEach((record, i) => {
    const { cells, warnings: own } = faqCsvCells(record, i + 2)
    rows.push(cells)
    warnings.push(...own)
  })
  return { text: csvText(rows), warnings }
}

/** The records as file bytes: UTF-8 with BOM by default, or Shift_JIS (cp932). */
export function writeFaqCsv(records: readonly FaqCsvRecord[], encoding: CsvEncoding = 'utf8'): WriteResult {
  const { text, warnings } = faqCsvText(records)
  return { bytes: encodeText(text, encoding), warnings }
}

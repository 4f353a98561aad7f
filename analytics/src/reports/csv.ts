/**
 * The report as CSV text: a heading block, then each section as a block under 【見出し】, blank lines
 * between blocks, CRLF line ends (what Excel expects). Numbers are written as Excel shows them in the
 * XLSX: counts whole, rates in % with one decimal (the 単位 column or header says %), seconds and
 * hours with one decimal; a figure that cannot be computed is an empty cell.
 */
import type { Report } from '../kpi/report'
import { buildSections, cellKind, formatCell, reportHeading, type RenderOptions } from './sections'

/** Quotes a field when needed; text that a spreadsheet would run as a formula gets a leading '. */
export function csvField(value: string): string {
  let v = value
  if (/^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v)) v = `'${v}`
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

const line = (cells: string[]) => cells.map(csvField).join(',')

export function renderCsvText(report: Report, options: RenderOptions = {}): string {
  const h = reportHeading(report, options)
  const out: string[] = [line([h.title]), line(['対象期間', h.period]), line(['期間', h.dates])]
  if (h.generatedAt) out.push(line(['作成日', h.generatedAt]))
  for (const note of h.notes) out.push(line(['注記', note]))
  for (const section of buildSections(report, options)) {
    for (const [i, table] of section.tables.entries()) {
      out.push('')
      out.push(line([i === 0 ? `【${section.title}】` : `【${section.title}：${table.title ?? ''}】`]))
      out.push(line(table.columns.map((c) => (c.kind === 'rate' ? `${c.header}（%）` : c.header))))
      table.rows.forEach((row, r) => out.push(line(row.map((v, c) => formatCell(v, cellKind(table, r, c))))))
      if (table.total) out.push(line(table.total.map((v, c) => formatCell(v, table.columns[c]!.kind))))
    }
  }
  return `${out.join('\r\n')}\r\n`
}

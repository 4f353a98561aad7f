/**
 * The report as CSV text: a heading block, then each section as a block under 【見出し】, blank lines
 * between blocks, CRLF line ends (what Excel expects). Numbers are written as Excel shows them in the
 * XLSX: counts whole, rates in % with one decimal (the 単位 column or header says %), seconds and
 * hours with one decimal; a figure that cannot be computed is an empty cell. Quoting and the formula
 * guard are the one CSV writer's (@kotae/content/csv/text).
 */
import { csvText } from '@kotae/content/csv/text'

import type { Report } from '../kpi/report'
import { buildSections, cellKind, formatCell, reportHeading, type RenderOptions } from './sections'

export function renderCsvText(report: Report, options: RenderOptions = {}): string {
  const h = reportHeading(report, options)
  const rows: string[][] = [[h.title], ['対象期間', h.period], ['期間', h.dates]]
  if (h.generatedAt) rows.push(['作成日', h.generatedAt])
  for (const note of h.notes) rows.push(['注記', note])
  for (const section of buildSections(report, options)) {
    for (const [i, table] of section.tables.entries()) {
      rows.push([])
      rows.push([i === 0 ? `【${section.title}】` : `【${section.title}：${table.title ?? ''}】`])
      rows.push(
        table.columns.map((c) =>
          c.kind === 'rate' ? `${c.header}（%）` : c.kind === 'seconds' ? `${c.header}（秒）` : c.header,
        ),
      )
      for (const [r, row] of table.rows.entries())
        rows.push(row.map((v, c) => formatCell(v, cellKind(table, r, c))))
      if (table.total) rows.push(table.total.map((v, c) => formatCell(v, table.columns[c]!.kind)))
    }
  }
  return csvText(rows)
}

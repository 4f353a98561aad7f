/**
 * renderXlsx: the report as an Excel workbook (exceljs), one sheet per section (SECTION_TITLES: 集計ルール,
 * 概要, 時間別, 用件別, FAQ利用, 月別 for a fiscal year, then the annexes) — each print-ready on A4 portrait, fitted to one page wide, the
 * table header repeated on every printed page, page numbers in the footer. Every sheet starts with
 * the title and the period in 和暦 and 西暦. Figures are stored as numbers (rates as fractions shown
 * with %, dates as date cells shown in 和暦), so they can be checked and charted; a figure that cannot be computed is an empty cell.
 */
import ExcelJS from 'exceljs'

import type { Report } from '../kpi/report'
import {
  buildSections,
  cellKind,
  type ColumnKind,
  reportHeading,
  type RenderOptions,
  type Section,
} from './sections'

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  rate: '0.0%',
  seconds: '#,##0.0',
  hours: '#,##0.0',
  number: '#,##0.0',
  // 和暦 (Excel's Japanese calendar, LCID 411): the cell stays a date.
  date: '[$-411]ggge"年"m"月"d"日"',
}

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } }
const box = { top: thin, left: thin, bottom: thin, right: thin }
const headerFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF4' } }
const FONT = '游ゴシック'

export async function renderXlsx(report: Report, options: RenderOptions = {}): Promise<Buffer> {
  const heading = reportHeading(report, options)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kotae'
  wb.title = `${heading.title} ${heading.period}`
  if (options.generatedAt !== undefined) wb.created = wb.modified = new Date(options.generatedAt)
  for (const section of buildSections(report, options)) addSheet(wb, section, heading)
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

function addSheet(wb: ExcelJS.Workbook, section: Section, heading: ReturnType<typeof reportHeading>): void {
  const width = Math.max(...section.tables.map((t) => t.columns.length))
  const ws = wb.addWorksheet(section.title, {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${heading.period} ${section.title}&R&P / &N` },
  })
  ws.columns = Array.from({ length: width }, (_, i) => ({
    width: Math.max(...section.tables.map((t) => t.columns[i]?.width ?? 8)),
  }))

  const text = (values: string[], font: Partial<ExcelJS.Font> = {}) => {
    const row = ws.addRow(values)
    row.font = { name: FONT, ...font }
    return row
  }
  const title = text([`${heading.title}　${heading.period}`], { bold: true, size: 14 })
  ws.mergeCells(title.number, 1, title.number, width)
  text([`対象期間：${heading.dates}`])
  if (heading.generatedAt) text([`作成日：${heading.generatedAt}`])
  for (const note of heading.notes) text([`※ ${note}`], { color: { argb: 'FFB00020' } })
  ws.addRow([])
  text([`【${section.title}】`], { bold: true, size: 12 })

  let printTitle: number | null = null
  for (const table of section.tables) {
    if (table.title) {
      ws.addRow([])
      text([table.title], { bold: true })
    }
    const head = text(
      table.columns.map((c) => c.header),
      { bold: true },
    )
    printTitle ??= head.number
    head.eachCell((cell) => {
      cell.fill = headerFill
      cell.border = box
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    })
    const add = (cells: (string | number | null)[], bold: boolean, kindOf: (c: number) => ColumnKind) => {
      // A date is the epoch ms of a JST midnight; Excel's dates have no zone, so write that calendar day at UTC midnight.
      const values = cells.map((v, c) =>
        kindOf(c) === 'date' && typeof v === 'number' ? new Date(v + 9 * 3_600_000) : v,
      )
      const row = ws.addRow(values)
      row.font = { name: FONT, bold }
      values.forEach((v, c) => {
        const cell = row.getCell(c + 1)
        cell.border = box
        const kind = kindOf(c)
        const fmt = NUMBER_FORMATS[kind]
        if (fmt && (typeof v === 'number' || v instanceof Date)) cell.numFmt = fmt
        cell.alignment =
          kind === 'text' || typeof v === 'string'
            ? { vertical: 'top', wrapText: true }
            : { horizontal: 'right' }
      })
    }
    for (const [r, values] of table.rows.entries()) add(values, false, (c) => cellKind(table, r, c))
    if (table.total) add(table.total, true, (c) => table.columns[c]!.kind)
  }
  if (printTitle !== null) ws.pageSetup.printTitlesRow = `${printTitle}:${printTitle}`
}

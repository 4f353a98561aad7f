import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { computeReport, type Report } from '../src/kpi'
import { renderXlsx } from '../src/reports/index.node.ts'
import { calls, escalations, telephony } from './fixtures/october-2026'

const labels = { categories: { 'card-renewal': 'カードの更新', 'pin-reset': '暗証番号の再設定' } }

async function open(report: Report) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await renderXlsx(report, { labels })) as unknown as ExcelJS.Buffer)
  return wb
}

type Value = string | number | null
/** Rows of a sheet as plain values (empty cells null), 1-based row numbers kept as index + 1. */
function values(ws: ExcelJS.Worksheet): Value[][] {
  const out: Value[][] = []
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const cells: Value[] = []
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value
      cells.push(v === undefined || v === null ? null : (v as string | number))
    }
    out.push(cells)
  }
  return out
}

/** The rows after the header row whose first cell is `first`, up to a blank row. */
function table(
  ws: ExcelJS.Worksheet,
  first: string,
): { header: Value[]; rows: Value[][]; headerRow: number } {
  const all = values(ws)
  const at = all.findIndex((r) => r[0] === first)
  expect(at, `header ${first} in ${ws.name}`).toBeGreaterThan(0)
  const rows: Value[][] = []
  for (let i = at + 1; i < all.length && all[i]!.some((v) => v !== null); i++) rows.push(all[i]!)
  return { header: all[at]!, rows, headerRow: at + 1 }
}

describe('renderXlsx, re-opened with exceljs', async () => {
  const report = computeReport({
    period: { kind: 'month', year: 2026, month: 10 },
    calls,
    telephony,
    escalations,
  })
  const wb = await open(report)

  it('has a sheet per section, each print-ready on A4 with the title in 和暦 and 西暦', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '集計ルール',
      '概要',
      '時間別',
      '用件別',
      'FAQ利用',
      '付録 時間帯別',
      '付録 曜日別',
      '付録 サービスレベル・放棄',
      '付録 エスカレーション',
    ])
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      })
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/)
      expect(ws.getCell('A1').value).toBe(
        'マイナンバーカード コールセンター 月次報告書　令和8年10月（2026年10月）',
      )
      expect(String(ws.getCell('A2').value)).toContain(
        '令和8年10月1日～令和8年10月31日（2026年10月1日～2026年10月31日）',
      )
    }
  })

  it('概要: every figure equals computeReport, rates as fractions shown in %', () => {
    const { rows } = table(wb.getWorksheet('概要')!, '項目')
    const annex = table(wb.getWorksheet('付録 サービスレベル・放棄')!, '項目').rows
    const v = new Map([...rows, ...annex].map((r) => [r[0] as string, r[1]]))
    expect(v.get('入電件数')).toBe(report.offered)
    expect(v.get('応答件数')).toBe(report.answered)
    expect(v.get('放棄呼件数')).toBe(report.abandoned.count)
    expect(v.get('短時間放棄件数（5秒未満）')).toBe(report.abandoned.short)
    expect(v.get('応答率')).toBe(report.answerRate)
    expect(v.get('放棄率')).toBe(report.abandoned.rate)
    expect(v.get('サービスレベル（20秒以内応答）')).toBe(report.serviceLevel.rate)
    expect(v.get('一次完了率')).toBe(report.firstContactResolutionRate)
    expect(v.get('平均応答時間（ASA）')).toBe(report.asaSeconds)
    expect(v.get('平均通話時間（ATT）')).toBe(report.attSeconds)
    expect(v.get('平均処理時間（AHT）')).toBe(report.ahtSeconds)
    expect(v.get('応対記録件数')).toBe(report.meta.counts.calls)
    const ws = wb.getWorksheet('概要')!
    const rateRow = values(ws).findIndex((r) => r[0] === '応答率') + 1
    expect(ws.getRow(rateRow).getCell(2).numFmt).toBe('0.0%')
  })

  it('時間帯別, 曜日別, 用件別, FAQ利用, エスカレーション', () => {
    const slots = table(wb.getWorksheet('付録 時間帯別')!, '時間帯')
    const shown = report.byHalfHour.filter((s) => {
      const h = Math.floor(s.slot / 2)
      const busy = (x = report.byHalfHour[2 * h]!) => x.calls || x.offered || x.abandoned || x.shortAbandoned
      return (h >= 8 && h <= 18) || busy() || busy(report.byHalfHour[2 * h + 1]!)
    })
    expect(slots.rows.slice(0, -1)).toEqual(
      shown.map((s) => [s.label, s.offered, s.answered, s.abandoned, s.shortAbandoned, s.calls]),
    )
    expect(slots.rows.at(-1)).toEqual([
      '合計',
      report.offered,
      report.answered,
      report.abandoned.count,
      report.abandoned.short,
      report.meta.counts.calls,
    ])

    const days = table(wb.getWorksheet('付録 曜日別')!, '曜日')
    // Holidays: real date cells, shown in 和暦.
    const ws = wb.getWorksheet('付録 曜日別')!
    const holidayRow = values(ws).findIndex((r) => r[1] === 'スポーツの日') + 1
    const cell = ws.getRow(holidayRow).getCell(1)
    expect(cell.value).toEqual(new Date(Date.UTC(2026, 9, 12)))
    expect(cell.numFmt).toBe('[$-411]ggge"年"m"月"d"日"')
    expect(days.rows.slice(0, 8).map((r) => r.slice(0, 7))).toEqual(
      report.byWeekday.map((w) => [
        w.label,
        w.days,
        w.offered,
        w.answered,
        w.abandoned,
        w.shortAbandoned,
        w.calls,
      ]),
    )

    const topics = table(wb.getWorksheet('用件別')!, '用件')
    expect(topics.rows.slice(0, -1)).toEqual(
      report.byTopic.map((t) => [
        t.category === null
          ? '（未分類）'
          : ((labels.categories as Record<string, string>)[t.category] ?? t.category),
        t.calls,
        t.share,
        t.firstContactResolved,
        t.firstContactResolutionRate,
        t.ahtSeconds,
      ]),
    )
    const faq = table(wb.getWorksheet('FAQ利用')!, '順位')
    expect(faq.rows.map((r) => [r[1], r[3], r[4], r[5]])).toEqual(
      report.faqUsage.map((f) => [f.faqId, f.count, f.first, f.share]),
    )

    const esc = table(wb.getWorksheet('付録 エスカレーション')!, '項目')
    const e = new Map(esc.rows.map((r) => [r[0], r[1]]))
    expect(e.get('エスカレーション件数')).toBe(report.escalations.count)
    expect(e.get('回答までの平均時間')).toBe(report.escalations.answerTurnaround.meanHours)
    expect(e.get('完了までの時間（中央値）')).toBe(report.escalations.closeTurnaround.medianHours)
    const urgency = table(wb.getWorksheet('付録 エスカレーション')!, '緊急度')
    expect(urgency.rows).toEqual([
      ['通常', 3, null],
      ['高', 1, null],
    ])
  })

  it('an empty month: a note, zeros, empty cells where nothing can be computed', async () => {
    const empty = await open(computeReport({ period: { kind: 'month', year: 2026, month: 12 } }))
    const ws = empty.getWorksheet('概要')!
    const all = values(ws)
    expect(all.some((r) => String(r[0]).includes('この期間のデータはありません'))).toBe(true)
    const v = new Map(table(ws, '項目').rows.map((r) => [r[0], r[1]]))
    expect(v.get('入電件数')).toBeNull()
    expect(v.get('応対記録件数')).toBe(0)
    expect(v.get('一次完了率')).toBeNull()
    expect(JSON.stringify(all)).not.toMatch(/NaN|Infinity/)
  })
})

import iconv from 'iconv-lite'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

import { computeReport, type Report } from '../src/kpi'
import { periodLabel, renderCsvText } from '../src/reports'
import { renderCsv } from '../src/reports/index.node.ts'
import { calls, escalations, telephony } from './fixtures/october-2026'

const labels = {
  categories: {
    'card-renewal': 'カードの更新',
    'pin-reset': '暗証番号の再設定',
    mynaportal: 'マイナポータル',
  },
  faqs: { 'faq-renew': '更新の手続きは？①' },
}
const report = computeReport({
  period: { kind: 'month', year: 2026, month: 10 },
  calls,
  telephony,
  escalations,
})

/** The CSV's blocks: heading → rows (header row first). */
function blocks(text: string): Map<string, string[][]> {
  const rows = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][]
  const out = new Map<string, string[][]>()
  let current: string[][] | null = null
  for (const row of rows) {
    const first = row[0] ?? ''
    if (/^【.+】$/.test(first)) {
      current = []
      out.set(first.slice(1, -1), current)
    } else if (row.length === 1 && first === '') current = null
    else current?.push(row)
  }
  return out
}

const pct = (x: number | null) => (x === null ? '' : (x * 100).toFixed(1))
const one = (x: number | null) => (x === null ? '' : (Math.round(x * 10) / 10).toFixed(1))
const n = (x: number | null) => (x === null ? '' : String(x))

function checkFigures(text: string, r: Report) {
  const b = blocks(text)
  // The specification's order (§13(2) ①–⑤), then the annexes.
  expect([...b.keys()]).toEqual(
    [
      '集計ルール',
      '概要',
      '時間別',
      '用件別',
      'FAQ利用',
      '付録 時間帯別',
      '付録 曜日別',
      '付録 曜日別：期間中の祝日',
      '付録 サービスレベル・放棄',
      '付録 エスカレーション',
      '付録 エスカレーション：緊急度別',
    ].filter((k) => b.has(k)),
  )
  const summary = new Map(
    [...b.get('概要')!.slice(1), ...b.get('付録 サービスレベル・放棄')!.slice(1)].map((row) => [
      row[0]!,
      row[1]!,
    ]),
  )
  expect(summary.get('入電件数')).toBe(n(r.offered))
  expect(summary.get('応答件数')).toBe(n(r.answered))
  expect(summary.get('放棄呼件数')).toBe(n(r.abandoned.count))
  expect(summary.get('短時間放棄件数（5秒未満）')).toBe(n(r.abandoned.short))
  expect(summary.get('応答率')).toBe(pct(r.answerRate))
  expect(summary.get('サービスレベル（20秒以内応答）')).toBe(pct(r.serviceLevel.rate))
  expect(summary.get('一次完了率')).toBe(pct(r.firstContactResolutionRate))
  expect(summary.get('平均応答時間（ASA）')).toBe(one(r.asaSeconds))
  expect(summary.get('平均通話時間（ATT）')).toBe(one(r.attSeconds))
  expect(summary.get('平均処理時間（AHT）')).toBe(one(r.ahtSeconds))
  expect(summary.get('エスカレーション件数')).toBe(n(r.escalations.count))

  // Half-hours: only 8:00–18:59 (no hours set) and any slot with a count; nothing left out of the total.
  const slots = b.get('付録 時間帯別')!
  expect(slots[0]).toEqual(['時間帯', '入電件数', '応答件数', '放棄呼', '短時間放棄', '応対記録件数'])
  const shown = r.byHalfHour.filter((s) => {
    const h = Math.floor(s.slot / 2)
    const busy = (x = r.byHalfHour[2 * h]!) => x.calls || x.offered || x.abandoned || x.shortAbandoned
    return (h >= 8 && h <= 18) || busy() || busy(r.byHalfHour[2 * h + 1]!)
  })
  expect(slots.length).toBeLessThan(48)
  expect(slots.slice(1, -1)).toEqual(
    shown.map((s) => [
      s.label,
      n(s.offered),
      n(s.answered),
      n(s.abandoned),
      n(s.shortAbandoned),
      String(s.calls),
    ]),
  )
  expect(slots.at(-1)).toEqual([
    '合計',
    n(r.offered),
    n(r.answered),
    n(r.abandoned.count),
    n(r.abandoned.short),
    String(r.meta.counts.calls),
  ])
  // ③ by hour, with numbers: each row the sum of its two half-hours.
  const hours = b.get('時間別')!
  for (const row of hours.slice(1, -1)) {
    const h = Number(row[0]!.replace('時台', ''))
    expect(row[5]).toBe(String(r.byHalfHour[2 * h]!.calls + r.byHalfHour[2 * h + 1]!.calls))
  }
  expect(hours.at(-1)![5]).toBe(String(r.meta.counts.calls))

  expect(
    b
      .get('付録 曜日別')!
      .slice(1, -1)
      .map((row) => row.slice(0, 7)),
  ).toEqual(
    r.byWeekday.map((w) => [
      w.label,
      String(w.days),
      n(w.offered),
      n(w.answered),
      n(w.abandoned),
      n(w.shortAbandoned),
      String(w.calls),
    ]),
  )
  expect(b.get('用件別')!.slice(1, -1)).toEqual(
    r.byTopic.map((t) => [
      t.category === null ? '（未分類）' : (labels.categories as Record<string, string>)[t.category]!,
      String(t.calls),
      pct(t.share),
      String(t.firstContactResolved),
      pct(t.firstContactResolutionRate),
      one(t.ahtSeconds),
    ]),
  )
  expect(b.get('FAQ利用')!.slice(1)).toEqual(
    r.faqUsage.map((f, i) => [
      String(i + 1),
      f.faqId,
      f.faqId === 'faq-renew' ? '更新の手続きは？①' : '',
      String(f.count),
      String(f.first),
      pct(f.share),
    ]),
  )
  const esc = new Map(
    b
      .get('付録 エスカレーション')!
      .slice(1)
      .map((row) => [row[0]!, row[1]!]),
  )
  expect(esc.get('回答までの平均時間')).toBe(one(r.escalations.answerTurnaround.meanHours))
  expect(esc.get('完了までの時間（中央値）')).toBe(one(r.escalations.closeTurnaround.medianHours))
}

describe('renderCsv', () => {
  it('UTF-8 with BOM by default; the figures read back equal computeReport', () => {
    const buf = renderCsv(report, { labels })
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = buf.subarray(3).toString('utf8')
    expect(text).toBe(renderCsvText(report, { labels }))
    expect(text.split('\r\n')[0]).toBe('マイナンバーカード コールセンター 月次報告書')
    expect(text).toContain('対象期間,令和8年10月（2026年10月）')
    expect(text).toContain('期間,令和8年10月1日～令和8年10月31日（2026年10月1日～2026年10月31日）')
    checkFigures(text, report)
  })

  it('Shift_JIS (cp932) decodes to the very same text: every heading and label is encodable', () => {
    const buf = renderCsv(report, { labels, encoding: 'shift_jis' })
    expect(buf[0]).not.toBe(0xef)
    const text = iconv.decode(buf, 'cp932')
    expect(text).toBe(renderCsvText(report, { labels }))
    expect(text).not.toContain('?')
    checkFigures(text, report)
  })

  it('an empty month says so, shows zeros and empty cells, never NaN', () => {
    const empty = computeReport({ period: { kind: 'month', year: 2026, month: 12 } })
    const text = renderCsvText(empty)
    expect(text).toContain('この期間のデータはありません')
    expect(text).toContain('電話（PBX）の着信データがないため')
    expect(text).not.toMatch(/NaN|undefined|Infinity|null/)
    checkFigures(text, empty)
    expect(iconv.decode(renderCsv(empty, { encoding: 'shift_jis' }), 'cp932')).toBe(text)
  })

  it('a year report and the generated date', () => {
    const year = computeReport({ period: { kind: 'year', year: 2026 }, calls, telephony, escalations })
    const text = renderCsvText(year, {
      generatedAt: '2027-04-05T01:00:00Z',
      organization: '〇〇市 マイナンバーカードコールセンター',
    })
    expect(text.split('\r\n').slice(0, 4)).toEqual([
      '〇〇市 マイナンバーカードコールセンター 年次報告書',
      '対象期間,令和8年度（2026年度）',
      '期間,令和8年4月1日～令和9年3月31日（2026年4月1日～2027年3月31日）',
      '作成日,2027年4月5日（令和9年4月5日）',
    ])
  })
})

describe('CSV details', () => {
  it('quotes and defuses formulas (the one CSV writer, @kotae/content/csv/text)', () => {
    const text = renderCsvText(report, {
      labels: { categories: { 'card-renewal': '=HYPERLINK("x")', 'pin-reset': 'a,b', mynaportal: '@sum' } },
    })
    expect(text).toContain(`\r\n"'=HYPERLINK(""x"")",`)
    expect(text).toContain('\r\n"a,b",')
    expect(text).toContain("\r\n'@sum,")
    expect(
      blocks(text)
        .get('用件別')!
        .map((row) => row[0]),
    ).toEqual(expect.arrayContaining(['\'=HYPERLINK("x")', 'a,b', "'@sum"]))
  })

  it('period labels', () => {
    expect(periodLabel({ kind: 'month', year: 2026, month: 10 })).toBe('令和8年10月（2026年10月）')
    expect(periodLabel({ kind: 'month', year: 2026, month: 10 }, 'file')).toBe('2026-10')
    expect(periodLabel({ kind: 'year', year: 2026 }, 'wareki')).toBe('令和8年度')
    expect(periodLabel({ kind: 'year', year: 2026 }, 'file')).toBe('FY2026')
  })
})

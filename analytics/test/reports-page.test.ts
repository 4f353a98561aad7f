import { describe, expect, it } from 'vitest'

import { computeReport } from '../src/kpi'
import { buildSections, reportCharts, reportHtml } from '../src/reports'
import { calls, escalations, telephony } from './fixtures/october-2026'

const labels = { categories: { 'card-renewal': '<b>カードの更新</b>' }, faqs: {} }
const report = computeReport({
  period: { kind: 'month', year: 2026, month: 10 },
  calls,
  telephony,
  escalations,
})
const trend = [
  { label: '10/1', calls: 3, offered: 4 },
  { label: '10/2', calls: 1, offered: 2 },
]

describe('the PDF page (reportHtml)', () => {
  it('prints every section the other formats print, the annexes on their own pages', () => {
    const html = reportHtml(report, { labels, trend, proposals: null })
    for (const s of buildSections(report, { labels })) expect(html).toContain(`<h2>${s.title}</h2>`)
    // The annexes start with the half-hour table, on a new page after the charts.
    expect(html).toMatch(
      /<section class="page"><h2>グラフ<\/h2>[\s\S]*<section class="page"><h2>付録 時間帯別/,
    )
    expect(html).toContain('<title>マイナンバーカード コールセンター 月次報告書')
  })

  it('escapes what comes from the records and the admin (category names, proposals)', () => {
    const html = reportHtml(report, {
      labels,
      trend,
      proposals: [{ kind: 'new-faq', title: '<script>x</script>', detail: '"a" & b' } as never],
    })
    expect(html).not.toContain('<b>カードの更新</b>')
    expect(html).toContain('&lt;b&gt;カードの更新&lt;/b&gt;')
    expect(html).not.toContain('<script>')
    expect(html).toContain('【FAQ追加】&lt;script&gt;x&lt;/script&gt;')
    expect(html).toContain('&quot;a&quot; &amp; b')
  })

  it('says plainly when the gap analysis gave nothing or could not run', () => {
    expect(reportHtml(report, { trend, proposals: [] })).toContain('ギャップ分析からの提案はありません')
    expect(reportHtml(report, { trend, proposals: null })).toContain('ギャップ分析を利用できないため')
  })

  it('draws the hour chart per hour of the day (two half-hours each) and the trend from its points', () => {
    const charts = reportCharts(report, labels, trend)
    for (const h of ['0時', '9時', '23時']) expect(charts.byHour).toContain(`>${h}<`)
    expect(charts.trend).toContain('>10/2<')
    expect(charts.trend).toContain('日別の推移')
  })
})

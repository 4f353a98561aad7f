/**
 * The report as one printable HTML page (A4 portrait): title with 和暦 and 西暦, notes, the KPI
 * summary, charts of calls by hour, by topic and the trend (inline SVG), every section's tables
 * (the same cells as the CSV and XLSX, through buildSections), and the improvement proposals for the
 * monthly meeting. Fonts: Debian's Noto CJK, by name; nothing is fetched.
 */
import type { Proposal } from '../gap'
import type { Report } from '../kpi'
import {
  buildSections,
  cellKind,
  formatCell,
  type RenderOptions,
  type ReportLabels,
  reportHeading,
  type Table,
  UNCATEGORIZED_LABEL,
} from './sections'
import { barChart, columnChart, esc } from './svg'

/** One point of the trend chart: a JST day of a month or range, or a month of a year. */
export interface TrendPoint {
  /** '10/1' for a day, '4月' for a month. */
  label: string
  calls: number
  /** Null when the period has no telephony data. */
  offered: number | null
}

/** What the page prints beyond the other formats: the trend chart's points and the proposals. */
export interface ReportPageOptions extends RenderOptions {
  trend: readonly TrendPoint[]
  /** Improvement proposals from the gap analysis; null when the analysis is not available. */
  proposals: readonly Proposal[] | null
}

const UNIT: Partial<Record<string, string>> = { rate: '%', seconds: '秒', hours: '時間' }

function tableHtml(t: Table): string {
  const head = t.columns
    .map((c) => `<th class="${c.kind}">${esc(c.header)}${UNIT[c.kind] ? `（${UNIT[c.kind]}）` : ''}</th>`)
    .join('')
  // The 合計 row is one more row (tables with a total have no per-row kinds: its cells take their column's).
  const row = (cells: readonly (string | number | null)[], r: number, total = false) =>
    `<tr${total ? ' class="total"' : ''}>${cells.map((v, c) => `<td class="${cellKind(t, r, c)}">${esc(formatCell(v, cellKind(t, r, c)))}</td>`).join('')}</tr>`
  const body =
    t.rows.map((cells, r) => row(cells, r)).join('') ||
    `<tr><td colspan="${t.columns.length}" class="none">該当なし（0 件）</td></tr>`
  const total = t.total ? row(t.total, t.rows.length, true) : ''
  return `${t.title ? `<h3>${esc(t.title)}</h3>` : ''}<table><thead><tr>${head}</tr></thead><tbody>${body}${total}</tbody></table>`
}

/** The three charts, as SVG strings (also shown on the admin page). */
export function reportCharts(
  report: Report,
  labels: ReportLabels | undefined,
  trend: readonly TrendPoint[],
): { byHour: string; byTopic: string; trend: string } {
  const hours = Array.from({ length: 24 }, (_, h) => `${h}時`)
  const perHour = (pick: (s: Report['byHalfHour'][number]) => number | null) =>
    hours.map((_, h) => (pick(report.byHalfHour[2 * h]!) ?? 0) + (pick(report.byHalfHour[2 * h + 1]!) ?? 0))
  const series = [
    ...(report.meta.hasTelephony
      ? [{ name: '入電件数', values: perHour((s) => s.offered), color: '#9bb7d4' }]
      : []),
    { name: '応対件数（記録）', values: perHour((s) => s.calls), color: '#1f4e79' },
  ]
  const topics = report.byTopic.slice(0, 12)
  const trendSeries = [
    ...(report.meta.hasTelephony
      ? [{ name: '入電件数', values: trend.map((p) => p.offered ?? 0), color: '#9bb7d4' }]
      : []),
    { name: '応対件数（記録）', values: trend.map((p) => p.calls), color: '#1f4e79' },
  ]
  return {
    byHour: columnChart({ title: '時間帯別の件数（1時間ごと）', labels: hours, series, labelEvery: 1 }),
    byTopic: barChart({
      title: '用件別の応対件数（上位12件）',
      labels: topics.map((t) =>
        t.category === null ? UNCATEGORIZED_LABEL : (labels?.categories?.[t.category] ?? t.category),
      ),
      values: topics.map((t) => t.calls),
      color: '#2e7d32',
    }),
    trend: columnChart({
      title: report.meta.period.kind === 'year' ? '月別の推移' : '日別の推移',
      labels: trend.map((p) => p.label),
      series: trendSeries,
    }),
  }
}

function proposalsHtml(proposals: readonly Proposal[] | null, report: Report): string {
  if (proposals === null)
    return `<p class="empty-proposals">ギャップ分析を利用できないため、この欄は空欄です。定例会では、検索で見つからなかった質問やエスカレーションの一覧をもとに検討してください。</p>`
  if (!proposals.length) return `<p>この期間のギャップ分析からの提案はありません。</p>`
  // The proposals count signals in clusters of similar questions; the summary counts every call without an FAQ.
  const basis = `<p class="meta">各提案の件数は、似た質問のまとまりごとの件数です（検索・応対記録の文面から分類できたもののみ）。「FAQを使わなかった応対」の件数は、概要の「FAQ を参照しなかった応対」${report.meta.details.callsWithoutFaq} 件のうち、このまとまりに入ったものです。</p>`
  return `${basis}<ol class="proposals">${proposals.map((p) => `<li><strong>${p.kind === 'new-faq' ? '【FAQ追加】' : '【FAQ見直し】'}${esc(p.title)}</strong><br>${esc(p.detail)}</li>`).join('')}</ol>`
}

/** The report as one printable HTML page, with the options the CSV and XLSX take plus the page's own. */
export function reportHtml(report: Report, options: ReportPageOptions): string {
  const heading = reportHeading(report, options)
  const sections = buildSections(report, options)
  const charts = reportCharts(report, options.labels, options.trend)
  const annexAt = sections.findIndex((x) => x.key === 'halfHour')
  const sectionHtml = (x: (typeof sections)[number], i: number) =>
    `<section class="${i === annexAt ? 'page' : ''}"><h2>${esc(x.title)}</h2>${x.tables.map(tableHtml).join('')}</section>`
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${esc(heading.title)} ${esc(heading.period)}</title>
<style>
@page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; font-size: 9.5pt; color: #111; margin: 0; line-height: 1.5; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; border-bottom: 1.5px solid #1f4e79; margin: 6mm 0 2mm; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
.period { font-size: 11pt; margin: 0; }
.meta { color: #444; margin: 1mm 0 3mm; }
.notes { border: 1px solid #c77700; background: #fff7e6; padding: 2mm 3mm; margin: 2mm 0; }
.notes p { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5px solid #999; padding: 0.6mm 1.5mm; }
th { background: #e8eef5; font-weight: bold; }
td.count, td.rate, td.seconds, td.hours, td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; background: #f3f3f3; }
td.none { color: #666; text-align: center; }
.chart { break-inside: avoid; margin: 2mm 0 4mm; }
.chart svg { font-family: 'Noto Sans CJK JP', sans-serif; }
section.page { break-before: page; }
.proposals li { margin-bottom: 2mm; }
.empty-proposals { border: 1px dashed #999; padding: 4mm; color: #444; }
</style></head>
<body>
<header>
<h1>${esc(heading.title)}</h1>
<p class="period">対象期間: ${esc(heading.period)}</p>
<p class="meta">${esc(heading.dates)}${heading.generatedAt ? `　作成日: ${esc(heading.generatedAt)}` : ''}</p>
${heading.notes.length ? `<div class="notes">${heading.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>` : ''}
</header>
${sections.slice(0, annexAt).map(sectionHtml).join('\n')}
<section class="page"><h2>グラフ</h2>
<div class="chart">${charts.byHour}</div>
<div class="chart">${charts.byTopic}</div>
<div class="chart">${charts.trend}</div>
</section>
${sections
  .slice(annexAt)
  .map((x, i) => sectionHtml(x, annexAt + i))
  .join('\n')}
<section class="page"><h2>改善提案（定例会用）</h2>${proposalsHtml(options.proposals, report)}</section>
</body></html>`
}

/**
 * One report in any of the city's formats. The CLI (`npm run report`) and the admin download
 * endpoint both come here, so a scheduled delivery and a download carry the same figures.
 */
import {
  REPORT_KPI_KEYS,
  reportHeading,
  reportHtml,
  type Proposal,
  type Report,
  type ReportLabels,
} from '@kotae/analytics'
import { renderCsv, renderXlsx, type CsvEncoding } from '@kotae/analytics/reports.node'

import type { LoadedReport } from './load'
import type { ReportFormat } from './period'

export interface RenderedReport {
  body: Buffer
  contentType: string
  extension: string
}

/** Every KPI under the keys the city's scheduled jobs read, with the period and the notes. */
export function reportJson(
  report: Report,
  labels: ReportLabels,
  months?: readonly Report[],
  frozen?: LoadedReport['frozen'],
): Record<string, unknown> {
  const heading = reportHeading(report, { labels, frozen })
  const kpis = (r: Report) => Object.fromEntries(REPORT_KPI_KEYS.map((k) => [k, r[k]]))
  const byMonth = months?.map((m) => ({ period: m.meta.period.labels.both, ...kpis(m) }))
  return {
    title: heading.title,
    periodLabel: heading.period,
    dates: heading.dates,
    empty: report.empty,
    ...(frozen ? { frozen } : {}),
    notes: heading.notes,
    ...kpis(report),
    ...(byMonth ? { months: byMonth } : {}),
    meta: report.meta,
    labels,
  }
}

export interface RenderReportOptions {
  csvEncoding?: CsvEncoding
  generatedAt?: Date
  /** Proposals for the PDF; fetched only for a PDF. */
  proposals?: () => Promise<readonly Proposal[] | null>
}

export async function renderReport(
  loaded: LoadedReport,
  format: ReportFormat,
  options: RenderReportOptions = {},
): Promise<RenderedReport> {
  const { report, labels, months, frozen } = loaded
  const common = { labels, generatedAt: options.generatedAt, months, frozen }
  switch (format) {
    case 'json':
      return {
        body: Buffer.from(`${JSON.stringify(reportJson(report, labels, months, frozen), null, 2)}\n`),
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
      }
    case 'csv': {
      const encoding = options.csvEncoding ?? 'utf-8-bom'
      return {
        body: renderCsv(report, { ...common, encoding }),
        contentType: `text/csv; charset=${encoding === 'shift_jis' ? 'Shift_JIS' : 'utf-8'}`,
        extension: 'csv',
      }
    }
    case 'xlsx':
      return {
        body: await renderXlsx(report, common),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
      }
    case 'pdf': {
      // Loaded only for PDFs: playwright-core is not needed for the other formats.
      const { printPdf } = await import('../lib/printPdf')
      const proposals = options.proposals ? await options.proposals() : null
      return {
        body: await printPdf(reportHtml(report, { ...common, trend: loaded.trend, proposals })),
        contentType: 'application/pdf',
        extension: 'pdf',
      }
    }
  }
}

import {
  buildSections,
  cellKind,
  formatCell,
  jstParts,
  reportCharts,
  reportHeading,
  type Table,
} from '@kotae/analytics'
import type { AdminViewServerProps } from 'payload'

import { canReadReports } from '../reports/access'
import { loadServedReport } from '../reports/frozen'
import { PeriodParamSchema, periodProblem } from '../reports/period'
import { REPORT_STRINGS as S } from '../reports/strings'
import { StaffPage } from './StaffPage'

const UNIT: Partial<Record<string, string>> = { rate: '%', seconds: '秒', hours: '時間' }

/** The previous JST month, the report the city reads at the start of a month. */
function defaultPeriod(): string {
  const p = jstParts(Date.now())
  return p.month === 1 ? `${p.year - 1}-12` : `${p.year}-${String(p.month - 1).padStart(2, '0')}`
}

/** A chart drawn on the server as SVG (@kotae/analytics, reports/svg.ts): our own figures, labels escaped there. */
function ServerSvg({ svg }: { svg: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is our own markup with escaped labels, drawn by the server
  return <div dangerouslySetInnerHTML={{ __html: svg }} />
}

/**
 * The four-column summary (項目・値・単位・定義) needs about 610 px: on a phone it scrolls inside its
 * own box, keyboard-reachable (WCAG 2.1.1), instead of widening the whole page (zoomed out, text tiny).
 */
function SummaryTable({ table }: { table: Table }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1)
    <section className="kotae-table-scroll" aria-label={table.title ?? S.summary} tabIndex={0}>
      <table className="table" style={{ width: '100%', maxWidth: 900 }}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.header} scope="col" style={{ textAlign: 'left' }}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={String(row[0])}>
              {row.map((v, c) => {
                const kind = cellKind(table, r, c)
                const text = formatCell(v, kind)
                return (
                  <td
                    key={table.columns[c]?.header}
                    style={kind === 'text' ? undefined : { textAlign: 'right' }}
                  >
                    {text === '' ? '—' : text}
                    {text !== '' && UNIT[kind] && table.columns[c]?.header !== '値' ? UNIT[kind] : ''}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** /admin/reports: pick a month or fiscal year, read the KPIs and charts, download the files. */
export async function ReportsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = canReadReports(req.user)
  const raw = typeof searchParams?.period === 'string' ? searchParams.period : defaultPeriod()
  const parsed = PeriodParamSchema.safeParse(raw)
  // A period the downloads would refuse (not begun, or before the first record): said here, in the
  // endpoint's words, instead of links that download its JSON error as a file.
  const problem = allowed && parsed.success ? await periodProblem(req.payload, parsed.data) : null
  const data = allowed && parsed.success && !problem ? await loadServedReport(req.payload, parsed.data) : null
  const heading = data ? reportHeading(data.report, { labels: data.labels, frozen: data.frozen }) : null
  const summary = data
    ? buildSections(data.report, { labels: data.labels }).find((s) => s.key === 'summary')
    : null
  const charts = data ? reportCharts(data.report, data.labels, data.trend) : null
  const api = `${req.payload.config.routes.api}/reports/${encodeURIComponent(raw)}`
  const month = parsed.success && parsed.data.kind === 'month' ? raw : ''
  const year = parsed.success && parsed.data.kind === 'year' ? raw : ''
  const thisYear = jstParts(Date.now()).year
  return (
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <h1>{S.title}</h1>
      {!allowed ? (
        <p>{S.forbidden}</p>
      ) : (
        <>
          <div style={{ display: 'flex', gap: '2rem', flexWrap: 'wrap', margin: '1rem 0' }}>
            <form method="get" aria-label={S.pickMonth}>
              <label>
                {S.pickMonth}{' '}
                <input
                  type="month"
                  name="period"
                  defaultValue={month}
                  required
                  aria-describedby="month-help"
                />
              </label>{' '}
              <button type="submit" className="btn btn--style-secondary btn--size-small">
                {S.show}
              </button>
              <div id="month-help" style={{ fontSize: '0.85em' }}>
                {S.monthHelp}
              </div>
            </form>
            <form method="get" aria-label={S.pickYear}>
              <label>
                {S.pickYear}{' '}
                <select
                  name="period"
                  defaultValue={year || String(thisYear - (jstParts(Date.now()).month < 4 ? 1 : 0))}
                >
                  {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
                    <option key={y} value={String(y)}>
                      {`${y}年度`}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <button type="submit" className="btn btn--style-secondary btn--size-small">
                {S.show}
              </button>
              <div style={{ fontSize: '0.85em' }}>{S.yearHelp}</div>
            </form>
          </div>
          {problem ? (
            <p role="note" style={{ border: '1px solid #c77700', padding: '0.5rem' }}>
              {problem}
            </p>
          ) : !parsed.success || !data || !heading || !summary || !charts ? (
            <p role="alert">{S.badPeriod}</p>
          ) : (
            <>
              <h2>{heading.period}</h2>
              <p>{heading.dates}</p>
              {heading.notes.map((n) => (
                <p key={n} role="note" style={{ border: '1px solid #c77700', padding: '0.5rem' }}>
                  {n}
                </p>
              ))}
              <h3>{S.downloads}</h3>
              <ul className="kotae-report-downloads">
                <li>
                  <a href={`${api}?format=xlsx`} download>
                    {S.xlsx}
                  </a>
                </li>
                <li>
                  <a href={`${api}?format=csv&encoding=utf-8-bom`} download>
                    {S.csvUtf8}
                  </a>
                </li>
                <li>
                  <a href={`${api}?format=csv&encoding=shift_jis`} download>
                    {S.csvSjis}
                  </a>
                </li>
                <li>
                  <a href={`${api}?format=pdf`} download>
                    {S.pdf}
                  </a>{' '}
                  <span style={{ fontSize: '0.85em' }}>{S.pdfNote}</span>
                </li>
                <li>
                  <a href={`${api}?format=json`}>{S.json}</a>
                </li>
              </ul>
              <h3>{S.summary}</h3>
              {summary.tables.map((t) => (
                <SummaryTable key={t.title ?? t.columns.map((c) => c.header).join()} table={t} />
              ))}
              <h3>{S.charts}</h3>
              {/* Server-drawn SVG from our own figures and escaped labels (@kotae/analytics, reports/svg.ts). */}
              <div style={{ maxWidth: 900, background: '#fff', color: '#111', padding: '0.5rem' }}>
                <ServerSvg svg={charts.byHour} />
                <ServerSvg svg={charts.byTopic} />
                <ServerSvg svg={charts.trend} />
              </div>
            </>
          )}
        </>
      )}
    </StaffPage>
  )
}

import type { AdminViewServerProps } from 'payload'

import { jstDateKey } from '@kotae/analytics'

import { dashboardData, type DashboardPeriod } from '../dashboard/data'
import { currentMonthKey, parseDashboardQuery } from '../dashboard/range'
import { DASHBOARD_STRINGS as t } from '../dashboard/strings'
import { canReadReports } from '../reports/access'
import { CallsExportForm } from './CallsExportForm'
import { BarChartBox, LineChartBox } from './DashboardCharts'
import { StaffPage } from './StaffPage'

const pct = (v: number | null) => (v === null ? t.none : `${(v * 100).toFixed(1)}%`)
const num = (v: number | null, fallback: string = t.none) =>
  v === null ? fallback : v.toLocaleString('ja-JP')
const BLUE = '#1f4e9c'
const ORANGE = '#a84f00'
const GREEN = '#2e6b30'
const cell = { padding: '0.25rem 0.5rem' } as const
const right = { ...cell, textAlign: 'right' } as const

/**
 * ダッシュボード: today, this week and this month at a glance, and any month or span of days chosen
 * in the URL (`?month=2026-10`, `?from=…&to=…`; dashboard/range.ts), with charts and their tables,
 * nothing after now; and the inquiry-log download for the period shown.
 */
export async function DashboardView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = canReadReports(req.user)
  const now = new Date()
  const { selection, errors } = parseDashboardQuery(searchParams ?? {}, now)
  const data = allowed
    ? await dashboardData(req.payload, now, selection.key === 'range' ? selection : undefined)
    : null
  const admin = req.payload.config.routes.admin
  const selected = data?.periods.find((p) => p.key === selection.key)
  const today = jstDateKey(now.getTime())
  const shownFrom = selected ? jstDateKey(selected.start) : today
  const shownTo = selected ? jstDateKey(Math.max(selected.start, selected.end - 1)) : today
  return (
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <div className="kotae-dashboard">
        <h1>{t.title}</h1>
        {!data || !selected ? (
          <p>{t.noAccess}</p>
        ) : (
          <>
            <p>{t.intro}</p>
            <section aria-labelledby="dashboard-range-heading" style={{ margin: '1rem 0' }}>
              <h2 id="dashboard-range-heading" style={{ fontSize: '1.1rem' }}>
                {t.rangeLabel}
              </h2>
              <p id="dashboard-range-hint">{t.rangeHint}</p>
              {errors.length > 0 && (
                <div role="alert" data-testid="dashboard-range-errors">
                  {errors.map((e) => (
                    <p key={e.field + e.message}>{t.badQuery(e.field, e.message)}</p>
                  ))}
                </div>
              )}
              <form
                method="get"
                action={`${admin}/dashboard#details`}
                aria-describedby="dashboard-range-hint"
                style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'end' }}
              >
                <label>
                  {t.monthPicker}
                  <br />
                  <input
                    type="month"
                    name="month"
                    max={currentMonthKey(now)}
                    defaultValue={shownFrom.slice(0, 7)}
                  />
                </label>
                <button type="submit">{t.show}</button>
              </form>
              <form
                method="get"
                action={`${admin}/dashboard#details`}
                aria-describedby="dashboard-range-hint"
                style={{
                  display: 'flex',
                  flexWrap: 'wrap',
                  gap: '0.75rem',
                  alignItems: 'end',
                  marginTop: '0.5rem',
                }}
              >
                <label>
                  {t.fromDay}
                  <br />
                  <input type="date" name="from" required max={today} defaultValue={shownFrom} />
                </label>
                <label>
                  {t.toDay}
                  <br />
                  <input type="date" name="to" required max={today} defaultValue={shownTo} />
                </label>
                <button type="submit">{t.show}</button>
              </form>
            </section>
            <table style={{ width: '100%' }} data-testid="dashboard-summary">
              <caption style={{ textAlign: 'left' }}>{t.summaryCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.item}</th>
                  {data.periods.map((p) => (
                    <th scope="col" key={p.key} style={right}>
                      {p.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    [t.offered, (p) => (p.hasTelephony ? num(p.offered) : t.noTelephony)],
                    [t.answered, (p) => (p.hasTelephony ? num(p.answered) : t.noTelephony)],
                    [t.answerRate, (p) => (p.hasTelephony ? pct(p.answerRate) : t.noTelephony)],
                    [t.logged, (p) => num(p.calls)],
                    [t.fcr, (p) => pct(p.firstContactResolutionRate)],
                  ] as [string, (p: DashboardPeriod) => string][]
                ).map(([label, value]) => (
                  <tr key={label}>
                    <th scope="row" style={cell}>
                      {label}
                    </th>
                    {data.periods.map((p) => (
                      <td key={p.key} style={right}>
                        {value(p)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>

            <h2>{t.outcomesHeading}</h2>
            <table style={{ width: '100%' }}>
              <thead>
                <tr>
                  <th scope="col">{t.outcome}</th>
                  {data.periods.map((p) => (
                    <th scope="col" key={p.key} style={right}>
                      {p.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.periods[0]!.outcomes.map((o, i) => (
                  <tr key={o.outcome}>
                    <th scope="row" style={cell}>
                      {o.label}
                    </th>
                    {data.periods.map((p) => (
                      <td key={p.key} style={right}>
                        {num(p.outcomes[i]?.count ?? 0)}（{pct(p.outcomes[i]?.share ?? null)}）
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>

            <h2>{t.transcriptsHeading}</h2>
            <table style={{ width: '100%' }} data-testid="dashboard-transcripts">
              <thead>
                <tr>
                  <th scope="col">{t.transcriptsHeading}</th>
                  {data.periods.map((p) => (
                    <th scope="col" key={p.key} style={right}>
                      {p.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row" style={cell}>
                    {t.transcriptShare}
                  </th>
                  {data.periods.map((p) => (
                    <td key={p.key} style={right}>
                      {num(p.transcripts.calls)}（{pct(p.transcripts.share)}）
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row" style={cell}>
                    {t.transcriptTopics}
                  </th>
                  {data.periods.map((p) => (
                    <td key={p.key} style={right}>
                      {p.transcripts.topics.length
                        ? p.transcripts.topics.map((x) => `${x.name} ${num(x.calls)}`).join('、')
                        : '—'}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>

            <h2 id="details">{t.detailsFor(selected.label)}</h2>
            <nav aria-label={t.choosePeriod}>
              <ul style={{ display: 'flex', gap: '1rem', listStyle: 'none', padding: 0 }}>
                {data.periods.map((p) => (
                  <li key={p.key}>
                    <a
                      href={`${admin}/dashboard?${p.key === 'range' && selection.key === 'range' ? selection.query : `period=${p.key}`}#details`}
                      aria-current={p.key === selection.key ? 'page' : undefined}
                      style={{ fontWeight: p.key === selection.key ? 700 : 400 }}
                    >
                      {p.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>

            <figure style={{ margin: '1rem 0' }}>
              <figcaption>
                <h3 style={{ margin: 0 }}>{t.byHour}</h3>
                <p style={{ margin: 0 }}>{t.chartNote}</p>
              </figcaption>
              <BarChartBox
                data={selected.hours
                  .filter((h) => h.hour >= 7 && h.hour <= 20)
                  .map((h) => ({
                    hour: h.label,
                    calls: h.calls,
                    offered: h.offered,
                    answered: h.answered,
                  }))}
                xKey="hour"
                series={
                  selected.hasTelephony
                    ? [
                        { key: 'offered', label: t.offeredSeries, color: ORANGE },
                        { key: 'answered', label: t.answeredSeries, color: GREEN },
                        { key: 'calls', label: t.callsSeries, color: BLUE },
                      ]
                    : [{ key: 'calls', label: t.callsSeries, color: BLUE }]
                }
              />
              <table style={{ width: '100%' }}>
                <thead>
                  <tr>
                    <th scope="col">{t.hour}</th>
                    {selected.hasTelephony && (
                      <th scope="col" style={right}>
                        {t.offeredSeries}
                      </th>
                    )}
                    {selected.hasTelephony && (
                      <th scope="col" style={right}>
                        {t.answeredSeries}
                      </th>
                    )}
                    <th scope="col" style={right}>
                      {t.callsSeries}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {selected.hours
                    .filter((h) => h.calls > 0 || (h.offered ?? 0) > 0)
                    .map((h) => (
                      <tr key={h.hour}>
                        <th scope="row" style={cell}>
                          {h.label}
                        </th>
                        {selected.hasTelephony && <td style={right}>{num(h.offered)}</td>}
                        {selected.hasTelephony && <td style={right}>{num(h.answered)}</td>}
                        <td style={right}>{num(h.calls)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              {selected.calls === 0 && <p>{t.empty}</p>}
            </figure>

            <figure style={{ margin: '1rem 0' }}>
              <figcaption>
                <h3 style={{ margin: 0 }}>{t.byTopic}</h3>
              </figcaption>
              <BarChartBox
                data={selected.topics.map((r) => ({ topic: r.name, calls: r.calls }))}
                xKey="topic"
                series={[{ key: 'calls', label: t.callsSeries, color: BLUE }]}
                horizontal
                height={Math.max(120, 36 * selected.topics.length + 40)}
              />
              <table style={{ width: '100%' }}>
                <thead>
                  <tr>
                    <th scope="col">{t.topic}</th>
                    <th scope="col" style={right}>
                      {t.count}
                    </th>
                    <th scope="col" style={right}>
                      {t.share}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {selected.topics.map((r) => (
                    <tr key={r.name}>
                      <th scope="row" style={cell}>
                        {r.name}
                      </th>
                      <td style={right}>{num(r.calls)}</td>
                      <td style={right}>{pct(r.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>

            <h3>{t.topFaqs}</h3>
            {selected.topFaqs.length === 0 ? (
              <p>{t.noFaqs}</p>
            ) : (
              <table style={{ width: '100%' }}>
                <thead>
                  <tr>
                    <th scope="col">{t.faq}</th>
                    <th scope="col" style={right}>
                      {t.uses}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {selected.topFaqs.map((f) => (
                    <tr key={f.title}>
                      <th scope="row" style={cell}>
                        {f.title}
                      </th>
                      <td style={right}>{num(f.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}

            <CallsExportForm
              action={`${req.payload.config.routes.api}/calls-export`}
              from={shownFrom}
              to={shownTo}
              max={today}
            />

            <h2>{t.trendHeading}</h2>
            <figure style={{ margin: '1rem 0' }}>
              <figcaption>
                <p style={{ margin: 0 }}>{t.trendIntro}</p>
                <p style={{ margin: 0 }}>{t.chartNote}</p>
              </figcaption>
              <LineChartBox
                data={data.trend.weeks.map((w) => ({
                  week: w.weekStart.slice(5).replace('-', '/'),
                  searches: w.searches,
                  faqViews: w.faqViews,
                  calls: w.calls,
                }))}
                xKey="week"
                series={[
                  { key: 'searches', label: t.searches, color: ORANGE },
                  { key: 'faqViews', label: t.faqViews, color: GREEN },
                  { key: 'calls', label: t.calls, color: BLUE },
                ]}
              />
              <table style={{ width: '100%' }} data-testid="self-service-trend">
                <thead>
                  <tr>
                    <th scope="col">{t.week}</th>
                    <th scope="col" style={right}>
                      {t.searches}
                    </th>
                    <th scope="col" style={right}>
                      {t.faqViews}
                    </th>
                    <th scope="col" style={right}>
                      {t.calls}
                    </th>
                    <th scope="col" style={right}>
                      {t.selfServiceRate}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.trend.weeks.map((w) => (
                    <tr key={w.weekStart}>
                      <th scope="row" style={cell}>
                        {w.weekStart}
                      </th>
                      <td style={right}>{num(w.searches)}</td>
                      <td style={right}>{num(w.faqViews)}</td>
                      <td style={right}>{num(w.calls)}</td>
                      <td style={right}>{pct(w.selfServiceRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
            <h3>{t.trendByTopic}</h3>
            <table style={{ width: '100%' }}>
              <thead>
                <tr>
                  <th scope="col">{t.topic}</th>
                  <th scope="col" style={right}>
                    {t.faqViews}
                  </th>
                  <th scope="col" style={right}>
                    {t.calls}
                  </th>
                  <th scope="col" style={right}>
                    {t.selfServiceRate}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.trend.topics.map((r) => (
                  <tr key={r.topic ?? ''}>
                    <th scope="row" style={cell}>
                      {r.topic === null ? t.noTopic : (data.trend.topicNames[r.topic] ?? r.topic)}
                    </th>
                    <td style={right}>{num(r.faqViews)}</td>
                    <td style={right}>{num(r.calls)}</td>
                    <td style={right}>{pct(r.selfServiceRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </StaffPage>
  )
}

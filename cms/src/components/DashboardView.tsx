import type { AdminViewServerProps } from 'payload'

import { jstDateKey } from '@kotae/analytics'

import { dashboardData, type DashboardPeriod } from '../dashboard/data'
import { currentMonthKey, parseDashboardQuery } from '../dashboard/range'
import { DASHBOARD_STRINGS as t } from '../dashboard/strings'
import { canReadReports } from '../reports/access'
import { CallsExportForm } from './CallsExportForm'
import { BarChartBox, LineChartBox } from './DashboardCharts'
import { DayRangeFields } from './DayRangeFields'
import { type FigureColumn, FigureTable } from './FigureTable'
import { StaffPage } from './StaffPage'

const pct = (v: number | null) => (v === null ? t.none : `${(v * 100).toFixed(1)}%`)
const num = (v: number | null, fallback: string = t.none) =>
  v === null ? fallback : v.toLocaleString('ja-JP')
const BLUE = '#1f4e9c'
const ORANGE = '#a84f00'
const GREEN = '#2e6b30'
/** A row of the tables with a column per period: its label and its figure for a period. */
type PeriodRow = [label: string, value: (p: DashboardPeriod) => string]
type HourRow = DashboardPeriod['hours'][number]
type OutcomeRow = DashboardPeriod['outcomes'][number] & { i: number }
/** A column per period shown (today, this week, this month, or the chosen range). */
const byPeriod = <R,>(
  periods: readonly DashboardPeriod[],
  value: (row: R, p: DashboardPeriod) => string,
): FigureColumn<R>[] => periods.map((p) => ({ header: p.label, value: (row) => value(row, p) }))

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
                <DayRangeFields
                  from={shownFrom}
                  to={shownTo}
                  max={today}
                  fromLabel={t.fromDay}
                  toLabel={t.toDay}
                />
                <button type="submit">{t.show}</button>
              </form>
            </section>
            <FigureTable
              caption={t.summaryCaption}
              testId="dashboard-summary"
              rowHeader={t.item}
              rows={
                [
                  [t.offered, (p) => (p.hasTelephony ? num(p.offered) : t.noTelephony)],
                  [t.answered, (p) => (p.hasTelephony ? num(p.answered) : t.noTelephony)],
                  [t.answerRate, (p) => (p.hasTelephony ? pct(p.answerRate) : t.noTelephony)],
                  [t.logged, (p) => num(p.calls)],
                  [t.fcr, (p) => pct(p.firstContactResolutionRate)],
                ] as PeriodRow[]
              }
              rowKey={([label]) => label}
              rowLabel={([label]) => label}
              columns={byPeriod<PeriodRow>(data.periods, ([, value], p) => value(p))}
            />

            <h2>{t.outcomesHeading}</h2>
            <FigureTable
              rowHeader={t.outcome}
              rows={data.periods[0]!.outcomes.map((o, i) => ({ ...o, i }))}
              rowKey={(o) => o.outcome}
              rowLabel={(o) => o.label}
              columns={byPeriod<OutcomeRow>(
                data.periods,
                (o, p) => `${num(p.outcomes[o.i]?.count ?? 0)}（${pct(p.outcomes[o.i]?.share ?? null)}）`,
              )}
            />

            <h2>{t.transcriptsHeading}</h2>
            <FigureTable
              testId="dashboard-transcripts"
              rowHeader={t.transcriptsHeading}
              rows={
                [
                  [t.transcriptShare, (p) => `${num(p.transcripts.calls)}（${pct(p.transcripts.share)}）`],
                  [
                    t.transcriptTopics,
                    (p) =>
                      p.transcripts.topics.length
                        ? p.transcripts.topics.map((x) => `${x.name} ${num(x.calls)}`).join('、')
                        : '—',
                  ],
                ] as PeriodRow[]
              }
              rowKey={([label]) => label}
              rowLabel={([label]) => label}
              columns={byPeriod<PeriodRow>(data.periods, ([, value], p) => value(p))}
            />

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
              <FigureTable
                rowHeader={t.hour}
                rows={selected.hours.filter((h) => h.calls > 0 || (h.offered ?? 0) > 0)}
                rowKey={(h) => String(h.hour)}
                rowLabel={(h) => h.label}
                columns={[
                  ...(selected.hasTelephony
                    ? [
                        { header: t.offeredSeries, value: (h: HourRow) => num(h.offered) },
                        { header: t.answeredSeries, value: (h: HourRow) => num(h.answered) },
                      ]
                    : []),
                  { header: t.callsSeries, value: (h) => num(h.calls) },
                ]}
              />
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
              <FigureTable
                rowHeader={t.topic}
                rows={selected.topics}
                rowKey={(r) => r.name}
                rowLabel={(r) => r.name}
                columns={[
                  { header: t.count, value: (r) => num(r.calls) },
                  { header: t.share, value: (r) => pct(r.share) },
                ]}
              />
            </figure>

            <h3>{t.topFaqs}</h3>
            {selected.topFaqs.length === 0 ? (
              <p>{t.noFaqs}</p>
            ) : (
              <FigureTable
                rowHeader={t.faq}
                rows={selected.topFaqs}
                rowKey={(f) => f.title}
                rowLabel={(f) => f.title}
                columns={[{ header: t.uses, value: (f) => num(f.count) }]}
              />
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
              <FigureTable
                testId="self-service-trend"
                rowHeader={t.week}
                rows={data.trend.weeks}
                rowKey={(w) => w.weekStart}
                rowLabel={(w) => w.weekStart}
                columns={[
                  { header: t.searches, value: (w) => num(w.searches) },
                  { header: t.faqViews, value: (w) => num(w.faqViews) },
                  { header: t.calls, value: (w) => num(w.calls) },
                  { header: t.selfServiceRate, value: (w) => pct(w.selfServiceRate) },
                ]}
              />
            </figure>
            <h3>{t.trendByTopic}</h3>
            <FigureTable
              rowHeader={t.topic}
              rows={data.trend.topics}
              rowKey={(r) => r.topic ?? ''}
              rowLabel={(r) => (r.topic === null ? t.noTopic : (data.trend.topicNames[r.topic] ?? r.topic))}
              columns={[
                { header: t.faqViews, value: (r) => num(r.faqViews) },
                { header: t.calls, value: (r) => num(r.calls) },
                { header: t.selfServiceRate, value: (r) => pct(r.selfServiceRate) },
              ]}
            />
          </>
        )}
      </div>
    </StaffPage>
  )
}

/**
 * Report periods: a JST calendar month, a year (fiscal 年度 April–March by default, or calendar), or
 * an arbitrary range of instants (dashboards: today, this week).
 */
import {
  calendarYearRange,
  fiscalYearRange,
  formatSeirekiDate,
  formatSeirekiMonth,
  formatSeirekiYear,
  formatWarekiDate,
  formatWarekiMonth,
  formatWarekiYear,
  type InstantRange,
  monthRange,
  parseInstant,
} from '../time'

/**
 * A month, a year (`basis` 'fiscal', the default: 年度, 1 April of `year` to 31 March of the next;
 * 'calendar': January–December) or a range of ISO instants with a zone. Callers validate their own
 * input (the CMS's PeriodParamSchema, the dashboards' dates); periodRange rejects a bad range.
 */
export type ReportPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'year'; year: number; basis?: 'fiscal' | 'calendar' }
  | { kind: 'range'; start: string; end: string }

/** The instants [start, end) of a period. */
export function periodRange(period: ReportPeriod): InstantRange {
  switch (period.kind) {
    case 'month':
      return monthRange(period.year, period.month)
    case 'year':
      return period.basis === 'calendar' ? calendarYearRange(period.year) : fiscalYearRange(period.year)
    case 'range': {
      const start = parseInstant(period.start)
      const end = parseInstant(period.end)
      if (!Number.isFinite(start) || !Number.isFinite(end) || end < start)
        throw new RangeError(`bad range ${period.start} – ${period.end}`)
      return { start, end }
    }
  }
}

export type PeriodLabels = ReturnType<typeof periodLabels>

/**
 * Labels of a period in 和暦 and 西暦: wareki '令和8年10月' (or '令和8年度', '令和8年10月1日～令和8年10月7日'),
 * seireki '2026年10月', both '令和8年10月（2026年10月）', kind '月次' | '年次' | '期間'.
 */
export function periodLabels(period: ReportPeriod) {
  const labels = (wareki: string, seireki: string, kind: string) => ({
    wareki,
    seireki,
    both: `${wareki}（${seireki}）`,
    kind,
  })
  switch (period.kind) {
    case 'month':
      return labels(
        formatWarekiMonth(period.year, period.month),
        formatSeirekiMonth(period.year, period.month),
        '月次',
      )
    case 'year': {
      const fiscal = { fiscal: period.basis !== 'calendar' }
      return labels(formatWarekiYear(period.year, fiscal), formatSeirekiYear(period.year, fiscal), '年次')
    }
    case 'range': {
      const { start, end } = periodRange(period)
      const last = Math.max(start, end - 1)
      return labels(
        `${formatWarekiDate(start)}～${formatWarekiDate(last)}`,
        `${formatSeirekiDate(start)}～${formatSeirekiDate(last)}`,
        '期間',
      )
    }
  }
}

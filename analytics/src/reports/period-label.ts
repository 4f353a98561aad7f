/** Period labels for titles and file names: '令和8年10月（2026年10月）', '令和8年度', '2026-10'. */
import { periodLabels, type ReportPeriod } from '../kpi/period'

export type PeriodLabelStyle = 'both' | 'wareki' | 'seireki' | 'file'

export function periodLabel(period: ReportPeriod, style: PeriodLabelStyle = 'both'): string {
  if (style === 'file') {
    if (period.kind === 'month') return `${period.year}-${String(period.month).padStart(2, '0')}`
    if (period.kind === 'year') return period.basis === 'calendar' ? `${period.year}` : `FY${period.year}`
    return `${period.start.slice(0, 10)}_${period.end.slice(0, 10)}`
  }
  return periodLabels(period)[style]
}

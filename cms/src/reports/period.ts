import type { ReportPeriod } from '@kotae/analytics'
import { z } from 'zod'

/**
 * A report period as the city writes it: '2026-10' is October 2026 (JST), '2026' is 令和8年度
 * (fiscal year April 2026 – March 2027, the city's contract year).
 */
export const PeriodParamSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2})?$/, '期間は 2026-10（月次）または 2026（年度）の形で指定してください')
  .transform((s, ctx): ReportPeriod => {
    const [y, m] = s.split('-').map(Number) as [number, number | undefined]
    if (y < 2000 || y > 2100) ctx.addIssue({ code: 'custom', message: `年が範囲外です: ${y}` })
    if (m === undefined) return { kind: 'year', year: y }
    if (m < 1 || m > 12) ctx.addIssue({ code: 'custom', message: `月が範囲外です: ${m}` })
    return { kind: 'month', year: y, month: m }
  })

export const REPORT_FORMATS = ['xlsx', 'csv', 'pdf', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

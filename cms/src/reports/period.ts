import { formatWarekiDate, periodLabels, periodRange, type ReportPeriod } from '@kotae/analytics'
import type { Payload } from 'payload'
import { z } from 'zod'

import { sqlOf } from '../db/sql'

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

/**
 * Why a period cannot have a report, in plain Japanese, or null: it has not begun yet, or it ended
 * before the first record (call log or PBX record) in the database. A period with records, or the
 * current one, is reported even when some of its figures are zero.
 */
export async function periodProblem(
  payload: Payload,
  period: ReportPeriod,
  now = new Date(),
): Promise<string | null> {
  const { start, end } = periodRange(period)
  const label = periodLabels(period).both
  if (start > now.getTime())
    return `${label}はまだ始まっていないため、レポートは作成できません（本日は${formatWarekiDate(now.getTime())}です）。`
  const [row] = await sqlOf(payload).query<{ calls: unknown; telephony: unknown }>(
    'SELECT (SELECT MIN(talk_started_at) FROM calls) AS calls, (SELECT MIN(offered_at) FROM telephony_records) AS telephony',
  )
  const firsts = [row?.calls, row?.telephony]
    .filter((v) => v !== null && v !== undefined)
    .map((v) => new Date(v as string | Date).getTime())
  if (!firsts.length)
    return `問い合わせ記録も電話システムの記録もまだないため、${label}のレポートは作成できません。`
  const first = Math.min(...firsts)
  if (end <= first)
    return `${label}は最初の記録（${formatWarekiDate(first)}）より前のため、データがありません。`
  return null
}

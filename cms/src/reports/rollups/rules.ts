/**
 * The counting rules a rollup is computed with. The rollups count by the city's hours (the in-hours
 * flag), its short-abandon and service-level thresholds and the 一次完了 repeat window, so those are
 * stored beside them (report_rollup_rules): a report reads the rollups only when its rules are these,
 * and the hooks and the import keep them with these. Queues, resolved outcomes and hold-in-span stay
 * choices of the report (the rollups keep queue, outcome and the sums each needs).
 */
import { resolveReportOptions, type ReportOptions, type ResolvedReportOptions } from '@kotae/analytics'

import { canonicalJson } from '../../lib/canonicalJson'
import type { Exec } from '../../db/exec'

export type RollupRules = Pick<
  ResolvedReportOptions,
  'shortAbandonSeconds' | 'serviceLevelSeconds' | 'hours' | 'repeatWindowDays'
>

export function rollupRulesOf(options: ReportOptions): RollupRules {
  const { shortAbandonSeconds, serviceLevelSeconds, hours, repeatWindowDays } = resolveReportOptions(options)
  return { shortAbandonSeconds, serviceLevelSeconds, hours, repeatWindowDays }
}

/** Two equal rule sets give the same key whatever order their objects were built in. */
export const rulesKey = (rules: RollupRules): string => canonicalJson(rules)

/** The rules the rollups were built with, or null before the first `reports:rebuild`. */
export async function storedRules(db: Pick<Exec, 'rows'>): Promise<RollupRules | null> {
  const [row] = await db.rows('SELECT rules FROM report_rollup_rules WHERE id = 1')
  return row ? (JSON.parse(String(row[0])) as RollupRules) : null
}

export async function storeRules(db: Exec, rules: RollupRules): Promise<void> {
  await db.run('DELETE FROM report_rollup_rules WHERE id = 1')
  await db.run('INSERT INTO report_rollup_rules (id, rules) VALUES (1, ?)', [rulesKey(rules)])
}

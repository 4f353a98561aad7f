/**
 * Closed months frozen as stored report JSON (decision 0051). `npm run reports:freeze -- --month
 * 2026-10` stores the month's report as counted now; from then on the API, `npm run report` and the
 * admin serve that JSON as it is, marked 確定 in every format, whatever is written later.
 *
 * A late write into a frozen month is not refused: the PBX import, the desk, retention and the
 * transcripts all write calls, and a correction of a summary changes no figure. Instead every serve
 * counts the month's records added, changed or deleted since the freeze (updated_at, and the row
 * counts stored with it), prints that number on the report and logs it, so the city sees that the
 * figures it was sent are no longer what the records say; `--again` stores the month anew and
 * `--unfreeze` serves it counted from the records again.
 */
import { monthRange, periodLabels, type ReportPeriod } from '@kotae/analytics'
import type { Payload } from 'payload'

import { type LoadedReport, loadReport } from './load'
import { periodProblem } from './period'
import { type Sql, sqlOf } from '../db/sql'

type Month = Extract<ReportPeriod, { kind: 'month' }>

/** The records a month's report counts, by the instant that places each in its month. */
const RECORD_TABLES = [
  ['calls', 'talk_started_at'],
  ['telephony_records', 'offered_at'],
  ['escalations', 'created_at'],
] as const

const monthKey = (p: Month) => `${p.year}-${String(p.month).padStart(2, '0')}`

/** Per record table: rows of the month, and those created or updated after `since`. */
async function monthRecords(sql: Sql, p: Month, since: string) {
  const { start, end } = monthRange(p.year, p.month)
  const counts: Record<string, { rows: number; created: number; updated: number }> = {}
  for (const [table, at] of RECORD_TABLES) {
    const [r] = await sql.query<Record<string, unknown>>(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN created_at > ? THEN 1 ELSE 0 END) AS c,
         SUM(CASE WHEN updated_at > ? THEN 1 ELSE 0 END) AS u FROM ${table} WHERE ${at} >= ? AND ${at} < ?`,
      [since, since, new Date(start).toISOString(), new Date(end).toISOString()],
    )
    counts[table] = { rows: Number(r?.n ?? 0), created: Number(r?.c ?? 0), updated: Number(r?.u ?? 0) }
  }
  return counts
}

/** The month's stored report with the records changed since, or null when the month is not frozen. */
export async function frozenReport(payload: Payload, p: Month): Promise<LoadedReport | null> {
  const sql = sqlOf(payload)
  const [row] = await sql.query<{ frozen_at: string; loaded: string; counts: string }>(
    'SELECT frozen_at, loaded, counts FROM report_frozen_months WHERE month = ?',
    [monthKey(p)],
  )
  if (!row) return null
  const stored = JSON.parse(row.counts) as Record<string, number>
  let laterChanges = 0
  for (const [table, now] of Object.entries(await monthRecords(sql, p, row.frozen_at))) {
    // Updated includes created; rows gone are those stored less those still there from before.
    laterChanges += now.updated + Math.max(0, (stored[table] ?? 0) - (now.rows - now.created))
  }
  if (laterChanges)
    payload.logger.warn({ msg: 'frozen report month has later writes', month: monthKey(p), laterChanges })
  return { ...(JSON.parse(row.loaded) as LoadedReport), frozen: { at: row.frozen_at, laterChanges } }
}

/** What the API, the CLI and the admin serve: a frozen month as stored, any other period counted now. */
export async function loadServedReport(payload: Payload, period: ReportPeriod): Promise<LoadedReport> {
  return (period.kind === 'month' && (await frozenReport(payload, period))) || loadReport(payload, period)
}

/**
 * Stores a closed month's report as counted now (`again`: replaces a stored one); throws with the
 * reason, in Japanese, for a month not closed yet, one without records, or one frozen already.
 */
export async function freezeMonth(payload: Payload, p: Month, again = false): Promise<{ at: string }> {
  const label = periodLabels(p).both
  const at = new Date().toISOString()
  if (monthRange(p.year, p.month).end > Date.parse(at))
    throw new Error(`${label}はまだ終わっていないため、確定できません。`)
  const problem = await periodProblem(payload, p)
  if (problem) throw new Error(problem)
  const sql = sqlOf(payload)
  const [old] = await sql.query('SELECT month FROM report_frozen_months WHERE month = ?', [monthKey(p)])
  if (old && !again)
    throw new Error(`${label}は確定済みです。記録から作り直すときは --again を付けてください。`)
  const { report, labels, trend, counted } = await loadReport(payload, p)
  const rows = Object.fromEntries(
    Object.entries(await monthRecords(sql, p, at)).map(([table, c]) => [table, c.rows]),
  )
  await sql.transaction(async (tx) => {
    await tx.run('DELETE FROM report_frozen_months WHERE month = ?', [monthKey(p)])
    await tx.run('INSERT INTO report_frozen_months (month, frozen_at, loaded, counts) VALUES (?, ?, ?, ?)', [
      monthKey(p),
      at,
      JSON.stringify({ report, labels, trend, counted }),
      JSON.stringify(rows),
    ])
  })
  return { at }
}

/** Serves the month counted from the records again; false when it was not frozen. */
export async function unfreezeMonth(payload: Payload, p: Month): Promise<boolean> {
  return (await sqlOf(payload).run('DELETE FROM report_frozen_months WHERE month = ?', [monthKey(p)])) > 0
}

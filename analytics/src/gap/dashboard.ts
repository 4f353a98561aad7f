/**
 * Small pure pieces of the dashboard that computeReport (../kpi) does not give directly: calls by
 * outcome, and the 30-minute rows folded into hours for a chart that fits a screen.
 */
import type { HalfHourRow } from '../kpi'

export interface OutcomeRow {
  outcome: string
  count: number
  /** count / all calls, null without calls. */
  share: number | null
}

/** Calls per outcome, in the order of `outcomes` (unknown outcomes last, by name). */
export function outcomeRows(calls: Iterable<{ outcome: string }>, outcomes: readonly string[]): OutcomeRow[] {
  const counts = new Map<string, number>(outcomes.map((o) => [o, 0]))
  let total = 0
  for (const c of calls) {
    counts.set(c.outcome, (counts.get(c.outcome) ?? 0) + 1)
    total += 1
  }
  const known = new Set(outcomes)
  const order = [...outcomes, ...[...counts.keys()].filter((o) => !known.has(o)).sort()]
  return order.map((outcome) => {
    const count = counts.get(outcome) ?? 0
    return { outcome, count, share: total > 0 ? count / total : null }
  })
}

export interface HourRow {
  /** 0–23 JST */
  hour: number
  /** '09時' */
  label: string
  calls: number
  offered: number | null
  answered: number | null
}

/** 48 half-hour rows → 24 hour rows (telephony counts stay null when the rows have none). */
export function hourRows(halfHours: readonly HalfHourRow[]): HourRow[] {
  const rows: HourRow[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    label: `${String(hour).padStart(2, '0')}時`,
    calls: 0,
    offered: null,
    answered: null,
  }))
  const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b)
  for (const r of halfHours) {
    const row = rows[Math.floor(r.slot / 2)]
    if (!row) continue
    row.calls += r.calls
    row.offered = add(row.offered, r.offered)
    row.answered = add(row.answered, r.answered)
  }
  return rows
}

/** The hours that had any traffic, widened to whole business hours for a compact chart. */
export function busyHours(
  rows: readonly HourRow[],
  atLeast: { from: number; to: number } = { from: 8, to: 18 },
): HourRow[] {
  const used = rows.filter((r) => r.calls > 0 || (r.offered ?? 0) > 0).map((r) => r.hour)
  const from = Math.min(atLeast.from, ...used)
  const to = Math.max(atLeast.to, ...used)
  return rows.filter((r) => r.hour >= from && r.hour <= to)
}

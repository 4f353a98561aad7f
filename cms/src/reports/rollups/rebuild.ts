/**
 * `npm run reports:rebuild`: the rollups recomputed from the records, in one transaction. With the
 * city profile's counting rules unchanged, the months asked for; when they changed (or on the first
 * run) every month with records, since a rollup built with other hours or thresholds would not add
 * up with the rest. Idempotent: running it twice writes the same rows.
 */
import { jstParts, monthRange } from '@kotae/analytics'
import type { Payload } from 'payload'

import { readCountingRules } from '../counting'
import { execOf, type Exec, msSql } from '../../db/exec'
import { refreshRange } from './refresh'
import { rollupRulesOf, rulesKey, storedRules, storeRules } from './rules'

export interface RebuildResult {
  /** JST months rebuilt, 'YYYY-MM', first and last (null when there are no records). */
  from: string | null
  to: string | null
  /** Every month was rebuilt (first run, or the counting rules changed). */
  all: boolean
}

const ROLLUP_TABLES = ['report_telephony_slots', 'report_call_slots', 'report_faq_days'] as const
const monthKey = (ms: number) => {
  const p = jstParts(ms)
  return `${p.year}-${String(p.month).padStart(2, '0')}`
}
const monthOf = (key: string) => monthRange(...(key.split('-').map(Number) as [number, number]))

/** The first and last instants of any call or telephony record, or null. */
async function recordSpan(db: Exec): Promise<[number, number] | null> {
  const ms = (c: string) => msSql(db, c)
  const [row] = await db.rows(
    `SELECT (SELECT MIN(${ms('talk_started_at')}) FROM calls) AS c0, (SELECT MAX(${ms('talk_started_at')}) FROM calls) AS c1,
       (SELECT MIN(${ms('offered_at')}) FROM telephony_records) AS c2, (SELECT MAX(${ms('offered_at')}) FROM telephony_records) AS c3`,
  )
  const values = (row ?? []).filter((v) => v !== null && v !== undefined).map(Number)
  return values.length ? [Math.min(...values), Math.max(...values)] : null
}

export async function rebuildRollups(
  payload: Payload,
  months?: { from: string; to: string },
): Promise<RebuildResult> {
  const rules = rollupRulesOf(await readCountingRules(payload))
  const id = await payload.db.beginTransaction()
  const req = id === null ? {} : { transactionID: id }
  try {
    const db = await execOf(payload, req)
    const stored = await storedRules(db)
    const all = !months || stored === null || rulesKey(stored) !== rulesKey(rules)
    let result: RebuildResult
    if (all) {
      for (const table of ROLLUP_TABLES) await db.run(`DELETE FROM ${table}`)
      await storeRules(db, rules)
      const span = await recordSpan(db)
      result = span
        ? { from: monthKey(span[0]), to: monthKey(span[1]), all: true }
        : { from: null, to: null, all: true }
    } else result = { ...months, all: false }
    if (result.from && result.to) await refreshRange(db, monthOf(result.from).start, monthOf(result.to).end)
    if (id !== null) await payload.db.commitTransaction(id)
    return result
  } catch (e) {
    if (id !== null) await payload.db.rollbackTransaction(id)
    throw e
  }
}

/**
 * After the city profile may have changed (the seed, the first start): rebuilds every month when the
 * rollups were never built or were built with other counting rules, else does nothing (null). On a
 * new installation this is instant and turns the rollups on from the first call.
 */
export async function rebuildRollupsIfRulesChanged(payload: Payload): Promise<RebuildResult | null> {
  const rules = rollupRulesOf(await readCountingRules(payload))
  const stored = await storedRules(await execOf(payload))
  if (stored && rulesKey(stored) === rulesKey(rules)) return null
  return rebuildRollups(payload)
}

/**
 * The call-log and telephony-record hooks that keep the rollups (refresh.ts) in the request's
 * transaction: what a call was before the change is read first (its caller hash is closed to the
 * API, so it is read with SQL), then after the change the 一次完了 flags of that caller's calls
 * around the old and the new time are set again, and the half-hours and days concerned recomputed.
 */
import { DAY_MS, HALF_HOUR_MS } from '@kotae/analytics'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { execOf, type Exec, msSql } from '../../db/exec'
import { callSlots, faqDays, refreshCalledAgain, telephonySlots } from './refresh'
import { storedRules } from './rules'

interface CallState {
  hash: string | null
  at: number
}

async function callState(db: Exec, where: string, id: unknown): Promise<(CallState & { id: number }) | null> {
  const [row] = await db.rows(
    `SELECT c.id AS c0, c.caller_hash AS c1, ${msSql(db, 'c.talk_started_at')} AS c2 FROM ${where}`,
    [id],
  )
  return row
    ? { id: Number(row[0]), hash: row[1] === null ? null : String(row[1]), at: Number(row[2]) }
    : null
}
const callById = (db: Exec, id: unknown) => callState(db, 'calls c WHERE c.id = ?', id)

/** After a call changed from `before` to `after` (null: not there): its caller's flags, then the rollups concerned. */
export async function refreshAroundCall(db: Exec, before: CallState | null, after: CallState | null) {
  const rules = await storedRules(db)
  if (!rules) return
  const windowMs = Math.round(rules.repeatWindowDays * DAY_MS)
  const callers = [...new Set([before?.hash, after?.hash].filter((h): h is string => !!h))]
  const times = [...new Set([before?.at, after?.at].filter((t): t is number => Number.isFinite(t)))]
  const changed: number[] = []
  for (const t of times) changed.push(...(await refreshCalledAgain(db, rules, t - windowMs, t + 1, callers)))
  const slot = (t: number) => Math.floor(t / HALF_HOUR_MS) * HALF_HOUR_MS
  for (const s of new Set([...times, ...changed].map(slot)))
    await callSlots.refresh(db, rules, s, s + HALF_HOUR_MS)
  for (const t of times) await faqDays.refresh(db, rules, t, t + 1)
}

const contextKey = (what: string, id: unknown) => `rollups:${what}:${String(id)}`
const rememberCall = async (req: PayloadRequest, id: unknown) => {
  req.context[contextKey('call', id)] = await callById(await execOf(req.payload, req), id)
}

export const rememberCallBeforeChange: CollectionBeforeChangeHook = async ({
  operation,
  originalDoc,
  req,
  data,
}) => {
  if (operation === 'update' && originalDoc?.id !== undefined) await rememberCall(req, originalDoc.id)
  return data
}

export const rememberCallBeforeDelete: CollectionBeforeDeleteHook = ({ id, req }) => rememberCall(req, id)

export const refreshRollupsAfterCallChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const db = await execOf(req.payload, req)
  const before = (req.context[contextKey('call', doc.id)] as CallState | undefined) ?? null
  await refreshAroundCall(db, before, await callById(db, doc.id))
  return doc
}

export const refreshRollupsAfterCallDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  const before = (req.context[contextKey('call', id)] as CallState | undefined) ?? null
  await refreshAroundCall(await execOf(req.payload, req), before, null)
}

/** A telephony record an admin deletes: its half-hour, and its call (which may take another record's caller hash). */
export const rememberTelephonyBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await execOf(req.payload, req)
  const [row] = await db.rows(`SELECT ${msSql(db, 'offered_at')} AS c0 FROM telephony_records WHERE id = ?`, [
    id,
  ])
  req.context[contextKey('telephony', id)] = {
    offered: row ? Number(row[0]) : null,
    call: await callState(db, 'telephony_records t JOIN calls c ON c.id = t.call_id WHERE t.id = ?', id),
  }
}

export const refreshRollupsAfterTelephonyDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  const db = await execOf(req.payload, req)
  const rules = await storedRules(db)
  const before = req.context[contextKey('telephony', id)] as
    | { offered: number | null; call: (CallState & { id: number }) | null }
    | undefined
  if (!rules || !before) return
  if (before.offered !== null) await telephonySlots.refresh(db, rules, before.offered, before.offered + 1)
  if (before.call) await refreshAroundCall(db, before.call, await callById(db, before.call.id))
}

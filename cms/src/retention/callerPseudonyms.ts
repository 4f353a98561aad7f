/**
 * The caller pseudonyms of expired calls (calls.caller_hash, the salted hash of the caller's
 * number). While the salt exists the hash is personal data — every number could be tried — so an
 * anonymized call must lose it. But the reports' 一次完了 check compares callers: a resolved call
 * followed by one from the same caller on the same category within the repeat window (7 days) was
 * not resolved. Clearing the hashes would change every past month's 一次完了.
 *
 * So the hashes are replaced, per chain: a caller's calls on one category in time order, split
 * wherever two are more than the window apart. Repeats only happen inside a chain (same caller,
 * same category, within the window), so one fresh random token per chain keeps every comparison
 * the check makes, while a caller's calls on other topics or more than a window apart can no
 * longer be linked, and nothing links any token to a number. A chain is replaced only once it is
 * complete: when the caller's next call on that category (at or after the cutoff) is within the
 * window of the chain's last, the chain waits — its hashes stay — until a run finds it complete,
 * the first after the caller leaves a window's gap between two calls on that topic.
 *
 * The calls are read in time order, a page at a time; only the callers of the last window are in
 * memory. Hand-written: a window-function query would need every expired call sorted by caller.
 */
import { randomBytes } from 'node:crypto'

import { parseInstant } from '@kotae/analytics'

import type { Sql } from '../db/sql'

/** Tokens start with this (a real hash is hex), so the run and a reader can tell them apart. */
const PSEUDONYM_TOKEN_PREFIX = 'anon:'
const PAGE = 10_000
const UPDATE_BATCH = 10_000

interface Chain {
  ids: number[]
  last: number
}

export async function replaceCallerPseudonyms(
  db: Sql,
  before: string,
  windowMs: number,
  apply: boolean,
): Promise<{ replaced: number; held: number }> {
  const realHash = `caller_hash IS NOT NULL AND caller_hash NOT LIKE '${PSEUDONYM_TOKEN_PREFIX}%'`
  const open = new Map<string, Chain>()
  let pending: [number, string][] = []
  let replaced = 0
  const flush = async (force: boolean) => {
    if (!apply || (!force && pending.length < UPDATE_BATCH)) return
    for (let i = 0; i < pending.length; i += UPDATE_BATCH)
      await setTokens(db, pending.slice(i, i + UPDATE_BATCH))
    pending = []
  }
  const close = (chain: Chain) => {
    replaced += chain.ids.length
    if (!apply) return
    const token = PSEUDONYM_TOKEN_PREFIX + randomBytes(16).toString('hex')
    for (const id of chain.ids) pending.push([id, token])
  }

  // Expired calls with a real hash, in time order (keyset pages on the talk_started_at index).
  let after: { at: unknown; id: number } | null = null
  for (;;) {
    const rows: { id: unknown; h: string; c: unknown; at: unknown }[] = await db.query(
      `SELECT id, caller_hash AS h, category_id AS c, talk_started_at AS at FROM calls
        WHERE talk_started_at < ? AND ${realHash}${after ? ' AND (talk_started_at > ? OR (talk_started_at = ? AND id > ?))' : ''}
        ORDER BY talk_started_at, id LIMIT ${PAGE}`,
      after ? [before, after.at, after.at, after.id] : [before],
    )
    for (const r of rows) {
      const at = parseInstant(r.at as string)
      const id = Number(r.id)
      const key = chainKey(r.h, r.c)
      const chain = open.get(key)
      if (chain && at - chain.last <= windowMs) {
        chain.ids.push(id)
        chain.last = at
      } else {
        if (chain) close(chain)
        open.set(key, { ids: [id], last: at })
      }
    }
    if (rows.length === 0) break
    const last = rows[rows.length - 1]!
    after = { at: last.at, id: Number(last.id) }
    // Chains no later call can join any more are complete.
    const now = parseInstant(last.at as string)
    for (const [key, chain] of open)
      if (now - chain.last > windowMs) {
        close(chain)
        open.delete(key)
      }
    await flush(false)
    if (rows.length < PAGE) break
  }

  // The chains still open end within a window of the cutoff: complete unless the caller's first
  // call on the category at or after the cutoff is within the window of the chain's last call.
  const next = new Map<string, number>()
  if (open.size) {
    const until = new Date(parseInstant(before) + windowMs).toISOString()
    const rows = await db.query<{ h: string; c: unknown; at: unknown }>(
      `SELECT caller_hash AS h, category_id AS c, MIN(talk_started_at) AS at FROM calls
        WHERE talk_started_at >= ? AND talk_started_at <= ? AND caller_hash IS NOT NULL GROUP BY caller_hash, category_id`,
      [before, until],
    )
    for (const r of rows) next.set(chainKey(r.h, r.c), parseInstant(r.at as string))
  }
  let held = 0
  for (const [key, chain] of open) {
    const following = next.get(key)
    if (following !== undefined && following - chain.last <= windowMs) held += chain.ids.length
    else close(chain)
  }
  await flush(true)
  return { replaced, held }
}

/** A caller on a category (none: calls without one are never compared, and chain on their own). */
const chainKey = (hash: string, category: unknown) =>
  `${hash}\u0000${category === null || category === undefined ? '' : String(category)}`

/** Writes `[call id, token]` pairs in one statement. */
async function setTokens(db: Sql, pairs: [number, string][]): Promise<void> {
  if (db.dialect === 'postgres') {
    await db.run(
      'UPDATE calls SET caller_hash = v.h FROM unnest(?::integer[], ?::text[]) AS v(id, h) WHERE calls.id = v.id',
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    )
    return
  }
  await db.run(
    "UPDATE calls SET caller_hash = json_extract(j.value, '$[1]') FROM json_each(?) AS j WHERE calls.id = json_extract(j.value, '$[0]')",
    [JSON.stringify(pairs)],
  )
}

// Drizzle's sql tag as both adapters re-export it (drizzle-orm itself is not our dependency).
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { SearchIndex } from '@kotae/search-indexer'

import { UsagePrior } from './usagePrior'

/**
 * The usage prior of this CMS process, learned from the logged calls: their masked search words
 * (`queries`, else the masked summary) and the FAQs they used, keyed by FAQ id. Callback contact
 * fields are never read. New calls are picked up by id at most every REFRESH_MS, in the
 * background, so a lookup never waits for it; edits to old calls are seen after a restart.
 */
type State = {
  payload: Payload
  prior: UsagePrior
  lastId: number
  refreshedAt: number
  running: Promise<void> | null
}
const KEY = Symbol.for('kotae.operatorPrior')
const holder = globalThis as unknown as { [KEY]?: State }
const PAGE = 5_000
const REFRESH_MS = 10_000

type Row = Record<string, unknown>
type SQL = ReturnType<typeof sql>

/**
 * Reads calls straight from Payload's tables (calls, calls_texts for `queries`, calls_rels for
 * `faqsUsed`; the same names on SQLite and PostgreSQL). Why not payload.find: on SQLite it took
 * ~30 s per 5,000 calls with these hasMany fields, so 100,000 calls would delay boot by minutes.
 * Only these columns are read; the callback contact columns never are.
 */
async function rows(payload: Payload, query: SQL): Promise<Row[]> {
  const db = (
    payload.db as unknown as {
      drizzle: { all?: (q: SQL) => Promise<Row[]>; execute?: (q: SQL) => Promise<{ rows: Row[] }> }
    }
  ).drizzle
  if (payload.db.name === 'postgres' && db.execute) return (await db.execute(query)).rows
  if (db.all) return db.all(query)
  throw new Error(`usage prior: no SQL reader for the ${payload.db.name} adapter`)
}

async function pull(state: State): Promise<void> {
  for (;;) {
    const calls = await rows(
      state.payload,
      sql`SELECT id, talk_started_at, summary FROM calls WHERE id > ${state.lastId} ORDER BY id LIMIT ${PAGE}`,
    )
    if (calls.length === 0) break
    const from = state.lastId
    const to = Number(calls.at(-1)!.id)
    const [texts, rels] = await Promise.all([
      rows(
        state.payload,
        sql`SELECT parent_id, text FROM calls_texts WHERE path = 'queries' AND parent_id > ${from} AND parent_id <= ${to} ORDER BY parent_id, "order"`,
      ),
      rows(
        state.payload,
        sql`SELECT parent_id, faqs_id FROM calls_rels WHERE path = 'faqsUsed' AND faqs_id IS NOT NULL AND parent_id > ${from} AND parent_id <= ${to} ORDER BY parent_id, "order"`,
      ),
    ])
    const queries = group(texts, 'text')
    const faqs = group(rels, 'faqs_id')
    for (const c of calls) {
      const id = Number(c.id)
      const q = queries.get(id) ?? []
      const at =
        c.talk_started_at instanceof Date
          ? c.talk_started_at.getTime()
          : Date.parse(String(c.talk_started_at))
      state.prior.add({
        texts: q.length ? q : c.summary ? [String(c.summary)] : [],
        faqs: faqs.get(id) ?? [],
        at,
      })
    }
    state.lastId = to
    if (calls.length < PAGE) break
  }
  state.refreshedAt = Date.now()
}

function group(list: Row[], column: string): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (const r of list) {
    const key = Number(r.parent_id)
    const value = r[column]
    if (value === null || value === undefined) continue
    const bucket = out.get(key)
    if (bucket) bucket.push(String(value))
    else out.set(key, [String(value)])
  }
  return out
}

function refresh(state: State): Promise<void> {
  state.running ??= pull(state)
    .catch((error: unknown) =>
      state.payload.logger.error({ err: error, msg: 'usage prior: reading calls failed' }),
    )
    .finally(() => {
      state.running = null
    })
  return state.running
}

/** Learns from every call so far (awaited at boot by the warm-up). */
export async function warmOperatorPrior(payload: Payload, index: SearchIndex): Promise<UsagePrior> {
  const state = stateFor(payload, index)
  await refresh(state)
  return state.prior
}

/** The prior as it is now; starts or schedules a background pull of newer calls. */
export function currentOperatorPrior(payload: Payload, index: SearchIndex): UsagePrior {
  const state = stateFor(payload, index)
  if (Date.now() - state.refreshedAt > REFRESH_MS) void refresh(state)
  return state.prior
}

function stateFor(payload: Payload, index: SearchIndex): State {
  const existing = holder[KEY]
  if (existing && existing.payload === payload) return existing
  const prior = new UsagePrior((text) => index.analyzer.analyzeQuery(text).tokens)
  const state: State = { payload, prior, lastId: 0, refreshedAt: 0, running: null }
  holder[KEY] = state
  return state
}

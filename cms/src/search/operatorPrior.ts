import type { Payload } from 'payload'

import type { SearchIndex } from '@kotae/search-indexer'

import { UsagePrior } from './usagePrior'

/**
 * The usage prior of this CMS process, learned from the logged calls: their masked search words
 * (`queries`, else the masked summary) and the FAQs they used, keyed by FAQ id. Callback contact
 * fields are never read. New calls are picked up by id at most every REFRESH_MS, in the
 * background, so a lookup never waits for it; edits to old calls are seen after a restart.
 */
type State = { payload: Payload; prior: UsagePrior; lastId: number; refreshedAt: number; running: Promise<void> | null }
const KEY = Symbol.for('kotae.operatorPrior')
const holder = globalThis as unknown as { [KEY]?: State }
const PAGE = 5_000
const REFRESH_MS = 10_000

type CallRow = { id: number | string; talkStartedAt?: string | null; queries?: string[] | null; summary?: string | null; faqsUsed?: (number | string | { id: number | string })[] | null }

async function pull(state: State): Promise<void> {
  for (;;) {
    const page = await state.payload.find({
      collection: 'calls',
      where: { id: { greater_than: state.lastId } },
      sort: 'id',
      limit: PAGE,
      depth: 0,
      pagination: false,
      select: { talkStartedAt: true, queries: true, summary: true, faqsUsed: true },
      overrideAccess: true,
    })
    for (const c of page.docs as CallRow[]) {
      const faqs = (c.faqsUsed ?? []).map((f) => String(typeof f === 'object' ? f.id : f))
      const texts = c.queries?.length ? c.queries : c.summary ? [c.summary] : []
      state.prior.add({ texts, faqs, at: Date.parse(c.talkStartedAt ?? '') })
      state.lastId = Math.max(state.lastId, Number(c.id))
    }
    if (page.docs.length < PAGE) break
  }
  state.refreshedAt = Date.now()
}

function refresh(state: State): Promise<void> {
  state.running ??= pull(state)
    .catch((error: unknown) => state.payload.logger.error({ err: error, msg: 'usage prior: reading calls failed' }))
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

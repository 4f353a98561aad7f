import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { PastCall } from '../desk/types'

/**
 * Recent masked calls that used the desk's top FAQs. Reading them was about a fifth of a lookup's CPU
 * (a profile of bench:load, 3,000 FAQs and 100,000 calls on SQLite: ~5 ms of ~24 ms), and the same
 * few top-FAQ sets come back all day. So each set's answer is kept for PAST_CALLS_TTL_MS and
 * dropped whenever a call is written or deleted on this app server; a call saved on another app
 * server shows within the TTL.
 */
const PAST_CALLS_TTL_MS = 15_000
const MAX_SETS = 2_000
const cache = new Map<string, { calls: PastCall[]; at: number }>()

export function forgetPastCalls(): void {
  cache.clear()
}

/** Calls hooks: a new, edited or deleted call is in the next lookup. */
export const forgetPastCallsAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  forgetPastCalls()
  return doc
}
export const forgetPastCallsAfterDelete: CollectionAfterDeleteHook = () => forgetPastCalls()

/** The three latest calls that used any of `faqIds` (summaries are masked when stored). */
export async function pastCallsFor(req: PayloadRequest, faqIds: (number | string)[]): Promise<PastCall[]> {
  const key = faqIds.join(',')
  const kept = cache.get(key)
  if (kept && Date.now() - kept.at < PAST_CALLS_TTL_MS) return kept.calls
  const past = await req.payload.find({
    collection: 'calls',
    where: { faqsUsed: { in: faqIds } },
    sort: '-talkStartedAt',
    limit: 3,
    depth: 1,
    pagination: false,
    // Contact details are never selected.
    select: { talkStartedAt: true, summary: true, outcome: true, faqsUsed: true },
    populate: { faqs: { question: true } },
    overrideAccess: true,
    req,
  })
  const calls: PastCall[] = past.docs.map((c) => ({
    id: c.id,
    talkStartedAt: c.talkStartedAt,
    summary: c.summary,
    outcome: c.outcome,
    faqsUsed: (c.faqsUsed ?? [])
      .filter((f): f is Exclude<typeof f, number> => typeof f === 'object')
      .map((f) => ({ id: f.id, question: f.question })),
  }))
  cache.delete(key)
  cache.set(key, { calls, at: Date.now() })
  if (cache.size > MAX_SETS) cache.delete(cache.keys().next().value!)
  return calls
}

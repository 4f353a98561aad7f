import type { SearchIndex } from '@kotae/search-indexer'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { PastCall } from '../desk/types'
import { faqQuestionOf } from './operatorIndex'

/**
 * Recent masked calls that used the desk's top FAQs. Reading them was about a fifth of a lookup's CPU
 * (a profile of bench:load, 3,000 FAQs and 100,000 calls on SQLite: ~5 ms of ~24 ms), and the same
 * few top-FAQ sets come back all day. So each set's answer is kept for PAST_CALLS_TTL_MS; a call
 * written or deleted on this app server drops only the sets that share one of its FAQs (operators
 * save a call every few seconds at a busy desk), and a call saved on another app server shows
 * within the TTL.
 */
const PAST_CALLS_TTL_MS = 30_000
const MAX_SETS = 2_000
const cache = new Map<string, { faqs: ReadonlySet<string>; calls: PastCall[]; at: number }>()

/** Drops the kept sets that share one of these FAQs (all of them without an argument). */
function forgetPastCalls(faqIds?: readonly (number | string)[]): void {
  if (!faqIds) {
    cache.clear()
    return
  }
  const changed = faqIds.map(String)
  for (const [key, kept] of cache) if (changed.some((id) => kept.faqs.has(id))) cache.delete(key)
}

/** A call's FAQ ids, populated or not. */
const faqsOf = (call: { faqsUsed?: unknown } | undefined): (number | string)[] =>
  Array.isArray(call?.faqsUsed)
    ? call.faqsUsed.map(
        (f: unknown) => (typeof f === 'object' && f !== null && 'id' in f ? f.id : f) as number,
      )
    : []

/** Calls hooks: a new, edited or deleted call is in the next lookup (before and after an edit). */
export const forgetPastCallsAfterChange: CollectionAfterChangeHook = ({ doc, previousDoc }) => {
  forgetPastCalls([...faqsOf(doc), ...faqsOf(previousDoc)])
  return doc
}
export const forgetPastCallsAfterDelete: CollectionAfterDeleteHook = ({ doc }) => forgetPastCalls(faqsOf(doc))

/**
 * The three latest calls that used any of `faqIds` (summaries are masked when stored). The FAQs a
 * call used are named from the operator index (published ones), else read (one small query).
 */
export async function pastCallsFor(
  req: PayloadRequest,
  index: SearchIndex,
  faqIds: (number | string)[],
): Promise<PastCall[]> {
  const key = faqIds.join(',')
  const kept = cache.get(key)
  if (kept && Date.now() - kept.at < PAST_CALLS_TTL_MS) return kept.calls
  const past = await req.payload.find({
    collection: 'calls',
    where: { faqsUsed: { in: faqIds } },
    sort: '-talkStartedAt',
    limit: 3,
    depth: 0,
    pagination: false,
    // Contact details are never selected.
    select: { talkStartedAt: true, summary: true, outcome: true, faqsUsed: true },
    overrideAccess: true,
    req,
  })
  const questions = new Map<string, string>()
  const unnamed = new Set<number | string>()
  for (const id of past.docs.flatMap(faqsOf)) {
    const question = faqQuestionOf(index, id)
    if (question === undefined) unnamed.add(id)
    else questions.set(String(id), question)
  }
  if (unnamed.size > 0) {
    const faqs = await req.payload.find({
      collection: 'faqs',
      where: { id: { in: [...unnamed] } },
      select: { question: true },
      depth: 0,
      limit: unnamed.size,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const f of faqs.docs) questions.set(String(f.id), f.question)
  }
  const calls: PastCall[] = past.docs.map((c) => ({
    id: c.id,
    talkStartedAt: c.talkStartedAt,
    summary: c.summary,
    outcome: c.outcome,
    faqsUsed: faqsOf(c).flatMap((id) => {
      const question = questions.get(String(id))
      return question === undefined ? [] : [{ id, question }]
    }),
  }))
  cache.delete(key)
  cache.set(key, { faqs: new Set(faqIds.map(String)), calls, at: Date.now() })
  if (cache.size > MAX_SETS) cache.delete(cache.keys().next().value!)
  return calls
}

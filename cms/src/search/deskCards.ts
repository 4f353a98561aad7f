import type { SearchIndex } from '@kotae/search-indexer'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, Where } from 'payload'

import type { LookupCandidate } from '../desk/types'

/** What the desk shows of a published FAQ, guide or source beside the engine's hit. */
export type DeskCard = Pick<LookupCandidate, 'docId' | 'answer' | 'category' | 'sources' | 'bring' | 'steps'>

/**
 * Reading the shown documents was the largest part of a lookup (bench:lookup, 3,000 FAQs: p50
 * 8.7 ms of 17.6 ms; 4.7 ms for 8 FAQs through the local API), and operators see the same few
 * hundred FAQs all day. So every card is read once when the index is warmed up
 * ({@link warmDeskCards}) and kept per operator index: an entry's own card is dropped when it is
 * published, changed or taken down (applyEntryState, on every app server), and every card of this
 * process when a category or source changes (their hooks). Another app server's category or
 * source edit reaches the cards within CARD_TTL_MS.
 */
const CARD_TTL_MS = 10 * 60_000
const MAX_CARDS = 20_000
let cache = new WeakMap<SearchIndex, Map<string, { card: DeskCard; at: number }>>()

/** Drops the cards of these entries (`kind:id` keys) of `index`. */
export const forgetDeskCards = (index: SearchIndex, keys: readonly string[]): void => {
  const cards = cache.get(index)
  for (const key of keys) cards?.delete(key)
}

/** Drops every card of this process (a category or source changed: names and links on many cards). */
const forgetAllDeskCards = (): void => {
  cache = new WeakMap()
}

/** Categories and sources hooks. */
export const forgetDeskCardsAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  forgetAllDeskCards()
  return doc
}
export const forgetDeskCardsAfterDelete: CollectionAfterDeleteHook = () => forgetAllDeskCards()

type Ref = { kind: string; id: string }
/** The fields a card reads, as the finds below select them (relationships populated one level). */
type SourceFields = {
  id: number | string
  title?: string | null
  url?: string | null
  checkedAt?: string | null
}
type BringItem = { item: string; note?: string | null }
type FaqFields = {
  id: number | string
  answerText?: string | null
  category?: unknown
  sources?: unknown
  bring?: BringItem[] | null
}
type GuideFields = {
  id: number | string
  summary?: string | null
  category?: unknown
  sources?: unknown
  bring?: { items?: BringItem[] | null }[] | null
  steps?: { title: string; detail: string }[] | null
}
const relName = (rel: unknown) =>
  rel && typeof rel === 'object' && 'name' in rel ? String((rel as { name: unknown }).name) : null
const sourcesOf = (list: unknown): DeskCard['sources'] =>
  ((list ?? []) as unknown[])
    .filter((s): s is SourceFields => typeof s === 'object' && s !== null)
    .map((s) => ({ title: String(s.title), url: String(s.url), checkedAt: s.checkedAt ?? null }))

const faqCard = (d: FaqFields): DeskCard => ({
  docId: d.id,
  answer: d.answerText ?? '',
  category: relName(d.category),
  sources: sourcesOf(d.sources),
  bring: (d.bring ?? []).map((b) => ({ item: b.item, note: b.note })),
  steps: [],
})
const guideCard = (d: GuideFields): DeskCard => ({
  docId: d.id,
  answer: d.summary ?? '',
  category: relName(d.category),
  sources: sourcesOf(d.sources),
  bring: (d.bring ?? []).flatMap((b) => (b.items ?? []).map((i) => ({ item: i.item, note: i.note }))),
  steps: (d.steps ?? []).map((s) => ({ title: s.title, detail: s.detail })),
})
const sourceCard = (d: SourceFields): DeskCard => ({
  docId: d.id,
  answer: d.url ?? '',
  category: null,
  sources: sourcesOf([d]),
  bring: [],
  steps: [],
})

/**
 * The cards of `hits` (by `kind:id`), read from the database only for those not cached. Only
 * published FAQs and guides are read: every staff reader may read those (access/readContent.ts),
 * and the lookup has checked the role before asking. A hit with no card was taken down since the
 * index was read.
 */
export async function deskCards(
  payload: Payload,
  index: SearchIndex,
  hits: readonly Ref[],
): Promise<Map<string, DeskCard>> {
  let cards = cache.get(index)
  if (!cards) {
    cards = new Map()
    cache.set(index, cards)
  }
  const now = Date.now()
  const out = new Map<string, DeskCard>()
  const missing = (kind: string) =>
    hits
      .filter((h) => {
        if (h.kind !== kind) return false
        const cached = cards.get(`${h.kind}:${h.id}`)
        if (cached && now - cached.at < CARD_TTL_MS) out.set(`${h.kind}:${h.id}`, cached.card)
        return !out.has(`${h.kind}:${h.id}`)
      })
      .map((h) => h.id)
  const [faqSlugs, guideSlugs, sourceSlugs] = [missing('faq'), missing('guide'), missing('source')]
  // Only what the desk shows: no virtual usage count (a count over all calls per FAQ) and only
  // the names and links of categories and sources.
  const populate = {
    categories: { name: true },
    sources: { title: true, url: true, checkedAt: true },
  } as const
  const common = { depth: 1, pagination: false, overrideAccess: true, populate } as const
  const published = (slugs: string[]): Where => ({
    and: [{ slug: { in: slugs } }, { _status: { equals: 'published' } }],
  })
  const [faqs, guides, sources] = await Promise.all([
    faqSlugs.length
      ? payload.find({
          collection: 'faqs',
          where: published(faqSlugs),
          select: { slug: true, answerText: true, category: true, sources: true, bring: true },
          limit: faqSlugs.length,
          ...common,
        })
      : { docs: [] },
    guideSlugs.length
      ? payload.find({
          collection: 'guides',
          where: published(guideSlugs),
          select: { slug: true, summary: true, category: true, sources: true, bring: true, steps: true },
          limit: guideSlugs.length,
          ...common,
        })
      : { docs: [] },
    sourceSlugs.length
      ? payload.find({
          collection: 'sources',
          where: { slug: { in: sourceSlugs } },
          select: { slug: true, title: true, url: true, checkedAt: true },
          limit: sourceSlugs.length,
          ...common,
          depth: 0,
        })
      : { docs: [] },
  ])
  const keep = (key: string, card: DeskCard) => {
    out.set(key, card)
    cards.delete(key)
    cards.set(key, { card, at: now })
    if (cards.size > MAX_CARDS) cards.delete(cards.keys().next().value!)
  }
  for (const d of faqs.docs) keep(`faq:${d.slug}`, faqCard(d))
  for (const d of guides.docs) keep(`guide:${d.slug}`, guideCard(d))
  for (const d of sources.docs) keep(`source:${d.slug}`, sourceCard(d))
  return out
}

/** Reads every document's card of `index` now (at warm-up), so that no operator waits for one. */
export async function warmDeskCards(payload: Payload, index: SearchIndex): Promise<number> {
  const refs = index.keys().map((key) => {
    const at = key.indexOf(':')
    return { kind: key.slice(0, at), id: key.slice(at + 1) }
  })
  let read = 0
  // In slices: one `in` list per query stays well under SQLite's and PostgreSQL's parameter limits.
  for (let start = 0; start < refs.length; start += 500)
    read += (await deskCards(payload, index, refs.slice(start, start + 500))).size
  return read
}

import {
  CONTENT_WEIGHTS,
  createSearchIndex,
  faqToDocument,
  guideToDocument,
  queryLocale,
  sourceToDocument,
  type Answer,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
} from '@kotae/search-indexer'
import type { Payload, PayloadRequest } from 'payload'

import { forgetDeskCards, warmDeskCards } from './deskCards'
import { markdownOf, type ToMarkdown } from '../lib/markdown'
import { facetVocabulary } from './facetVocabulary'
import { faqInput, guideInput, sourceInput, type IndexedFaq, type IndexedGuide } from './indexable'
import { warmOperatorPrior } from './operatorPrior'

type State = { payload: Payload; index: Promise<SearchIndex>; builtAt?: number; changedAt?: number }
const KEY = Symbol.for('kotae.operatorIndex')
const holder = globalThis as unknown as { [KEY]?: State }
/** FAQ slug (the index's id) → CMS id, so the lookup can join the usage prior (keyed by CMS id). */
const faqIds = new WeakMap<SearchIndex, Map<string, number | string>>()
/** The reverse: CMS id (as a string) → FAQ slug, so that past calls can name the FAQs they used. */
const faqSlugs = new WeakMap<SearchIndex, Map<string, string>>()
const rememberFaqId = (index: SearchIndex, slug: string, id: number | string) => {
  faqIds.get(index)?.set(slug, id)
  faqSlugs.get(index)?.set(String(id), slug)
}

/**
 * Recent engine answers by query and chosen facets. Operators type the same questions all day and
 * the desk asks on every pause in typing; the engine is the slow part of a lookup. Any change to
 * the index clears it. Engine answers are the same for every staff reader; access is still checked
 * per request when the documents are read.
 */
const CACHE_SIZE = 1_000
const hitCache = new WeakMap<SearchIndex, Map<string, Answer>>()
const cacheStats = { hits: 0, misses: 0 }

/** A chosen facet per dimension (an ask-back answer): dimension id → value ids. */
export type ChosenFacets = Readonly<Record<string, readonly string[]>>

/** The cache key part for chosen facets: sorted, so the same choice is one key. */
const facetsKey = (facets: ChosenFacets | undefined): string =>
  facets
    ? Object.keys(facets)
        .sort()
        .map((d) => `${d}:${[...(facets[d] ?? [])].sort().join('|')}`)
        .join(',')
    : ''

/**
 * The engine's answer for the desk: ranked hits, how sure the first one is (`sure`, `confidence`)
 * and, when the first answers differ by one facet the question leaves open, what to ask back.
 * `facets` are the operator's choice, which replace the question's own in those dimensions.
 */
export function answerOperatorIndex(
  index: SearchIndex,
  q: string,
  limit: number,
  facets?: ChosenFacets,
): Answer {
  let cache = hitCache.get(index)
  if (!cache) {
    cache = new Map()
    hitCache.set(index, cache)
  }
  const key = `${limit}\u0000${facetsKey(facets)}\u0000${q}`
  const cached = cache.get(key)
  if (cached) {
    cacheStats.hits++
    cache.delete(key) // least recently used goes first
    cache.set(key, cached)
    return cached
  }
  cacheStats.misses++
  // The question's language: an English translation does not take a Japanese caller's top places.
  const chosen =
    facets && Object.keys(facets).length > 0
      ? Object.fromEntries(Object.entries(facets).map(([d, v]) => [d, [...v]]))
      : undefined
  const answer = index.answer(q, { limit, locale: queryLocale(q), ...(chosen ? { facets: chosen } : {}) })
  cache.set(key, answer)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return answer
}

/** The ranked hits only (see {@link answerOperatorIndex}). */
export const searchOperatorIndex = (
  index: SearchIndex,
  q: string,
  limit: number,
  facets?: ChosenFacets,
): SearchHit[] => answerOperatorIndex(index, q, limit, facets).hits

export const faqIdOf = (index: SearchIndex, slug: string): number | string | undefined =>
  faqIds.get(index)?.get(slug)

/** The question of a published FAQ by its CMS id, as indexed (undefined when it is not published). */
export const faqQuestionOf = (index: SearchIndex, id: number | string): string | undefined => {
  const slug = faqSlugs.get(index)?.get(String(id))
  return slug === undefined ? undefined : index.get(slug, 'faq')?.question
}

/**
 * The operator's document of a published FAQ or guide: the search package's own converter over
 * the record mapped to its indexable shape, so the desk scores what the site and eval:content do.
 */
const OPERATOR = { audience: 'operator' } as const
const faqDocument = (f: IndexedFaq, markdown: ToMarkdown): SearchDocument | undefined =>
  faqToDocument(faqInput(f, markdown), OPERATOR)
const guideDocument = (g: IndexedGuide, markdown: ToMarkdown): SearchDocument | undefined =>
  guideToDocument(guideInput(g, markdown), OPERATOR)

/**
 * The operator index lives in the CMS process: built from the database on first use (published
 * FAQs of every audience with operator notes, guides, sources; the editable synonyms; content's
 * facet vocabulary, with each FAQ's override from the CMS), and kept
 * current by hooks. Each app server holds its own copy, so servers stay stateless.
 */
/** What faqInput reads (indexable.ts), and updatedAt, which tells app servers which version they hold (indexSync.ts). */
const FAQ_FIELDS = {
  updatedAt: true,
  slug: true,
  locale: true,
  question: true,
  alternatives: true,
  shortAnswer: true,
  answer: true,
  operatorNotes: true,
  tags: true,
  category: true,
  audience: true,
  facets: true,
  _status: true,
} as const
/** A category as the search documents name it: by slug (see the search package's indexable.ts). */
const CATEGORY_SLUG = { categories: { slug: true } } as const

async function build(payload: Payload): Promise<SearchIndex> {
  const [synonymsGlobal, facets] = await Promise.all([
    payload.findGlobal({ slug: 'synonyms', depth: 0 }),
    facetVocabulary(),
  ])
  const synonyms = synonymsGlobal.groups ?? []
  // The facet vocabulary is content's (facets.yaml): who, what, action, when.
  // The weights learned for the city's content (train:ranker): the desk ranks as eval:content measures.
  const index = createSearchIndex({
    weights: CONTENT_WEIGHTS,
    audience: 'operator',
    synonyms: synonyms.map((g) => ({ terms: g.terms ?? [] })),
    facets,
  })
  // Category slugs only, and no virtual usage count (one count over all calls per FAQ).
  const common = {
    depth: 1,
    limit: 10_000,
    pagination: false,
    overrideAccess: true,
    populate: CATEGORY_SLUG,
  } as const
  const [markdown, faqs, guides, sources] = await Promise.all([
    markdownOf(payload),
    payload.find({
      collection: 'faqs',
      where: { _status: { equals: 'published' } },
      ...common,
      select: FAQ_FIELDS,
    }),
    payload.find({ collection: 'guides', where: { _status: { equals: 'published' } }, ...common }),
    payload.find({ collection: 'sources', ...common, depth: 0 }),
  ])
  faqIds.set(index, new Map())
  faqSlugs.set(index, new Map())
  for (const f of faqs.docs) {
    const doc = faqDocument(f, markdown)
    if (!doc) continue
    index.add(doc)
    rememberFaqId(index, doc.id, f.id)
  }
  for (const g of guides.docs) {
    const doc = guideDocument(g, markdown)
    if (doc) index.add(doc)
  }
  for (const s of sources.docs) {
    const doc = sourceToDocument(sourceInput(s), OPERATOR)
    if (doc) index.add(doc)
  }
  return index
}

export function getOperatorIndex(payload: Payload): Promise<SearchIndex> {
  const state = holder[KEY]
  if (state && state.payload === payload) return state.index
  const index = build(payload)
  const built: State = { payload, index }
  holder[KEY] = built
  index.then(
    () => {
      built.builtAt = Date.now()
    },
    () => {
      if (holder[KEY]?.index === index) delete holder[KEY]
    },
  )
  return index
}

/** Whether this process holds an operator index (built, or being built) for `payload`. */
export const hasOperatorIndex = (payload: Payload): boolean => holder[KEY]?.payload === payload

/** What the operator index should hold for one FAQ or guide: its published version, or nothing. */
export type EntryState =
  | {
      published: true
      doc: { id: number | string; slug?: string | null; updatedAt: string }
      /** The operator's document of that version. */
      document: (markdown: ToMarkdown) => SearchDocument | undefined
    }
  | { published: false; slug?: string | null }

/** Reads the published version of an entry (in `req`'s transaction when given: a draft save leaves it as it was). */
export async function readEntryState(
  payload: Payload,
  collection: 'faqs' | 'guides',
  id: number | string,
  req?: PayloadRequest,
): Promise<EntryState> {
  const read = {
    id,
    depth: 1,
    overrideAccess: true,
    draft: false,
    disableErrors: true,
    req,
    populate: CATEGORY_SLUG,
  } as const
  if (collection === 'faqs') {
    const doc = await payload.findByID({ collection, ...read, select: FAQ_FIELDS })
    return doc?._status === 'published'
      ? { published: true, doc, document: (markdown) => faqDocument(doc, markdown) }
      : { published: false, slug: doc?.slug }
  }
  const doc = await payload.findByID({ collection, ...read })
  return doc?._status === 'published'
    ? { published: true, doc, document: (markdown) => guideDocument(doc, markdown) }
    : { published: false, slug: doc?.slug }
}

/**
 * After a publish, unpublish, edit or delete: puts the entry's published version into this
 * process's index, or takes it out (`previousSlug`: the slug it was indexed under before the change).
 */
export async function applyEntryState(
  payload: Payload,
  collection: 'faqs' | 'guides',
  state: EntryState,
  previousSlug?: string | null,
): Promise<void> {
  const current = holder[KEY]
  if (!current || current.payload !== payload) return // not built yet: the first lookup builds it fresh
  const index = await current.index
  const kind = collection === 'faqs' ? 'faq' : 'guide'
  // Worked out before the index changes (the Markdown converter may still be loading).
  const markdown = state.published ? await markdownOf(payload) : undefined
  const entry = state.published && markdown ? state.document(markdown) : undefined
  if (previousSlug) index.remove(previousSlug, kind)
  if (entry) {
    index.add(entry)
    if (collection === 'faqs' && state.published) rememberFaqId(index, entry.id, state.doc.id)
  } else {
    const slug = state.published ? state.doc.slug : state.slug
    if (slug) index.remove(slug, kind)
  }
  // After the change, so no lookup can cache the old results or card again.
  hitCache.delete(index)
  const slugs = [previousSlug, state.published ? state.doc.slug : state.slug].filter(Boolean)
  forgetDeskCards(
    index,
    slugs.map((slug) => `${kind}:${slug}`),
  )
  current.changedAt = Date.now()
}

/** For the health check: whether this process's index is built, when, and when an entry last changed. */
export async function operatorIndexInfo(
  payload: Payload,
): Promise<{ built: boolean; builtAt: string | null; changedAt: string | null; documents: number | null }> {
  const state = holder[KEY]
  if (!state || state.payload !== payload || state.builtAt === undefined)
    return { built: false, builtAt: null, changedAt: null, documents: null }
  const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString())
  return {
    built: true,
    builtAt: iso(state.builtAt),
    changedAt: iso(state.changedAt),
    documents: (await state.index).size,
  }
}

/**
 * Builds the index now (and learns the usage prior from the logged calls) so that the first
 * lookup does not pay for it: called once the server is up (scripts/start.ts → warmUpLookup.ts).
 */
export async function warmOperatorIndex(
  payload: Payload,
): Promise<{ documents: number; calls: number; ms: number }> {
  const started = performance.now()
  const index = await getOperatorIndex(payload)
  const prior = await warmOperatorPrior(payload, index)
  await warmDeskCards(payload, index)
  return { documents: index.size, calls: prior.size, ms: Math.round(performance.now() - started) }
}

/** The synonyms list changed: rebuild on the next lookup. */
export function invalidateOperatorIndex(): void {
  delete holder[KEY]
}

import { createSearchIndex, type SearchIndex } from '@kotae/search-indexer'
import type { Payload, PayloadRequest } from 'payload'

import { faqDocument, guideDocument, sourceDocument } from './toDocument'

type State = { payload: Payload; index: Promise<SearchIndex> }
const KEY = Symbol.for('kotae.operatorIndex')
const holder = globalThis as unknown as { [KEY]?: State }

/**
 * The operator index lives in the CMS process: built from the database on first use (published
 * FAQs of every audience with operator notes, guides, sources; the editable synonyms), and kept
 * current by hooks. Each app server holds its own copy, so servers stay stateless.
 */
async function build(payload: Payload): Promise<SearchIndex> {
  const synonyms = (await payload.findGlobal({ slug: 'synonyms', depth: 0 })).groups ?? []
  const index = createSearchIndex({ audience: 'operator', synonyms: synonyms.map((g) => ({ terms: g.terms ?? [] })) })
  const common = { depth: 1, limit: 10_000, pagination: false, overrideAccess: true } as const
  const [faqs, guides, sources] = await Promise.all([
    payload.find({ collection: 'faqs', where: { _status: { equals: 'published' } }, ...common }),
    payload.find({ collection: 'guides', where: { _status: { equals: 'published' } }, ...common }),
    payload.find({ collection: 'sources', ...common, depth: 0 }),
  ])
  for (const f of faqs.docs) index.add(faqDocument(f))
  for (const g of guides.docs) index.add(guideDocument(g))
  for (const s of sources.docs) index.add(sourceDocument(s))
  return index
}

export function getOperatorIndex(payload: Payload): Promise<SearchIndex> {
  const state = holder[KEY]
  if (state && state.payload === payload) return state.index
  const index = build(payload)
  holder[KEY] = { payload, index }
  index.catch(() => {
    if (holder[KEY]?.index === index) delete holder[KEY]
  })
  return index
}

/**
 * After a publish, unpublish, edit or delete: re-read the published version and update the index
 * (a draft save leaves the published version, and so the index, as it was).
 */
export async function refreshEntry(
  payload: Payload,
  collection: 'faqs' | 'guides',
  id: number | string,
  slug?: string | null,
  req?: PayloadRequest,
): Promise<void> {
  const state = holder[KEY]
  if (!state || state.payload !== payload) return // not built yet: the first lookup builds it fresh
  const index = await state.index
  const kind = collection === 'faqs' ? 'faq' : 'guide'
  // Same request, so the read sees this transaction's write.
  const doc = await payload.findByID({ collection, id, depth: 1, overrideAccess: true, draft: false, disableErrors: true, req })
  if (slug) index.remove(slug, kind)
  if (doc && doc._status === 'published') index.add(collection === 'faqs' ? faqDocument(doc as never) : guideDocument(doc as never))
  else if (doc?.slug) index.remove(doc.slug, kind)
}

/** The synonyms list changed: rebuild on the next lookup. */
export function invalidateOperatorIndex(): void {
  delete holder[KEY]
}

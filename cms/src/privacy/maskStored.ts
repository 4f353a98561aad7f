import { maskPii, publicAllowList, type PublicAllowList } from '@kotae/analytics'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'

/** How long the allow-list is reused before the knowledge base is read again (other app servers' edits). */
const ALLOW_LIST_TTL_MS = 60_000
let cached: { at: number; list: Promise<PublicAllowList> } | undefined

/**
 * The phone numbers, addresses and postal codes the knowledge base itself gives out, so an
 * operator's note that they gave a caller one of them keeps its meaning: the city profile (its
 * numbers and counters, not the placeholders; notices) and every published FAQ (question, answer,
 * what to bring), guide and source, collected by `publicAllowList` of `@kotae/analytics`, the same
 * function `npm run bench:pii` runs over the content files. Operator notes and drafts are not
 * published and do not count. Read at most once a minute per process, and again after a change to
 * the city profile, an FAQ, a guide or a source on this server.
 */
async function publicContacts(payload: Payload): Promise<PublicAllowList> {
  if (cached && Date.now() - cached.at < ALLOW_LIST_TTL_MS) return cached.list
  const sys = { depth: 0, pagination: false, draft: false, overrideAccess: true } as const
  const published = { _status: { equals: 'published' } } as const
  const list = Promise.all([
    payload.findGlobal({ slug: 'city-profile', depth: 0, overrideAccess: true }),
    payload.find({
      collection: 'faqs',
      where: published,
      select: { question: true, alternatives: true, shortAnswer: true, answerText: true, bring: true },
      ...sys,
    }),
    payload.find({
      collection: 'guides',
      where: published,
      select: { title: true, summary: true, body: true, steps: true, where: true, when: true, bring: true },
      ...sys,
    }),
    payload.find({ collection: 'sources', select: { title: true, publisher: true }, ...sys }),
  ]).then(([city, faqs, guides, sources]) =>
    publicAllowList({ city, faqs: faqs.docs, guides: guides.docs, sources: sources.docs }),
  )
  cached = { at: Date.now(), list }
  list.catch(() => (cached = undefined)) // the next call reads again
  return list
}

/** Forgets the allow-list (the city profile or a published entry changed). */
export const forgetPublicContacts = (): void => {
  cached = undefined
}

/** FAQs, guides and sources: any change or deletion may add or remove a published number. */
export const forgetPublicContactsAfter: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc }) => {
  forgetPublicContacts()
  return doc
}

/**
 * The one masking step for free text before Kotae stores, indexes or logs it: every kind of
 * personal information (PINs and passwords included) is replaced by its placeholder, except the
 * public numbers and addresses above.
 */
export async function maskForStorage(payload: Payload, text: string): Promise<string> {
  return maskPii(text, await publicContacts(payload)).text
}

/** maskForStorage for many texts in a row (an import): the allow-list read once, each text masked synchronously. */
export async function storageMasker(payload: Payload): Promise<(text: string) => string> {
  const list = await publicContacts(payload)
  return (text) => maskPii(text, list).text
}

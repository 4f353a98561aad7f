/**
 * An FAQ entry in the content files' shape (@kotae/content/faq/entry) as the `faqs` collection
 * stores it: the one way in, for the seed (every field) and the CSV import (the fields the CSV
 * carries; the others keep their stored values). Markdown becomes rich text, slugs become ids.
 */
import { readingRowsOf, type FaqEntry } from '@kotae/content/faq/index'

import type { FromMarkdown } from '../lib/markdown'
import type { Faq } from '../payload-types'

type FaqFields = Omit<Faq, 'id' | 'createdAt' | 'updatedAt'>

/**
 * What an FAQ write sets. A draft is saved unvalidated (`versions.drafts.validate: false`), so a
 * field the collection requires may be cleared (null): Payload's generated types cannot say so.
 */
export type FaqData = { [K in keyof FaqFields]?: FaqFields[K] | null }

/**
 * `data` as Payload's local API types a write. The one place the nulls of {@link FaqData} are
 * let through: Payload stores them as the admin does when an editor empties a draft's field.
 */
export const storable = (data: FaqData) => data as Partial<FaqFields>

/** The ids of the documents an entry links to, by slug. */
type FaqIds = {
  categories: ReadonlyMap<string, number>
  sources: ReadonlyMap<string, number>
  faqs: ReadonlyMap<string, number>
}
type Context = { richText: FromMarkdown; ids: FaqIds }

const idOf = (ids: ReadonlyMap<string, number>, slug: string, what: string): number => {
  const id = ids.get(slug)
  if (id === undefined) throw new Error(`FAQ: unknown ${what} ${slug}`)
  return id
}

/** The entry's fields written as links to other FAQs (a second pass, once every entry exists). */
export type FaqLinkField = 'related' | 'translationOf'
/** The entry's fields each caller sets itself: the slug when it creates, the workflow state by its own rule. */
type CallerField = 'id' | 'status'
/** The entry's fields written with the entry. */
export type FaqStoredField = Exclude<keyof FaqEntry, FaqLinkField | CallerField>

type Writer<K extends keyof FaqEntry> = (value: FaqEntry[K], ctx: Context) => FaqData
type Writers<K extends keyof FaqEntry> = { [P in K]-?: Writer<P> }

/** One writer a field: a field of the entry missing here is a type error. */
const FIELDS: Writers<FaqStoredField> = {
  question: (question) => ({ question }),
  alternatives: (alternatives) => ({ alternatives: alternatives.map((text) => ({ text })) }),
  shortAnswer: (shortAnswer) => ({ shortAnswer }),
  // An incomplete draft's empty cells are stored empty (null), as the admin stores them.
  answer: (answer, { richText }) => ({ answer: answer === '' ? null : richText(answer) }),
  // The optional やさしい日本語 version, rich text like the answer; none clears it.
  easy: (easy, { richText }) => ({ easy: easy ? richText(easy) : null }),
  category: (slug, { ids }) => ({ category: slug === '' ? null : idOf(ids.categories, slug, 'category') }),
  tags: (tags) => ({ tags }),
  // The facet override of the front matter (dimension → value ids of facets.yaml), or none.
  facets: (facets) => ({ facets: facets ?? null }),
  audience: (audience) => ({ audience }),
  operatorNotes: (operatorNotes) => ({ operatorNotes: operatorNotes ?? null }),
  sources: (slugs, { ids }) => ({ sources: slugs.map((s) => idOf(ids.sources, s, 'source')) }),
  facts: (facts) => ({ facts }),
  bring: (bring) => ({
    bring: bring.map((b) => ({ item: b.item, note: b.note, cases: b.cases, optional: b.optional })),
  }),
  reviewBy: (reviewBy) => ({ reviewBy: reviewBy === '' ? null : reviewBy }),
  // Furigana overrides (word → reading) as the admin's rows; none clears them.
  readings: (readings) => ({ readings: readingRowsOf(readings) }),
  locale: (locale) => ({ locale }),
  needsReview: (needsReview) => ({ needsReview }),
}

const LINKS: Writers<FaqLinkField> = {
  // A related FAQ not stored (yet) is left out; the content check and the CSV read name it.
  related: (slugs, { ids }) => ({
    related: slugs.filter((s) => ids.faqs.has(s)).map((s) => idOf(ids.faqs, s, 'FAQ')),
  }),
  translationOf: (slug, { ids }) => ({
    translationOf: slug ? idOf(ids.faqs, slug, 'FAQ') : null,
  }),
}

/** Every field of an entry that is written with it, and its links. */
export const FAQ_STORED_FIELDS = Object.keys(FIELDS) as FaqStoredField[]
export const FAQ_LINK_FIELDS = Object.keys(LINKS) as FaqLinkField[]

// TypeScript does not relate `FIELDS[field]` to `entry[field]` for a generic key: it is told here.
const write = <K extends FaqStoredField>(entry: Pick<FaqEntry, K>, field: K, ctx: Context): FaqData =>
  (FIELDS[field] as Writer<K>)(entry[field], ctx)
const link = <K extends FaqLinkField>(entry: Pick<FaqEntry, K>, field: K, ctx: Context): FaqData =>
  (LINKS[field] as Writer<K>)(entry[field], ctx)

/** The `fields` of an entry (the seed: {@link FAQ_STORED_FIELDS}; the import: the CSV's) as the collection's data. */
export function faqToPayload<K extends FaqStoredField>(
  entry: Pick<FaqEntry, K>,
  fields: readonly K[],
  ctx: Context,
): FaqData {
  return Object.assign({}, ...fields.map((f) => write(entry, f, ctx)))
}

/** The entry's links to other FAQs as the collection's data. */
export function faqLinksToPayload(entry: Pick<FaqEntry, FaqLinkField>, ctx: Context): FaqData {
  return Object.assign({}, ...FAQ_LINK_FIELDS.map((f) => link(entry, f, ctx)))
}

/**
 * The collection's fields no entry field maps to, and why: the CMS's own bookkeeping. With the
 * writers above, every field of the collection has a place (cms/test/faqShape.unit.spec.ts).
 */
export const FAQ_CMS_ONLY_FIELDS = {
  slug: 'the entry’s id: set by whoever creates the record',
  answerText: 'the answer as plain text, derived by a hook on every save',
  usageCount: 'counted from the calls that used the FAQ',
  reviewState: 'the publish workflow (承認待ち): the import and the workflow hooks set it',
  sendBackReason: 'the publish workflow: a reviewer’s note to the editor',
  submittedBy: 'the publish workflow, recorded by a hook',
  submittedAt: 'the publish workflow, recorded by a hook',
  sentBackBy: 'the publish workflow, recorded by a hook',
  sentBackAt: 'the publish workflow, recorded by a hook',
  approvedBy: 'the publish workflow, recorded by a hook',
  approvedAt: 'the publish workflow, recorded by a hook',
  contentHash: 'the seed’s record of the file it last wrote',
} as const satisfies Partial<Record<keyof FaqFields, string>>

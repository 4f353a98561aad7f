import {
  indexableFaqSchema,
  indexableGuideSchema,
  indexableSourceSchema,
  type IndexableFaq,
  type IndexableGuide,
  type IndexableSource,
} from '@kotae/search-indexer/engine/indexable'

import { faqFromPayload, slugsOf } from '../faq'
import type { ToMarkdown } from '../lib/markdown'
import type { Faq, Guide, Source } from '../payload-types'

/**
 * The CMS's records as the search package's indexable entries. An FAQ is read by the FAQ module
 * (cms/src/faq), whose entry is already the indexable shape. The search documents themselves come from the package's own `faqToDocument` / `guideToDocument` /
 * `sourceToDocument`, as the site's and `eval:content`'s do, so the desk scores the same document.
 * Rich text becomes Markdown (as the content files and the site hold it); a category, its slug
 * (read with `populate: { categories: { slug: true } }`). Validated here: `applyEntryState` gets
 * its records untyped.
 */

/** What {@link faqInput} reads (and so what the operator index selects). */
export type IndexedFaq = Pick<
  Faq,
  | 'id'
  | 'slug'
  | 'locale'
  | 'question'
  | 'alternatives'
  | 'shortAnswer'
  | 'answer'
  | 'operatorNotes'
  | 'tags'
  | 'category'
  | 'audience'
  | 'facets'
  | '_status'
>
export type IndexedGuide = Pick<
  Guide,
  | 'id'
  | 'slug'
  | 'locale'
  | 'title'
  | 'summary'
  | 'body'
  | 'procedure'
  | 'category'
  | 'steps'
  | 'bring'
  | 'where'
  | 'when'
  | 'audience'
  | '_status'
>

/** A category comes populated with its slug (`populate: { categories: { slug: true } }`). */
const slugOf = slugsOf()
const statusOf = (s: string | null | undefined) => (s === 'draft' ? 'draft' : 'published')

/** The search reads no link of an FAQ but its category. */
const faqLinks = { categories: slugOf, sources: slugsOf(), faqs: slugsOf() }

export const faqInput = (f: IndexedFaq, markdown: ToMarkdown): IndexableFaq => {
  const entry = faqFromPayload(f, { markdown, links: faqLinks })
  return indexableFaqSchema.parse({
    ...entry,
    category: entry.category || undefined,
    // 承認待ち is a draft to the search: it has no document.
    status: entry.status === 'published' ? 'published' : 'draft',
  } satisfies IndexableFaq)
}

export const guideInput = (g: IndexedGuide, markdown: ToMarkdown): IndexableGuide =>
  indexableGuideSchema.parse({
    id: g.slug ?? String(g.id),
    locale: g.locale,
    title: g.title,
    summary: g.summary,
    body: markdown(g.body),
    procedure: g.procedure,
    category: slugOf(g.category),
    steps: (g.steps ?? []).map((s) => ({ title: s.title, detail: s.detail })),
    bring: (g.bring ?? []).map((b) => ({
      case: b.case,
      items: (b.items ?? []).map((i) => ({ item: i.item, note: i.note ?? undefined })),
    })),
    where: g.where,
    when: g.when,
    audience: g.audience,
    status: statusOf(g._status),
  } satisfies IndexableGuide)

export const sourceInput = (
  s: Pick<Source, 'id' | 'slug' | 'title' | 'publisher' | 'url'>,
): IndexableSource =>
  indexableSourceSchema.parse({
    id: s.slug ?? String(s.id),
    title: s.title,
    publisher: s.publisher,
    url: s.url,
  } satisfies IndexableSource)

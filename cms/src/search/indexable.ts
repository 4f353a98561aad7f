import {
  indexableFaqSchema,
  indexableGuideSchema,
  indexableSourceSchema,
  type IndexableFaq,
  type IndexableGuide,
  type IndexableSource,
} from '@kotae/search-indexer/engine/indexable'

import type { ToMarkdown } from '../lib/markdown'
import { facetOverrideOf } from './facetVocabulary'
import type { Faq, Guide, Source } from '../payload-types'

/**
 * The CMS's records as the search package's indexable entries: the only mapping the CMS owns. The
 * search documents themselves come from the package's own `faqToDocument` / `guideToDocument` /
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

const slugOf = (rel: unknown): string | undefined =>
  rel && typeof rel === 'object' && 'slug' in rel && (rel as { slug: unknown }).slug
    ? String((rel as { slug: unknown }).slug)
    : undefined
const statusOf = (s: string | null | undefined) => (s === 'draft' ? 'draft' : 'published')

export const faqInput = (f: IndexedFaq, markdown: ToMarkdown): IndexableFaq =>
  indexableFaqSchema.parse({
    id: f.slug ?? String(f.id),
    locale: f.locale,
    question: f.question,
    alternatives: (f.alternatives ?? []).map((a) => a.text),
    shortAnswer: f.shortAnswer,
    answer: markdown(f.answer),
    operatorNotes: f.operatorNotes ?? undefined,
    tags: f.tags ?? [],
    category: slugOf(f.category),
    audience: f.audience,
    status: statusOf(f._status),
    // The editor's override (checked against the vocabulary on publish); one not well formed is left out.
    facets: facetOverrideOf(f.facets),
  } satisfies IndexableFaq)

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

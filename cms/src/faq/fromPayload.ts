/**
 * A stored FAQ (the `faqs` collection's document) as an entry in the content files' shape
 * (@kotae/content/faq/entry): what the CSV export, the site bundle and the operator index are
 * made from. Rich text becomes Markdown, links become slugs, dates the Tokyo day they name.
 */
import { readingsOfRows, type FaqEntry } from '@kotae/content/faq/index'

import { tokyoDay } from '../lib/jstDays'
import type { ToMarkdown } from '../lib/markdown'
import type { Faq } from '../payload-types'
import { facetOverrideOf } from '../search/facetVocabulary'

/** A link (an id, or a document populated to some depth) as the slug of what it links to. */
export type SlugOf = (link: unknown) => string | undefined

/**
 * Slugs for links to `docs`: a populated link's own slug, otherwise the id looked up in `docs`
 * (an entry without a slug goes by its id). A link to a document not in `docs` (one the reader
 * may not see) has none.
 */
export function slugsOf(docs: readonly { id: number | string; slug?: string | null }[] = []): SlugOf {
  const byId = new Map(docs.map((d) => [d.id, d.slug ?? String(d.id)]))
  return (link) => {
    if (link && typeof link === 'object') {
      const { id, slug } = link as { id?: number | string; slug?: unknown }
      return slug ? String(slug) : id === undefined ? undefined : byId.get(id)
    }
    return typeof link === 'number' || typeof link === 'string' ? byId.get(link) : undefined
  }
}

/** How to name the documents an FAQ links to. */
export type FaqLinks = { categories: SlugOf; sources: SlugOf; faqs: SlugOf }

/**
 * A stored FAQ, or the fields of it a reader selected. Drafts are stored unvalidated (Payload skips
 * required fields on drafts), so every field may be missing: it becomes empty, never a crash.
 */
export type StoredFaq = Partial<Faq> & Pick<Faq, 'id'>

const slugList = (slugOf: SlugOf, links: readonly unknown[] | null | undefined): string[] =>
  (links ?? []).map(slugOf).filter((s): s is string => s !== undefined)

/** Payload's rule: a document without `_status` is published; a draft in review is 承認待ち. */
const stateOf = (f: StoredFaq): FaqEntry['status'] =>
  f._status !== 'draft' ? 'published' : f.reviewState === 'in_review' ? 'in_review' : 'draft'

export function faqFromPayload(
  f: StoredFaq,
  { markdown, links }: { markdown: ToMarkdown; links: FaqLinks },
): FaqEntry {
  const facets = facetOverrideOf(f.facets)
  const translationOf = links.faqs(f.translationOf)
  // An emptied editor keeps an empty paragraph: that is no やさしい日本語 version.
  const easy = markdown(f.easy)
  const readings = readingsOfRows(f.readings)
  return {
    id: f.slug ?? String(f.id),
    question: f.question ?? '',
    alternatives: (f.alternatives ?? []).map((a) => a.text ?? ''),
    shortAnswer: f.shortAnswer ?? '',
    answer: markdown(f.answer),
    ...(easy ? { easy } : {}),
    category: links.categories(f.category) ?? '',
    tags: f.tags ?? [],
    audience: f.audience ?? 'public',
    ...(f.operatorNotes ? { operatorNotes: f.operatorNotes } : {}),
    sources: slugList(links.sources, f.sources),
    facts: f.facts ?? [],
    bring: (f.bring ?? []).map((b) => ({
      item: b.item,
      ...(b.note ? { note: b.note } : {}),
      ...(b.cases?.length ? { cases: b.cases } : {}),
      optional: b.optional ?? false,
    })),
    related: slugList(links.faqs, f.related),
    reviewBy: tokyoDay(f.reviewBy) ?? '',
    ...(readings ? { readings } : {}),
    locale: f.locale ?? 'ja',
    ...(translationOf ? { translationOf } : {}),
    needsReview: f.needsReview ?? false,
    status: stateOf(f),
    // The editor's override (checked against the vocabulary on publish); one not well formed, or empty, is none.
    ...(facets && Object.keys(facets).length > 0 ? { facets } : {}),
  }
}

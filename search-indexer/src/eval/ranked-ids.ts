/**
 * How the figures count a ranking, one way for `eval:content`, the ranking floor test, `train:ranker`
 * and the leave-set-out script. An English FAQ is a translation of a Japanese one: the operator reads
 * the same answer, so a hit on it counts as its original (and each answer counts once). The desk
 * answers FAQs in the question's language; the site's search island asks for FAQs and guides
 * together with no language filter, so a guide ranked first is a miss.
 */
import type { ContentBundle } from '@kotae/content'

import { queryLocale } from '../analyzer/language'
import type { SearchIndex } from '../engine/search-index'

export type Ranking = 'desk' | 'site'

/** A translation's id → its original's id. */
export const originalOf = (content: ContentBundle): ((id: string) => string) => {
  const original = new Map(
    content.faqs.filter((f) => f.translationOf).map((f) => [f.id, f.translationOf as string]),
  )
  return (id) => original.get(id) ?? id
}

/** What the desk or the site asks the index for `query`. */
export const searchOptions = (ranking: Ranking, query: string) =>
  ranking === 'desk'
    ? { kinds: ['faq' as const], locale: queryLocale(query) }
    : { kinds: ['faq' as const, 'guide' as const], locale: undefined }

/** The ids a question ranks, best first (top `k`), as the desk or the site shows them. */
export function rankedIds(
  content: ContentBundle,
  ranking: Ranking,
  k = 10,
): (index: SearchIndex, query: string) => string[] {
  const original = originalOf(content)
  const key = (h: { kind: string; id: string }) => (h.kind === 'faq' ? original(h.id) : `${h.kind}:${h.id}`)
  return (index, query) => [
    ...new Set(index.search(query, { limit: k, ...searchOptions(ranking, query) }).map(key)),
  ]
}

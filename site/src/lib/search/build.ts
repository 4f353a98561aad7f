/**
 * The saved search indexes, written at build time (`pages/search-index/[locale].json.ts`) so that
 * the browser only restores them (`loadSerializedIndex`) instead of building an index from the
 * documents: about 5× sooner to the first result. One index per page language (decision 0018):
 *  - `ja`: the Japanese FAQs and guides — what a Japanese page searches, nothing more to download;
 *  - `en`: the same plus the English translations, so English words find English answers and
 *    Japanese words typed on an English page still find the Japanese entries.
 * Only the public documents of `SiteData.search` go in (the data layer's allow-list); a public
 * index also refuses operator-only documents and operator notes by itself.
 */
import {
  CONTENT_WEIGHTS,
  createSearchIndex,
  serializeIndex,
  type FacetDimensionLike,
  type SearchDocument,
} from '@kotae/search-indexer'

import type { Locale } from '../../i18n'

/** The index file of a page language, from the site root. */
export const searchIndexPath = (locale: Locale): string => `/search-index/${locale}.json`

/**
 * The documents a page language searches. On English pages, a Japanese FAQ whose page has an English
 * translation keeps what names it (question, alternatives, short answer) but not its body: Japanese
 * words still find the page, the translation's body (with its Japanese terms in brackets) is the
 * one searched, and the English index stays within its 150 KB gzip budget as translations grow
 * (decision 0047: 160 KB with 65 translations and both bodies).
 */
function documentsFor(documents: readonly SearchDocument[], locale: Locale): SearchDocument[] {
  const japanese = documents.filter((d) => (d.locale ?? 'ja') === 'ja')
  if (locale === 'ja') return japanese
  const translated = new Set(documents.filter((d) => d.locale === 'en').map((d) => d.url))
  // Nor do Japanese FAQs bring their callers' earlier phrasings (decision 0048): Japanese callers'
  // words are the Japanese page's to match, and they would take the English index past its budget
  // (151 KB gzip with them on the untranslated FAQs alone, 156 KB with all).
  return documents.map(({ askedBefore: _, ...d }) =>
    (d.locale ?? 'ja') === 'ja' && d.kind === 'faq' && d.url !== undefined && translated.has(d.url)
      ? { ...d, body: '' }
      : d,
  )
}

/** What the build indexes: `SiteData.search`. */
export type SearchData = {
  documents: readonly SearchDocument[]
  synonyms: readonly { terms: readonly string[] }[]
  /** The facet vocabulary, saved with the index: the browser finds a question's facets and asks back with it. */
  facets?: readonly FacetDimensionLike[]
}

/** The serialized index (JSON) of a page language. */
export function buildSearchIndex(search: SearchData, locale: Locale): string {
  // The weights learned for the city's content (train:ranker), as the desk ranks it.
  const index = createSearchIndex({
    weights: CONTENT_WEIGHTS,
    audience: 'public',
    synonyms: search.synonyms.map((g) => ({ terms: [...g.terms] })),
    facets: search.facets ?? [],
  })
  for (const doc of documentsFor(search.documents, locale)) index.add(doc)
  return serializeIndex(index)
}

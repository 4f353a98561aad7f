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

/** The documents a page language searches. */
export function documentsFor(documents: readonly SearchDocument[], locale: Locale): SearchDocument[] {
  return locale === 'en' ? [...documents] : documents.filter((d) => (d.locale ?? 'ja') === 'ja')
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

/**
 * The in-browser search, on the shared engine of @kotae/search-indexer (the same analyzer and
 * ranking as the operators' lookup). The index is built in the browser from the public search
 * documents (`/search-data.json`, ~38 KB gzip): the serialized Orama index is ~8 times larger
 * (~295 KB gzip) for ~120 documents, and building it takes a fraction of a second, in a worker.
 */
import { createSearchIndex, type SearchDocument, type SearchIndex } from '@kotae/search-indexer'

import type { SearchResponse } from './protocol'
import { cleanSnippet } from './snippet'
import { suggest } from './suggest'

export type SearchData = { documents: SearchDocument[]; synonyms: { terms: string[] }[] }

export type Engine = { index: SearchIndex; terms: string[] }

export function buildEngine(data: SearchData): Engine {
  const index = createSearchIndex({ audience: 'public', synonyms: data.synonyms })
  for (const doc of data.documents) index.add(doc)
  const terms = [...new Set([...data.synonyms.flatMap((g) => g.terms), ...data.documents.flatMap((d) => d.tags ?? [])])]
  return { index, terms }
}

export function runSearch(engine: Engine, query: string, limit: number): SearchResponse {
  const results = engine.index.search(query, { limit, kinds: ['faq', 'guide'] }).map((h) => ({
    id: h.id,
    kind: h.kind === 'guide' ? ('guide' as const) : ('faq' as const),
    title: h.document.question,
    snippet: cleanSnippet(h.snippet.text, h.snippet.highlights),
  }))
  return { results, suggestions: results.length === 0 ? suggest(query, engine.terms) : [] }
}

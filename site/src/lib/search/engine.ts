/**
 * The in-browser search, on the shared engine of @kotae/search-indexer (the same analyzer and
 * ranking as the operators' lookup), restored from the index saved at build time
 * (`/search-index/{ja,en}.json`, see build.ts) rather than built in the page: on the real content
 * the first result comes 1.2–1.8× sooner (site README), and the gap grows with the content.
 */
import { cleanSnippet, loadSerializedIndex, type SearchIndex } from '@kotae/search-indexer'

import type { ChosenFacets, SearchResponse, SearchResult } from './protocol'
import { suggest } from './suggest'

/** `english`: the English title of each page that has an English entry in the index (by `url`). */
export type Engine = { index: SearchIndex; terms: string[]; english: Map<string, string> }

/** An engine from a saved index (its JSON text). Throws when the text is not a saved index of this engine's format. */
export function loadEngine(saved: string): Engine {
  const index = loadSerializedIndex(saved)
  const docs = index.keys().map((key) => {
    const [kind, ...id] = key.split(':')
    return index.get(id.join(':'), kind === 'guide' ? 'guide' : 'faq')
  })
  const terms = [
    ...new Set([
      ...index.analyzer.synonyms.groups.flatMap((g) => g.terms),
      ...docs.flatMap((d) => d?.tags ?? []),
    ]),
  ]
  const english = new Map(docs.filter((d) => d?.locale === 'en' && d.url).map((d) => [d!.url!, d!.question]))
  return { index, terms, english }
}

/** Restores a saved index from its bytes (UTF-8 JSON), timing it. */
export function restoreEngine(bytes: ArrayBuffer): { engine: Engine; restoreMs: number } {
  const t = performance.now()
  const engine = loadEngine(new TextDecoder().decode(bytes))
  return { engine, restoreMs: performance.now() - t }
}

/** The longest query searched (the search box takes 200 characters; a `?q=` link may carry more). */
export const MAX_QUERY = 200

/** The most hits the engine returns for one query: the most a status line can count. */
const FOUND_POOL = 100

/** Facet choices as the engine takes them: slug-like ids only, one dimension at most a few values. */
function cleanFacets(facets: ChosenFacets | undefined): ChosenFacets | undefined {
  if (!facets) return undefined
  const out: ChosenFacets = {}
  for (const [dimension, values] of Object.entries(facets)) {
    if (!/^[a-z0-9-]{1,40}$/.test(dimension) || !Array.isArray(values)) continue
    const ok = values.filter((v) => typeof v === 'string' && /^[a-z0-9-]{1,40}$/.test(v)).slice(0, 5)
    if (ok.length > 0) out[dimension] = ok
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * One search, as the island shows it: results (one per page), whether the first is a sure answer,
 * a question to ask back, and spelling suggestions when nothing matched. `facets` is the
 * citizen's answer to a question asked back (`{ what: ['certificate'] }`): it re-ranks at once.
 * Never throws on odd input (empty, emoji, very long): it returns no results instead.
 */
export function runSearch(
  engine: Engine,
  query: string,
  limit: number,
  facets?: ChosenFacets,
): SearchResponse {
  const q = typeof query === 'string' ? query.slice(0, MAX_QUERY) : ''
  const results: SearchResult[] = []
  if (!q.trim()) return { results, found: 0, sure: false, suggestions: [] }
  const seen = new Set<string>()
  const chosen = cleanFacets(facets)
  // The engine's whole pool (100; passages and snippets are worked out only for the hits read), so
  // the status can say how many pages were found, not only how many are shown. An English
  // translation and its Japanese original share one page.
  const answer = engine.index.answer(q, {
    limit: FOUND_POOL,
    kinds: ['faq', 'guide'],
    ...(chosen ? { facets: chosen } : {}),
  })
  for (const h of answer.hits) {
    const kind = h.kind === 'guide' ? ('guide' as const) : ('faq' as const)
    const path = h.document.url ?? `${kind}/${h.id}/`
    if (seen.has(path)) continue
    seen.add(path)
    if (results.length === limit) continue
    const matched = h.document.locale === 'en' ? 'en' : 'ja'
    // Japanese words that matched a translated page's original: the link shows the page's English title.
    const english = matched === 'ja' ? engine.english.get(path) : undefined
    results.push({
      id: h.id,
      kind,
      lang: english ? 'en' : matched,
      title: english ?? h.document.question,
      path,
      snippetLang: matched,
      snippet: cleanSnippet(h.snippet.text, h.snippet.highlights),
    })
  }
  const askBack =
    answer.askBack && results.length > 1
      ? {
          dimension: answer.askBack.dimension,
          question: answer.askBack.question,
          options: answer.askBack.options.map((o) => ({ value: o.value, name: o.name })),
        }
      : undefined
  return {
    results,
    found: seen.size,
    sure: results.length > 0 && answer.sure,
    ...(askBack ? { askBack } : {}),
    suggestions: results.length === 0 ? suggest(q, engine.terms) : [],
  }
}

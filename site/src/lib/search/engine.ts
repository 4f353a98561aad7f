/**
 * The in-browser search, on the shared engine of @kotae/search-indexer (the same analyzer and
 * ranking as the operators' lookup), restored from the index saved at build time
 * (`/search-index/{ja,en}.json`, see build.ts) rather than built in the page: on the real content
 * the first result comes 1.2–1.8× sooner (site README), and the gap grows with the content.
 */
import { cleanSnippet, loadSerializedIndex, type SearchIndex } from '@kotae/search-indexer'

import type { SearchResponse, SearchResult } from './protocol'
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
  const terms = [...new Set([...index.analyzer.synonyms.groups.flatMap((g) => g.terms), ...docs.flatMap((d) => d?.tags ?? [])])]
  const english = new Map(docs.filter((d) => d?.locale === 'en' && d.url).map((d) => [d!.url!, d!.question]))
  return { index, terms, english }
}

/** Restores a saved index from its bytes (UTF-8 JSON), timing it. */
export function restoreEngine(bytes: ArrayBuffer): { engine: Engine; restoreMs: number } {
  const t = performance.now()
  const engine = loadEngine(new TextDecoder().decode(bytes))
  return { engine, restoreMs: performance.now() - t }
}

export function runSearch(engine: Engine, query: string, limit: number): SearchResponse {
  const results: SearchResult[] = []
  const seen = new Set<string>()
  // A few more than shown: an English translation and its Japanese original share one page.
  for (const h of engine.index.search(query, { limit: Math.min(100, limit * 2), kinds: ['faq', 'guide'] })) {
    const kind = h.kind === 'guide' ? ('guide' as const) : ('faq' as const)
    const path = h.document.url ?? `${kind}/${h.id}/`
    if (seen.has(path)) continue
    seen.add(path)
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
    if (results.length === limit) break
  }
  return { results, suggestions: results.length === 0 ? suggest(query, engine.terms) : [] }
}

/** Messages between the page and the search worker, and the result shape the island renders. */
export type SearchResult = {
  id: string
  kind: 'faq' | 'guide'
  /**
   * The language of the title and of the page it opens: `en` when an English translation of the
   * page is in the index (even if its Japanese original matched), else the matched entry's.
   */
  lang: 'ja' | 'en'
  title: string
  /** The language of the snippet (the matched entry's). */
  snippetLang: 'ja' | 'en'
  /** Its page below the language root (`faq/pin-forgot/`); the island adds `/` or `/en/`. */
  path: string
  /** A short passage with highlight ranges (offsets into `text`). */
  snippet: { text: string; highlights: { start: number; end: number }[] }
}

/** One tap-to-choose question when the first answers differ by one facet the query left open. */
export type AskBack = {
  /** The facet dimension asked about (`what`, `action`, `who`). */
  dimension: string
  /** The engine's question (polite Japanese); the island shows its own page-language string. */
  question: string
  /** The choices: a value id of the dimension and its name (Japanese, from the facet vocabulary). */
  options: { value: string; name: string }[]
}

/** Facets the citizen chose (an ask-back answer): dimension → value ids. */
export type ChosenFacets = Record<string, string[]>

/**
 * Results; whether the first one is a sure answer (the engine's calibrated model: when false the
 * island says plainly it found no sure answer and shows the top results as close topics); a
 * question to ask back; spelling suggestions when there are no results.
 */
/** `found`: how many pages the engine found (up to its pool of 100), which may be more than `results` shows. */
export type SearchResponse = {
  results: SearchResult[]
  found: number
  sure: boolean
  askBack?: AskBack
  suggestions: string[]
}

/** How long the saved index took to download and to restore (ms); recorded as the `kotae-search-ready` mark. */
export type LoadTiming = { downloadMs: number; restoreMs: number }

/** `init` carries the saved index's bytes: the page downloads them while the worker starts. */
export type WorkerRequest =
  | { type: 'init'; bytes: ArrayBuffer }
  | { type: 'search'; id: number; query: string; limit: number; facets?: ChosenFacets }

/** `error`: the bytes are not a saved index this engine can restore (the page would fail the same way). */
export type WorkerResponse =
  | { type: 'ready'; restoreMs: number }
  | { type: 'error'; message: string }
  | ({ type: 'results'; id: number } & SearchResponse)

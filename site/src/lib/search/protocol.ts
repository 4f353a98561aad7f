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

/** Results, and spelling suggestions when there are none. */
export type SearchResponse = { results: SearchResult[]; suggestions: string[] }

/** How long the saved index took to download and to restore (ms); recorded as the `kotae-search-ready` mark. */
export type LoadTiming = { downloadMs: number; restoreMs: number }

/** `init` carries the saved index's bytes: the page downloads them while the worker starts. */
export type WorkerRequest = { type: 'init'; bytes: ArrayBuffer } | { type: 'search'; id: number; query: string; limit: number }

/** `error`: the bytes are not a saved index this engine can restore (the page would fail the same way). */
export type WorkerResponse = { type: 'ready'; restoreMs: number } | { type: 'error'; message: string } | ({ type: 'results'; id: number } & SearchResponse)

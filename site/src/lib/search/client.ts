/**
 * The search island's only door to the search engine: `getSearcher().search(query, limit)`.
 * The engine loads on first use (first focus or keystroke), in a Web Worker so that typing stays
 * smooth on a phone; without workers it runs on the page. Swapping the engine means changing
 * this folder only.
 */
import type { SearchResponse, WorkerResponse } from './protocol'

export type { SearchResponse, SearchResult } from './protocol'

export type Searcher = {
  /** Resolves when the index is ready (rejects if it cannot load). */
  ready: Promise<void>
  search(query: string, limit: number): Promise<SearchResponse>
}

/** The public search data, written by `pages/search-data.json.ts`. */
export const SEARCH_DATA_URL = '/search-data.json'

let searcher: Searcher | undefined

export function getSearcher(): Searcher {
  searcher ??= typeof Worker !== 'undefined' ? workerSearcher() : pageSearcher()
  return searcher
}

function workerSearcher(): Searcher {
  let worker: Worker
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return pageSearcher()
  }
  let next = 0
  const pending = new Map<number, (r: SearchResponse) => void>()
  const ready = new Promise<void>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data
      if (m.type === 'ready') resolve()
      else if (m.type === 'error') reject(new Error(m.message))
      else if (m.type === 'results') {
        pending.get(m.id)?.({ results: m.results, suggestions: m.suggestions })
        pending.delete(m.id)
      }
    }
    worker.onerror = (e) => reject(new Error(e.message || 'search worker failed'))
  })
  worker.postMessage({ type: 'init', url: new URL(SEARCH_DATA_URL, location.href).href })
  return {
    ready,
    async search(query, limit) {
      await ready
      const id = ++next
      return new Promise<SearchResponse>((resolve) => {
        pending.set(id, resolve)
        worker.postMessage({ type: 'search', id, query, limit })
      })
    },
  }
}

function pageSearcher(): Searcher {
  const loaded = Promise.all([import('./engine'), fetch(SEARCH_DATA_URL).then((r) => r.json())]).then(([engine, data]) => ({ engine, index: engine.buildEngine(data) }))
  return {
    ready: loaded.then(() => undefined),
    async search(query, limit) {
      const { engine, index } = await loaded
      return engine.runSearch(index, query, limit)
    },
  }
}

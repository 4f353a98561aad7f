/**
 * The search island's only door to the search engine: `getSearcher().search(query, limit)`.
 * The engine loads on first use (first focus or keystroke), in a Web Worker so that typing stays
 * smooth on a phone; when a worker cannot start or fails before it is ready (old browser, strict
 * content security policy), the same engine runs on the page instead. Swapping the engine means
 * changing this folder only.
 */
import type { SearchResponse, WorkerResponse } from './protocol'

export type { SearchResponse, SearchResult } from './protocol'

export type Searcher = {
  /** Resolves when the index is ready (rejects if it cannot load at all). */
  ready: Promise<void>
  search(query: string, limit: number): Promise<SearchResponse>
}

/** The public search data, written by `pages/search-data.json.ts`. */
export const SEARCH_DATA_URL = '/search-data.json'

let searcher: Searcher | undefined

export function getSearcher(): Searcher {
  searcher ??= withFallback()
  return searcher
}

/** The worker, or the page when the worker does not come up. */
function withFallback(): Searcher {
  let active: Promise<Searcher>
  if (typeof Worker === 'undefined') active = Promise.resolve(pageSearcher())
  else {
    const w = workerSearcher()
    active = w.ready.then(
      () => w,
      () => pageSearcher(),
    )
  }
  return {
    ready: active.then((s) => s.ready),
    search: (query, limit) => active.then((s) => s.search(query, limit)),
  }
}

function workerSearcher(): Searcher {
  let worker: Worker
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
  } catch (error) {
    return { ready: Promise.reject(error as Error), search: () => Promise.reject(error as Error) }
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
  const loaded = Promise.all([
    import('./engine'),
    fetch(SEARCH_DATA_URL).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`)
      return r.json()
    }),
  ]).then(([engine, data]) => ({ engine, built: engine.buildEngine(data) }))
  return {
    ready: loaded.then(() => undefined),
    async search(query, limit) {
      const { engine, built } = await loaded
      return engine.runSearch(built, query, limit)
    },
  }
}

/**
 * The search island's only door to the search engine: `getSearcher(url).search(query, limit)`.
 * Nothing loads until the island asks (first focus or keystroke, or the search page once it is
 * idle). The saved index is downloaded and restored in a Web Worker so that typing stays smooth on a
 * phone; when the worker itself cannot start (old browser, strict content security policy), the
 * same engine runs on the page instead. When the index cannot be loaded, `ready` rejects and the
 * next call starts over (a retry on the next focus). Swapping the engine means changing this folder only.
 */
import type { SearchResponse, WorkerResponse } from './protocol'

export type { SearchResponse, SearchResult } from './protocol'

export type Searcher = {
  /** Resolves when the index is ready (rejects if it cannot load at all). */
  ready: Promise<void>
  search(query: string, limit: number): Promise<SearchResponse>
}

/** The index could not be downloaded or restored: the page would fail the same way, so no fallback. */
class IndexLoadError extends Error {}

const searchers = new Map<string, Searcher>()

/** The searcher of a saved index (`/search-index/ja.json`), started on first call. */
export function getSearcher(url: string): Searcher {
  let s = searchers.get(url)
  if (!s) {
    const created = withFallback(new URL(url, location.href).href)
    created.ready.catch(() => searchers.get(url) === created && searchers.delete(url))
    searchers.set(url, created)
    s = created
  }
  return s
}

/** The worker, or the page when the worker does not come up. */
function withFallback(url: string): Searcher {
  let active: Promise<Searcher>
  if (typeof Worker === 'undefined') active = Promise.resolve(pageSearcher(url))
  else {
    const w = workerSearcher(url)
    active = w.ready.then(
      () => w,
      (error: unknown) => (error instanceof IndexLoadError ? Promise.reject(error) : pageSearcher(url)),
    )
  }
  const ready = active.then((s) => s.ready)
  ready.catch(() => undefined) // callers see it through `ready` or `search`
  return {
    ready,
    search: (query, limit) => active.then((s) => s.search(query, limit)),
  }
}

function workerSearcher(url: string): Searcher {
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
      else if (m.type === 'error') {
        reject(new IndexLoadError(m.message))
        worker.terminate()
      } else if (m.type === 'results') {
        pending.get(m.id)?.({ results: m.results, suggestions: m.suggestions })
        pending.delete(m.id)
      }
    }
    worker.onerror = (e) => reject(new Error(e.message || 'search worker failed'))
  })
  worker.postMessage({ type: 'init', url })
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

function pageSearcher(url: string): Searcher {
  const loaded = import('./engine').then(async (engine) => ({ engine, built: await engine.fetchEngine(url) }))
  return {
    ready: loaded.then(() => undefined),
    async search(query, limit) {
      const { engine, built } = await loaded
      return engine.runSearch(built, query, limit)
    },
  }
}

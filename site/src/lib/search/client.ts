/**
 * The search island's only door to the search engine: `getSearcher(url).search(query, limit)`.
 * Nothing loads until the island asks (first focus or keystroke, or the search page once it is
 * idle). Then the page downloads the saved index while a Web Worker starts (the two overlap), and
 * the worker restores it and answers queries, so typing stays smooth on a phone. When the worker
 * itself cannot start (old browser, strict content security policy), the same engine runs on the
 * page with the same bytes. When the index cannot be downloaded or restored, `ready` rejects and
 * the next call starts over (a retry on the next focus). Swapping the engine means changing this
 * folder only.
 */
import { takePrefetch } from './prefetch'
import type { ChosenFacets, LoadTiming, SearchResponse, WorkerResponse } from './protocol'

export type { AskBack, ChosenFacets, SearchResponse, SearchResult } from './protocol'

export type Searcher = {
  /** Resolves when the index is ready (rejects if it cannot load at all). */
  ready: Promise<void>
  /** `facets`: the citizen's answer to a question asked back (re-ranks at once). */
  search(query: string, limit: number, facets?: ChosenFacets): Promise<SearchResponse>
}

/** The index could not be downloaded or restored: the page would fail the same way, so no fallback. */
class IndexLoadError extends Error {}

type Download = Promise<{ bytes: ArrayBuffer; downloadMs: number }>

const searchers = new Map<string, Searcher>()

/** The searcher of a saved index (`/search-index/ja.json`), started on first call. */
export function getSearcher(url: string): Searcher {
  let s = searchers.get(url)
  if (!s) {
    mark('kotae-search-start')
    const created = withFallback(new URL(url, location.href).href)
    created.ready.catch(() => searchers.get(url) === created && searchers.delete(url))
    searchers.set(url, created)
    s = created
  }
  return s
}

/** User Timing marks when loading starts and when the index is ready (DevTools; `npm run bench -w @kotae/site`). */
function mark(name: string, detail?: LoadTiming): void {
  try {
    performance.mark(name, detail ? { detail } : undefined)
  } catch {
    // Old browsers without mark details: the marks are only for measuring.
  }
}
const markReady = (timing: LoadTiming) => mark('kotae-search-ready', timing)

function download(url: string): Download {
  const pre = takePrefetch(url)
  const t = pre?.at ?? performance.now()
  return (pre?.response ?? fetch(url)).then(
    async (res) => {
      if (!res.ok) throw new IndexLoadError(`search index: HTTP ${res.status}`)
      const bytes = await res.arrayBuffer()
      return { bytes, downloadMs: performance.now() - t }
    },
    (error: unknown) => {
      throw new IndexLoadError(`search index: ${(error as Error).message}`)
    },
  )
}

/** The worker, or the page when the worker does not come up. */
function withFallback(url: string): Searcher {
  const bytes = download(url)
  bytes.catch(() => undefined) // seen through `ready`
  let active: Promise<Searcher>
  if (typeof Worker === 'undefined') active = Promise.resolve(pageSearcher(bytes))
  else {
    const w = workerSearcher(bytes)
    active = w.ready.then(
      () => w,
      (error: unknown) => (error instanceof IndexLoadError ? Promise.reject(error) : pageSearcher(bytes)),
    )
  }
  const ready = active.then((s) => s.ready)
  ready.catch(() => undefined) // callers see it through `ready` or `search`
  return {
    ready,
    search: (query, limit, facets) => active.then((s) => s.search(query, limit, facets)),
  }
}

function workerSearcher(bytes: Download): Searcher {
  let worker: Worker
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
  } catch (error) {
    return { ready: Promise.reject(error as Error), search: () => Promise.reject(error as Error) }
  }
  let next = 0
  let downloadMs = Number.NaN
  const pending = new Map<number, (r: SearchResponse) => void>()
  const ready = new Promise<void>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data
      if (m.type === 'ready') {
        markReady({ downloadMs, restoreMs: m.restoreMs })
        resolve()
      } else if (m.type === 'error') {
        reject(new IndexLoadError(m.message))
        worker.terminate()
      } else if (m.type === 'results') {
        pending.get(m.id)?.({
          results: m.results,
          found: m.found,
          sure: m.sure,
          ...(m.askBack ? { askBack: m.askBack } : {}),
          suggestions: m.suggestions,
        })
        pending.delete(m.id)
      }
    }
    worker.onerror = (e) => reject(new Error(e.message || 'search worker failed'))
    // Copied, not transferred: the page fallback may still need the bytes.
    bytes.then(
      (b) => {
        downloadMs = b.downloadMs
        worker.postMessage({ type: 'init', bytes: b.bytes })
      },
      (error: unknown) => {
        reject(error as Error)
        worker.terminate()
      },
    )
  })
  return {
    ready,
    async search(query, limit, facets) {
      await ready
      const id = ++next
      return new Promise<SearchResponse>((resolve) => {
        pending.set(id, resolve)
        worker.postMessage({ type: 'search', id, query, limit, ...(facets ? { facets } : {}) })
      })
    },
  }
}

function pageSearcher(bytes: Download): Searcher {
  const loaded = Promise.all([import('./engine'), bytes]).then(([engine, b]) => {
    try {
      const { engine: built, restoreMs } = engine.restoreEngine(b.bytes)
      markReady({ downloadMs: b.downloadMs, restoreMs })
      return { engine, built }
    } catch (error) {
      throw new IndexLoadError((error as Error).message)
    }
  })
  return {
    ready: loaded.then(() => undefined),
    async search(query, limit, facets) {
      const { engine, built } = await loaded
      return engine.runSearch(built, query, limit, facets)
    },
  }
}

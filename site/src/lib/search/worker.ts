/// <reference lib="webworker" />
/** The search worker: builds the index off the main thread and answers queries. */
import { buildEngine, runSearch, type Engine, type SearchData } from './engine'
import type { WorkerRequest, WorkerResponse } from './protocol'

let engine: Engine | undefined
const post = (m: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m)

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const m = e.data
  if (m.type === 'init') {
    try {
      const res = await fetch(m.url)
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      engine = buildEngine((await res.json()) as SearchData)
      post({ type: 'ready' })
    } catch (error) {
      post({ type: 'error', message: (error as Error).message })
    }
  } else if (m.type === 'search') {
    const r = engine ? runSearch(engine, m.query, m.limit) : { results: [], suggestions: [] }
    post({ type: 'results', id: m.id, ...r })
  }
}

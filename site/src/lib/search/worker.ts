/// <reference lib="webworker" />
/** The search worker: downloads and restores the saved index off the main thread and answers queries. */
import { fetchEngine, runSearch, type Engine } from './engine'
import type { WorkerRequest, WorkerResponse } from './protocol'

let engine: Engine | undefined
const post = (m: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m)

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const m = e.data
  if (m.type === 'init') {
    try {
      engine = await fetchEngine(m.url)
      post({ type: 'ready' })
    } catch (error) {
      post({ type: 'error', message: (error as Error).message })
    }
  } else if (m.type === 'search') {
    const r = engine ? runSearch(engine, m.query, m.limit) : { results: [], suggestions: [] }
    post({ type: 'results', id: m.id, ...r })
  }
}

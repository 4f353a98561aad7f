/// <reference lib="webworker" />
/** The search worker: restores the saved index off the main thread and answers queries. */
import { restoreEngine, runSearch, type Engine } from './engine'
import type { WorkerRequest, WorkerResponse } from './protocol'

let engine: Engine | undefined
const post = (m: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m)

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data
  if (m.type === 'init') {
    try {
      const restored = restoreEngine(m.bytes)
      engine = restored.engine
      post({ type: 'ready', restoreMs: restored.restoreMs })
    } catch (error) {
      post({ type: 'error', message: (error as Error).message })
    }
  } else if (m.type === 'search') {
    const r = engine
      ? runSearch(engine, m.query, m.limit, m.facets)
      : { results: [], found: 0, sure: false, suggestions: [] }
    post({ type: 'results', id: m.id, ...r })
  }
}

/**
 * Bundled by the bench (esbuild) and run in headless Chromium: downloads an index, makes it
 * searchable, and answers one query, timing each step with the page's clock.
 *  - `index`: the serialized index (serializeIndex) → loadSerializedIndex;
 *  - `documents`: the public search documents + synonyms (what the site ships) → a fresh index.
 */
import type { SearchDocument } from '../src/engine/document'
import { loadSerializedIndex } from '../src/engine/persist'
import { createSearchIndex, type SearchIndex } from '../src/engine/search-index'

type Timing = {
  downloadMs: number
  loadMs: number
  firstSearchMs: number
  totalMs: number
  top: string | undefined
}

async function run(url: string, mode: 'index' | 'documents', query: string): Promise<Timing> {
  const t0 = performance.now()
  const response = await fetch(url, { cache: 'no-store' })
  const text = await response.text()
  const t1 = performance.now()
  let index: SearchIndex
  if (mode === 'index') index = loadSerializedIndex(text)
  else {
    const data = JSON.parse(text) as { documents: SearchDocument[]; synonyms: { terms: string[] }[] }
    index = createSearchIndex({ audience: 'public', synonyms: data.synonyms })
    for (const d of data.documents) index.add(d)
  }
  const t2 = performance.now()
  const hits = index.search(query, { limit: 10 })
  const t3 = performance.now()
  return { downloadMs: t1 - t0, loadMs: t2 - t1, firstSearchMs: t3 - t2, totalMs: t3 - t0, top: hits[0]?.id }
}

;(globalThis as unknown as { kotaeBench: typeof run }).kotaeBench = run

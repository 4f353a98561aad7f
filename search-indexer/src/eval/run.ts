/** Runs Kotae's ranking, the bigram-BM25 baseline and the MiniSearch peer over one eval set. */
import { createSearchIndex, type SearchIndexOptions } from '../engine/search-index'
import { Bm25Baseline } from './bm25-baseline'
import { evalFaqToDocument, type EvalFaq } from './dataset'
import { evaluateRanking, type Judgement, type Metrics } from './metrics'
import { MiniSearchPeer } from './minisearch-peer'

export type EvalResult = {
  queries: number
  kotae: Metrics
  bm25: Metrics
  peer: Metrics
  buildMs: number
  queryMs: number
}

/** Kotae's ranked ids for each query, at depth `k`. */
export function kotaeRanker(
  faqs: readonly EvalFaq[],
  options: SearchIndexOptions = {},
): (query: string, k?: number) => string[] {
  const index = createSearchIndex({ audience: 'public', ...options })
  for (const f of faqs) index.add(evalFaqToDocument(f))
  return (query, k = 10) => {
    const q = index.analyzer.analyzeQuery(query)
    if (q.tokens.length === 0 && q.expansionTokens.length === 0) return []
    return index.rank(q, { limit: k }).map(([key]) => key.slice(key.indexOf(':') + 1))
  }
}

export function runEval(
  faqs: readonly EvalFaq[],
  queries: readonly Judgement[],
  options: SearchIndexOptions = {},
  k = 10,
): EvalResult {
  const t0 = performance.now()
  const kotae = kotaeRanker(faqs, options)
  const buildMs = performance.now() - t0
  const t1 = performance.now()
  const kotaeMetrics = evaluateRanking(queries, (q) => kotae(q, k))
  const queryMs = (performance.now() - t1) / Math.max(1, queries.length)
  const baseline = new Bm25Baseline(faqs)
  const bm25 = evaluateRanking(queries, (q) => baseline.rank(q, k))
  const peerEngine = new MiniSearchPeer(faqs)
  const peer = evaluateRanking(queries, (q) => peerEngine.rank(q, k))
  return { queries: queries.length, kotae: kotaeMetrics, bm25, peer, buildMs, queryMs }
}

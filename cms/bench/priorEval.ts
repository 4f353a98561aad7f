/**
 * Does the usage prior help? Offline eval on the curated content and a generated call history
 * (callHistory.ts), time-ordered:
 *   - the weight is chosen on a validation split: learn from calls 0–64%, rank calls 64–80%;
 *   - then the prior learns from the earlier 80% and ranks the later 20% (the test), and MRR@10
 *     of the FAQ each test call used first is printed with and without the prior.
 * The ranking is the lookup's own: the operator index (same analyzer, synonyms, documents) and
 * blendWithPrior over the same candidate pool as GET /api/lookup.
 */
import { loadContent } from '@kotae/content'
import { contentToDocuments, createSearchIndex, type SearchHit } from '@kotae/search-indexer'

import { LOOKUP_POOL } from '../src/search/lookupRanking'
import { blendWithPrior, UsagePrior } from '../src/search/usagePrior'
import { generateCallHistory, type GeneratedCall } from './callHistory'

export type PriorEvalResult = {
  calls: number
  faqs: number
  train: number
  test: number
  weight: number
  mrrWithout: number
  mrrWith: number
  /** Test calls whose typed words never occurred in training: what the prior cannot have memorized. */
  unseen: { calls: number; mrrWithout: number; mrrWith: number }
  validation: { weight: number; mrr: number }[]
}

const WEIGHTS = [0, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5]

export async function runPriorEval(
  options: { seed?: number; calls?: number } = {},
): Promise<PriorEvalResult> {
  const content = await loadContent()
  const faqs = content.faqs.filter((f) => f.locale === 'ja')
  const index = createSearchIndex({ audience: 'operator', synonyms: content.synonyms })
  for (const d of contentToDocuments(content, { audience: 'operator' })) index.add(d)
  // A content FAQ is a HistoryFaq as it is.
  const history = generateCallHistory(faqs, {
    seed: options.seed ?? 20261130,
    calls: options.calls ?? 20_000,
  })
  const tokenize = (text: string) => index.analyzer.analyzeQuery(text).tokens
  const hitsCache = new Map<string, SearchHit[]>()
  const search = (q: string) => {
    let hits = hitsCache.get(q)
    if (!hits) {
      hits = index.search(q, { limit: LOOKUP_POOL })
      hitsCache.set(q, hits)
    }
    return hits
  }

  /** MRR@10 per weight, learning from `train` and ranking `test`. */
  const evaluate = (train: GeneratedCall[], test: GeneratedCall[], weights: number[]): number[] => {
    if (test.length === 0) return weights.map(() => 0)
    const prior = new UsagePrior(tokenize)
    for (const c of train) prior.add({ texts: [c.query], faqs: c.faqs, at: c.at })
    const sums = weights.map(() => 0)
    for (const c of test) {
      const hits = search(c.query)
      const scores = prior.score(
        c.query,
        hits.filter((h) => h.kind === 'faq').map((h) => h.id),
      )
      weights.forEach((w, wi) => {
        const ranked = blendWithPrior(
          hits,
          (h) => h.score,
          (h) => (h.kind === 'faq' ? (scores.get(h.id) ?? 0) : 0),
          w,
        ).slice(0, 10)
        const rank = ranked.findIndex((h) => h.kind === 'faq' && h.id === c.faqs[0])
        if (rank >= 0) sums[wi]! += 1 / (rank + 1)
      })
    }
    return sums.map((s) => s / test.length)
  }

  const n = history.length
  const validationMrr = evaluate(
    history.slice(0, Math.floor(n * 0.64)),
    history.slice(Math.floor(n * 0.64), Math.floor(n * 0.8)),
    WEIGHTS,
  )
  const best = WEIGHTS[validationMrr.indexOf(Math.max(...validationMrr))]!
  const trainEnd = Math.floor(n * 0.8)
  const train = history.slice(0, trainEnd)
  const test = history.slice(trainEnd)
  const [mrrWithout, mrrWith] = evaluate(train, test, [0, best])
  const seen = new Set(train.map((c) => c.query))
  const unseenTest = test.filter((c) => !seen.has(c.query))
  const [unseenWithout, unseenWith] = evaluate(train, unseenTest, [0, best])
  return {
    calls: n,
    faqs: faqs.length,
    train: trainEnd,
    test: n - trainEnd,
    weight: best,
    mrrWithout: mrrWithout!,
    mrrWith: mrrWith!,
    unseen: { calls: unseenTest.length, mrrWithout: unseenWithout!, mrrWith: unseenWith! },
    validation: WEIGHTS.map((weight, i) => ({ weight, mrr: validationMrr[i]! })),
  }
}

export function printPriorEval(r: PriorEvalResult): void {
  console.log(
    `prior eval: ${r.faqs} curated FAQs, ${r.calls.toLocaleString('en')} generated calls (train ${r.train.toLocaleString('en')} earlier, test ${r.test.toLocaleString('en')} later)`,
  )
  console.log(
    `  validation MRR@10 by weight: ${r.validation.map((v) => `${v.weight}→${v.mrr.toFixed(4)}`).join('  ')}`,
  )
  console.log(`  test MRR@10 without prior: ${r.mrrWithout.toFixed(4)}`)
  const delta = (a: number, b: number) => `${b >= a ? '+' : ''}${(b - a).toFixed(4)}`
  console.log(
    `  test MRR@10 with prior (weight ${r.weight}): ${r.mrrWith.toFixed(4)}  (${delta(r.mrrWithout, r.mrrWith)})`,
  )
  console.log(
    `  of which ${r.unseen.calls.toLocaleString('en')} test calls with words never typed in training: without ${r.unseen.mrrWithout.toFixed(4)}, with ${r.unseen.mrrWith.toFixed(4)} (${delta(r.unseen.mrrWithout, r.unseen.mrrWith)})`,
  )
}

if (process.argv[1]?.endsWith('priorEval.ts')) {
  runPriorEval()
    .then(printPriorEval)
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}

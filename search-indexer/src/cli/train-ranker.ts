/**
 * npm run train:ranker [-- --rounds 2] [--dry-run]
 *
 * Learns the ranking's weights (engine/search-index.ts RankingWeights: per-field weights, bigram
 * and synonym weights, facet agreement and contradiction) by coordinate ascent on DEV data only:
 * Kotae's golden and colloquial dev splits (the desk's ranking over the project's content) and the
 * LocalgovFAQ dev queries in ../shared/eval (if present). The objective is the mean of P@1 on the
 * two dev splits and MRR@10 on LocalgovFAQ dev, so a weight that helps callers' words but costs
 * the public benchmark is not taken. Writes engine/ranking-weights.ts (the data file the engine's
 * defaults come from) and prints every step; `--dry-run` only prints. Test splits are never read.
 *
 * A weight vector over named features, not a black box: each weight says how much a match in one
 * field (or an agreeing facet) counts, which docs/AI.md lists for the city.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { loadSerializedIndex, serializeIndex } from '../engine/persist'
import { DEFAULT_WEIGHTS, type RankingWeights } from '../engine/search-index'
import { parseFaqJsonl, parseQueriesJsonl } from '../eval/dataset'
import { parseGoldenJsonl, toJudgement } from '../eval/golden'
import { evaluateRanking, type Judgement } from '../eval/metrics'
import { kotaeRanker } from '../eval/run'
import { queryLocale } from '../analyzer/language'
import { EVAL_DIR, loadContentIndex } from './content-index'

/** The weights learned here, with the steps tried for each (multipliers of the current value). */
const LEARNED: (keyof RankingWeights)[] = ['question', 'alternatives', 'shortAnswer', 'tags', 'passage', 'secondPassage', 'grams', 'synonyms', 'facetAgree', 'facetConflict']
const STEPS = [0.5, 0.75, 1.25, 1.5, 2]
const LOCALGOV = path.resolve(import.meta.dirname, '../../../../shared/eval/localgovfaq')

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' }, 'dry-run': { type: 'boolean', default: false } }, strict: true })
const rounds = Math.max(1, Math.min(5, Number(values.rounds) || 2))

const dev = (file: string): Judgement[] => parseGoldenJsonl(fs.readFileSync(path.join(EVAL_DIR, file), 'utf8'), file).filter((q) => q.split === 'dev').map(toJudgement)
const sets = { golden: dev('golden.jsonl'), colloquial: dev('colloquial.jsonl') }
const { content, index } = await loadContentIndex()
const saved = serializeIndex(index)
const original = new Map(content.faqs.filter((f) => f.translationOf).map((f) => [f.id, f.translationOf as string]))
const localgov = fs.existsSync(path.join(LOCALGOV, 'faq.jsonl'))
  ? { faqs: parseFaqJsonl(fs.readFileSync(path.join(LOCALGOV, 'faq.jsonl'), 'utf8'), 'faq.jsonl'), queries: parseQueriesJsonl(fs.readFileSync(path.join(LOCALGOV, 'queries.dev.jsonl'), 'utf8'), 'queries.dev.jsonl') }
  : undefined

type Score = { objective: number; golden: number; colloquial: number; localgov?: number }
function score(weights: RankingWeights): Score {
  const idx = loadSerializedIndex(saved, { weights })
  const rank = (q: string) => [...new Set(idx.search(q, { limit: 10, kinds: ['faq'], locale: queryLocale(q) }).map((h) => original.get(h.id) ?? h.id))]
  const golden = evaluateRanking(sets.golden, rank).p1
  const colloquial = evaluateRanking(sets.colloquial, rank).p1
  const parts = [golden, colloquial]
  let lg: number | undefined
  if (localgov) {
    const ranker = kotaeRanker(localgov.faqs, { weights })
    lg = evaluateRanking(localgov.queries, (q) => ranker(q, 10)).mrr10
    parts.push(lg)
  }
  return { objective: parts.reduce((a, b) => a + b, 0) / parts.length, golden, colloquial, ...(lg !== undefined ? { localgov: lg } : {}) }
}
const show = (s: Score) => `objective ${s.objective.toFixed(4)} (golden dev P@1 ${s.golden.toFixed(3)}, colloquial dev P@1 ${s.colloquial.toFixed(3)}${s.localgov !== undefined ? `, LocalgovFAQ dev MRR@10 ${s.localgov.toFixed(3)}` : ''})`

let weights: RankingWeights = { ...DEFAULT_WEIGHTS }
let best = score(weights)
const start = best
console.log(`train:ranker: ${sets.golden.length} golden + ${sets.colloquial.length} colloquial dev questions${localgov ? `, LocalgovFAQ dev ${localgov.queries.length} queries over ${localgov.faqs.length} FAQs` : ''}`)
console.log(`start: ${show(best)}`)
for (let round = 1; round <= rounds; round++) {
  let moved = false
  for (const name of LEARNED) {
    for (const step of STEPS) {
      const value = Math.round(weights[name] * step * 1000) / 1000
      const trial = { ...weights, [name]: value }
      const s = score(trial)
      if (s.objective > best.objective + 1e-9) {
        best = s
        weights = trial
        moved = true
        console.log(`round ${round}: ${name} → ${value}: ${show(s)}`)
      }
    }
  }
  if (!moved) break
}
console.log(`end: ${show(best)} (start ${start.objective.toFixed(4)})`)
const learned = Object.fromEntries(LEARNED.map((n) => [n, weights[n]]))
console.log(JSON.stringify(learned))
if (!values['dry-run']) {
  const out = path.resolve(import.meta.dirname, '../engine/ranking-weights.ts')
  fs.writeFileSync(
    out,
    `/**
 * Generated by \`npm run train:ranker\` (src/cli/train-ranker.ts); do not edit by hand.
 * Learned on dev data only: ${show(best)};
 * before: ${show(start)}.
 */
import type { RankingWeights } from './search-index'

export const LEARNED_WEIGHTS: Partial<RankingWeights> = ${JSON.stringify(learned)}
`,
  )
  console.log(`written ${path.relative(process.cwd(), out)}`)
}

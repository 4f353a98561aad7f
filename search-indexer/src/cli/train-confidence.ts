/**
 * npm run train:confidence [-- --dry-run]
 *
 * Fits the confidence model (engine/confidence.ts) on tuning data only (tuning-sets.ts): in-scope
 * questions (golden dev; both halves of the colloquial sets whose test half has been read: their
 * first hit should count as sure) against off-topic ones (both halves of the read off-topic sets;
 * no FAQ answers them). The threshold is the highest that leaves at most 1.9 % of the in-scope tuning
 * questions below it, so that 2 % of a set it did not see are (the quality bar: a right answer is
 * rarely hidden behind "no sure answer").
 * Writes engine/confidence-model.ts and prints the weights and the tuning figures; `--dry-run` only
 * prints; `--leave-set-out` also prints each set as scored by a model fitted (and its threshold
 * set) without that set, the figures a change of features is decided on. Also fits the "in scope"
 * model (engine/scope.ts; written to engine/scope-model.ts) whose value is one of the features;
 * `--without-scope` fits and prints the confidence model without it (for comparison; writes nothing
 * of the scope model). The golden test split and
 * a held-out set's test half are never read here.
 *
 * The in-scope questions are the FAQs' earlier phrasings too (the "asked before" channel, decision
 * 0048): each set is ranked on an index whose channel was learned from the other sets
 * (leave-set-out.ts), so its top hit looks as sure as a new caller's would, not as sure as a
 * question that finds itself.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import {
  type ConfidenceInput,
  type ConfidenceSample,
  confidenceFeatures,
  countBelow,
  fitConfidence,
  leaveGroupOut,
  thresholdFor,
} from '../engine/confidence'
import { announcesOnly } from '../analyzer/announces'
import { fitScope, type ScopeSample, scopeOfWords, scopeWords } from '../engine/scope'
import type { SearchIndex } from '../engine/search-index'
import { EVAL_DIR, loadContentIndex } from './content-index'
import { leaveSetOut } from './leave-set-out'
import { describeTuning, IN_SCOPE_TUNING, loadTuning, OFF_TOPIC_TUNING } from './tuning-sets'

/**
 * Share of the in-scope tuning questions the threshold leaves below it. The bar is 2 % on questions
 * the model has not seen; a threshold set at 2 % of the questions it was fitted on leaves 2.2 % of a
 * left-out set below (decision 0073), so it is set a little lower (decision 0074): 1.8 % since facet
 * values count in the ranking (decision 0077; at 1.9 % a left-out set had 2.1 % below).
 */
const MAX_HIDDEN = 0.018

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    'leave-set-out': { type: 'boolean', default: false },
    'without-scope': { type: 'boolean', default: false },
  },
  strict: true,
})
const withScope = !values['without-scope']
// Off-topic questions are nobody's phrasing: they are asked of the index the desk has.
const { content, index: full } = await loadContentIndex()
const { sets } = await leaveSetOut()
type Sample = ConfidenceSample & { words: string[]; input: Omit<ConfidenceInput, 'scope'> }
const sample = (index: SearchIndex, query: string, sure: boolean): Sample => {
  const q = index.analyzer.analyzeQuery(query)
  const top = index.search(query, { limit: 1, kinds: ['faq'] })[0]
  // A query that only announces a question scores 0, as without a hit (confidence.ts): always below.
  const input = { query: q, top, unknownWord: index.hasUnknownWord(q), announcesOnly: announcesOnly(query) }
  return {
    features: confidenceFeatures(input),
    sure,
    hit: top !== undefined && !input.announcesOnly,
    words: scopeWords(q),
    input,
  }
}
const groups = [
  ...sets.map((s) => ({ name: s.file, samples: s.questions.map((q) => sample(s.index, q.query, true)) })),
  ...OFF_TOPIC_TUNING.map((s) => ({
    name: s.file,
    samples: loadTuning([s], EVAL_DIR).map((q) => sample(full, q.query, false)),
  })).filter((g) => g.samples.length > 0),
]
// The "in scope" model (scope.ts): positives are the FAQs' own questions and alternatives and the
// in-scope tuning questions, negatives the off-topic ones. Each set's scope value comes from a model
// fitted without that set (cross-fitting), so the confidence model learns how far to trust the
// feature on words it has not seen; the committed scope model is fitted on all of it.
const faqText: ScopeSample[] = content.faqs.flatMap((f) =>
  [f.question, ...f.alternatives].map((t) => ({
    words: scopeWords(full.analyzer.analyzeQuery(t)),
    inScope: true,
  })),
)
const scopeSamples = (gs: typeof groups): ScopeSample[] =>
  gs.flatMap((g) => g.samples.map((s) => ({ words: s.words, inScope: s.sure })))
const scopeModel = fitScope([...faqText, ...scopeSamples(groups)])
if (withScope)
  for (const g of groups) {
    const model = fitScope([...faqText, ...scopeSamples(groups.filter((o) => o !== g))])
    for (const s of g.samples)
      s.features = confidenceFeatures({ ...s.input, scope: scopeOfWords(s.words, model) })
  }
const inScope = groups.flatMap((g) => g.samples.filter((s) => s.sure))
const offTopic = groups.flatMap((g) => g.samples.filter((s) => !s.sure))
const weights = fitConfidence([...inScope, ...offTopic].filter((s) => s.hit))
const threshold = thresholdFor(weights, inScope, MAX_HIDDEN)
const below = (xs: readonly ConfidenceSample[]) => countBelow({ weights, threshold }, xs)
console.log(
  `train:confidence: ${inScope.length} in-scope (${describeTuning(IN_SCOPE_TUNING, EVAL_DIR)}) and ${offTopic.length} off-topic questions (${describeTuning(OFF_TOPIC_TUNING, EVAL_DIR)})`,
)
console.log(`weights ${JSON.stringify(weights)}; threshold ${threshold}`)
if (withScope)
  console.log(
    `scope model: ${Object.keys(scopeModel.weights).length} words, bias ${scopeModel.bias} (${faqText.length} FAQ questions and alternatives with the tuning questions)`,
  )
console.log(
  `tuning data: in-scope below the threshold ${below(inScope)}/${inScope.length}; off-topic below ${below(offTopic)}/${offTopic.length}`,
)
if (values['leave-set-out']) {
  const rows = leaveGroupOut(groups, MAX_HIDDEN)
  const pct = (n: number, d: number) => `${((n / Math.max(1, d)) * 100).toFixed(1)} %`
  console.log('leave-set-out (each set scored by a model fitted without it):')
  for (const r of rows)
    console.log(
      `  ${r.name}: ${r.below} of ${r.size} below (${pct(r.below, r.size)}), threshold ${r.threshold}`,
    )
  const sum = (sure: boolean) => {
    const rs = rows.filter((r) => groups.find((g) => g.name === r.name)?.samples[0]?.sure === sure)
    const n = rs.reduce((a, r) => a + r.size, 0)
    const b = rs.reduce((a, r) => a + r.below, 0)
    return `${b}/${n} (${pct(b, n)})`
  }
  console.log(`  in-scope below ${sum(true)}; off-topic below ${sum(false)}`)
}
if (!values['dry-run']) {
  const out = path.resolve(import.meta.dirname, '../engine/confidence-model.ts')
  fs.writeFileSync(
    out,
    `/**
 * Generated by \`npm run train:confidence\` (src/cli/train-confidence.ts); do not edit by hand.
 * Fitted on tuning data only: ${inScope.length} in-scope questions (${describeTuning(IN_SCOPE_TUNING, EVAL_DIR)})
 * and ${offTopic.length} off-topic ones (${describeTuning(OFF_TOPIC_TUNING, EVAL_DIR)}); threshold: at most
 * ${MAX_HIDDEN * 100} % of the in-scope ones below it. Tuning figures: in-scope below ${below(inScope)}/${inScope.length}, off-topic below ${below(offTopic)}/${offTopic.length}.
 */
import type { ConfidenceModel } from './confidence'

export const CONFIDENCE_MODEL: ConfidenceModel = ${JSON.stringify({ weights, threshold })}
`,
  )
  console.log(`written ${path.relative(process.cwd(), out)}`)
  if (withScope) {
    const scopeOut = path.resolve(import.meta.dirname, '../engine/scope-model.ts')
    const entries = Object.entries(scopeModel.weights).map(([w, v]) => `${JSON.stringify(w)}:${v}`)
    fs.writeFileSync(
      scopeOut,
      `/**
 * Generated by \`npm run train:confidence\` (src/cli/train-confidence.ts); do not edit by hand.
 * The "in scope" model (scope.ts): ${Object.keys(scopeModel.weights).length} analyzer words with a weight, fitted on tuning data only: the
 * FAQs' questions and alternatives (${faqText.length}) and ${inScope.length} in-scope tuning questions against ${offTopic.length} off-topic ones.
 */
import type { ScopeModel } from './scope'

export const SCOPE_MODEL: ScopeModel = {
  bias: ${scopeModel.bias},
  // biome-ignore format: one generated table
  weights: {${entries.join(',')}},
}
`,
    )
    console.log(`written ${path.relative(process.cwd(), scopeOut)}`)
  }
}

/**
 * "In scope": how much a question's own words look like the questions this knowledge base answers
 * (the FAQs' questions and alternatives, earlier callers' in-scope questions) rather than questions
 * about something else (the off-topic sets). A bag-of-words logistic model over the analyzer's words
 * (not bigrams), read by the confidence model as one feature beside `unknownWord`: `unknownWord`
 * sees a word nowhere in the index, this one sees words the index holds but that mostly come in
 * other topics' questions (在留カード, 確定申告, ケース). Hand-written (a few lines of logistic
 * regression over sparse counts) because the model is a word → weight table the city can read and the
 * site ships, with no library in the browser. The weights are data (scope-model.ts), fitted by
 * `npm run train:confidence` on tuning data only.
 */
import type { QueryAnalysis } from '../analyzer/analyzer'
import { isGram, tokenText } from '../analyzer/tokenize'
import { SCOPE_MODEL } from './scope-model'

export type ScopeModel = {
  /** Intercept. */
  bias: number
  /** Analyzer word → weight; a word not listed weighs 0. */
  weights: Record<string, number>
}

const HAN = /\p{Script=Han}/u

/** A kanji bigram's mark in the table (·在留): never part of an analyzer word, so a bigram and a word never share a weight. */
export const SCOPE_GRAM = '·'

/**
 * What the model reads: the query's own analyzer words (no synonym expansions) and its kanji
 * bigrams (marked ·), once each. The bigrams carry a compound's parts into questions that write it
 * otherwise (在留 of 在留カード, 在留期間, 在留資格; 救急 of マイナ救急). Kana bigrams stay out: they are
 * the endings and particles every question has.
 */
export const scopeWords = (q: Pick<QueryAnalysis, 'tokens'>): string[] => [
  ...new Set(q.tokens.flatMap((t) => (!isGram(t) ? [t] : HAN.test(t) ? [SCOPE_GRAM + tokenText(t)] : []))),
]

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/** The probability (0–1) that a question with these words is one this knowledge base answers. */
export function scopeOfWords(words: readonly string[], model: ScopeModel = SCOPE_MODEL): number {
  let z = model.bias
  for (const w of words) z += model.weights[w] ?? 0
  return sigmoid(z)
}

/** {@link scopeOfWords} for an analyzed query. */
export const scopeOf = (q: Pick<QueryAnalysis, 'tokens'>, model: ScopeModel = SCOPE_MODEL): number =>
  scopeOfWords(scopeWords(q), model)

export type ScopeSample = { words: readonly string[]; inScope: boolean }

/**
 * Fits the model by stochastic gradient descent (L2-regularized, classes weighted to balance, a
 * fixed order so a re-run writes the same file). Per-sample steps because the features are sparse:
 * a full-batch step moves a word seen in 5 of 3,000 questions by almost nothing. Weights under
 * `minWeight` in size are dropped (the table ships in the site's bundle).
 */
export function fitScope(
  samples: readonly ScopeSample[],
  { epochs = 30, rate = 0.05, l2 = 0.002, minWeight = 0.1 } = {},
): ScopeModel {
  const positives = samples.filter((s) => s.inScope).length
  const classWeight = (inScope: boolean) =>
    samples.length / (2 * Math.max(1, inScope ? positives : samples.length - positives))
  const w = new Map<string, number>()
  let bias = 0
  // A fixed interleaving (every 7th sample from each offset) instead of a random shuffle.
  const order = [...samples.keys()].sort((a, b) => (a % 7) - (b % 7) || a - b)
  for (let epoch = 0; epoch < epochs; epoch++) {
    const step = rate / (1 + epoch * 0.1)
    for (const i of order) {
      const s = samples[i]!
      let z = bias
      for (const word of s.words) z += w.get(word) ?? 0
      const err = (sigmoid(z) - (s.inScope ? 1 : 0)) * classWeight(s.inScope)
      bias -= step * err
      for (const word of s.words) {
        const v = w.get(word) ?? 0
        w.set(word, v - step * (err + l2 * v))
      }
    }
  }
  const round = (v: number) => Math.round(v * 100) / 100
  const weights = Object.fromEntries(
    [...w.entries()]
      .filter(([, v]) => Math.abs(v) >= minWeight)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, round(v)]),
  )
  return { bias: round(bias), weights }
}

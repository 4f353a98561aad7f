/**
 * Knowing when it does not know: how sure the first answer is, from a small logistic model over
 * features of the query and its top hit. Below the threshold the site says plainly that it found
 * no sure answer (and shows the closest topics and the phone number), and the desk marks the list
 * as uncertain. The weights are data (confidence-model.ts), fitted by `npm run train:confidence`
 * on the dev splits only: in-scope questions (golden, colloquial) against off-topic ones.
 * A logistic model, not a rule list: a handful of named weights the city can read (docs/AI.md).
 */
import type { QueryAnalysis } from '../analyzer/analyzer'
import { CONFIDENCE_MODEL } from './confidence-model'

export type ConfidenceModel = {
  /** Feature name → weight; `bias` is the intercept. Unknown features weigh 0. */
  weights: Record<string, number>
  /** Probability at or above which an answer is sure. */
  threshold: number
}

/** What the model reads of a query and its top hit. */
export type ConfidenceInput = {
  query: QueryAnalysis
  top?: { score: number; coverage: number }
  /** The query has a word nothing in the index holds (SearchIndex.hasUnknownWord). */
  unknownWord?: boolean
  /** How much the question's words look like in-scope questions, 0–1 (scope.ts). */
  scope?: number
  /** The query only announces a question (analyzer/announces.ts): a rule, not a weight. */
  announcesOnly?: boolean
}

/**
 * The features: the top hit's coverage of the query, its score (log), per facet dimension
 * whether the query names a value of it (a question about the card, a PIN, a move …), and whether
 * the query has a word the index holds nowhere (a question about something else: the asked-before
 * phrasings lift everyday words, so an off-topic question's other words can still match well), and
 * how much its words look like in-scope questions (the "in scope" model, scope.ts).
 * A query with no hit has no features but the bias and scores 0; so does one that only announces
 * a question (カードのことで聞きたいことがあって): it names no more than a topic, so whatever is found
 * for it is not an answer, however well its words match callers' stories.
 */
export function confidenceFeatures({
  query,
  top,
  unknownWord,
  scope,
  announcesOnly,
}: ConfidenceInput): Record<string, number> {
  if (!top || announcesOnly) return {}
  const out: Record<string, number> = { coverage: top.coverage, logScore: Math.log1p(Math.max(0, top.score)) }
  if (unknownWord) out.unknownWord = 1
  if (scope !== undefined) out.scope = scope
  for (const [dimension, values] of Object.entries(query.facets))
    if (values.length) out[`facet:${dimension}`] = 1
  return out
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/**
 * The probability (0–1) that the top hit answers an in-scope question; 0 without a hit and for a
 * query that only announces a question (below any threshold: the site says it found no sure answer,
 * the desk marks the list as uncertain).
 */
export function confidenceOf(input: ConfidenceInput, model: ConfidenceModel = CONFIDENCE_MODEL): number {
  if (!input.top || input.announcesOnly) return 0
  return probabilityOf(model.weights, confidenceFeatures(input))
}

/** Fits a logistic model by gradient descent (L2-regularized); small data, so plain full-batch. */
export function fitConfidence(
  samples: readonly { features: Record<string, number>; sure: boolean }[],
  { epochs = 3000, rate = 0.5, l2 = 0.001 } = {},
): Record<string, number> {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.features)))].sort()
  const w: Record<string, number> = { bias: 0 }
  for (const n of names) w[n] = 0
  // Classes are weighted to balance (few off-topic questions against many in-scope ones).
  const positives = samples.filter((s) => s.sure).length
  const weightOf = (sure: boolean) =>
    sure
      ? samples.length / (2 * Math.max(1, positives))
      : samples.length / (2 * Math.max(1, samples.length - positives))
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad: Record<string, number> = { bias: 0 }
    for (const n of names) grad[n] = 0
    for (const s of samples) {
      let z = w.bias!
      for (const [n, v] of Object.entries(s.features)) z += w[n]! * v
      const err = (sigmoid(z) - (s.sure ? 1 : 0)) * weightOf(s.sure)
      grad.bias! += err
      for (const [n, v] of Object.entries(s.features)) grad[n]! += err * v
    }
    for (const n of Object.keys(w))
      w[n] = w[n]! - rate * (grad[n]! / samples.length + (n === 'bias' ? 0 : l2 * w[n]!))
  }
  return Object.fromEntries(Object.entries(w).map(([n, v]) => [n, Math.round(v * 1000) / 1000]))
}

/** The probability under which a model is unsure (0 without a hit). */
export const probabilityOf = (weights: Record<string, number>, features: Record<string, number>): number => {
  let z = weights.bias ?? 0
  for (const [n, v] of Object.entries(features)) z += (weights[n] ?? 0) * v
  return sigmoid(z)
}

export type ConfidenceSample = { features: Record<string, number>; sure: boolean; hit: boolean }

/**
 * The highest threshold (3 decimals) that leaves at most `maxHidden` of the sure samples below it
 * (a sample with no hit is always below).
 */
export function thresholdFor(
  weights: Record<string, number>,
  samples: readonly ConfidenceSample[],
  maxHidden: number,
): number {
  const p = samples
    .filter((s) => s.sure)
    .map((s) => (s.hit ? probabilityOf(weights, s.features) : 0))
    .sort((a, b) => a - b)
  return Math.floor((p[Math.floor(p.length * maxHidden)] ?? 0) * 1000) / 1000
}

/** How many samples a model leaves below its threshold (no hit counts as below). */
export const countBelow = (model: ConfidenceModel, samples: readonly ConfidenceSample[]): number =>
  samples.filter((s) => !s.hit || probabilityOf(model.weights, s.features) < model.threshold).length

/**
 * Honest figures for the model: each group (a question set) scored by a model fitted, and its
 * threshold set, without it. Fitted on its own data every set looks better than a new writer's
 * set will; decisions about features are taken on these figures (decision 0048).
 */
export function leaveGroupOut(
  groups: readonly { name: string; samples: readonly ConfidenceSample[] }[],
  maxHidden: number,
): { name: string; size: number; below: number; threshold: number }[] {
  return groups.map((g) => {
    const train = groups.filter((o) => o !== g).flatMap((o) => o.samples)
    const weights = fitConfidence(train.filter((s) => s.hit))
    const threshold = thresholdFor(weights, train, maxHidden)
    return {
      name: g.name,
      size: g.samples.length,
      below: countBelow({ weights, threshold }, g.samples),
      threshold,
    }
  })
}

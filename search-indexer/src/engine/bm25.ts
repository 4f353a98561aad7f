/**
 * BM25 scoring over an {@link InvertedIndex} for pre-analyzed query tokens: BM25+ (k 1.2, b 0.75,
 * d 0.5 by default) with the IDF log(1 + (N − n + 0.5) / (n + 0.5)), as Orama computed it when it
 * held the index (decision 0009), so scores did not change with the move (decision 0032).
 *
 * Why a loop of our own rather than a library's `search`: our queries carry 20–40 tokens (words and
 * bigrams), many of them in most documents, and Orama's search spent its time on bookkeeping we do
 * not use (~300 ms per query at 3,000 synthetic FAQs; this loop: a few ms).
 */
import type { InvertedIndex } from './inverted-index'
import type { Bm25Params } from './search-index'

/** Scores per record id: a dense array (ids are small integers) and the ids touched. */
export class Scores {
  readonly values: Float64Array
  readonly touched: number[] = []
  constructor(size: number) {
    this.values = new Float64Array(size)
  }
  add(id: number, score: number): void {
    if (this.values[id] === 0) this.touched.push(id)
    this.values[id] = (this.values[id] ?? 0) + score
  }
  /** Back to all zeros (only the touched entries are written). */
  reset(): void {
    for (const id of this.touched) this.values[id] = 0
    this.touched.length = 0
  }
  /** The `limit` best [id, score] pairs, by score then id (the older record first). */
  top(limit: number): [number, number][] {
    const v = this.values
    let ids = this.touched
    if (ids.length > limit) {
      // Only the best `limit` are sorted: the limit-th best score is selected from the scores
      // alone (no pair per touched document), then ids at or above it are kept (ties at the cut
      // by id, as the full sort would).
      const scores = new Float64Array(ids.length)
      for (let i = 0; i < ids.length; i++) scores[i] = v[ids[i]!] ?? 0
      const cut = kthLargest(scores, limit)
      const above: number[] = []
      const at: number[] = []
      for (const id of ids) {
        const s = v[id] ?? 0
        if (s > cut) above.push(id)
        else if (s === cut) at.push(id)
      }
      ids =
        at.length + above.length > limit
          ? above.concat(at.sort((a, b) => a - b).slice(0, limit - above.length))
          : above.concat(at)
    }
    return ids.map((id): [number, number] => [id, v[id] ?? 0]).sort((a, b) => b[1] - a[1] || a[0] - b[0])
  }
}

/**
 * The k-th largest value (1-based) of `values`, which it reorders: quickselect, O(n) on average,
 * so a query touching most of a large index does not sort every score to keep the best few.
 */
export function kthLargest(values: Float64Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  const target = Math.min(Math.max(k, 1), values.length) - 1
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!
    let i = lo
    let j = hi
    while (i <= j) {
      while (values[i]! > pivot) i++
      while (values[j]! < pivot) j--
      if (i <= j) {
        const t = values[i]!
        values[i] = values[j]!
        values[j] = t
        i++
        j--
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else break
  }
  return values[target]!
}

/** An empty {@link Scores} for an index. */
export function newScores(index: InvertedIndex<unknown>): Scores {
  const size = index.capacity
  const kept = spare.get(index)
  if (kept && kept.values.length === size) {
    spare.delete(index)
    return kept
  }
  return new Scores(size)
}

/**
 * One zeroed {@link Scores} kept per index for the next query: a query scores each index twice
 * (its own words, then synonyms), one after the other, and allocating and zeroing an array per
 * document (12,000 at 3,000 FAQs) each time was garbage for every query.
 */
const spare = new WeakMap<InvertedIndex<unknown>, Scores>()

/** Hands a {@link Scores} back once its results are read. */
export function releaseScores(index: InvertedIndex<unknown>, scores: Scores): void {
  scores.reset()
  spare.set(index, scores)
}

/**
 * Adds `boost[field] × tokenWeight(token) × BM25(token, field)` for every field and token to `into`,
 * keyed by record id.
 * `allowed`: only these ids (a filter), or all. Term frequency is 1 / field length (a record holds
 * each token once per field); an `unnormalized` field scores every record as if it had the
 * field's average length.
 */
const NONE: ReadonlySet<string> = new Set()
const NO_WEIGHTS: ReadonlyMap<string, number> = new Map()

export function addBm25Scores(
  index: InvertedIndex<unknown>,
  tokens: readonly string[],
  boost: Readonly<Record<string, number>>,
  { k, b, d }: Bm25Params,
  into: Scores,
  allowed?: ReadonlySet<number>,
  unnormalized: ReadonlySet<string> = NONE,
  tokenWeight: ReadonlyMap<string, number> = NO_WEIGHTS,
): void {
  const docsCount = index.count
  for (const [name, fieldBoost] of Object.entries(boost)) {
    const field = index.field(name)
    if (!field || fieldBoost <= 0) continue
    const avg = field.averageLength || 1
    const lengths = field.lengths
    for (const token of new Set(tokens)) {
      const ids = field.postings.get(token)
      if (!ids) continue
      const n = ids.size
      const idf = Math.log(1 + (docsCount - n + 0.5) / (n + 0.5)) * fieldBoost * (tokenWeight.get(token) ?? 1)
      for (const id of ids) {
        if (allowed && !allowed.has(id)) continue
        const len = unnormalized.has(name) ? avg : (lengths[id] ?? 0)
        const tf = len > 0 ? 1 / len : 0
        into.add(id, (idf * (d + tf * (k + 1))) / (tf + k * (1 - b + (b * len) / avg)))
      }
    }
  }
}

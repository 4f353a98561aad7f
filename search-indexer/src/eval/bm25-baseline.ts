/**
 * The plain baseline the eval compares against: BM25 (k1 = 1.2, b = 0.75) over raw character
 * bigrams of question + answer. No normalization, no segmentation, no synonyms, no field weights:
 * the text is only split on whitespace, and every pair of adjacent characters of each piece is a
 * token (a one-character piece is its own token).
 */
export type BaselineDoc = { id: string; question: string; answer: string }

/** Raw character bigrams of `text`. */
export function rawBigrams(text: string): string[] {
  const out: string[] = []
  for (const piece of text.split(/\s+/u)) {
    const chars = [...piece]
    if (chars.length === 1) out.push(piece)
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!)
  }
  return out
}

export class Bm25Baseline {
  private readonly ids: string[] = []
  private readonly lengths: number[] = []
  private readonly postings = new Map<string, Map<number, number>>()
  private avgLength = 0

  constructor(
    docs: readonly BaselineDoc[],
    readonly k1 = 1.2,
    readonly b = 0.75,
  ) {
    let total = 0
    docs.forEach((doc, n) => {
      const tokens = rawBigrams(`${doc.question}\n${doc.answer}`)
      this.ids.push(doc.id)
      this.lengths.push(tokens.length)
      total += tokens.length
      for (const t of tokens) {
        let p = this.postings.get(t)
        if (!p) {
          p = new Map()
          this.postings.set(t, p)
        }
        p.set(n, (p.get(n) ?? 0) + 1)
      }
    })
    this.avgLength = docs.length ? total / docs.length : 0
  }

  /** Document ids by descending BM25 score (only documents sharing a token with the query). */
  rank(query: string, limit = 10): string[] {
    return this.scored(query, limit).map(([id]) => id)
  }

  /** [id, score] pairs by descending score. */
  scored(query: string, limit = 10): [string, number][] {
    const N = this.ids.length
    const scores = new Map<number, number>()
    for (const t of new Set(rawBigrams(query))) {
      const p = this.postings.get(t)
      if (!p) continue
      const idf = Math.log(1 + (N - p.size + 0.5) / (p.size + 0.5))
      for (const [n, tf] of p) {
        const len = this.lengths[n] ?? 0
        const s = (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * len) / this.avgLength))
        scores.set(n, (scores.get(n) ?? 0) + s)
      }
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([n, score]): [string, number] => [this.ids[n] ?? '', score])
  }
}

/**
 * A FAQ's question and whole answer as one field with term counts: BM25 with each token's real
 * frequency, where the inverted index (inverted-index.ts) holds a token once per field and the
 * passages see 160 characters at a time. A long answer that names its subject five times then
 * outranks one that names it once in passing — what a bigram BM25 over question and answer did
 * better on the LocalgovFAQ dev set (decision 0071). Kept beside the inverted index (whose
 * postings are sets, read by min-match and persistence as such), built only when its weight is
 * above 0, and not saved: a restored index rebuilds it from its documents. Browser-safe.
 */
import type { Scores } from './bm25'
import type { Bm25Params } from './search-index'

export class BodyTerms {
  /** Token → (record id → count). */
  private readonly postings = new Map<string, Map<number, number>>()
  /** Record id → its distinct tokens (for removal) and length. */
  private readonly records = new Map<number, { tokens: string[]; length: number }>()
  private total = 0

  get size(): number {
    return this.records.size
  }

  /** Adds a record's body tokens (with repeats), replacing what it had. */
  add(id: number, tokens: readonly string[]): void {
    this.remove(id)
    const counts = new Map<string, number>()
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1)
    for (const [t, n] of counts) {
      const p = this.postings.get(t)
      if (p) p.set(id, n)
      else this.postings.set(t, new Map([[id, n]]))
    }
    this.records.set(id, { tokens: [...counts.keys()], length: tokens.length })
    this.total += tokens.length
  }

  remove(id: number): void {
    const rec = this.records.get(id)
    if (!rec) return
    this.total -= rec.length
    this.records.delete(id)
    for (const t of rec.tokens) {
      const p = this.postings.get(t)
      if (p?.delete(id) && p.size === 0) this.postings.delete(t)
    }
  }

  /**
   * Adds `boost(token) × BM25(token)` per record to `into`. `count`: records in the index (the
   * IDF's N); `allowed`: only these ids.
   */
  score(
    tokens: readonly string[],
    boost: (token: string) => number,
    { k, b }: Bm25Params,
    into: Scores,
    allowed?: ReadonlySet<number>,
  ): void {
    const n = this.records.size
    if (n === 0) return
    const avg = this.total / n || 1
    for (const token of new Set(tokens)) {
      const p = this.postings.get(token)
      if (!p) continue
      const w = boost(token)
      if (w <= 0) continue
      const idf = Math.log(1 + (n - p.size + 0.5) / (p.size + 0.5)) * w
      for (const [id, tf] of p) {
        if (allowed && !allowed.has(id)) continue
        const len = this.records.get(id)?.length ?? 0
        into.add(id, (idf * tf * (k + 1)) / (tf + k * (1 - b + (b * len) / avg)))
      }
    }
  }
}

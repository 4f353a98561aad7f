/**
 * BM25 scoring over an Orama database's own inverted index, with Orama's formula (BM25+ with its
 * term-frequency convention), for pre-analyzed query tokens.
 *
 * Why not Orama's `search`: for each matching posting it also keeps per-document, per-field keyword
 * counts in nested Maps (for its `threshold` option, which we do not use), recomputes the IDF, and
 * then builds a result object per hit. Our queries carry 20–40 tokens (words and bigrams), many of
 * them in most documents, so that bookkeeping dominated: ~300 ms per query at 3,000 synthetic FAQs
 * on a loaded machine. Its radix lookup also dedupes doc ids with `Array.includes` (quadratic in a
 * token's document count). This loop reads the same index (Orama 3.1's `data.index`: radix trees,
 * frequencies, field lengths, token occurrences) and gives the same scores.
 */
import { components, count, type AnyOrama } from '@orama/orama'

import type { Bm25Params } from './search-index'

/** Orama 3.1's radix tree node: children by first character, edge label, end-of-word, word, doc ids. */
type RadixNode = { c: Map<string, RadixNode>; s: string; e: boolean; w: string; d: Set<number> }
type OramaIndexData = {
  indexes: Record<string, { type: string; node: RadixNode }>
  avgFieldLength: Record<string, number>
  fieldLengths: Record<string, Record<number, number | undefined>>
  tokenOccurrences: Record<string, Record<string, number | undefined>>
}
type OramaInternals = { data: { index: OramaIndexData; docs: { docs: Record<number, unknown> } }; tokenizer: unknown; internalDocumentIDStore: unknown }

/** Scores per Orama internal id: a dense array (internal ids are small integers) and the ids touched. */
export class Scores {
  readonly values: Float64Array
  readonly touched: number[] = []
  constructor(size: number) {
    this.values = new Float64Array(size + 1)
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
  /** The `limit` best [internal id, score] pairs, by score then id (as Orama orders its hits). */
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
      ids = at.length + above.length > limit ? above.concat(at.sort((a, b) => a - b).slice(0, limit - above.length)) : above.concat(at)
    }
    return ids
      .map((id): [number, number] => [id, v[id] ?? 0])
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
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

/** An empty {@link Scores} for a database. */
export function newScores(db: AnyOrama): Scores {
  const size = (db as unknown as { internalDocumentIDStore: { internalIdToId: unknown[] } }).internalDocumentIDStore.internalIdToId.length
  const kept = spare.get(db)
  if (kept && kept.values.length === size + 1) {
    spare.delete(db)
    return kept
  }
  return new Scores(size)
}

/**
 * One zeroed {@link Scores} kept per database for the next query: a query scores each database
 * twice (its own words, then synonyms), one after the other, and allocating and zeroing an array
 * per document (12,000 at 3,000 FAQs) each time was garbage for every query.
 */
const spare = new WeakMap<AnyOrama, Scores>()

/** Hands a {@link Scores} back once its results are read. */
export function releaseScores(db: AnyOrama, scores: Scores): void {
  scores.reset()
  spare.set(db, scores)
}

/**
 * Adds `boost[field] × BM25(token, field)` for every field and token to `into`, keyed by Orama's
 * internal document id. `allowed`: only these internal ids (a where-filter), or all.
 *
 * Term frequency: Orama stores count / field length; our tokenizer gives each token once per field
 * (createOramaTokenizer dedupes), so it is 1 / field length and is not looked up per posting.
 */
export function addBm25Scores(
  db: AnyOrama,
  tokens: readonly string[],
  boost: Readonly<Record<string, number>>,
  { k, b, d }: Bm25Params,
  into: Scores,
  allowed?: ReadonlySet<number>,
): void {
  const orama = db as unknown as OramaInternals
  const index = orama.data.index
  const docsCount = count(db) as number
  for (const [prop, fieldBoost] of Object.entries(boost)) {
    const tree = index.indexes[prop]
    if (!tree || fieldBoost <= 0) continue
    const avg = index.avgFieldLength[prop] ?? 1
    const lengths = index.fieldLengths[prop] ?? {}
    const occurrences = index.tokenOccurrences[prop] ?? {}
    for (const token of new Set(tokens)) {
      const ids = postings(tree.node, token)
      if (!ids || ids.size === 0) continue
      const n = occurrences[token] ?? 0
      const idf = Math.log(1 + (docsCount - n + 0.5) / (n + 0.5)) * fieldBoost
      for (const id of ids) {
        if (allowed && !allowed.has(id)) continue
        const len = lengths[id] ?? 0
        const tf = len > 0 ? 1 / len : 0
        into.add(id, (idf * (d + tf * (k + 1))) / (tf + k * (1 - b + (b * len) / avg)))
      }
    }
  }
}

/** The document ids of exactly `term` (tokens end with a terminator, so no prefix matching is needed). */
function postings(root: RadixNode, term: string): Set<number> | undefined {
  let node = root
  let i = 0
  while (i < term.length) {
    const child = node.c.get(term[i] ?? '')
    if (!child || !term.startsWith(child.s, i)) return undefined
    i += child.s.length
    node = child
  }
  return node.e && node.w === term ? node.d : undefined
}

/** Internal ids of the documents that pass an Orama where-clause. */
export function whereIds(db: AnyOrama, where: Record<string, unknown>): Set<number> {
  const orama = db as unknown as OramaInternals
  const search = components.index.searchByWhereClause as unknown as (index: unknown, tokenizer: unknown, where: unknown, language?: string) => Set<number> | number[]
  return new Set(search(orama.data.index, orama.tokenizer, where, 'japanese'))
}

/** The stored record of an internal id. */
export function recordOf<T>(db: AnyOrama, internalId: number): T | undefined {
  return (db as unknown as OramaInternals).data.docs.docs[internalId] as T | undefined
}

/** Orama's internal id of a document id, if it is in the database. */
export function internalIdOf(db: AnyOrama, id: string): number | undefined {
  return (db as unknown as { internalDocumentIDStore: { idToInternalId: Map<string, number> } }).internalDocumentIDStore.idToInternalId.get(id)
}

/** The internal ids of the documents whose `prop` field holds exactly `term`, if any. */
export function fieldPostings(db: AnyOrama, prop: string, term: string): Set<number> | undefined {
  const tree = (db as unknown as OramaInternals).data.index.indexes[prop]
  return tree ? postings(tree.node, term) : undefined
}

/** Share of the database's documents whose `prop` field holds `term` (0 when none does). */
export function documentShare(db: AnyOrama, prop: string, term: string): number {
  const docsCount = count(db) as number
  const n = (db as unknown as OramaInternals).data.index.tokenOccurrences[prop]?.[term] ?? 0
  return docsCount > 0 ? n / docsCount : 0
}

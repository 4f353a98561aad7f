/**
 * clusterGapSignals: groups signals that ask the same thing, by the search analyzer's terms.
 *
 * 1. Each signal becomes its set of terms; signals with the same set are one item (so 500 identical
 *    zero-result searches cost one comparison, not 500).
 * 2. Items are visited by volume, largest first; each joins the cluster whose leaders (its first,
 *    largest items, up to 8) are most similar — cosine over term sets, at least `threshold`, or
 *    the shorter text's terms almost all inside the longer one's — or leads a new cluster
 *    ("leader clustering"). Only clusters sharing a term with the item are compared.
 * 3. Clusters are ranked by volume; the typical text is the member most similar to all the others,
 *    weighted by how often each was seen.
 *
 * Hand-written because it is thirty lines over our own analyzer's terms: the clustering packages on
 * npm (hierarchical, k-means, DBSCAN) need vectors and a distance matrix (n² memory for a month of
 * searches) or a k chosen in advance, and none of them know Japanese terms. Leader clustering is
 * linear in items × candidate clusters and deterministic for the same data (ties break by text).
 */
import { fnv1a, setContainment, setCosine } from './similarity'
import type { GapCluster, GapKind, GapSignal, Tokenize } from './types'

export interface ClusterOptions {
  /** The search analyzer's terms for a text. */
  tokenize: Tokenize
  /** Least cosine similarity to a cluster's leader to join it, 0–1. Default 0.5. */
  threshold?: number
  /**
   * Also join when the smaller term set (of at least `containMinTerms` terms) lies this much inside
   * the larger: a short search 「海外 転出 カード」 inside an escalation's longer sentence. Default 0.8.
   */
  containment?: number
  /** Default 3: one- or two-term searches never join by containment alone. */
  containMinTerms?: number
  /** A new item is compared with a cluster's first (largest) members, at most this many. Default 8. */
  representatives?: number
  /** Distinct example texts kept per cluster. Default 5. */
  maxExamples?: number
  /** Clusters returned (after ranking). Default all. */
  maxClusters?: number
  /** Clusters smaller than this are dropped. Default 1. */
  minVolume?: number
}

interface Item {
  key: string
  terms: Set<string>
  count: number
  texts: Map<string, number>
  kinds: Map<GapKind, number>
  topics: Set<string>
  faqs: Set<string>
  firstAt: string
  lastAt: string
}

/** Items are compared with at most this many others when choosing the typical text. */
const MEDOID_CANDIDATES = 300

export function clusterGapSignals(signals: Iterable<GapSignal>, options: ClusterOptions): GapCluster[] {
  const threshold = options.threshold ?? 0.5
  const containment = options.containment ?? 0.8
  const containMinTerms = options.containMinTerms ?? 3
  const representatives = options.representatives ?? 8
  /** Cosine, raised to the threshold when containment alone qualifies. */
  const similarity = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
    const cos = setCosine(a, b)
    if (cos >= threshold) return cos
    const small = Math.min(a.size, b.size)
    return small >= containMinTerms && setContainment(a, b) >= containment ? threshold : cos
  }
  const maxExamples = options.maxExamples ?? 5
  const minVolume = options.minVolume ?? 1

  const items = new Map<string, Item>()
  const termsOf = new Map<string, Set<string>>() // the same text is analyzed once
  for (const s of signals) {
    let terms = termsOf.get(s.text)
    if (!terms) {
      terms = new Set(options.tokenize(s.text).filter((t) => t.length > 0))
      termsOf.set(s.text, terms)
    }
    if (terms.size === 0) continue
    const key = [...terms].sort().join('\u0001')
    let item = items.get(key)
    if (!item) {
      item = {
        key,
        terms,
        count: 0,
        texts: new Map(),
        kinds: new Map(),
        topics: new Set(),
        faqs: new Set(),
        firstAt: s.at,
        lastAt: s.at,
      }
      items.set(key, item)
    }
    item.count += 1
    item.texts.set(s.text, (item.texts.get(s.text) ?? 0) + 1)
    item.kinds.set(s.kind, (item.kinds.get(s.kind) ?? 0) + 1)
    if (s.topic) item.topics.add(s.topic)
    if (s.faq) item.faqs.add(s.faq)
    if (s.at < item.firstAt) item.firstAt = s.at
    if (s.at > item.lastAt) item.lastAt = s.at
  }

  // Most seen first; among equals the shorter (more general) text leads, so longer texts can join it.
  const ordered = [...items.values()].sort(
    (a, b) =>
      b.count - a.count || a.terms.size - b.terms.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
  const clusters: Item[][] = []
  const byTerm = new Map<string, number[]>() // a representative's term → cluster indexes
  const index = (c: number, terms: Iterable<string>) => {
    for (const t of terms) {
      const list = byTerm.get(t)
      if (!list) byTerm.set(t, [c])
      else if (list[list.length - 1] !== c) list.push(c)
    }
  }
  for (const item of ordered) {
    let best = -1
    let bestSim = 0
    const seen = new Set<number>()
    for (const t of item.terms) {
      for (const c of byTerm.get(t) ?? []) {
        if (seen.has(c)) continue
        seen.add(c)
        let sim = 0
        for (const rep of clusters[c]!.slice(0, representatives))
          sim = Math.max(sim, similarity(item.terms, rep.terms))
        if (sim > bestSim || (sim === bestSim && best !== -1 && c < best)) {
          best = c
          bestSim = sim
        }
      }
    }
    if (best !== -1 && bestSim >= threshold) {
      const members = clusters[best]!
      members.push(item)
      if (members.length <= representatives) index(best, item.terms)
    } else {
      clusters.push([item])
      index(clusters.length - 1, item.terms)
    }
  }

  const result = clusters
    .map((members) => toCluster(members, maxExamples))
    .filter((c) => c.volume >= minVolume)
  result.sort(
    (a, b) =>
      b.volume - a.volume ||
      Object.keys(b.byKind).length - Object.keys(a.byKind).length ||
      (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  return options.maxClusters === undefined ? result : result.slice(0, options.maxClusters)
}

const byCountThenText = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

function toCluster(members: Item[], maxExamples: number): GapCluster {
  const texts = new Map<string, number>()
  const kinds: Partial<Record<GapKind, number>> = {}
  const termWeight = new Map<string, number>()
  const topics = new Set<string>()
  const faqs = new Set<string>()
  let volume = 0
  let firstAt = members[0]!.firstAt
  let lastAt = members[0]!.lastAt
  for (const m of members) {
    volume += m.count
    for (const [t, n] of m.texts) texts.set(t, (texts.get(t) ?? 0) + n)
    for (const [k, n] of m.kinds) kinds[k] = (kinds[k] ?? 0) + n
    for (const t of m.terms) termWeight.set(t, (termWeight.get(t) ?? 0) + m.count)
    for (const t of m.topics) topics.add(t)
    for (const f of m.faqs) faqs.add(f)
    if (m.firstAt < firstAt) firstAt = m.firstAt
    if (m.lastAt > lastAt) lastAt = m.lastAt
  }

  // Weighted medoid: the item with the largest Σ count(other) × similarity(item, other).
  const candidates = members.slice(0, MEDOID_CANDIDATES)
  let typical = candidates[0]!
  let typicalScore = -1
  for (const a of candidates) {
    let score = 0
    for (const b of candidates) score += b.count * (a === b ? 1 : setCosine(a.terms, b.terms))
    if (score > typicalScore + 1e-9) {
      typical = a
      typicalScore = score
    }
  }
  const typicalText = [...typical.texts].sort(byCountThenText)[0]![0]

  return {
    id: `g${fnv1a(members[0]!.key)}`,
    typicalText,
    volume,
    byKind: kinds,
    examples: [...texts]
      .sort(byCountThenText)
      .slice(0, maxExamples)
      .map(([text, count]) => ({ text, count })),
    // Longer terms first among equals: words read better than character bigrams.
    terms: [...termWeight]
      .sort((a, b) => b[1] - a[1] || [...b[0]].length - [...a[0]].length || (a[0] < b[0] ? -1 : 1))
      .slice(0, 8)
      .map(([t]) => t),
    topics: [...topics].sort(),
    faqs: [...faqs].sort(),
    firstAt,
    lastAt,
  }
}

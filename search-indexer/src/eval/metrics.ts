/**
 * Ranking metrics over judged queries: P@1, success@3 (a correct answer in the top 3: what an
 * operator or a phone screen shows), P@5, MRR@10, nDCG@5, nDCG@10 (the figure public leaderboards
 * print), Recall@5, Recall@10.
 * An item is relevant when its grade is ≥ 1 (a query without grades gives grade 1 to every item of
 * `relevant`). nDCG uses the gain 2^grade − 1 and the discount log2(rank + 1), with the ideal
 * ranking made from every judged item.
 */
export type Judgement = {
  id: string
  query: string
  relevant: string[]
  /** Graded relevance; default: 1 for every id in `relevant`. */
  grades?: Record<string, number>
}

export type Metrics = {
  p1: number
  success3: number
  p5: number
  mrr10: number
  ndcg5: number
  ndcg10: number
  recall5: number
  recall10: number
}
export const METRIC_NAMES: readonly (keyof Metrics)[] = [
  'p1',
  'success3',
  'p5',
  'mrr10',
  'ndcg5',
  'ndcg10',
  'recall5',
  'recall10',
]
export const METRIC_LABELS: Record<keyof Metrics, string> = {
  p1: 'P@1',
  success3: 'S@3',
  p5: 'P@5',
  mrr10: 'MRR@10',
  ndcg5: 'nDCG@5',
  ndcg10: 'nDCG@10',
  recall5: 'Recall@5',
  recall10: 'Recall@10',
}

/** A metrics table's columns, 10 characters each: the figures of `m`, or without it the headings. */
export const metricCells = (m?: Metrics): string =>
  METRIC_NAMES.map((x) => (m ? m[x].toFixed(3) : METRIC_LABELS[x]).padStart(10)).join('')

const gradeOf = (j: Judgement, id: string): number => {
  if (j.grades) return j.grades[id] ?? 0
  return j.relevant.includes(id) ? 1 : 0
}

/** The metrics of one ranked list of ids. */
export function queryMetrics(ranked: readonly string[], j: Judgement): Metrics {
  const relevant = new Set(j.relevant.filter((id) => gradeOf(j, id) >= 1))
  const hits = (k: number) => ranked.slice(0, k).filter((id) => relevant.has(id)).length
  const firstRank = ranked.slice(0, 10).findIndex((id) => relevant.has(id))
  const gains = [...relevant].map((id) => gradeOf(j, id)).sort((a, b) => b - a)
  const dcg = (grades: number[], k: number) =>
    grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0)
  const ndcg = (k: number) => {
    const idcg = dcg(gains, k)
    return idcg > 0
      ? dcg(
          ranked.slice(0, k).map((id) => gradeOf(j, id)),
          k,
        ) / idcg
      : 0
  }
  const n = relevant.size
  return {
    p1: hits(1),
    success3: hits(3) > 0 ? 1 : 0,
    p5: hits(5) / 5,
    mrr10: firstRank >= 0 ? 1 / (firstRank + 1) : 0,
    ndcg5: ndcg(5),
    ndcg10: ndcg(10),
    recall5: n ? hits(5) / n : 0,
    recall10: n ? hits(10) / n : 0,
  }
}

/** The mean of per-query metrics (0 for an empty list). */
export function meanMetrics(all: readonly Metrics[]): Metrics {
  const out: Metrics = { p1: 0, success3: 0, p5: 0, mrr10: 0, ndcg5: 0, ndcg10: 0, recall5: 0, recall10: 0 }
  if (all.length === 0) return out
  for (const m of all) for (const k of METRIC_NAMES) out[k] += m[k]
  for (const k of METRIC_NAMES) out[k] /= all.length
  return out
}

/** Metrics of a ranker over judged queries. */
export function evaluateRanking(
  judgements: readonly Judgement[],
  rank: (query: string) => readonly string[],
): Metrics {
  return meanMetrics(judgements.map((j) => queryMetrics(rank(j.query), j)))
}

/** Metrics rounded to 3 decimals (for JSON output). */
export function roundMetrics(m: Metrics): Metrics {
  const out = { ...m }
  for (const k of METRIC_NAMES) out[k] = Math.round(m[k] * 1000) / 1000
  return out
}

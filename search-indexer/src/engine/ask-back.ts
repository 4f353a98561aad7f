/**
 * Ask back: when the first answers differ in a facet the caller did not name (カード本体の更新 vs
 * 電子証明書の更新, 転入 vs 転出, 本人 vs 代理人), one tap-to-choose question beats guessing. The site
 * shows it above the results, the desk as a hint; the choice is searched again with that facet
 * (`SearchOptions.facets`), and logged as an anonymous event so the gap analysis can show which
 * facets people confuse. Browser-safe.
 */
import type { FacetValues, FacetVocabulary } from '../analyzer/facets'

export type AskBack = {
  /** The facet dimension asked about (e.g. `what`). */
  dimension: string
  /** The question to show, polite Japanese. */
  question: string
  /** The choices, in rank order of the answers that carry them. */
  options: { value: string; name: string }[]
}

/** How close (score share of the first) a rival answer must be to make the question worth asking. */
export const ASK_BACK_CLOSENESS = 0.6
/** How many of the first answers are looked at. */
export const ASK_BACK_DEPTH = 5

/**
 * The question to ask, if the first answer and close rivals among the first {@link ASK_BACK_DEPTH}
 * (each scoring at least {@link ASK_BACK_CLOSENESS} of the first) differ in exactly one facet
 * dimension, and the query leaves it open (names no value there, or several). The options are the
 * first answer's value and the rivals' (at most 3, in rank order).
 */
export function askBackFor(
  hits: readonly { score: number; facets: FacetValues }[],
  queryFacets: FacetValues,
  vocabulary: FacetVocabulary,
): AskBack | undefined {
  const [first, ...rest] = hits
  if (!first || first.score <= 0) return undefined
  const dims = vocabulary.dimensions.map((d) => d.id)
  const disjoint = (a: readonly string[] = [], b: readonly string[] = []) =>
    a.length > 0 && b.length > 0 && !a.some((v) => b.includes(v))
  let dimension: string | undefined
  const rivals: FacetValues[] = []
  for (const rival of rest.slice(0, ASK_BACK_DEPTH - 1)) {
    if (rival.score < first.score * ASK_BACK_CLOSENESS) break
    const differing = dims.filter((d) => disjoint(first.facets[d], rival.facets[d]))
    if (differing.length !== 1 || (queryFacets[differing[0]!]?.length ?? 0) === 1) continue
    if (dimension !== undefined && differing[0] !== dimension) continue
    dimension = differing[0]!
    rivals.push(rival.facets)
  }
  if (dimension === undefined) return undefined
  const wanted = queryFacets[dimension] ?? []
  const values: string[] = []
  for (const f of [first.facets, ...rivals])
    for (const v of f[dimension] ?? [])
      if (!values.includes(v) && (wanted.length === 0 || wanted.includes(v))) values.push(v)
  if (values.length < 2) return undefined
  return {
    dimension,
    question: 'どちらについてのご質問ですか？',
    options: values.slice(0, 3).map((value) => ({ value, name: vocabulary.nameOf(dimension!, value) })),
  }
}

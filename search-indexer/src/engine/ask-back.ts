/**
 * Ask back: when the first answers differ by one facet the caller did not name (カード本体の更新 vs
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

/**
 * The question to ask, if the first answer and a close rival among the next two differ in exactly
 * one facet dimension that the query leaves open (it names no value there, or several).
 */
export function askBackFor(
  hits: readonly { score: number; facets: FacetValues }[],
  queryFacets: FacetValues,
  vocabulary: FacetVocabulary,
): AskBack | undefined {
  const [first, ...rest] = hits
  if (!first || first.score <= 0) return undefined
  const open = (d: string) => (queryFacets[d]?.length ?? 0) !== 1
  for (const rival of rest.slice(0, 2)) {
    if (rival.score < first.score * ASK_BACK_CLOSENESS) continue
    const differing = vocabulary.dimensions
      .map((d) => d.id)
      .filter((d) => {
        const a = first.facets[d] ?? []
        const b = rival.facets[d] ?? []
        return a.length > 0 && b.length > 0 && !a.some((v) => b.includes(v))
      })
    if (differing.length !== 1 || !open(differing[0]!)) continue
    const dimension = differing[0]!
    const values: string[] = []
    for (const h of hits.slice(0, 3)) for (const v of h.facets[dimension] ?? []) if (!values.includes(v)) values.push(v)
    const wanted = queryFacets[dimension]
    const options = (wanted && wanted.length > 1 ? values.filter((v) => wanted.includes(v)) : values).map((value) => ({ value, name: vocabulary.nameOf(dimension, value) }))
    if (options.length < 2) continue
    return { dimension, question: 'どちらについてのご質問ですか？', options: options.slice(0, 3) }
  }
  return undefined
}

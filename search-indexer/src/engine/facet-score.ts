/**
 * How a document's facets meet the query's: per dimension the query names (who, what, action,
 * when), the document agrees when it has one of the query's values, contradicts when it has values
 * and none of them is the query's, and is neutral when it has none. The ranking multiplies a
 * document's score by (1 + agree × facetAgree) / (1 + conflict × facetConflict), so a 転入 question
 * does not rank the 転出 FAQ first on shared words alone. Browser-safe.
 */
import type { FacetValues } from '../analyzer/facets'

export type FacetMeeting = { agree: string[]; conflict: string[] }

/** The dimensions where the document agrees with and contradicts the query. */
export function meetFacets(query: FacetValues, doc: FacetValues): FacetMeeting {
  const out: FacetMeeting = { agree: [], conflict: [] }
  for (const [dimension, wanted] of Object.entries(query)) {
    const has = doc[dimension]
    if (!wanted.length || !has?.length) continue
    if (has.some((v) => wanted.includes(v))) out.agree.push(dimension)
    else out.conflict.push(dimension)
  }
  return out
}

/** The score multiplier for a meeting. */
export const facetFactor = (m: FacetMeeting, agreeWeight: number, conflictWeight: number): number =>
  (1 + m.agree.length * agreeWeight) / (1 + m.conflict.length * conflictWeight)

/**
 * How a document's facets meet the query's: per dimension the query names (who, what, action,
 * when), the document agrees when it has one of the query's values, contradicts when it has values
 * and none of them is the query's, and is neutral when it has none. The ranking multiplies a
 * document's score by (1 + agree × facetAgree) / (1 + conflict × facetConflict), so a 転入 question
 * does not rank the 転出 FAQ first on shared words alone; and by (1 + more × facetValues), `more`
 * the values it shares beyond one per dimension (sharedBeyondOne). Browser-safe.
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

/**
 * The values a document shares with the query beyond the first in each dimension: a fee question
 * about applying (action: apply, fee) meets application-fee in two values and lost-fee (lost,
 * reissue, fee) in one, where agreement by dimension counts both once. Sibling FAQs of one family
 * agree in the same dimensions and differ in how much of the question they name.
 */
export function sharedBeyondOne(query: FacetValues, doc: FacetValues): number {
  let more = 0
  for (const [dimension, wanted] of Object.entries(query)) {
    const shared = (doc[dimension] ?? []).filter((v) => wanted.includes(v)).length
    if (shared > 1) more += shared - 1
  }
  return more
}

/**
 * The ranking's whole facet multiplier for a document: agreement and contradiction by dimension
 * (facetFactor) times the values shared beyond one (sharedBeyondOne), as the header says.
 */
export const facetMultiplier = (
  query: FacetValues,
  doc: FacetValues,
  w: { facetAgree: number; facetConflict: number; facetValues: number },
): number =>
  facetFactor(meetFacets(query, doc), w.facetAgree, w.facetConflict) *
  (1 + w.facetValues * sharedBeyondOne(query, doc))

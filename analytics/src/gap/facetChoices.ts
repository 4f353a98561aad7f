/**
 * facetChoiceTable: which facets people confuse. When the first answers differ by one facet the
 * question leaves open (カード本体 or 電子証明書, 転入 or 転出, ご本人 or 代理の方), the site and the
 * desk ask back and log the choice as an anonymous `facet-choice` event. Counted per dimension and
 * value over a period, the choices show where callers' words are ambiguous: a dimension chosen
 * often is one the FAQs' questions (or their phrasings) should name more plainly.
 */
import type { SiteEventRecord } from './types'

/** The names to show: content's facet vocabulary fits (only ids and names are read). */
export interface FacetNames {
  id: string
  name: string
  values: readonly { id: string; name: string }[]
}

export interface FacetChoiceValue {
  value: string
  /** The vocabulary's name, or the id when the vocabulary no longer has it. */
  name: string
  count: number
  /** count / the dimension's choices. */
  share: number
}

export interface FacetChoiceDimension {
  dimension: string
  name: string
  /** Choices in this dimension. */
  total: number
  /** Most chosen first (then by id). */
  values: FacetChoiceValue[]
}

export interface FacetChoiceTable {
  /** Every facet-choice event counted. */
  total: number
  /** Most chosen dimension first (then by id). */
  dimensions: FacetChoiceDimension[]
}

/** Counts `facet-choice` events per dimension and value; other events and incomplete ones are skipped. */
export function facetChoiceTable(
  events: Iterable<Pick<SiteEventRecord, 'type' | 'dimension' | 'value'>>,
  vocabulary: readonly FacetNames[] = [],
): FacetChoiceTable {
  const counts = new Map<string, Map<string, number>>()
  let total = 0
  for (const e of events) {
    if (e.type !== 'facet-choice' || !e.dimension || !e.value) continue
    let values = counts.get(e.dimension)
    if (!values) {
      values = new Map()
      counts.set(e.dimension, values)
    }
    values.set(e.value, (values.get(e.value) ?? 0) + 1)
    total += 1
  }
  const byId = (a: { id: string; n: number }, b: { id: string; n: number }) =>
    b.n - a.n || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const dimensions = [...counts].map(([dimension, values]) => {
    const names = vocabulary.find((d) => d.id === dimension)
    const sum = [...values.values()].reduce((a, b) => a + b, 0)
    const rows = [...values]
      .map(([value, count]) => ({ id: value, n: count }))
      .sort(byId)
      .map(({ id, n }) => ({
        value: id,
        name: names?.values.find((v) => v.id === id)?.name ?? id,
        count: n,
        share: n / sum,
      }))
    return { dimension, name: names?.name ?? dimension, total: sum, values: rows }
  })
  dimensions.sort((a, b) => byId({ id: a.dimension, n: a.total }, { id: b.dimension, n: b.total }))
  return { total, dimensions }
}

import { describe, expect, it } from 'vitest'

import { collectGapSignals, facetChoiceTable, type SiteEventRecord } from '../src/gap'

const at = '2026-12-01T01:00:00.000Z'
const choice = (dimension: string, value: string): SiteEventRecord => ({
  type: 'facet-choice',
  at,
  dimension,
  value,
})
const vocabulary = [
  {
    id: 'what',
    name: '何について',
    values: [
      { id: 'card', name: 'カード本体' },
      { id: 'certificate', name: '電子証明書' },
    ],
  },
  {
    id: 'action',
    name: 'どうしたい',
    values: [
      { id: 'move-in', name: '転入' },
      { id: 'move-out', name: '転出' },
    ],
  },
]

describe('facetChoiceTable', () => {
  const events: SiteEventRecord[] = [
    choice('what', 'certificate'),
    choice('what', 'card'),
    choice('what', 'certificate'),
    choice('what', 'certificate'),
    choice('action', 'move-out'),
    choice('action', 'move-in'),
    // A value the vocabulary no longer has keeps its id as its name.
    choice('who', 'proxy'),
    // Not choices, or incomplete ones: not counted.
    { type: 'search', at, query: '更新したい' },
    { type: 'facet-choice', at, dimension: 'what', value: null },
    { type: 'facet-choice', at, dimension: null, value: 'card' },
  ]
  const table = facetChoiceTable(events, vocabulary)

  it('counts the choices per dimension and value, most chosen first, with names and shares', () => {
    expect(table.total).toBe(7)
    expect(table.dimensions.map((d) => [d.dimension, d.name, d.total])).toEqual([
      ['what', '何について', 4],
      ['action', 'どうしたい', 2],
      ['who', 'who', 1],
    ])
    expect(table.dimensions[0]!.values).toEqual([
      { value: 'certificate', name: '電子証明書', count: 3, share: 0.75 },
      { value: 'card', name: 'カード本体', count: 1, share: 0.25 },
    ])
    // Equal counts: by id, so the table is the same for the same data.
    expect(table.dimensions[1]!.values.map((v) => [v.value, v.name, v.count])).toEqual([
      ['move-in', '転入', 1],
      ['move-out', '転出', 1],
    ])
    expect(table.dimensions[2]!.values).toEqual([{ value: 'proxy', name: 'proxy', count: 1, share: 1 }])
  })

  it('is empty without choices, and choices are no gap signals', () => {
    expect(facetChoiceTable([{ type: 'search', at, query: 'x' }] as SiteEventRecord[])).toEqual({
      total: 0,
      dimensions: [],
    })
    expect(collectGapSignals({ siteEvents: [choice('what', 'card')] })).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'

import type { QueryAnalysis } from '../src/analyzer/analyzer'
import {
  confidenceFeatures,
  confidenceOf,
  fitConfidence,
  leaveGroupOut,
  thresholdFor,
} from '../src/engine/confidence'

const query = (facets: Record<string, string[]> = {}) => ({ facets }) as unknown as QueryAnalysis

describe('confidence (confidence.ts)', () => {
  it("reads the top hit's coverage and score and the facet dimensions the query names", () => {
    expect(
      confidenceFeatures({
        query: query({ what: ['card'], action: [] }),
        top: { score: Math.E - 1, coverage: 0.5 },
      }),
    ).toEqual({ coverage: 0.5, logScore: 1, 'facet:what': 1 })
    expect(confidenceFeatures({ query: query(), top: undefined })).toEqual({})
  })

  it("is 0 without a hit and follows the model's weights", () => {
    const model = { weights: { bias: -2, coverage: 4 }, threshold: 0.5 }
    expect(confidenceOf({ query: query(), top: undefined }, model)).toBe(0)
    expect(confidenceOf({ query: query(), top: { score: 1, coverage: 1 } }, model)).toBeCloseTo(
      1 / (1 + Math.exp(-2)),
    )
    expect(confidenceOf({ query: query(), top: { score: 1, coverage: 0 } }, model)).toBeLessThan(0.5)
  })

  it('is 0 for a query that only announces a question, however good its top hit', () => {
    const model = { weights: { bias: -2, coverage: 4 }, threshold: 0.5 }
    const input = { query: query({ what: ['card'] }), top: { score: 100, coverage: 1 }, announcesOnly: true }
    expect(confidenceOf(input, model)).toBe(0)
    expect(confidenceFeatures(input)).toEqual({})
    expect(confidenceOf({ ...input, announcesOnly: false }, model)).toBeGreaterThan(0.5)
  })

  it('fits weights that separate sure from unsure samples', () => {
    const samples = [
      ...[0.7, 0.8, 0.9, 1].map((c) => ({ features: { coverage: c }, sure: true })),
      ...[0.1, 0.2, 0.25, 0.3].map((c) => ({ features: { coverage: c }, sure: false })),
    ]
    const weights = fitConfidence(samples)
    expect(weights.coverage).toBeGreaterThan(0)
    const model = { weights, threshold: 0.5 }
    for (const s of samples)
      expect(
        confidenceOf({ query: query(), top: { score: 0, coverage: s.features.coverage } }, model) >= 0.5,
      ).toBe(s.sure)
  })

  it('sets the threshold so that at most the allowed share of sure samples is below it', () => {
    const sure = [0.1, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3].map((c) => ({
      features: { coverage: c },
      sure: true,
      hit: true,
    }))
    const weights = { bias: 0, coverage: 1 }
    // 10 % of 10 may be below: the lowest one; the threshold is the second's probability.
    expect(thresholdFor(weights, sure, 0.1)).toBe(Math.floor((1 / (1 + Math.exp(-0.5))) * 1000) / 1000)
    expect(thresholdFor(weights, sure, 0)).toBe(Math.floor((1 / (1 + Math.exp(-0.1))) * 1000) / 1000)
  })

  it('scores each group with a model fitted without it', () => {
    const group = (name: string, sure: boolean, values: number[]) => ({
      name,
      samples: values.map((c) => ({ features: { coverage: c }, sure, hit: true })),
    })
    const rows = leaveGroupOut(
      [
        group('in-a', true, [0.8, 0.9, 1]),
        group('in-b', true, [0.7, 0.85, 0.95]),
        group('off-a', false, [0.1, 0.2]),
        group('off-b', false, [0.15, 0.25]),
        // Unlike every other group: a model fitted without it cannot know it, so it is all "sure".
        group('off-odd', false, [0.9, 1]),
      ],
      0,
    )
    expect(rows.map((r) => [r.name, r.size, r.below])).toEqual([
      ['in-a', 3, 0],
      // 0.7 is lower than any sure sample the model without in-b saw: below its threshold.
      ['in-b', 3, 1],
      ['off-a', 2, 2],
      ['off-b', 2, 2],
      ['off-odd', 2, 0],
    ])
  })
})

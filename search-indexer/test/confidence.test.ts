import { describe, expect, it } from 'vitest'

import type { QueryAnalysis } from '../src/analyzer/analyzer'
import { confidenceFeatures, confidenceOf, fitConfidence } from '../src/engine/confidence'

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
})

import { describe, expect, it } from 'vitest'

import { loadContent, loadValidContent } from '../src/load'
import { faqFrontMatterSchema } from '../src/schema'

describe('the curated corpus', () => {
  it('loads with no problems', async () => {
    const bundle = await loadContent()
    expect(bundle.problems).toEqual([])
    expect(bundle.faqs.length).toBeGreaterThanOrEqual(30)
    expect(bundle.guides.map((g) => g.procedure).sort()).toEqual(
      ['application', 'card-renewal', 'certificate-renewal', 'health-insurance', 'lost-card', 'moving', 'pickup', 'pin-reset'].sort(),
    )
    expect(bundle.city.name).toBe('東広島市')
  })

  it('every FAQ has a source, three phrasings, a short answer that can be read aloud, and a body', async () => {
    const { faqs } = await loadValidContent()
    for (const f of faqs) {
      expect(f.sources.length, f.id).toBeGreaterThanOrEqual(1)
      expect(f.alternatives.length, f.id).toBeGreaterThanOrEqual(3)
      expect([...f.shortAnswer].length, f.id).toBeLessThanOrEqual(80)
      expect(f.answer.length, f.id).toBeGreaterThan(20)
    }
  })

  it('uses the fact sheet canonical wording: half-width digits and か月', async () => {
    const { faqs } = await loadValidContent()
    for (const f of faqs) {
      const text = `${f.question}${f.shortAnswer}${f.answer}`
      expect(text, f.id).not.toMatch(/[０-９]/)
      expect(text, f.id).not.toMatch(/[ヶカケ]月/)
    }
  })

  it('defaults are filled in from the schema', () => {
    const parsed = faqFrontMatterSchema.parse({
      id: 'x-y',
      question: 'テストの質問です',
      alternatives: ['a1', 'a2', 'a3'],
      shortAnswer: '短い回答です。',
      category: 'general',
      sources: ['s'],
      reviewBy: '2027-01-01',
    })
    expect(parsed).toMatchObject({ audience: 'public', locale: 'ja', status: 'published', needsReview: false, bring: [], related: [], tags: [] })
  })
})

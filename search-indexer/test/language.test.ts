import { describe, expect, it } from 'vitest'

import { queryLocale } from '../src/analyzer/language'
import { loadContentIndex } from '../src/cli/content-index'

describe('the language of a question (language.ts)', () => {
  it('is Japanese with any Japanese script; Latin-only text may be English or romaji', () => {
    expect(queryLocale('暗証番号をわすれた')).toBe('ja')
    expect(queryLocale('PIN わすれた')).toBe('ja')
    expect(queryLocale('I forgot my PIN')).toBeUndefined()
    expect(queryLocale('mainanba-kaado')).toBeUndefined()
  })

  it("keeps English translations out of a Japanese question's results on the real content", async () => {
    const { index } = await loadContentIndex()
    for (const q of ['暗証番号を忘れた', 'カードをなくした', '英語で相談できますか']) {
      const hits = index.search(q, { limit: 10, kinds: ['faq'], locale: queryLocale(q) })
      expect(hits.length, q).toBeGreaterThan(0)
      expect(
        hits.filter((h) => h.document.locale === 'en').map((h) => h.id),
        q,
      ).toEqual([])
    }
    expect(
      index
        .search('I forgot my PIN', { limit: 3, kinds: ['faq'], locale: queryLocale('I forgot my PIN') })
        .some((h) => h.document.locale === 'en'),
    ).toBe(true)
  }, 30_000) // builds the real content's index: the FAQs' earlier phrasings are analyzed as queries
})

import { describe, expect, it } from 'vitest'

import { loadContentIndex } from '../src/cli/content-index'

/**
 * The operator ranking on the project's real content, for questions that once failed. Each
 * expects the answer on the first screen (top 3), not at rank 1: the content keeps growing.
 */
describe('real content', async () => {
  const { index } = await loadContentIndex()
  const top3 = (q: string) => index.search(q, { limit: 3, kinds: ['faq'] }).map((h) => h.id)

  it('finds card renewal from an all-hiragana question', () => {
    expect(top3('まいなんばーかーど こうしん')).toContain('card-renewal-how')
  })
  it('finds the issue examples', () => {
    expect(top3('マイナの暗証番号わすれた')).toContain('pin-forgot')
    expect(top3('ほけんしょう　ひもづけ　やりかた')).toContain('hoken-register')
  })
})

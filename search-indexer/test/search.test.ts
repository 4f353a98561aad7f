import { describe, expect, it } from 'vitest'

import { markSnippet } from '../src/engine/highlight'
import { createSearchIndex } from '../src/engine/search-index'
import { DOCS, SYNONYMS } from './fixtures'

const index = createSearchIndex({ synonyms: SYNONYMS, audience: 'public' })
for (const d of DOCS) index.add(d)

describe('search', () => {
  it('answers how citizens ask', () => {
    expect(index.search('マイナの暗証番号わすれた')[0]?.id).toBe('pin-forgot')
    expect(index.search('更新の通知きたけど何もってく？')[0]?.id).toBe('card-renewal')
    expect(index.search('ほけんしょう　ひもづけ　やりかた')[0]?.id).toBe('hoken-register')
    expect(index.search('mainanba- kaado shinsei')[0]?.id).toBe('application')
    expect(index.search('申込みしたい')[0]?.id).toBe('application')
  })
  it('returns the best passage with highlights and says why it matched', () => {
    const hit = index.search('コンビニで初期化')[0]
    expect(hit?.id).toBe('pin-forgot')
    expect(hit?.passage?.text).toContain('コンビニで初期化')
    expect(hit?.passage?.index).toBeGreaterThan(0)
    const marked = markSnippet(hit!.snippet)
    expect(marked).toContain('【コンビニ')
    expect(hit?.explanation.fields.find((f) => f.field === 'body')?.terms.join()).toContain('初期化')
    expect(hit?.explanation.summary).toContain('body:')
  })
  it('reports synonyms and romaji in the explanation', () => {
    const hit = index.search('パスワード')[0]
    expect(hit?.explanation.synonyms.map((s) => s.term)).toContain('パスワード')
    expect(index.search('mainanba-')[0]?.explanation.romaji[0]?.to).toBe('マイナンバー')
  })
  it('filters by kind and replaces a document with the same id', () => {
    expect(index.search('写真', { kinds: ['guide'] }).map((h) => h.kind)).toEqual(['guide'])
    expect(index.search('J-LIS', { kinds: ['faq'] })).toEqual([])
    const i = createSearchIndex()
    i.add({ id: 'a', kind: 'faq', question: '古い質問' })
    i.add({ id: 'a', kind: 'faq', question: '新しい質問' })
    expect(i.size).toBe(1)
    expect(i.search('古い')).toEqual([])
    expect(i.search('新しい')[0]?.document.question).toBe('新しい質問')
    expect(i.remove('a')).toBe(true)
    expect(i.remove('a')).toBe(false)
    expect(i.search('新しい')).toEqual([])
  })
  it('keeps a kind or locale filter right after documents are added and removed', () => {
    const i = createSearchIndex()
    i.add({ id: 'a', kind: 'faq', question: '住所変更の手続き' })
    expect(i.search('住所', { kinds: ['faq'], locale: 'ja' }).map((h) => h.id)).toEqual(['a'])
    i.add({ id: 'b', kind: 'faq', question: '住所が変わったとき', body: '住所の変更は窓口で' })
    i.add({ id: 'c', kind: 'guide', question: '住所変更ガイド' })
    expect(
      i
        .search('住所', { kinds: ['faq'], locale: 'ja' })
        .map((h) => h.id)
        .sort(),
    ).toEqual(['a', 'b'])
    i.remove('a')
    expect(i.search('住所', { kinds: ['faq'], locale: 'ja' }).map((h) => h.id)).toEqual(['b'])
    expect(i.search('住所', { kinds: ['guide'] }).map((h) => h.id)).toEqual(['c'])
  })
  it('weights the question above the body', () => {
    const i = createSearchIndex()
    i.add({ id: 'in-body', kind: 'faq', question: '窓口の場所', body: '転入届は市民課で受け付けます。' })
    i.add({ id: 'in-question', kind: 'faq', question: '転入届の出し方', body: '市民課で受け付けます。' })
    expect(i.search('転入届')[0]?.id).toBe('in-question')
  })
})

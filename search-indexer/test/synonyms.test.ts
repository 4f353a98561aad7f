import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { SynonymSet } from '../src/analyzer/synonyms'
import { createSearchIndex } from '../src/engine/search-index'

const groups = [
  { terms: ['マイナンバーカード', 'マイナ', 'マイナカード'] },
  { terms: ['マイナ保険証', '保険証', 'ほけんしょう'] },
  { terms: ['暗証番号', 'パスワード', 'PIN'] },
]

describe('synonyms', () => {
  it('finds terms on normalized text, longest first', () => {
    const set = new SynonymSet(groups)
    expect(set.find('まいな保険証').map((m) => m.term)).toEqual(['マイナ保険証'])
    expect(
      set
        .find('まいなの暗証番号')
        .map((m) => m.term)
        .sort(),
    ).toEqual(['マイナ', '暗証番号'])
  })
  it('matches latin terms as whole words only', () => {
    const set = new SynonymSet(groups)
    expect(set.find('pin code').map((m) => m.term)).toEqual(['PIN'])
    expect(set.find('spinning')).toEqual([])
  })
  it('a word in a hand-written group and in its reading group: kanji expands by the first, kana reads as the word', () => {
    // The generated reading group [結婚, けっこん] comes after the hand-written group that holds 結婚.
    const a = createAnalyzer({
      synonyms: [{ terms: ['氏名変更', '名字が変わった', '結婚'] }, { terms: ['結婚', 'けっこん'] }],
    })
    const kanji = a.analyzeQuery('結婚しました')
    expect(kanji.synonyms.map((m) => m.term)).toEqual(['結婚'])
    expect(kanji.synonyms[0]?.expandedTo).toContain('氏名変更')
    const kana = a.analyzeQuery('けっこん しました')
    expect(kana.tokens).toContain('結婚')
    expect(kana.synonyms[0]?.expandedTo).toEqual(['結婚'])
  })
  it('ignores bad groups', () => {
    expect(new SynonymSet([{ terms: ['ひとつ'] }, { terms: [] }, null as never]).size).toBe(0)
  })
  it('expands a query with the other terms of its group, apart from its own tokens', () => {
    const q = createAnalyzer({ synonyms: groups }).analyzeQuery('パスワードをわすれた')
    expect(q.synonyms[0]?.expandedTo).toContain('暗証番号')
    expect(q.expansionTokens).toContain('暗証')
    expect(q.tokens).not.toContain('暗証')
  })
  it('lets a synonym find a document that never uses the query word', () => {
    const index = createSearchIndex({ synonyms: groups })
    index.add({ id: 'pin', kind: 'faq', question: '暗証番号を忘れたときは', body: '窓口で再設定します。' })
    index.add({ id: 'photo', kind: 'faq', question: '写真の規格は', body: '縦4.5cm、横3.5cmです。' })
    const hits = index.search('パスワードがわからない')
    expect(hits[0]?.id).toBe('pin')
    expect(hits[0]?.explanation.synonyms[0]?.term).toBe('パスワード')
    expect(createSearchIndex().search('パスワードがわからない').length).toBe(0)
  })
  it('reads a hiragana list term as the preferred word itself, at full weight', () => {
    const kana = [
      { terms: ['マイナンバーカード', 'マイナ', 'まいなんばーかーど'] },
      { terms: ['更新', '切り替え', 'こうしん'] },
    ]
    const q = createAnalyzer({ synonyms: kana }).analyzeQuery('まいなんばーかーど こうしん')
    expect(q.tokens).toContain('更新')
    expect(q.expansionTokens).not.toContain('更新')
    // A synonym that is not a reading still counts less.
    expect(createAnalyzer({ synonyms: kana }).analyzeQuery('切り替え').expansionTokens).toContain('更新')
    const index = createSearchIndex({ synonyms: kana })
    index.add({
      id: 'renew',
      kind: 'faq',
      question: 'カードの更新はどうすればいいですか',
      alternatives: ['マイナンバーカードの作り直し'],
      body: '新しいカードを申請します。',
    })
    index.add({
      id: 'number',
      kind: 'faq',
      question: '自分のマイナンバーを確認したい',
      shortAnswer: 'マイナンバーカードの裏面に載っています。',
      body: 'マイナンバーカードがない方は住民票で確認できます。',
    })
    index.add({
      id: 'face',
      kind: 'faq',
      question: '顔認証マイナンバーカードとは',
      body: '暗証番号を設定しないマイナンバーカードです。',
    })
    expect(index.search('まいなんばーかーど こうしん')[0]?.id).toBe('renew')
  })
})

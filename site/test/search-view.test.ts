/**
 * What the search island says for each state of an answer (sure / not sure / none, with or without
 * a question asked back), in both page languages, and the strings behind it.
 */
import { loadValidContent } from '@kotae/content'
import { describe, expect, it } from 'vitest'

import { en } from '../src/i18n/en'
import { ja } from '../src/i18n/ja'
import type { SearchResult } from '../src/lib/search/protocol'
import { answerState, NEAR_TOPICS, optionName, quoted, statusLine } from '../src/lib/search/view'

const result = (id: string): SearchResult => ({
  id,
  kind: 'faq',
  lang: 'ja',
  title: id,
  snippetLang: 'ja',
  path: `faq/${id}/`,
  snippet: { text: '', highlights: [] },
})
const five = ['a', 'b', 'c', 'd', 'e'].map(result)
const askBack = {
  dimension: 'what',
  question: 'どちらについてのご質問ですか？',
  options: [
    { value: 'card', name: 'カード本体' },
    { value: 'certificate', name: '電子証明書' },
  ],
}

describe('answer states', () => {
  it('sure, not sure or none', () => {
    expect(answerState({ results: five, sure: true })).toBe('sure')
    expect(answerState({ results: five, sure: false })).toBe('not-sure')
    expect(answerState({ results: [], sure: false })).toBe('none')
    // No results is never sure, whatever the flag says.
    expect(answerState({ results: [], sure: true })).toBe('none')
  })

  it('the live region says plainly when there is no sure answer, and how many close topics are shown', () => {
    expect(statusLine(ja.search, '粗大ゴミの出し方', { results: [], sure: false })).toBe(
      '「粗大ゴミの出し方」について、はっきりお答えできる回答が見つかりませんでした。',
    )
    expect(statusLine(ja.search, 'ごみ', { results: five, sure: false })).toBe(
      `「ごみ」について、はっきりお答えできる回答が見つかりませんでした。近い話題を${NEAR_TOPICS}件表示しています。`,
    )
    expect(statusLine(ja.search, '暗証番号', { results: five, sure: true })).toBe(
      '「暗証番号」の検索結果：5件',
    )
    expect(statusLine(ja.search, '更新したい', { results: five, sure: true, askBack })).toBe(
      '「更新したい」の検索結果：5件（絞り込みの質問があります）',
    )
    expect(statusLine(ja.search, '更新したい', { results: five, sure: true, askBack }, '電子証明書')).toBe(
      '「電子証明書」についての回答を先に表示しています：5件',
    )
    expect(statusLine(en.search, 'garbage', { results: [], sure: false })).toBe(
      'We could not find an answer we are sure of for “garbage”.',
    )
    expect(statusLine(en.search, 'x', { results: five.slice(0, 2), sure: false })).toBe(
      'We could not find an answer we are sure of for “x”. Showing 2 close topics.',
    )
  })

  it('counts what was found, not what is shown (the home page shows 5)', () => {
    expect(statusLine(ja.search, '暗証番号', { results: five, found: 23, sure: true })).toBe(
      '「暗証番号」の検索結果：23件（上位5件を表示しています）',
    )
    expect(statusLine(ja.search, '暗証番号', { results: five, found: 5, sure: true })).toBe(
      '「暗証番号」の検索結果：5件',
    )
    expect(statusLine(en.search, 'pin', { results: five, found: 12, sure: true })).toBe(
      '12 results for “pin” (showing the top 5)',
    )
    expect(statusLine(ja.search, '更新したい', { results: five, found: 9, sure: true, askBack })).toBe(
      '「更新したい」の検索結果：9件（絞り込みの質問があります）',
    )
  })

  it('quotes a long query short (a ?q= link may carry 10,000 characters)', () => {
    expect(quoted('  暗証番号   ロック ')).toBe('暗証番号 ロック')
    expect(quoted('あ'.repeat(10_000))).toBe(`${'あ'.repeat(40)}…`)
    expect(statusLine(ja.search, 'あ'.repeat(10_000), { results: [], sure: false }).length).toBeLessThan(80)
    // Emoji are not cut in half.
    expect(quoted('👨‍👩‍👧'.repeat(30), 5)).not.toMatch(/\uFFFD/)
  })

  it('names a choice in the page language: the vocabulary’s Japanese on Japanese pages, English where known', () => {
    const [card] = askBack.options
    expect(optionName(askBack, card!, 'ja', ja.search.facetNames)).toEqual({ name: 'カード本体', lang: 'ja' })
    expect(optionName(askBack, card!, 'en', en.search.facetNames)).toEqual({
      name: 'The card itself',
      lang: 'en',
    })
    // A value added to the vocabulary later: its Japanese name, marked as Japanese.
    expect(
      optionName(askBack, { value: 'new-thing', name: '新しい項目' }, 'en', en.search.facetNames),
    ).toEqual({ name: '新しい項目', lang: 'ja' })
  })
})

describe('the strings of the search states', () => {
  const keys = [
    'notSure',
    'notSureStatus',
    'nearTopics',
    'nearLead',
    'tooShort',
    'askBack',
    'askBackHint',
    'askBackStatus',
    'askBackChosen',
  ] as const
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

  it('exist in both languages with the same placeholders', () => {
    for (const k of keys) {
      expect(ja.search[k], k).toBeTruthy()
      expect(en.search[k], k).toBeTruthy()
      expect(placeholders(en.search[k]), k).toEqual(placeholders(ja.search[k]))
    }
  })

  it('are polite Japanese sentences (です・ます), with the engine’s own question', () => {
    for (const k of [
      'notSure',
      'notSureStatus',
      'nearLead',
      'tooShort',
      'askBackHint',
      'askBackChosen',
    ] as const) {
      expect(ja.search[k], k).toMatch(/(です|ます|ません|でした|ください)/)
      expect(ja.search[k], k).not.toMatch(/(だ|である|しろ)。/)
    }
    expect(ja.search.notSure).toContain('はっきりお答えできる回答が見つかりませんでした。')
    expect(ja.search.askBack).toBe('どちらについてのご質問ですか？')
    expect(ja.search.nearTopics).toBe('近い話題')
    // No English left in the Japanese strings, no Japanese sentence in the English ones.
    for (const k of keys) expect(ja.search[k], k).not.toMatch(/\b(the|and|you|results?)\b/i)
    for (const k of keys) expect(en.search[k], k).not.toMatch(/[ぁ-ん]{2,}/)
  })

  it('English pages name every value of the real facet vocabulary', async () => {
    const { facets } = await loadValidContent()
    const ids = facets.flatMap((d) => d.values.map((v) => `${d.id}.${v.id}`))
    expect(ids.length).toBeGreaterThan(10)
    expect(ids.filter((id) => !en.search.facetNames[id])).toEqual([])
    // And nothing that is not in it.
    expect(Object.keys(en.search.facetNames).filter((id) => !ids.includes(id))).toEqual([])
  })
})

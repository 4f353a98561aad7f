import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { loadContentIndex, DEFAULT_GOLDEN } from '../src/cli/content-index'
import { coverage, isAnchor, type MatchUnit } from '../src/engine/min-match'
import { loadSerializedIndex, serializeIndex } from '../src/engine/persist'
import { createSearchIndex } from '../src/engine/search-index'
import { parseGoldenJsonl } from '../src/eval/golden'
import { GRAM } from '../src/analyzer/tokenize'
import { DOCS, SYNONYMS } from './fixtures'

/** Questions nobody asks a My Number call center, or no question at all. */
const NONSENSE = ['ほげほげふがふが', 'ふがふが', 'もげもげ', 'qwertyuiop', 'ｱｲｳｴｵ', 'lorem ipsum dolor']
const OFF_TOPIC = [
  'ラーメンのおいしい店',
  '株価の見通し',
  '今日の晩ごはん何にしよう',
  '猫の飼い方',
  '英会話教室に通いたい',
  '花粉症の薬',
  '明日の天気は？',
  '野球の試合結果',
]
/** One-word questions: the share rule must not need more than the word. */
const SHORT = [
  '用',
  '証',
  '更新',
  'PIN',
  'pin',
  'マイナ',
  '暗証番号',
  '保険証',
  'こうしん',
  'mainanba-kaado',
  '紛失',
  'e-tax',
  'パスワード',
]

describe('minimum should match (real content)', async () => {
  const { index } = await loadContentIndex()
  const off = (await loadContentIndex({ weights: { minMatch: 0 } })).index

  it('returns nothing for nonsense and off-topic questions', () => {
    for (const q of [...NONSENSE, ...OFF_TOPIC])
      expect(
        index.search(q, { limit: 10 }).map((h) => h.id),
        q,
      ).toEqual([])
  })
  it('drops the one-bigram match of the issue (ほげほげふがふが ~ みみがふじゆう), which the rule turned off keeps', () => {
    expect(off.search('ほげほげふがふが').map((h) => h.id)).toContain('callcenter-fax')
    expect(index.search('ほげほげふがふが')).toEqual([])
  })
  it('keeps one-word questions, synonyms, readings and romaji', () => {
    for (const q of SHORT) expect(index.search(q, { limit: 3 }).length, q).toBeGreaterThan(0)
    expect(index.search('PIN', { limit: 5, kinds: ['faq'], locale: 'ja' }).map((h) => h.id)).toContain(
      'pin-forgot',
    )
  })
  it('answers every golden question (both splits: only that something is found, not what)', () => {
    const golden = parseGoldenJsonl(fs.readFileSync(DEFAULT_GOLDEN, 'utf8'), DEFAULT_GOLDEN)
    const empty = golden.filter((g) => index.search(g.query, { limit: 1 }).length === 0).map((g) => g.query)
    expect(empty).toEqual([])
  })
})

describe('minimum should match (rule)', () => {
  const unit = (token: string, weight: number, alias: string[] = []): MatchUnit => ({
    weight,
    options: [[{ tokens: [token, ...alias], weight, anchor: isAnchor(token) }]],
  })

  it('anchors on words and non-kana bigrams, not on a lone kanji or a kana bigram', () => {
    expect(isAnchor('暗証')).toBe(true)
    expect(isAnchor(`${GRAM}番号`)).toBe(true)
    expect(isAnchor('店')).toBe(false)
    expect(isAnchor(`${GRAM}がふ`)).toBe(false)
  })
  it('is the weighted share held, 0 without an anchor', () => {
    const units = [unit('暗証', 4), unit(`${GRAM}がふ`, 1), unit('らめん', 5)]
    expect(coverage(units, (t) => t === '暗証')).toBeCloseTo(0.4)
    expect(coverage(units, (t) => t === `${GRAM}がふ`)).toBe(0)
    expect(coverage(units, () => true)).toBe(1)
  })
  it('counts a synonym term as held through its group', () => {
    expect(coverage([unit('pin', 5, ['暗証'])], (t) => t === '暗証')).toBe(1)
  })
  it('holds a query without anchors to most of it', () => {
    const units = [unit(`${GRAM}ふが`, 1), unit(`${GRAM}がふ`, 1)]
    expect(coverage(units, (t) => t === `${GRAM}がふ`)).toBe(0)
    expect(coverage(units, () => true)).toBe(1)
  })
  it('takes a short kana run the document holds as a word as a word in common, not a piece of a long one', () => {
    const index = createSearchIndex()
    index.add({ id: 'gomi', kind: 'faq', question: 'ゴミの出し方を知りたい' })
    index.add({ id: 'eye', kind: 'faq', question: 'アイ' })
    expect(index.search('粗大ごみを出す場所').map((h) => h.id)).toContain('gomi')
    expect(index.search('アイウエオカキクケコ').map((h) => h.id)).toEqual([])
  })
  it('is kept by a saved index', () => {
    const index = createSearchIndex({ synonyms: SYNONYMS })
    for (const d of DOCS) index.add(d)
    const restored = loadSerializedIndex(serializeIndex(index))
    expect(restored.weights.minMatch).toBe(index.weights.minMatch)
    for (const q of ['ほげほげふがふが', '暗証番号 ラーメン 天気 株価', 'PIN'])
      expect(
        restored.search(q).map((h) => h.id),
        q,
      ).toEqual(index.search(q).map((h) => h.id))
  })
})

import { describe, expect, it } from 'vitest'

import {
  foldKana,
  foldKanjiNumerals,
  normalizeText,
  parseKanjiNumber,
  prepareText,
} from '../src/analyzer/normalize'

describe('normalizeText', () => {
  it('folds full and half width (NFKC) and case', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123')
    expect(normalizeText('ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ')).toBe(normalizeText('マイナンバーカード'))
  })
  it('folds katakana to hiragana, drops long vowels and folds small kana', () => {
    expect(foldKana('マイナンバー')).toBe('まいなんば')
    expect(normalizeText('カード')).toBe(normalizeText('かあど'.replace('あ', 'ー')))
    expect(normalizeText('キャッシュ')).toBe('きやつしゆ')
    expect(normalizeText('ヴ')).toBe('ゔ')
  })
  it('expands iteration marks', () => {
    expect(normalizeText('人々')).toBe('人人')
    expect(normalizeText('いすゞ')).toBe('いすず')
  })
  it('reads kanji numerals before counters and after 第, and leaves words alone', () => {
    expect(normalizeText('十二桁の番号')).toBe('12桁の番号')
    expect(normalizeText('第三条')).toBe('第3条')
    expect(normalizeText('二〇二五年')).toBe('2025年')
    expect(normalizeText('一時停止')).toBe('一時停止')
    expect(normalizeText('統一')).toBe('統一')
    expect(parseKanjiNumber('千五百')).toBe(1500)
    expect(parseKanjiNumber('二十三')).toBe(23)
    expect(parseKanjiNumber('一万')).toBe(10000)
    expect(foldKanjiNumerals('三か月')).toBe('3か月')
  })
  it('folds variant kanji', () => {
    expect(normalizeText('髙橋')).toBe('高橋')
    expect(normalizeText('渡邊')).toBe('渡辺')
  })
  it('keeps the script in prepareText', () => {
    expect(prepareText('マイナンバー')).toBe('マイナンバー')
  })
  it('turns control and zero-width characters into spaces', () => {
    expect(normalizeText('暗証\u0000番号\u200b')).toBe('暗証 番号 ')
  })
})

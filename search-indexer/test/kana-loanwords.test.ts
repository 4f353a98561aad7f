import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { hiraganaLoanwordsToKatakana } from '../src/analyzer/kana-loanwords'

describe('hiraganaLoanwordsToKatakana', () => {
  it('reads a hiragana run with a long-vowel mark in katakana', () => {
    expect(hiraganaLoanwordsToKatakana('かーど なくした')).toBe('カード なくした')
    expect(hiraganaLoanwordsToKatakana('こーるせんたー なんじまで')).toBe('コールセンター なんじまで')
    expect(hiraganaLoanwordsToKatakana('まいなぽーたるで みれる？')).toBe('マイナポータルデ みれる？')
  })
  it('leaves kana without the mark, katakana and a mark after kanji as they are', () => {
    expect(hiraganaLoanwordsToKatakana('かどうか わからない')).toBe('かどうか わからない')
    expect(hiraganaLoanwordsToKatakana('カードの更新')).toBe('カードの更新')
    expect(hiraganaLoanwordsToKatakana('ー')).toBe('ー')
    expect(hiraganaLoanwordsToKatakana('')).toBe('')
  })
  it('gives a query typed in hiragana the tokens of the katakana word', () => {
    const analyzer = createAnalyzer()
    const typed = analyzer.analyzeQuery('かーど なくした').tokens
    expect(analyzer.documentTokens('カード')[0]).toBe('かど')
    expect(typed).toContain('かど')
  })
})

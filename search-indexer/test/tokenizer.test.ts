import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { stripFillers } from '../src/analyzer/filler'
import { GRAM, tokenize } from '../src/analyzer/tokenize'

describe('tokenize', () => {
  it('gives Segmenter words plus character bigrams, so マイナンバー meets マイナ', () => {
    const t = tokenize('マイナンバーカード')
    expect(t).toContain('まい')
    expect(t).toContain(`${GRAM}なん`)
    expect(t).toContain(`${GRAM}いな`)
    expect(tokenize('マイナ')).toContain(`${GRAM}いな`)
  })
  it('drops lone kana and function words but keeps a lone kanji', () => {
    const t = tokenize('市の窓口にしています')
    expect(t).toContain('市')
    expect(t).toContain('窓口')
    expect(t).not.toContain('の')
    expect(t).not.toContain('います')
  })
  it('adds the kanji stem of a conjugated word', () => {
    expect(tokenize('忘れた')).toContain('忘')
  })
  it('keeps English words: lowercase, no stopwords, light stemming', () => {
    expect(tokenize('How do I delete my Facebook Accounts?')).toEqual(['delet', 'facebook', 'account'])
    expect(tokenize('deleting deleted')).toEqual(['delet', 'delet'])
  })
  it('lets a noun made from a verb meet the verb (renewal/renew, replacement/replace)', () => {
    expect(tokenize('card renewal')).toEqual(tokenize('card renew'))
    expect(tokenize('replacement approval')).toEqual(tokenize('replace approve'))
    // Short words keep their ending: "local", "payment" and "comment" are not stems.
    expect(tokenize('local payment comment')).toEqual(['local', 'payment', 'comment'])
  })
  it('keeps numbers', () => {
    expect(tokenize('0120-95-0178')).toEqual(['0120', '95', '0178'])
  })
  it('strips fillers and politeness from queries only', () => {
    expect(stripFillers('えーと、申請したいんですけど教えてください')).toBe('、申請したい')
    expect(stripFillers('教えてください')).toBe('教えてください')
    const a = createAnalyzer()
    expect(a.analyzeQuery('えーと暗証番号について教えてください').tokens).toEqual(
      a.analyzeQuery('暗証番号').tokens,
    )
  })
  it('strips "what should I do" and western dialect endings', () => {
    expect(stripFillers('暗証番号わすれたんじゃけど、どうしたらええんかね')).toBe('暗証番号わすれた 、')
    expect(stripFillers('カードなくした。どうすればいいでしょうか')).toBe('カードなくした。')
    expect(stripFillers('どうしたらいい')).toBe('どうしたらいい')
  })
})

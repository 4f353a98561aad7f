import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { normalizeDialect } from '../src/analyzer/dialect'

describe('western-Japan spoken forms (dialect.ts)', () => {
  it.each([
    ['こーるせんたーって何時まであいとるん', 'こーるせんたーって何時まであいているん'],
    ['まだ届いとらん', 'まだ届いていない'],
    ['転入しとらんかった', '転入していない'],
    ['住んどる', '住んでいる'],
    ['カードなくしてしもうた', 'カードなくしてしまった'],
    ['財布ごと落としてもうた', '財布ごと落としてしまった'],
    ['暗証番号わからん', '暗証番号わからない'],
    ['いらんのかね', 'いらないのかね'],
    ['市外に越したらマイナカードどうなるんかね', '市外に越したらマイナカードどうなるのか'],
    ['更新せにゃいけんのん？', '更新しなければならないの？'],
    ['電子証明書が切れとるけえ', '電子証明書が切れているから'],
    ['毎日しよるけん', '毎日しているから'],
    ['手数料なんぼ？', '手数料いくら？'],
    ['カードがめげた', 'カードが壊れた'],
    ['来れる日', '来られる日'],
    ['ええんかね', 'いいのか'],
    ['番号打ち間違えてロックされた', '暗証番号打ち間違えてロックされた'],
    ['4けたの番号をもう覚えておりません', '4けたの暗証番号をもう覚えておりません'],
    ['番号を直しに行く', '暗証番号を直しに行く'],
  ])('%s → %s', (spoken, standard) => {
    expect(normalizeDialect(spoken)).toBe(standard)
  })

  it('leaves kana nouns and standard Japanese alone', () => {
    for (const text of [
      'ほけんしょう',
      'きかん',
      'じかん',
      'けんこうほけん',
      '保険証じゃないカード',
      '何時まで',
      'マイナンバーカードを更新したい',
      'けんさく',
      '暗証番号を忘れた',
      '電話番号を忘れた',
      '個人番号を忘れた',
      'マイナンバーの番号を忘れた',
      '番号が漏れた',
    ]) {
      expect(normalizeDialect(text)).toBe(text)
    }
  })

  it('is part of query analysis: a dialect question and its standard form share their content words', () => {
    const analyzer = createAnalyzer()
    const spoken = new Set(analyzer.analyzeQuery('カード届いとらんのじゃけど').tokens)
    for (const t of analyzer
      .analyzeQuery('カードが届いていない')
      .tokens.filter((t) => /\p{Script=Han}/u.test(t)))
      expect(spoken.has(t), t).toBe(true)
    expect(createAnalyzer({ normalizeDialect: false }).analyzeQuery('手数料なんぼ').text).toContain('なんぼ')
  })
})

import { describe, expect, it } from 'vitest'

import { findNestedLists } from '../src/markdown/nestedList'

describe('findNestedLists: a list inside a list item, which the CMS flattens', () => {
  it('finds each inner item, with its line, under bullets and numbers', () => {
    const markdown = [
      '持ち物は次のとおりです。',
      '- 本人確認書類',
      '  - マイナンバーカード',
      '  - 運転免許証',
      '- 通知書',
      '',
      '1. 予約する',
      '   1. 日時を選ぶ',
      '2. 来庁する',
      '  * 受付で番号札を取る',
      '\t- タブで字下げした項目',
    ].join('\n')
    expect(findNestedLists(markdown)).toEqual([
      { line: 3, text: '- マイナンバーカード' },
      { line: 4, text: '- 運転免許証' },
      { line: 8, text: '1. 日時を選ぶ' },
      { line: 10, text: '* 受付で番号札を取る' },
      { line: 11, text: '- タブで字下げした項目' },
    ])
  })

  it('finds an inner list after a blank line and a continued paragraph of the item', () => {
    const markdown = ['- 本人確認書類', '', '  写真付きのものです。', '', '  - マイナンバーカード'].join('\n')
    expect(findNestedLists(markdown)).toEqual([{ line: 5, text: '- マイナンバーカード' }])
  })

  it('leaves flat lists, lists after a paragraph, indented text and code alone', () => {
    const markdown = [
      '- 本人確認書類',
      '- 通知書',
      '  （お持ちの方）',
      '',
      '手続きの流れ：',
      '',
      '  - 字下げしただけの一段の箇条書き',
      '',
      '1. 予約する',
      '2. 来庁する',
      '```',
      '- 項目',
      '  - コード例の中の項目',
      '```',
      '10 - 2 = 8 のような式',
    ].join('\n')
    expect(findNestedLists(markdown)).toEqual([])
  })
})

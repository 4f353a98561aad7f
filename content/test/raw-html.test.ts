import { describe, expect, it } from 'vitest'

import { findRawHtml } from '../src/markdown/rawHtml'

describe('findRawHtml: HTML the site would drop from an answer', () => {
  it('finds tags and comments, with their line', () => {
    expect(findRawHtml('窓口で申請します。\n<div class="note">本人確認書類が必要です。</div>')).toEqual([
      { line: 2, tag: '<div class="note">' },
      { line: 2, tag: '</div>' },
    ])
    expect(findRawHtml('改行<br>します').map((h) => h.tag)).toEqual(['<br>'])
    expect(findRawHtml('<!-- 下書きのメモ -->')).toHaveLength(1)
    expect(findRawHtml('<script>alert(1)</script>').map((h) => h.line)).toEqual([1, 1])
  })

  it('leaves Markdown, links, code and comparisons alone', () => {
    const markdown = [
      '**1歳未満** の方は <https://www.kojinbango-card.go.jp/> をご覧ください。',
      '手数料は `<無料>` です。1 < 2 かつ 3 > 2。',
      '```',
      '<div>コード例</div>',
      '```',
      '## 見出し',
    ].join('\n')
    expect(findRawHtml(markdown)).toEqual([])
  })
})

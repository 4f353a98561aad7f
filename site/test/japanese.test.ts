import { describe, expect, it } from 'vitest'

import { inLocale, JAPANESE, japaneseRuns } from '../src/lib/japanese'
import { renderMarkdown } from '../src/lib/markdown'

describe('Japanese on English pages (decision 0047)', () => {
  it('a kana or kanji character is Japanese; Latin, digits and full-width punctuation alone are not', () => {
    for (const t of ['市民課', 'はがき', 'マイナ', '々']) expect(JAPANESE.test(t), t).toBe(true)
    for (const t of ['PIN', '0120-95-0178', '（）、。', '—']) expect(JAPANESE.test(t), t).toBe(false)
  })

  it('cuts English text into its Japanese terms and the rest, losing nothing', () => {
    const text = 'Call the Citizens Division (市民課) on the 第1・第3木曜日 or “マイナポータル”.'
    const runs = japaneseRuns(text)
    expect(runs.map((r) => r.text).join('')).toBe(text)
    expect(runs.filter((r) => r.ja).map((r) => r.text)).toEqual([
      '市民課',
      '第1・第3木曜日',
      'マイナポータル',
    ])
    expect(japaneseRuns('No Japanese here.')).toEqual([{ text: 'No Japanese here.', ja: false }])
  })

  it('picks the English sibling on English pages only, and says which language it gave', () => {
    expect(inLocale('en', '市民課', 'Citizens Division')).toEqual({ text: 'Citizens Division', lang: 'en' })
    expect(inLocale('en', '市民課', undefined)).toEqual({ text: '市民課', lang: 'ja' })
    expect(inLocale('ja', '市民課', 'Citizens Division')).toEqual({ text: '市民課', lang: 'ja' })
  })

  it('marks the Japanese terms of an English answer, not of a Japanese one', () => {
    const en = renderMarkdown(
      'Bring the **expiry notice (有効期限通知書)** to the 市民課.',
      'Table',
      undefined,
      true,
    )
    expect(en).toContain('<strong>expiry notice (<span lang="ja">有効期限通知書</span>)</strong>')
    expect(en).toContain('the <span lang="ja">市民課</span>.')
    expect(renderMarkdown('市民課へ', 'Table')).toBe('<p>市民課へ</p>')
  })
})

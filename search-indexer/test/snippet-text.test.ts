import { describe, expect, it } from 'vitest'

import { cleanSnippet } from '../src/engine/snippet-text'

describe('cleanSnippet', () => {
  it('takes out Markdown marks and keeps highlights on the same words', () => {
    const text = '## 手順\n暗証番号を忘れていても更新できます。**窓口で暗証番号を再設定**して'
    const at = text.indexOf('暗証番号', 10)
    const r = cleanSnippet(text, [{ start: at, end: at + 4 }])
    expect(r.text).toBe('手順 暗証番号を忘れていても更新できます。窓口で暗証番号を再設定して')
    const h = r.highlights[0]!
    expect(r.text.slice(h.start, h.end)).toBe('暗証番号')
  })

  it('removes list bullets and table rules', () => {
    expect(cleanSnippet('- 交付通知書\n- 本人確認書類\n|---|---|\n| a | b |', []).text).toBe(
      '交付通知書 本人確認書類 a b',
    )
  })
})

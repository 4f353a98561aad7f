import { describe, expect, it } from 'vitest'

import { renderMarkdown } from '../src/lib/markdown'

describe('renderMarkdown', () => {
  it('renders the Markdown the answers use: headings, bold, lists, tables', () => {
    const html = renderMarkdown(
      '## 手順\n1. **申請** する\n\n| 種類 | 桁 |\n|---|---|\n| 署名用 | 6文字以上 |\n',
    )
    expect(html).toContain('<h2>手順</h2>')
    expect(html).toContain('<strong>申請</strong>')
    expect(html).toMatch(/<div class="table-wrap" tabindex="0" role="region" aria-label="表"><table>/)
  })

  it('drops raw HTML, scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1)) <b onclick="x()">b</b>',
    )
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img/i)
  })

  it('makes a top-level heading an h2 and marks external links noopener', () => {
    const html = renderMarkdown('# 見出し\n\n[市](https://www.city.higashihiroshima.lg.jp/)')
    expect(html).toContain('<h2>見出し</h2>')
    expect(html).toContain('rel="noopener noreferrer"')
  })

  it('closes bold next to Japanese punctuation and kana, with no space around it (CJK-friendly emphasis)', () => {
    // Plain CommonMark leaves these as literal ** (a closing ** after 」 or 。 before a kana is not right-flanking).
    expect(renderMarkdown('マイナ保険証か「**資格確認書**」のどちらかをお持ちください。')).toContain(
      '「<strong>資格確認書</strong>」',
    )
    expect(renderMarkdown('受け取りは原則**ご本人の来庁です。**ご注意ください。')).toContain(
      '<strong>ご本人の来庁です。</strong>ご注意',
    )
    expect(renderMarkdown('カードと**引き換え**でお渡しします。')).toContain(
      'カードと<strong>引き換え</strong>でお渡し',
    )
  })
})

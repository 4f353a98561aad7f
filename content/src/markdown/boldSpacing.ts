/**
 * Rule `bold-spacing`: a space between Japanese text and bold (`の **どちらか一方** を`). Editors added
 * these because plain CommonMark will not close `**` after 」 or 。 before a kana; the site and the
 * CMS now read emphasis CJK-friendly (remark-cjk-friendly; Lexical's `**` is intraword), so the
 * space is only a visible gap in the sentence. content:check refuses it and says where.
 */
export const BOLD_SPACING_RULE = 'bold-spacing'

// Japanese scripts, the CJK punctuation block and full-width forms.
const JA = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff01-\\uff5e]'
const BOLD = /\*\*(?=\S)([^*\n]*?\S)\*\*/gu
const JA_BEFORE = new RegExp(`${JA}[ \\u3000]+$`, 'u')
const JA_AFTER = new RegExp(`^[ \\u3000]+${JA}`, 'u')

export type BoldSpacing = { line: number; text: string }

/** Every bold span with a space between it and Japanese text on either side; `line` counts from 1. */
export function findBoldSpacing(markdown: string): BoldSpacing[] {
  const found: BoldSpacing[] = []
  let fenced = false
  markdown.split(/\r?\n/).forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced
    if (fenced || /^\s*(```|~~~)/.test(text)) return
    for (const m of text.matchAll(BOLD)) {
      const start = m.index
      const end = start + m[0].length
      if (JA_BEFORE.test(text.slice(0, start)) || JA_AFTER.test(text.slice(end)))
        found.push({ line: i + 1, text: m[0] })
    }
  })
  return found
}

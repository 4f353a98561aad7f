/**
 * Raw HTML in an answer's Markdown. The site and the CMS keep answers as Markdown → rich text, and
 * that conversion drops HTML silently (the review found whole sentences gone from the site), so
 * content:check and the CSV import refuse it and say where. Code spans and fenced code blocks are
 * text, and `<https://…>` is a Markdown link, not HTML.
 */
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/g

export type RawHtml = { line: number; tag: string }

export function findRawHtml(markdown: string): RawHtml[] {
  const found: RawHtml[] = []
  let fenced = false
  markdown.split(/\r?\n/).forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced
      return
    }
    if (fenced) return
    const outsideCode = text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length))
    for (const m of outsideCode.matchAll(TAG))
      found.push({ line: i + 1, tag: m[0].length > 40 ? `${m[0].slice(0, 40)}…` : m[0] })
  })
  return found
}

/**
 * Snippets come from the Markdown answers: take out the Markdown marks (`**`, `## `, list
 * bullets, table pipes) and line breaks, keeping the highlight ranges on the same characters.
 * For whoever shows a hit's snippet: the site's search page and the desk's lookup.
 */
import type { Span } from './highlight'

const MARKS = [
  /\*\*|__|`/g,
  /^#{1,6}[ \t]+/gm,
  /^[ \t]*(?:[-*+]|\d+\.)[ \t]+/gm,
  /^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm,
]

export function cleanSnippet(
  text: string,
  highlights: readonly Span[],
): { text: string; highlights: Span[] } {
  const drop = new Uint8Array(text.length)
  for (const re of MARKS)
    for (const m of text.matchAll(re)) drop.fill(1, m.index ?? 0, (m.index ?? 0) + m[0].length)
  // Old offset → new offset (for every old index and the end).
  const map = new Array<number>(text.length + 1)
  let out = ''
  for (let i = 0; i < text.length; i++) {
    map[i] = out.length
    if (drop[i]) continue
    let c = text[i] ?? ''
    if (c === '\n' || c === '|' || c === '\t') c = ' '
    if (c === ' ' && (out.length === 0 || out.endsWith(' '))) continue
    out += c
  }
  map[text.length] = out.length
  const trimmed = out.trimEnd()
  const spans = highlights
    .map((h) => ({ start: map[h.start] ?? 0, end: Math.min(map[h.end] ?? trimmed.length, trimmed.length) }))
    .filter((h) => h.end > h.start)
  return { text: trimmed, highlights: spans }
}

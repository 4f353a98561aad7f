/**
 * Splits a long answer into passages (a few sentences each) so that a document can be scored by
 * its best matching part, and a result can show that part. Offsets point into the original text.
 */
export type Passage = { text: string; start: number; end: number }

export type PassageOptions = {
  /** Sentences are joined until a passage would pass this many characters. Default: 160. */
  maxChars?: number
}

/** Sentence and block ends: 。！？ . ! ? (before a space), line breaks, and the ＜改＞ marker. */
const BREAK = /(?<=[。！？!?])|(?<=\.)(?=\s)|\r?\n+|＜改＞|<改>/gu

/** Splits `text` into passages; never returns an empty passage. */
export function splitPassages(text: string, options: PassageOptions = {}): Passage[] {
  const max = options.maxChars ?? 160
  if (typeof text !== 'string' || !text.trim()) return []
  const pieces: Passage[] = []
  let last = 0
  for (const m of text.matchAll(BREAK)) {
    const at = m.index ?? 0
    pushPiece(text, last, at, pieces)
    last = at + m[0].length
  }
  pushPiece(text, last, text.length, pieces)
  const out: Passage[] = []
  let cur: Passage | undefined
  for (const p of pieces) {
    // Headings start a new passage; short pieces are joined.
    const heading = /^#{1,6}\s/u.test(p.text)
    if (cur && !heading && p.end - cur.start <= max) {
      cur = { text: text.slice(cur.start, p.end), start: cur.start, end: p.end }
    } else {
      if (cur) out.push(cur)
      cur = p
    }
  }
  if (cur) out.push(cur)
  return out
}

function pushPiece(text: string, from: number, to: number, out: Passage[]): void {
  let s = from
  let e = to
  while (s < e && /\s/u.test(text[s] ?? '')) s++
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e--
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e })
}

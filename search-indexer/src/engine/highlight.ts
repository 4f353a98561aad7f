/**
 * Finds where query tokens occur in stored text (for highlights, snippets and explanations).
 * Works on a per-character normalization that maps back to the original offsets.
 */
import { normalizeWithOffsets } from '../analyzer/normalize'
import { COUNTED_NUMBER, countedToken, latinToken, tokenText } from '../analyzer/tokenize'

export type Span = { start: number; end: number }

const HAN = /\p{Script=Han}/u
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}]+$/u

/** Spans of `text` (original offsets, merged, sorted) where the query tokens match. */
export function findMatches(text: string, tokens: Iterable<string>): Span[] {
  return matcher(tokens)(text)
}

/**
 * {@link findMatches} with the query's tokens sorted once: a shown result is matched against its
 * question, alternatives, every earlier phrasing, short answer, passage and tags (dozens of texts),
 * and sorting ~40 tokens again for each text was most of the desk lookup's highlighting time.
 */
export function matcher(tokens: Iterable<string>): (text: string) => Span[] {
  const bigrams = new Set<string>()
  const singles = new Set<string>()
  const latin = new Set<string>()
  const counted = new Set<string>()
  for (const raw of tokens) {
    const t = tokenText(raw)
    const chars = [...t]
    if (/^[0-9]+\P{ASCII}/u.test(t)) counted.add(t)
    else if (/^[\p{Script=Latin}0-9]/u.test(t)) latin.add(t)
    else if (chars.length === 1) singles.add(t)
    else for (let i = 0; i + 1 < chars.length; i++) bigrams.add(`${chars[i]}${chars[i + 1]}`)
  }
  // A counter asked with a number (0歳) is not marked after another number (90歳).
  const counters = new Set([...counted].map((t) => [...t.replace(/^[0-9]+/u, '')][0]))
  return (text) => (text ? spansOf(text, { bigrams, singles, latin, counted, counters }) : [])
}

type Compiled = {
  bigrams: ReadonlySet<string>
  singles: ReadonlySet<string>
  latin: ReadonlySet<string>
  counted: ReadonlySet<string>
  counters: ReadonlySet<string | undefined>
}

function spansOf(text: string, { bigrams, singles, latin, counted, counters }: Compiled): Span[] {
  const { text: norm, offsets } = normalizeWithOffsets(text)
  // `offsets` has one entry per code point of `norm` (and one for the end).
  const chars = [...norm]
  const marked = new Array<boolean>(chars.length).fill(false)
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? ''
    if (singles.has(c) && HAN.test(c) && !(counters.has(c) && /[0-9]/u.test(chars[i - 1] ?? '')))
      marked[i] = true
    if (i + 1 < chars.length && bigrams.has(c + (chars[i + 1] ?? ''))) marked[i] = marked[i + 1] = true
  }
  if (counted.size > 0) {
    // Whole numbers only: 「0歳」 marks 0歳, not the end of 90歳.
    for (const m of norm.matchAll(COUNTED_NUMBER)) {
      if (!counted.has(countedToken(m[1] ?? '', m[2] ?? ''))) continue
      const from = [...norm.slice(0, m.index ?? 0)].length
      for (let i = from; i < from + [...m[0]].length; i++) marked[i] = true
    }
  }
  if (latin.size > 0) {
    for (const m of norm.matchAll(/[\p{Script=Latin}0-9]+/gu)) {
      const tok = latinToken(m[0])
      if (!tok || !latin.has(tok)) continue
      const from = [...norm.slice(0, m.index ?? 0)].length
      for (let i = from; i < from + [...m[0]].length; i++) marked[i] = true
    }
  }
  const spans: Span[] = []
  let i = 0
  while (i < chars.length) {
    if (!marked[i]) {
      i++
      continue
    }
    let j = i
    while (j < chars.length && marked[j]) j++
    const start = offsets[i] ?? 0
    const end = offsets[j] ?? text.length
    const piece = chars.slice(i, j).join('')
    // A match made only of hiragana (particles, endings) says little; keep it only when long.
    if (!(HIRAGANA_ONLY.test(piece) && j - i < 3) && end > start) spans.push({ start, end })
    i = j
  }
  return spans
}

/** The matched substrings of `text`, deduplicated, in order of appearance. */
export function matchedTerms(text: string, spans: readonly Span[]): string[] {
  return [...new Set(spans.map((s) => text.slice(s.start, s.end).trim()).filter(Boolean))]
}

export type Snippet = { text: string; highlights: Span[] }

/** A window of at most `maxChars` around the first match, with highlight offsets relative to it. */
export function makeSnippet(text: string, spans: readonly Span[], maxChars = 120): Snippet {
  const first = spans[0]
  let from = 0
  if (first && first.end > maxChars) from = Math.max(0, first.start - Math.floor(maxChars / 4))
  const to = Math.min(text.length, from + maxChars)
  const prefix = from > 0 ? '…' : ''
  const suffix = to < text.length ? '…' : ''
  const highlights = spans
    .filter((s) => s.start >= from && s.end <= to)
    .map((s) => ({ start: s.start - from + prefix.length, end: s.end - from + prefix.length }))
  return { text: prefix + text.slice(from, to) + suffix, highlights }
}

/** Wraps highlights in markers, e.g. 【暗証番号】. */
export function markSnippet(snippet: Snippet, open = '【', close = '】'): string {
  let out = ''
  let at = 0
  for (const h of snippet.highlights) {
    if (h.start < at) continue
    out += snippet.text.slice(at, h.start) + open + snippet.text.slice(h.start, h.end) + close
    at = h.end
  }
  return out + snippet.text.slice(at)
}

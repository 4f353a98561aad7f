/**
 * Kanji typos by sound (保健証 → 保険証, 電子証明所 → 電子証明書, 暗唱番号 → 暗証番号): an IME offers
 * every kanji with the reading typed, and callers pick the wrong one. A run of kanji in the query
 * that is not a term of the synonym list, but whose reading (the 常用漢字' on'yomi, kanji-onyomi.ts,
 * one per kanji, in order) is a reading term of the list (ほけんしょう), is replaced by that reading;
 * the analyzer's reading rule then makes it the group's word. Only readings the list holds count,
 * so a typo is matched only towards a word the FAQs use. Browser-safe.
 */
import { KANJI_ONYOMI } from './kanji-onyomi'
import { foldKana, normalizeText } from './normalize'
import type { SynonymSet } from './synonyms'

/** Longest kanji span read as one word. */
const MAX_SPAN = 6
const READING_TERM = /^[\p{Script=Hiragana}ー]+$/u
const HAN_RUN = /\p{Script=Han}{2,}/gu

let onyomi: Map<string, string[]> | undefined
/** Folded on'yomi per kanji (しょう → しよう: readings are compared after kana folding). */
function onyomiOf(c: string): readonly string[] {
  if (!onyomi) {
    onyomi = new Map()
    for (const entry of KANJI_ONYOMI.split(' ')) {
      const [ch, ...rest] = [...entry]
      if (ch) onyomi.set(ch, rest.join('').split(',').map(foldKana))
    }
  }
  return onyomi.get(c) ?? []
}

type Readings = { readings: Set<string>; prefixes: Set<string>; terms: Set<string> }
const cache = new WeakMap<SynonymSet, Readings>()

/** The list's reading terms (folded), their prefixes, and every term (normalized). */
function readingsOf(synonyms: SynonymSet): Readings {
  let r = cache.get(synonyms)
  if (r) return r
  r = { readings: new Set(), prefixes: new Set(), terms: new Set() }
  for (const g of synonyms.groups) {
    for (const term of g.terms) {
      const key = normalizeText(term).replace(/\s+/gu, '')
      r.terms.add(key)
      if (!READING_TERM.test(term.trim())) continue
      r.readings.add(key)
      for (let i = 1; i <= key.length; i++) r.prefixes.add(key.slice(0, i))
    }
  }
  cache.set(synonyms, r)
  return r
}

/** A reading of `span` that is one of the list's reading terms, if any. */
function knownReading(span: string, r: Readings): string | undefined {
  let partial = ['']
  for (const c of span) {
    const next: string[] = []
    for (const p of partial) for (const on of onyomiOf(c)) if (r.prefixes.has(p + on)) next.push(p + on)
    if (next.length === 0) return undefined
    partial = next
  }
  return partial.find((p) => r.readings.has(p))
}

export type TypoCorrection = { from: string; to: string }

/**
 * Replaces kanji spans the list does not know, whose reading it knows, by that reading.
 * `text` is NFKC-lowercased query text; returns it unchanged when nothing applies.
 */
export function correctTyposBySound(text: string, synonyms: SynonymSet): { text: string; corrections: TypoCorrection[] } {
  const corrections: TypoCorrection[] = []
  if (synonyms.size === 0 || !/\p{Script=Han}{2}/u.test(text)) return { text, corrections }
  const r = readingsOf(synonyms)
  if (r.readings.size === 0) return { text, corrections }
  const out = text.replace(HAN_RUN, (run) => {
    const chars = [...run]
    let result = ''
    let i = 0
    // A span starts where the run starts or where a known word or a correction ended, or ends
    // where the run ends: 交附通知書 must not read its middle 附通 as ふつう (普通).
    let aligned = true
    while (i < chars.length) {
      let done = false
      for (let j = Math.min(chars.length, i + MAX_SPAN); j >= i + 2 && !done; j--) {
        if (!aligned && j !== chars.length) continue
        const span = chars.slice(i, j).join('')
        if (r.terms.has(normalizeText(span))) {
          // A word the list knows is no typo: keep it whole.
          result += span
          i = j
          done = true
          break
        }
        const reading = knownReading(span, r)
        if (reading === undefined) continue
        corrections.push({ from: span, to: reading })
        result += reading
        i = j
        done = true
      }
      aligned = done
      if (!done) result += chars[i++]
    }
    return result
  })
  return { text: out, corrections }
}

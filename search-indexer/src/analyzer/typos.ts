/**
 * Kanji typos by sound (保健証 → 保険証, 電子証明所 → 電子証明書, 更親 → 更新): an IME offers every
 * kanji with the reading typed, and callers pick the wrong one. A run of kanji in the query that is
 * not a term of the synonym list, whose reading (the 常用漢字' on'yomi, kanji-onyomi.ts, one per
 * kanji, in order) is a reading term of the list (ほけんしょう), and which differs by one kanji from a
 * word of that term's group (保険証), is replaced by that word. One substituted kanji is what an IME
 * slip looks like; a real word that merely sounds the same (西条 せいじょう/せいちょう vs 成長)
 * differs in every kanji and is left alone. Only the list's words are targets. Browser-safe.
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

/** Reading terms (folded) → the kanji words of their group; their prefixes; every term (normalized). */
type Readings = { readings: Map<string, string[]>; prefixes: Set<string>; terms: Set<string> }
const cache = new WeakMap<SynonymSet, Readings>()

/** The list's reading terms (folded), their prefixes, and every term (normalized). */
function readingsOf(synonyms: SynonymSet): Readings {
  let r = cache.get(synonyms)
  if (r) return r
  r = { readings: new Map(), prefixes: new Set(), terms: new Set() }
  for (const g of synonyms.groups) {
    const words = g.terms
      .filter((t) => /\p{Script=Han}/u.test(t))
      .map((t) => normalizeText(t).replace(/\s+/gu, ''))
    for (const term of g.terms) {
      const key = normalizeText(term).replace(/\s+/gu, '')
      r.terms.add(key)
      if (!READING_TERM.test(term.trim())) continue
      r.readings.set(key, [...(r.readings.get(key) ?? []), ...words])
      for (let i = 1; i <= key.length; i++) r.prefixes.add(key.slice(0, i))
    }
  }
  cache.set(synonyms, r)
  return r
}

/** The list's word that `span` is a one-kanji slip for: same reading, one kanji differs. */
function intendedWord(span: string, r: Readings): string | undefined {
  let partial = ['']
  for (const c of span) {
    const next: string[] = []
    for (const p of partial) for (const on of onyomiOf(c)) if (r.prefixes.has(p + on)) next.push(p + on)
    if (next.length === 0) return undefined
    partial = next
  }
  const chars = [...span]
  for (const reading of partial) {
    for (const word of r.readings.get(reading) ?? []) {
      const w = [...word]
      if (w.length === chars.length && w.filter((c, i) => c !== chars[i]).length === 1) return word
    }
  }
  return undefined
}

export type TypoCorrection = { from: string; to: string }

/**
 * Replaces kanji spans the list does not know by the list's word they are a slip for.
 * `text` is NFKC-lowercased query text; returns it unchanged when nothing applies.
 */
export function correctTyposBySound(
  text: string,
  synonyms: SynonymSet,
): { text: string; corrections: TypoCorrection[] } {
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
        const word = intendedWord(span, r)
        if (word === undefined) continue
        corrections.push({ from: span, to: word })
        result += word
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

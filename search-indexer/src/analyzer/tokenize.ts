/**
 * Tokens for indexing and search: `Intl.Segmenter('ja')` words plus character bigrams of the
 * folded text (the segmenter splits マイナンバー into マイ|ナンバー and cuts hiragana badly, so
 * bigrams carry recall), plus English words (lowercased, stopwords out, light stemming) and numbers.
 * The word segmenter can be swapped (the kuromoji comparison does), see {@link WordSegmenter}.
 */
import { ENGLISH_STOPWORDS, stemEnglish } from './english'
import { foldKana, prepareText } from './normalize'

/** Splits prepared (script-preserving) text into words. */
export type WordSegmenter = (text: string) => string[]

export type TokenizeOptions = {
  /** Word segmenter. Default: `Intl.Segmenter('ja')` words. */
  segmenter?: WordSegmenter
  /** Emit segmenter words. Default: true. */
  words?: boolean
  /** Emit character bigrams of Japanese runs. Default: true. */
  bigrams?: boolean
}

let intlSegmenter: Intl.Segmenter | undefined
/** `Intl.Segmenter('ja')` word-like segments. */
export const intlWordSegmenter: WordSegmenter = (text) => {
  intlSegmenter ??= new Intl.Segmenter('ja', { granularity: 'word' })
  const out: string[] = []
  for (const s of intlSegmenter.segment(text)) if (s.isWordLike) out.push(s.segment)
  return out
}

const JA_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const JA_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu
const HAN = /\p{Script=Han}/u
const LATIN_WORD = /[\p{Script=Latin}0-9]+(?:['’][a-z]+)?/gu

/** English word → token, or undefined for a stopword. */
export function latinToken(word: string): string | undefined {
  if (/^[0-9]+$/u.test(word)) return word
  if (ENGLISH_STOPWORDS.has(word)) return undefined
  return stemEnglish(word)
}

/** Character bigrams of one run; a one-character run is kept when it is a kanji. */
export function bigramsOf(run: string, out: string[]): void {
  const chars = [...run]
  if (chars.length === 1) {
    if (HAN.test(run)) out.push(run)
    return
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`)
}

/**
 * Tokens of already prepared text ({@link prepareText}); duplicates are kept (callers count or
 * dedupe as they need).
 */
export function tokenizePrepared(prepared: string, options: TokenizeOptions = {}): string[] {
  const out: string[] = []
  if (!prepared) return out
  if (options.words !== false) {
    const segment = options.segmenter ?? intlWordSegmenter
    for (const w of segment(prepared)) {
      if (!JA_CHAR.test(w)) continue
      const f = foldKana(w).replace(/\s+/gu, '')
      if (!f) continue
      // A lone kana (particles, auxiliaries) is not a word worth indexing; a lone kanji is.
      if ([...f].length === 1 && !HAN.test(f)) continue
      out.push(f)
    }
  }
  const folded = foldKana(prepared)
  if (options.bigrams !== false) {
    for (const m of folded.matchAll(JA_RUN)) bigramsOf(m[0], out)
  } else if (options.words === false) {
    for (const m of folded.matchAll(JA_RUN)) out.push(m[0])
  }
  for (const m of folded.matchAll(LATIN_WORD)) {
    const t = latinToken(m[0])
    if (t) out.push(t)
  }
  return out
}

/** Tokens of raw text (documents): {@link prepareText} then {@link tokenizePrepared}. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  return tokenizePrepared(prepareText(text), options)
}

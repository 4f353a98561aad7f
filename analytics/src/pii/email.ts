import { KANA_LETTER } from './spokenDigits'
import type { Detector } from './types'

/**
 * E-mail addresses, also written in full width (folded before this runs) or with the @ spelt out
 * as (at) / [at], as people do to dodge spam filters. The top-level domain needs two letters, so a
 * sentence-final period is not swallowed.
 */
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*(?:@| ?[([]at[)\]] ?)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g

// Addresses read out on the phone and typed as heard: 「sato.k アットマーク example ドットコム」「taro ドット
// yamada あっとまーく docomo ドット ne ドット jp」「john dot lee at gmail dot com」. The local part and the
// domain are ASCII words; @ and the dots may be spoken (アットマーク, アット, ドット, at, dot) or written, and
// the address ends in a top-level domain, also spoken (ドットコム, ドットジェーピー).
// Bounded lengths and counts, so the pattern stays linear on hostile input (「aドットaドット…」 of any length).
const WORD = '[A-Za-z0-9][A-Za-z0-9_%+-]{0,63}'
const DOT = String.raw`(?: ?(?:ドット|どっと|dot) ?|\.)`
const AT = `(?: ?(?:アットマーク|あっとまーく|アット|あっと|at ?mark|at) ?|@)`
const TLD = `(?:com|net|org|info|jp|ne|co|or|ac|go|lg|コム|ネット|ジェーピー|ジェイピー)`
const DOMAIN = '[A-Za-z][A-Za-z0-9-]{0,62}' // a domain starts with a letter (「at 3 dot com」 is no address)
const SPOKEN = new RegExp(
  `(?<![A-Za-z0-9._%+-])${WORD}(?:${DOT}${WORD}){0,4}${AT}${DOMAIN}(?:${DOT}${DOMAIN}){0,4}${DOT}${TLD}(?![A-Za-z0-9-])`,
  'g',
)
/**
 * An address read out part by part with pauses, its words also in kana as heard (「きよみ、ドット、おか、
 * アットマーク、ソフトバンク、ドット、ネ、ドット、ジェーピー」): after 「 or a mail word, アットマーク spelt in
 * full, at least one spoken dot after it, and a top-level domain at the end.
 */
const KANA_PART = '(?:[A-Za-z0-9][A-Za-z0-9_%+-]{0,63}|[ぁ-ゖァ-ヺー]{1,12})'
const PAUSE = '[、, ]{0,2}'
const KANA_DOT = `${PAUSE}(?:ドット|どっと)${PAUSE}`
const KANA_SPOKEN = new RegExp(
  `(?<=[「『]|(?:メール|アドレス|メアド)(?:(?:は|が|:|：)[、 ]?|[、 ]))${KANA_PART}(?:${KANA_DOT}${KANA_PART}){0,4}${PAUSE}(?:アットマーク|あっとまーく)${PAUSE}${KANA_PART}(?:${KANA_DOT}${KANA_PART}){0,4}${KANA_DOT}${TLD}(?=$|[^A-Za-z0-9ぁ-ゖァ-ヺー]|です|でした|で|と|って)`,
  'g',
)
/** Something is spoken, so the written-out pattern above has not already found it. */
const SAID = /アット|あっと|ドット|どっと|(?<![A-Za-z])(?:at|dot)(?![A-Za-z])/

/**
 * A local part spelled letter by letter in katakana (「エム・エー・アール・アイ・アットマーク・example.org」),
 * then アットマーク and a written domain.
 */
const LETTERS_SPOKEN = new RegExp(
  `(?<![ァ-ヺー])(?:${KANA_LETTER}|\\d)(?:[・、 ]?(?:${KANA_LETTER}|\\d)){1,30}[・、 ]?(?:アットマーク|あっとまーく)[・、 ]?${DOMAIN}(?:\\.${DOMAIN}){0,4}\\.[A-Za-z]{2,}(?![A-Za-z0-9-])`,
  'g',
)

export const detectEmail: Detector = (text) => {
  const out = [...text.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
  }))
  if (SAID.test(text))
    for (const m of text.matchAll(SPOKEN))
      if (SAID.test(m[0])) out.push({ kind: 'email' as const, start: m.index, end: m.index + m[0].length })
  if (/アットマーク|あっとまーく/.test(text))
    for (const m of text.matchAll(KANA_SPOKEN))
      out.push({ kind: 'email' as const, start: m.index, end: m.index + m[0].length })
  if (/アットマーク|あっとまーく/.test(text))
    for (const m of text.matchAll(LETTERS_SPOKEN))
      out.push({ kind: 'email' as const, start: m.index, end: m.index + m[0].length })
  return out
}

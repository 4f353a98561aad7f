import { KANA_DIGIT, KANJI_DIGIT } from './spokenDigits'
import type { Detector, PiiFinding } from './types'

const CODE = String.raw`\d{3}-?\d{4}(?![\d-])`
/** 〒123-4567 (〒 included in the span). */
const AFTER_MARK = new RegExp(`〒 ?${CODE}`, 'g')
/** 123-4567 (or 123 4567) after the words 郵便番号 / postal code. */
const AFTER_WORD =
  /(?:郵便番号|[Pp]ostal code|[Pp]ost ?code|ZIP|zip)(?:は|が|:|：| )*(\d{3}[- ]?\d{4}(?![\d-]))/g
/** 〒 or 郵便番号 said, a few words, then the code (「〒なしで7390151と言われた」「郵便番号、たしか739-0133」). */
const AFTER_MARK_WORDS = /(?:〒|郵便番号)[^\d。\n]{1,8}?(?<![\d-])(\d{3}-?\d{4})(?![\d-])/g
/** 123-4567 right before a prefecture or municipality, as addresses are written. */
const BEFORE_ADDRESS = /(?<![\d-])\d{3}-\d{4}(?= ?(?:[一-龥]{2,3}[都道府県]|[一-龥]{1,5}[市郡区町村]))/g

/** 「…, Higashihiroshima 739-0046」: a code right after the city that ends an address written in English. */
// (the city word is bounded: an unbounded look-behind is read back at every position of a 1 MB line)
const AFTER_EN_CITY = /(?<=[A-Z][a-z]{1,20}(?:-shi|shima| City| Japan|-ken),? )\d{3}-\d{4}(?![\d-])/g
/**
 * A code read out in kana or written in kanji numerals after 郵便番号 or 〒, three digits and four
 * (「郵便番号「ななさんきゅう、ぜろぜろいちご」」「郵便番号を漢数字で「七三九の〇一四二」」).
 */
const SAID_DIGIT = `(?:${KANA_DIGIT}|${KANJI_DIGIT})`
const SAID_AFTER_WORD = new RegExp(
  `(?:郵便番号|〒)(?:は|が|を|:|：| |(?:漢数字|ひらがな|カタカナ)で)*[「『]?(${SAID_DIGIT}{3}(?:[、,・ -]{1,2}|の)?${SAID_DIGIT}{4})(?!${SAID_DIGIT})`,
  'g',
)

/** Postal codes, when 〒, the word 郵便番号 or a following address says so. A bare 7-digit number is left alone. */
export const detectPostalCode: Detector = (text) => {
  const out: PiiFinding[] = []
  if (/郵便番号|〒/.test(text))
    for (const m of text.matchAll(SAID_AFTER_WORD)) {
      const end = m.index + m[0].length
      out.push({ kind: 'postalCode', start: end - m[1]!.length, end })
    }
  if (!/\d/.test(text)) return out
  for (const m of text.matchAll(AFTER_MARK))
    out.push({ kind: 'postalCode', start: m.index, end: m.index + m[0].length })
  for (const m of text.matchAll(AFTER_WORD)) {
    const end = m.index + m[0].length
    out.push({ kind: 'postalCode', start: end - m[1]!.length, end })
  }
  for (const m of text.matchAll(AFTER_MARK_WORDS)) {
    const end = m.index + m[0].length
    out.push({ kind: 'postalCode', start: end - m[1]!.length, end })
  }
  if (/[A-Z]/.test(text))
    for (const m of text.matchAll(AFTER_EN_CITY))
      out.push({ kind: 'postalCode', start: m.index, end: m.index + m[0].length })
  for (const m of text.matchAll(BEFORE_ADDRESS))
    out.push({ kind: 'postalCode', start: m.index, end: m.index + m[0].length })
  return out
}

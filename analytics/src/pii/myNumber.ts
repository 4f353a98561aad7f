import { DOCUMENT_CUE } from './cardNumber'
import { blankAlso, unitFollows, valuesAfterCues } from './cue'
import { digitsOf } from './fold'
import { withoutPhones } from './phone'
import { ENGLISH_DIGIT, KANA_DIGIT, KANJI_DIGIT, spelledDigits } from './spokenDigits'
import type { Detector, PiiFinding } from './types'

/**
 * The 個人番号 check digit (the 12th digit), as the official formula defines it: with P(n) the n-th
 * of the first 11 digits counted from the right and Q(n) = n + 1 for 1 ≤ n ≤ 6, n − 5 for 7 ≤ n ≤ 11,
 * the remainder r of Σ P(n)·Q(n) divided by 11 gives 0 when r ≤ 1, else 11 − r.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('expected 11 digits')
  let sum = 0
  for (let n = 1; n <= 11; n++) sum += Number(first11[11 - n]) * (n <= 6 ? n + 1 : n - 5)
  const r = sum % 11
  return r <= 1 ? 0 : 11 - r
}

/** True for 12 digits (half width, no separators) whose check digit verifies. */
export function isValidMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11])
}

/**
 * Rule 1: 12 digits in any grouping (single spaces or hyphens between groups, as people read them
 * out) whose check digit verifies, wherever they stand. A run that is part of a longer number (a
 * 23-digit 申請書ID read in groups of four, a 13-digit 法人番号) is never cut into a My Number.
 */
const MY_NUMBER = /(?<!\d[ -]?)\d(?:[ -]?\d){11}(?![ -]?\d)/g

// Separators people put between the groups of a number they read out or type: space, hyphen (all
// dashes fold to "-"), 、 ､ , ・ (full-width ones fold to these), with or without spaces around, a dot,
// and の / ノ as a number is read out (「1234の5678の9018」).
const SEP = String.raw`(?: ?[-、､,・のノ] ?| |\.)`

/**
 * Rule 2: 12 digits in three groups of four (1234 5678 9018, 1234、5678、9018) are how a My Number
 * is written on the card and read out, so they are masked whether or not the check digit verifies
 * (a misheard digit is still the caller's number). Same guard against longer numbers, and none
 * right after a letter (証明書の番号 C0921-7781-4430 is a serial, the card-number detector's).
 */
const FOUR_FOUR_FOUR = new RegExp(
  String.raw`(?<![A-Za-z]|\d${SEP}?)\d{4}${SEP}\d{4}${SEP}\d{4}(?!${SEP}?\d)`,
  'g',
)

/**
 * Rule 2, in kanji numerals: 六六三九 二三三二 一四六一 is the same card number read from a note or
 * written out. Digits only (no 十百千: a place value makes it a quantity), twelve in 4-4-4 groups.
 */
const KANJI_FOUR_FOUR_FOUR = new RegExp(
  `(?<!${KANJI_DIGIT}${SEP}?)${KANJI_DIGIT}{4}${SEP}${KANJI_DIGIT}{4}${SEP}${KANJI_DIGIT}{4}(?!${SEP}?${KANJI_DIGIT})`,
  'g',
)

/**
 * Rule 3: any 12 digits, in any grouping, said after a My Number cue (no check digit needed); and 10,
 * 11 or 13 digits there too, a My Number misheard or cut off (「個人番号1846 2930 077（11桁）」).
 */
const ANY_TWELVE = new RegExp(String.raw`(?<![A-Za-z]|\d${SEP}?)\d(?:${SEP}?\d){9,12}(?!${SEP}?\d)`, 'g')

// Labels of the city's own reference numbers. A number right after one is that number (受付番号
// 5260-1815-9087), not a My Number, unless its check digit verifies (rule 1 does not look at labels).
export const OTHER_LABEL = String.raw`(?:予約|受付|整理|整理券|問い?合わ?せ|お問合せ|注文|管理|会員|口座|顧客|お客様|伝票|追跡|申請書?|法人|証明書)番号|住民票コード|(?<![A-Za-z])(?:ID|No\.?)`
const AFTER_OTHER_LABEL = new RegExp(`(?:${OTHER_LABEL})[ :：は]*$`)
// Another document's number (運転免許証の番号, パスポート, 在留カード, 申請書ID) is a card number, masked by
// that detector, even when its check digit happens to verify.
const AFTER_DOCUMENT = new RegExp(
  String.raw`(?:${DOCUMENT_CUE})[の（( ]{0,2}(?:番号|No\.?|number)?[ :：は]*$`,
  'i',
) // 免許証（番号 …
const afterDocument = (text: string, at: number) => AFTER_DOCUMENT.test(text.slice(Math.max(0, at - 20), at))

// My Number cues: マイナンバー, 個人番号, マイナ番号, and a bare 番号 (「番号は…」「カードの番号…」
// 「会社に出した番号…」) that is not the end of another label (予約番号, お問い合わせ番号): only after の,
// a particle, a verb's た/だ/る/い (出した, 書いてある, 届いた), a mark or at the start.
const CUE =
  /マイナンバー|マイナ番号|個人番号|(?<=^|[のはがをただるい、,:; 「（(])番号|(?<![A-Za-z])(?:[Mm]y ?[Nn]umber|[Ii]ndividual [Nn]umber)(?: [Cc]ard)?(?: [Nn]umber| [Nn]o\.?)?/g
// The cue's reach ends at a sentence end, a line break or another label (「マイナンバーの件で予約番号…」).
const STOP = new RegExp(String.raw`[。\n\r]|${OTHER_LABEL}|電話|TEL|〒`)

/**
 * Rule 4: a My Number read out in words after its cue (「マイナンバーは、いちにさんよん、ごろくななはち…」
 * 「個人番号は一二三四 五六七八 九〇一二」): kana or kanji digits or English words, in groups or not, 10 to 13 of them.
 */
// (or in English words: 「one-zero-three-seven, two-nine-one-zero, …」)
const SPELLED_SEP = `(?: ?[-、､,・のノ…] ?| )`
const EN_WORD = `(?<![A-Za-z])${ENGLISH_DIGIT}(?![A-Za-z])`
const SPELLED = new RegExp(
  `(?:${KANJI_DIGIT}|${KANA_DIGIT}|${EN_WORD})(?:${SPELLED_SEP}{0,2}(?:${KANJI_DIGIT}|${KANA_DIGIT}|${EN_WORD})){9,40}`,
  'g',
)
const EN_WORDS = new RegExp(EN_WORD, 'g')
const saidDigits = (run: string) => spelledDigits(run).length + (run.match(EN_WORDS)?.length ?? 0)
/** More English words after a run the cue's window cut (words are long: 12 of them pass its end). */
const EN_MORE = new RegExp(`^(?:${SPELLED_SEP}{0,2}${EN_WORD}){1,13}`)

/** Years listed with separators (2024・2025・2026) are not a number read out. */
const YEARS = /^(?:(?:19|20)\d\d\D+){2}(?:19|20)\d\d$/

/**
 * My Numbers by the three rules above. Phone numbers are blanked out first (withoutPhones), so a
 * phone number right before a My Number does not make it look like part of a longer number.
 */
export const detectMyNumber: Detector = (folded, _options, others) => {
  if (!/\d|[〇一二三四五六七八九零]{4}|マイナ|個人番号|番号|[Nn]umber/.test(folded)) return []
  const text = withoutPhones(folded)
  const blanked = blankAlso(text, others)
  const out: PiiFinding[] = []
  const add = (start: number, end: number) => out.push({ kind: 'myNumber', start, end })
  for (const m of text.matchAll(MY_NUMBER))
    if (isValidMyNumber(digitsOf(m[0])) && !afterDocument(text, m.index)) add(m.index, m.index + m[0].length)
  for (const re of [FOUR_FOUR_FOUR, KANJI_FOUR_FOUR_FOUR])
    for (const m of text.matchAll(re))
      if (
        !YEARS.test(m[0]) &&
        !AFTER_OTHER_LABEL.test(text.slice(Math.max(0, m.index - 16), m.index)) &&
        !afterDocument(text, m.index)
      )
        add(m.index, m.index + m[0].length)
  const cued = valuesAfterCues(
    text,
    CUE,
    ANY_TWELVE,
    STOP,
    (m, start) => {
      const end = start + m[0].length
      // One way of grouping throughout, and no unit after: 「マイナンバー総合フリーダイヤル（0120-95-0178、24時間）」
      // is a phone number and an opening time that happen to make 12 digits.
      const seps = new Set(m[0].replace(/[\d ]/g, ''))
      return seps.size <= 1 && !unitFollows(text, end) && !afterDocument(text, start)
        ? { start, end }
        : undefined
    },
    blanked,
  )
  for (const s of cued) add(s.start, s.end)
  const spelled = valuesAfterCues(
    text,
    CUE,
    SPELLED,
    STOP,
    (m, start) => {
      let run = m[0]
      if (/[a-z]$/i.test(run))
        run += EN_MORE.exec(text.slice(start + run.length, start + run.length + 90))?.[0] ?? ''
      const n = saidDigits(run)
      return n >= 10 && n <= 13 ? { start, end: start + run.length } : undefined
    },
    blanked,
  )
  for (const s of spelled) add(s.start, s.end)
  for (const s of piecesAfterCues(text)) add(s.start, s.end)
  // 「8127 4400 3926 ……いや 3962 だったかも」: four digits said again as a correction;
  // 「602837419590と602837419539」: another 12 digits listed with a My Number are one too
  for (const f of [...out]) {
    const l = LISTED.exec(text.slice(f.end, f.end + 24))
    if (l) add(f.end + l[0].length - l[1]!.length, f.end + l[0].length)
    const c = CORRECTION.exec(text.slice(f.end, f.end + 24))
    if (c) add(f.end + c.index + c[0].length - c[1]!.length, f.end + c.index + c[0].length)
  }
  return out
}

/**
 * Words that say which digits of a My Number follow: 「最初が」「次が」「真ん中は」「最後の4桁は」「前の8桁が」
 * 「下4桁だけ「4071」」.
 */
const PIECE_WORD = `(?:最初|初め|はじめ|頭|前半|前|次|その次|続き|真ん中|中|最後|末尾|後半|後ろ|下|上)(?:の? ?\\d{1,2} ?桁)?(?:だけ)?(?:は|が|:|：|、|「| ){0,3}` // 「真ん中4096、最後5383」: the particle may be left out
/** A piece: 3 or 4 digits (a correction of the last ones: 「最後は669」), or groups of four (「9362 7401」). */
const PIECE = new RegExp(
  String.raw`${PIECE_WORD}(\d{3,4}(?:[ -]\d{4}){0,2}|\d{8})(?![\d-]|[桁回円時分日月年歳人件番号])`,
  'g',
)
/** 12 digits listed right after a My Number (と, か, や, or, a comma). */
const LISTED = /^ ?(?:と|か|や|、|,|または|or) ?(\d(?:[ -]?\d){11})(?![ -]?\d)/
/** A correction right after a My Number: いや, いえ, じゃなくて, ではなく, 訂正, then four digits. */
const CORRECTION = new RegExp(
  String.raw`^[、。,…\s]*(?:いや|いえ|じゃなくて|ではなく|訂正して|訂正|失礼)[、,…\s]*(?:${PIECE_WORD})?(\d{4})(?!\d)`,
)

/**
 * A My Number said in pieces, each after the word that says which (「最初が1234、次が5678、最後が9018」
 * 「下4桁が3902」), in the sentence after a cue. One piece alone is masked too: the digits of a caller's
 * own My Number are personal whether or not the rest was said.
 */
function piecesAfterCues(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (const c of text.matchAll(CUE)) {
    const from = c.index + c[0].length
    const stop = text.slice(from, from + 80).search(/[。\n]/)
    const sentence = text.slice(from, stop < 0 ? from + 80 : from + stop)
    if (/暗[証唱]|パスワード|PIN/.test(sentence)) continue // the parts of a PIN (the secret detector's)
    const pieces = [...sentence.matchAll(PIECE)].map((m) => {
      const start = from + m.index + m[0].length - m[1]!.length
      return { start, end: start + m[1]!.length }
    })
    out.push(...pieces)
  }
  return out
}

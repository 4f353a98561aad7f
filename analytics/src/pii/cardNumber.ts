import { blankAlso, unitFollows, valuesAfterCues } from './cue'
import { withoutPhones } from './phone'
import { KANA_DIGIT, KANA_LETTER } from './spokenDigits'
import type { Detector, PiiFinding } from './types'

/*
 * Serial numbers of a caller's cards and certificates: the 在留カード / 特別永住者証明書 number, the
 * serial of an electronic certificate, a card number read out. They identify one person as surely
 * as a My Number does, but have no check digit and no fixed shape, so they are found after a cue word.
 */

// Other numbers that name one person: the 住民票コード (住基ネット's 11 digits), the pension number, the
// health insurance card's 記号・番号.
const PERSON_NUMBER = `住民票コード|住基(?:ネット)?の?(?:番号|コード)|(?:基礎)?年金番号|被保険者番号|保険証の?(?:記号)?[・、 ]?番号`
// カード番号, 在留カード番号, カードの番号, 証明書の番号, 特別永住者証明書番号, シリアル番号, 製造番号, serial;
// the documents themselves (在留カード, 運転免許証, 運転経歴証明書, パスポート, 交付申請書の申請書ID), whose numbers a caller
// reads out as proof of identity, in Japanese and English.
export const DOCUMENT_CUE = String.raw`${PERSON_NUMBER}|在留カード|特別永住者証明書|運転経歴証明書|(?:運転)?免許証?|パスポート|旅券|申請書の?(?:ID|番号)|(?<![A-Za-z])(?:passport|(?:driver'?s |driving )?licen[cs]e|residence card|application ID)(?: ?(?:number|no\.?))?(?![a-z])`
const CUE = new RegExp(
  String.raw`(?:カード|証明書)の?(?:番号|ナンバー|No\.?)|シリアル(?:番号|ナンバー|No\.?)?|製造番号|(?<![A-Za-z])(?:serial(?: ?(?:number|no\.?))?|card ?(?:number|no\.?))|${DOCUMENT_CUE}`,
  'gi',
)
// The reach ends at a sentence end, a line break or another label.
const STOP = /[。\n\r]|(?<=[一-龥々ァ-ヶー])(?<!カード|証明書)番号|電話|TEL|〒/
// A run of letters and digits, optionally grouped by single spaces or hyphens (1234 5678 9012 3456),
// not touching another letter or digit, except a label it is written against (申請書ID1023…, No.5530…).
const SERIAL = /(?<=^|[^A-Za-z0-9]|ID|No\.?|NO\.?)[A-Za-z0-9](?:[ -]?[A-Za-z0-9]){7,31}(?![A-Za-z0-9])/g
/**
 * The 在留カード number's shape (2 letters, 8 digits, 2 letters: AB12345678CD) is masked wherever it
 * stands: no word, code or amount in a call summary looks like it.
 */
const RESIDENCE_CARD = /(?<![A-Za-z0-9])[A-Z]{2}\d{8}[A-Z]{2}(?![A-Za-z0-9])/g
/** A Japanese passport number (2 letters, 7 digits: TK1234567), anywhere, for the same reason. */
const PASSPORT = /(?<![A-Za-z0-9])[A-Z]{2}\d{7}(?![A-Za-z0-9])/g
/**
 * The 申請書ID of a card application (23 digits, read in groups 4-4-4-4-4-3), anywhere: no fee, date or
 * reference number in a summary has that many digits in that grouping.
 */
const APPLICATION_ID = /(?<![A-Za-z0-9])\d{4}([- ]?)\d{4}\1\d{4}\1\d{4}\1\d{4}\1\d{3}(?![A-Za-z0-9])/g
/**
 * A serial spelled out token by token after its cue (「エー、ケー、4、4、0、1、9、9、3、8、ジェイ、エヌ」): 8–32
 * letters and digits, each apart, with a letter said in katakana among them (digits alone are the
 * other detectors' to read).
 */
const SPELLED_TOKEN = String.raw`(?:${KANA_LETTER}|${KANA_DIGIT}|\d|[A-Za-z])`
const SPELLED_SERIAL = new RegExp(
  `(?<![ァ-ヺー])${SPELLED_TOKEN}(?:[、,・ ]{1,2}${SPELLED_TOKEN}){7,31}(?![ァ-ヺーぁ-ゖA-Za-z0-9])`,
  'g',
)
const SAID_LETTER = new RegExp(`^(?:${KANA_LETTER})$`)
const SPELLED_SPLIT = /[、,・ ]+/
/** A lower-case word: a serial is letters and digits, not English (「8 letters and digits」). */
const WORD = /[a-z]{3}/
/** Lower-case words, each followed by a space or hyphen, at the start of a candidate. */
const LEADING_WORDS = /^(?:[a-z]+[ -])+/
/** A space and a lower-case word: where a serial written among English words ends. */
const TRAILING_WORD = / [a-z]{2}/
/** 「第 920113344558 号」: how a licence writes its number; the 号 after it is no unit. */
const NUMBERED = /第 ?$/
/** A date written with hyphens (2026-11-24) is not a serial. */
const DATE = /^(?:19|20)\d\d-\d{1,2}-\d{1,2}$/

/**
 * After a card, certificate or document cue, within the cue's reach in the same sentence: a serial of
 * at least 8 letters and digits with at least one digit and no lower-case word (「カード番号は16桁」 is
 * a length and stays); and the 在留カード and passport shapes anywhere.
 */
export const detectCardNumber: Detector = (folded, _options, others) => {
  if (!/\d/.test(folded)) return []
  const text = withoutPhones(folded) // a phone number is the phone detector's, also after カード番号
  const blanked = blankAlso(text, others)
  const out: PiiFinding[] = []
  for (const shape of [RESIDENCE_CARD, PASSPORT, APPLICATION_ID])
    for (const m of text.matchAll(shape))
      out.push({ kind: 'cardNumber', start: m.index, end: m.index + m[0].length })
  const spans = valuesAfterCues(
    text,
    CUE,
    SERIAL,
    STOP,
    (m, at) => {
      // English words before the serial are not part of it: 「number is WS40021896TG」
      const lead = LEADING_WORDS.exec(m[0])?.[0].length ?? 0
      // and English words after it neither: 「serial 7F-03-B2-9C-41-DE from the app」
      const tail = m[0].slice(lead).search(TRAILING_WORD)
      const value = tail > 0 ? m[0].slice(lead, lead + tail) : m[0].slice(lead)
      const start = at + lead
      const end = start + value.length
      if (
        value.replace(/[ -]/g, '').length < 8 ||
        !/\d/.test(value) ||
        WORD.test(value) ||
        DATE.test(value) ||
        (!/[A-Za-z]/.test(value) &&
          unitFollows(text, end) &&
          !NUMBERED.test(text.slice(Math.max(0, start - 2), start)))
      )
        return undefined
      return { start, end }
    },
    blanked,
  )
  for (const s of spans) out.push({ kind: 'cardNumber', ...s })
  for (const s of valuesAfterCues(
    text,
    CUE,
    SPELLED_SERIAL,
    STOP,
    (m, start) => {
      const tokens = m[0].split(SPELLED_SPLIT)
      const letters = tokens.filter((t) => SAID_LETTER.test(t)).length
      const digits = tokens.filter((t) => /^\d$/.test(t)).length
      return letters >= 1 && digits >= 2 ? { start, end: start + m[0].length } : undefined
    },
    blanked,
  ))
    out.push({ kind: 'cardNumber', ...s })
  return out
}

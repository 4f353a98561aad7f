import { digitsOf, foldWidth } from './fold'
import { digitOf, KANA_DIGIT, KANJI_DIGIT, spelledDigits } from './spokenDigits'
import type { Detector, MaskOptions } from './types'

// Group separators people type: hyphen, space, dot, ・ 、, spaced hyphen. Parentheses are handled by the patterns.
const S = '(?:[ .・、-]| - )'
/** The shapes a Japanese number is written in (after width folding). */
const SHAPES = [
  String.raw`\+81${S}?(?:\(0\)${S}?)?\d{1,4}${S}?\d{1,4}${S}?\d{3,4}`, // +81 90-1234-5678, +81 (0)82 …
  String.raw`\(0\d{1,4}\) ?\d{1,4}${S}?\d{3,4}`, // (082)422-3344
  String.raw`0\d{1,4} \(\d{1,4}\) ?\d{3,4}`, // 082 (425) 7713
  String.raw`0\d{1,4}\(\d{1,4}\)\d{3,4}`, // 082(423)1234
  String.raw`0\d{2,3}(?:[ ・、-]\d){6,8}(?![ ・、-]\d)`, // the area code, then digit by digit: 090、7、6、4、2、1、1、9、3
  String.raw`0\d{1,5}${S}\d{1,5}${S}\d{1,5}`, // 082-420-0925, 0120-0178-26, 070 1234 5678, 090・1234・5678, 090-12345-678
  String.raw`0\d{1,5}(?<g>[のノ])\d{1,5}\k<g>\d{1,5}`, // read out: 090の4471の2083 (the same の both times)
  // read out with pauses and a word of hesitation after の: 090の、えっと、4471の、2083
  // (round twelve: a middle group of two, 0829の、えー、39の2186, and a pause before the last group too)
  String.raw`0\d{2,4}の[、,] ?(?:(?:えっと|えーと|ええと|えー|あの)[、,] ?)?\d{2,4}の[、,]? ?(?:(?:えっと|えーと|ええと|えー|あの)[、,] ?)?\d{4}`,
  // digit by digit within groups, の between the groups: 0-9-0の3-2-1-8の6-6-0-4
  String.raw`0(?:[-・]\d){1,4}の\d(?:[-・]\d){1,3}の\d(?:[-・]\d){3}`,
  String.raw`0(?:[ ・、-]\d){9,10}(?![ ・、-]\d)`, // read out digit by digit: 0 9 0 1 2 3 4 5 6 7 8
  String.raw`0(?: ?[ ・、-] ?\d){9,10}(?! ?[ ・、-] ?\d)`, // the same with spaced hyphens: 0 8 0 - 6 6 3 2 - 1 9 8 4
  String.raw`0\d{9,10}`, // 09012345678
]
// Not right after a single letter: 「製造番号X0912-4471-88」 is a serial (TEL0824201234 is still a phone number).
const PHONE = new RegExp(
  String.raw`(?<![\d+]|\d[.-]|(?<![A-Za-z])[A-Za-z])(?:${SHAPES.join('|')})(?![\d]|[.-]\d)`,
  'g',
)

/** Words that say a number is a phone number (a number with a digit too many is still one then). */
const PHONE_WORD = /電話|TEL|Tel|tel|携帯|連絡先|折り?返|かけ|掛け|つなが|繋が|phone|call/
/**
 * A number with a digit too many: 11 digits that are not a mobile or IP number (08224208846), or 12 grouped
 * as a phone number is (090-1234-56789; 4-4-4 is how a My Number is grouped).
 */
const misdialled = (text: string, m: RegExpMatchArray) => {
  const d = digitsOf(m[0])
  if (
    !/^0[1-9]/.test(d) ||
    (d.length !== 11 && !(d.length === 12 && /^0\d{1,3}\D/.test(m[0]) && !/^\d{4}\D\d{4}\D\d{4}$/.test(m[0])))
  )
    return false
  const end = m.index! + m[0].length
  return (
    PHONE_WORD.test(text.slice(Math.max(0, m.index! - 10), m.index)) ||
    PHONE_WORD.test(text.slice(end, end + 12))
  )
}

/**
 * The national form (0 + 9 or 10 digits) of a candidate, or undefined when it is not a plausible
 * Japanese number: 11 digits only for 050/060/070/080/090 and 0800 numbers, 10 digits otherwise,
 * and never 00… (an international prefix, or a zero-padded reference number).
 */
export function nationalPhoneDigits(candidate: string): string | undefined {
  let d = digitsOf(candidate)
  if (candidate.trimStart().startsWith('+')) {
    if (!d.startsWith('81')) return undefined
    d = `0${d.slice(2).replace(/^0/, '')}`
  }
  if (!/^0[1-9]/.test(d)) return undefined
  if (d.length === 11) return /^0(?:[5-9]0|800)/.test(d) ? d : undefined
  return d.length === 10 ? d : undefined
}

// The national digits of one keepPhones list, made once per list (the CMS passes the same array until content changes).
const keepSets = new WeakMap<readonly string[], ReadonlySet<string | undefined>>()
const NONE: ReadonlySet<string | undefined> = new Set()
export function keepSetOf(list: readonly string[] | undefined): ReadonlySet<string | undefined> {
  if (!list?.length) return NONE
  const known = keepSets.get(list)
  if (known) return known
  const set = new Set(list.map((p) => nationalPhoneDigits(foldWidth(p))))
  keepSets.set(list, set)
  return set
}

// A number read out in words and typed as heard: 「ゼロキューゼロ、よんよんななイチ、にーぜろはちさん」
// 「〇九〇の四四七一の二〇八三」. It starts with a zero and has 10 to 14 digit words (kana, kanji or
// digits, any mix) with up to two separators between them (、 ・ の ノ space hyphen).
const ZERO = '(?:ぜろ|ゼロ|れい|レイ|まる|マル|〇|零|0)'
const SPOKEN_SEP = '[ 、,・のノ-]' // up to three between digits: 「よんよんいちに、の、ななさん」
const SPOKEN_TOKEN = new RegExp(`${KANA_DIGIT}|${KANJI_DIGIT}|\\d`, 'y')
const SPOKEN = new RegExp(`${ZERO}(?:${SPOKEN_SEP}{0,3}(?:${KANA_DIGIT}|${KANJI_DIGIT}|\\d)){9,13}`, 'g')
const HAS_ZERO = new RegExp(ZERO.replace('|0)', ')')) // a run in plain digits is the shapes'
/** Prefixes of the numbers that have 11 digits (050/060/070/080/090, 0800). */
const ELEVEN = /^0(?:[5-9]0|800)/

/**
 * Phone numbers read out in words: the shortest prefix of the run whose digits make a national
 * number (10 digits, or 11 for 050/070/080/090 and 0800, as ELEVEN), so a particle after it (「…さんにかけて」:
 * に is also 2) is not taken in. Runs in plain digits are the shapes' (SHAPES).
 */
type Spoken = { start: number; end: number; national: string }
// The last text read and its spoken numbers: detectPhone and withoutPhones (for three other detectors) read the same text.
let lastText: string | undefined
let lastSpoken: Spoken[] = []
function spokenPhones(text: string): Spoken[] {
  if (!HAS_ZERO.test(text)) return []
  if (text === lastText) return lastSpoken
  const out: Spoken[] = []
  for (const m of text.matchAll(SPOKEN)) {
    if (/^[\d\s、,・の ノ-]+$/.test(m[0])) continue
    // a zero inside a longer run read out (「三三〇三、〇四五一…」, a My Number) does not start a phone number
    if (/[〇一二三四五六七八九零\d]$/.test(text.slice(0, m.index))) continue
    let digits = ''
    for (let at = 0; at < m[0].length; ) {
      SPOKEN_TOKEN.lastIndex = at
      const t = SPOKEN_TOKEN.exec(m[0])
      if (!t) {
        at++
        continue
      }
      at += t[0].length
      digits += digitOf(t[0])
      // a mobile or IP number has 11 digits: do not stop at its 10th
      const national =
        digits.length === 11 || (digits.length === 10 && !ELEVEN.test(digits))
          ? nationalPhoneDigits(digits)
          : undefined
      if (national) {
        out.push({ start: m.index, end: m.index + at, national })
        break
      }
      if (digits.length >= 11) break
    }
  }
  lastText = text
  lastSpoken = out
  return out
}

/**
 * Fixed, mobile, IP, toll-free and navi-dial numbers, with hyphens, spaces, dots, ・ 、, の, parentheses or
 * nothing between the groups (in any grouping, or digit by digit), and +81; read out in kana or kanji
 * (ゼロキューゼロ…); and 11 digits from 0 next to a phone word (a fixed number said with a digit too
 * many). Public numbers (the city's, 0120 lines) are masked too, as a masker cannot tell whose number
 * it is, unless listed in `keepPhones`.
 */
export const detectPhone: Detector = (text, options: MaskOptions = {}) => {
  const keep = keepSetOf(options.keepPhones)
  const spoken = [...spokenPhones(text), ...spokenAfterPhoneWord(text)]
    .filter((p) => !keep.has(p.national))
    .map((p) => ({ kind: 'phone' as const, start: p.start, end: p.end }))
  if (!/\d/.test(text)) return spoken
  return [...text.matchAll(PHONE)]
    .filter((m) => {
      const national = nationalPhoneDigits(m[0])
      return national !== undefined ? !keep.has(national) : misdialled(text, m)
    })
    .map((m) => ({ kind: 'phone' as const, start: m.index, end: m.index + m[0].length }))
    .concat(spoken, phonePieces(text, keep), cutOff(text), international(text), partial(text))
}

/**
 * 「+1 206 555 0183」: a number after + and a country code other than Japan's (+81 is the shapes'), in
 * three or more groups, 8 to 15 digits in all.
 */
const INTERNATIONAL = /(?<![\d+])\+(?!81)[1-9]\d{0,2}(?:[ .-]\d{1,5}){2,4}(?![\d]|[.-]\d)/g
function international(text: string) {
  if (!text.includes('+')) return []
  return [...text.matchAll(INTERNATIONAL)]
    .filter((m) => {
      const n = digitsOf(m[0]).length
      return n >= 8 && n <= 15
    })
    .map((m) => ({ kind: 'phone' as const, start: m.index, end: m.index + m[0].length }))
}

/**
 * A mobile number only partly heard, right after a phone word: groups with the missing digits as …
 * (「090-55…-…21」) or the digits said and how many (「09044126と8桁」). Partial, it still points at one person.
 */
const PARTIAL = /(?<![\d-])(?:0[5-9]0-\d{1,4}…{1,6}(?:-…{0,6})?\d{1,4}|0[5-9]0\d{3,6}(?=と\d桁|桁))(?![\d-])/g
function partial(text: string) {
  if (!PHONE_CONTEXT.test(text)) return []
  return [...text.matchAll(PARTIAL)]
    .filter((m) => /電話|携帯|連絡先/.test(text.slice(Math.max(0, m.index - 20), m.index)))
    .map((m) => ({ kind: 'phone' as const, start: m.index, end: m.index + m[0].length }))
}

/**
 * 「携帯はゼロキューゼロの、いちにいさん、よんごおろく」: digits read out from a zero right after a phone word,
 * 9 to 11 of them in groups, are the caller's number even when a digit was lost in the reading (the
 * run that makes a whole number is spokenPhones'; this takes the rest of a run that stops short).
 */
const SPOKEN_AFTER_WORD = new RegExp(
  `(?:電話|携帯|連絡先|折り?返し先|でんわ|けいたい)(?:番号|ばんごう)?(?: ?(?:は|が|:) ?)?[ 「]?(${ZERO}(?:${SPOKEN_SEP}{0,3}(?:${KANA_DIGIT}|${KANJI_DIGIT})){8,10})(?!${SPOKEN_SEP}{0,3}(?:${KANA_DIGIT}|${KANJI_DIGIT}|\\d))`,
  'g',
)
function spokenAfterPhoneWord(text: string): Spoken[] {
  // (a speech recogniser writes the word in hiragana: 「でんわ は ぜろはちぜろ ろくろくろく…」)
  if (!HAS_ZERO.test(text) || !(PHONE_WORD.test(text) || /でんわ|けいたい/.test(text))) return []
  return [...text.matchAll(SPOKEN_AFTER_WORD)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length
    // a whole public number read out (the city's, in keepPhones) stays: its national digits are compared
    return {
      start,
      end: start + m[1]!.replace(/[ 、,・のノ-]+$/, '').length,
      national: nationalPhoneDigits(spelledDigits(m[1]!)) ?? '',
    }
  })
}

/** 「携帯090-4501-… 途中で切れた」: a mobile number cut off after its second group, next to a phone word. */
// (and a digit or more of the third group heard, 「090-5512-8...いや」; の before the pause, 「080-4021の…」)
const CUT_OFF = /(?<![\d-])0[5-9]0[ -]?\d{4}(?:[ -]\d{1,3})?(?=[- の]?(?:…|\.{2,}))/g
// (a landline's area code and a digit or more of the next group, then the pause, in a sentence that
// begins with 電話番号: 「電話番号、数字の一部が雑音で「082-4…（不明）」」)
const CUT_OFF_LANDLINE = /(?<![\d-])0[1-9]\d{0,3}-\d{1,4}(?=…|\.{2,})/g
function cutOff(text: string) {
  const mobile = [...text.matchAll(CUT_OFF)].filter((m) =>
    PHONE_WORD.test(text.slice(Math.max(0, m.index - 10), m.index)),
  )
  const landline = [...text.matchAll(CUT_OFF_LANDLINE)].filter((m) =>
    /(?:電話|携帯)番号[^。\n\d]{0,20}$/.test(text.slice(Math.max(0, m.index - 24), m.index)),
  )
  return [...mobile, ...landline].map((m) => ({
    kind: 'phone' as const,
    start: m.index,
    end: m.index + m[0].length,
  }))
}

/** A text about a phone number, near a piece of one. */
const PHONE_CONTEXT = /電話|携帯|市外局番|(?<![A-Za-z])(?:TEL|tel|Tel)(?![A-Za-z])|連絡先|折り?返し/
/**
 * A phone number said in pieces, each after a word that says which piece it is (「下4桁だけ言うと9911、
 * 前は090の5530」「市外局番082、その後が431の7788」「市外は0846、そのあとが22-5791」): 2 to 8 digits, groups joined by - or の, not a
 * count, an amount, a time or a date.
 */
const PIECE =
  /(?:市外局番|市外|局番|(?:下|上|末尾|最後|頭|前|後ろ|後|前半|後半|残り|続き|その後|そのあと|その次|次)(?: ?\d ?桁)?)(?:だけ)?(?:を?言うと|は|が|:|：)?[、 ]?(\d{2,4}(?:[-の]\d{2,4}){0,2})(?![\d-]|[桁回円時分秒日月年歳才代人名件番号つ個枚度台通本万千位行階頁点%]|ページ|キロ)/g

/**
 * The pieces of a phone number said apart, in a text about one (within 40 characters after a phone
 * word): two or more pieces that together make a whole number (10 or 11 digits from a 0, in the order
 * said or, two pieces, the other way round). A last four digits alone (「末尾が1234」) stays, and
 * pieces that make a number listed in `keepPhones` are public and stay.
 */
function phonePieces(
  text: string,
  keep: ReadonlySet<string | undefined>,
): { kind: 'phone'; start: number; end: number }[] {
  if (!PHONE_CONTEXT.test(text)) return []
  const pieces: { start: number; end: number; digits: string }[] = []
  for (const m of text.matchAll(PIECE)) {
    if (!PHONE_CONTEXT.test(text.slice(Math.max(0, m.index - 40), m.index + m[0].length))) continue
    const digits = m[1]!.replace(/\D/g, '')
    if (digits.length > 8) continue
    const start = m.index + m[0].length - m[1]!.length
    pieces.push({ start, end: start + m[1]!.length, digits })
  }
  if (pieces.length < 2) return [] // 「末尾が1234」 alone names no one
  const said = pieces.map((p) => p.digits)
  const whole = [said.join(''), said.length === 2 ? `${said[1]}${said[0]}` : ''].filter((w) =>
    /^0\d{9,10}$/.test(w),
  )
  if (whole.length === 0 || whole.some((w) => keep.has(nationalPhoneDigits(w)))) return []
  return pieces.map((p) => ({ kind: 'phone' as const, start: p.start, end: p.end }))
}

/**
 * The text with every phone-shaped number (as detectPhone finds it, `keepPhones` ignored) blanked
 * out with the placeholder filler, same length. Number detectors read this, so a phone number next
 * to a My Number or a PIN (「090-1234-5678 1234 5678 9012」) is neither glued to it into a longer
 * number nor cut into pieces.
 */
export function withoutPhones(text: string): string {
  let out = ''
  let at = 0
  for (const p of detectPhone(text, {})) {
    out += text.slice(at, p.start) + '〓'.repeat(p.end - p.start)
    at = p.end
  }
  return at === 0 ? text : out + text.slice(at)
}

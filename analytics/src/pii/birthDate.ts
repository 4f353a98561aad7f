import type { Detector, MaskOptions } from './types'

/** A date found in text; year, month and day are present when written. */
export type DateMention = { start: number; end: number; year?: number; month?: number; day?: number }

const ERA_BASE: Record<string, number> = {
  明治: 1867,
  M: 1867,
  大正: 1911,
  T: 1911,
  昭和: 1925,
  S: 1925,
  平成: 1988,
  H: 1988,
  令和: 2018,
  R: 2018,
}
const ERA = String.raw`(明治|大正|昭和|平成|令和|(?<![A-Za-z0-9])[MTSHR](?=\.?\s?[元\d]))\.?`
const EYEAR = String.raw`(元|\d{1,2})`

const LATIN_ERA: Record<string, number> = {
  Meiji: 1867,
  Taisho: 1911,
  Showa: 1925,
  Heisei: 1988,
  Reiwa: 2018,
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1

/** A number in kanji numerals up to 99 (二十九, 十, 三) or written digit by digit (一九七五, 〇三). */
const KANJI_NUMBER = '[〇一二三四五六七八九十]{1,4}'
const KANJI_DIGITS = '〇一二三四五六七八九'
function kanjiNumber(s: string): number {
  const ten = s.indexOf('十')
  if (ten < 0) return Number([...s].map((c) => KANJI_DIGITS.indexOf(c)).join(''))
  const tens = ten === 0 ? 1 : KANJI_DIGITS.indexOf(s[ten - 1]!)
  const ones = ten === s.length - 1 ? 0 : KANJI_DIGITS.indexOf(s[ten + 1]!)
  return tens * 10 + ones
}
const kanjiNumberOrUndefined = (s: string | undefined) => (s === undefined ? undefined : kanjiNumber(s))

// A date read out and written in hiragana: 「しょうわ ろくじゅうねん ごがつ はつか」「へいせい がんねん しちがつ みっか」.
const KANA_ERA: Record<string, number> = {
  めいじ: 1867,
  たいしょう: 1911,
  しょうわ: 1925,
  へいせい: 1988,
  れいわ: 2018,
}
const KANA_ONES = ['', 'いち', 'に', 'さん', 'よん|し', 'ご', 'ろく', 'なな|しち', 'はち', 'きゅう|く']
const KANA_NUMBER = `(?:(?:に|さん|よん|ご|ろく|なな|はち|きゅう)?じゅう)?(?:きゅう|いち|さん|よん|ろく|なな|しち|はち|に|し|ご|く)?`
/** Days with their own reading (1st–10th, 14th, 20th, 24th); others are a number + にち. */
const KANA_DAYS = [
  'ついたち',
  'ふつか',
  'みっか',
  'よっか',
  'いつか',
  'むいか',
  'なのか',
  'ようか',
  'ここのか',
  'とおか',
]
const KANA_DATE = new RegExp(
  `(めいじ|たいしょう|しょうわ|へいせい|れいわ) ?(がん|${KANA_NUMBER})ねん(?: ?の? ?(${KANA_NUMBER})がつ(?: ?((?:(?:に|さん)?じゅう)?(?:${KANA_DAYS.join('|')})|はつか|${KANA_NUMBER}にち))?)?`,
  'g',
)
/** The value of a number read in hiragana (にじゅういち → 21); NaN when it is not one. */
function kanaNumber(s: string): number {
  const m = /^(?:(.*?)じゅう)?(.*)$/.exec(s)!
  const digit = (x: string) => KANA_ONES.findIndex((r, i) => i > 0 && r.split('|').includes(x))
  const tens = m[1] === undefined ? 0 : m[1] === '' ? 1 : digit(m[1])
  const ones = m[2] === '' ? 0 : digit(m[2]!)
  return tens < 0 || ones < 0 || tens * 10 + ones === 0 ? Number.NaN : tens * 10 + ones
}
function kanaDay(s: string): number {
  if (s === 'はつか') return 20
  if (s.endsWith('にち')) return kanaNumber(s.slice(0, -2))
  const own = KANA_DAYS.findIndex((d) => s.endsWith(d))
  const tens = s.length > KANA_DAYS[own]!.length ? kanaNumber(s.slice(0, -KANA_DAYS[own]!.length)) : 0
  return tens + own + 1
}

type Pattern = { re: RegExp; parse: (m: RegExpMatchArray) => Omit<DateMention, 'start' | 'end'> }
const num = (s: string | undefined) => (s === undefined ? undefined : Number(s))
const eraYear = (era: string, y: string) => ERA_BASE[era]! + (y === '元' ? 1 : Number(y))

const PATTERNS: Pattern[] = [
  // 1975年3月4日, 1975年の3月4日, 1975/3/4, 1975.3.4, 1975-03-04
  {
    re: /(?<!\d)((?:19|20)\d{2}) ?年 ?の? ?(\d{1,2}) ?月 ?(\d{1,2}) ?日/g,
    parse: (m) => ({ year: num(m[1]), month: num(m[2]), day: num(m[3]) }),
  },
  {
    re: /(?<![\d/.-])((?:19|20)\d{2})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-])/g,
    parse: (m) => ({ year: num(m[1]), month: num(m[3]), day: num(m[4]) }),
  },
  // 1975年3月, 1975年
  {
    re: /(?<!\d)((?:19|20)\d{2}) ?年(?: ?(\d{1,2}) ?月)?(?! ?\d)/g,
    parse: (m) => ({ year: num(m[1]), month: num(m[2]) }),
  },
  // 昭和50年3月4日, 平成元年5月, 大正15年, S50.3.4, H2/2/14, 平成11年の8月21日 (as said)
  {
    re: new RegExp(String.raw`${ERA} ?${EYEAR} ?年(?: ?の? ?(\d{1,2}) ?月(?: ?(\d{1,2}) ?日)?)?`, 'g'),
    parse: (m) => ({ year: eraYear(m[1]!, m[2]!), month: num(m[3]), day: num(m[4]) }),
  },
  {
    re: new RegExp(String.raw`${ERA} ?${EYEAR}([/.-])(\d{1,2})\3(\d{1,2})(?![\d/.-])`, 'g'),
    parse: (m) => ({ year: eraYear(m[1]!, m[2]!), month: num(m[4]), day: num(m[5]) }),
  },
  // March 4, 1975 / 4 March 1975 / Mar. 4 1975 (English lines)
  {
    re: new RegExp(
      String.raw`(?<![A-Za-z])${MONTH_NAME} ?(\d{1,2})(?:st|nd|rd|th)?,? ((?:19|20)\d{2})(?!\d)`,
      'gi',
    ),
    parse: (m) => ({ year: num(m[3]), month: monthOf(m[1]!), day: num(m[2]) }),
  },
  {
    re: new RegExp(String.raw`(?<!\d)(\d{1,2})(?:st|nd|rd|th)? ${MONTH_NAME},? ((?:19|20)\d{2})(?!\d)`, 'gi'),
    parse: (m) => ({ year: num(m[3]), month: monthOf(m[2]!), day: num(m[1]) }),
  },
  // Heisei 8, July 4 / Showa 50 March 4: a 和暦 year written in Latin letters (English lines)
  {
    re: new RegExp(
      String.raw`(?<![A-Za-z])(Meiji|Taisho|Taishō|Showa|Shōwa|Heisei|Reiwa) (\d{1,2}),? ${MONTH_NAME} ?(\d{1,2})(?:st|nd|rd|th)?(?![\d:])`,
      'g',
    ),
    parse: (m) => ({
      year: LATIN_ERA[m[1]!.replace('ō', 'o')]! + Number(m[2]),
      month: monthOf(m[3]!),
      day: num(m[4]),
    }),
  },
  // July 2nd, Showa 60: the month and day first, then the 和暦 year in Latin letters
  {
    re: new RegExp(
      String.raw`(?<![A-Za-z])${MONTH_NAME} ?(\d{1,2})(?:st|nd|rd|th)?,? (Meiji|Taisho|Taishō|Showa|Shōwa|Heisei|Reiwa) (\d{1,2})(?![\d:])`,
      'g',
    ),
    parse: (m) => ({
      year: LATIN_ERA[m[3]!.replace('ō', 'o')]! + Number(m[4]),
      month: monthOf(m[1]!),
      day: num(m[2]),
    }),
  },
  // 30/01/1986, 01/30/1986, 30.01.1986 (English lines: day or month first, whichever reads as a date)
  {
    re: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.-])/g,
    parse: (m) => {
      const [a, b] = [Number(m[1]), Number(m[3])]
      return a > 12 ? { year: num(m[4]), month: b, day: a } : { year: num(m[4]), month: a, day: b }
    },
  },
  // 昭和二十九年十月十日, 平成元年五月, 一九七五年三月四日: numerals in kanji
  {
    re: new RegExp(
      `(明治|大正|昭和|平成|令和) ?(元|${KANJI_NUMBER}) ?年(?: ?の? ?(${KANJI_NUMBER}) ?月(?: ?(${KANJI_NUMBER}) ?日)?)?`,
      'g',
    ),
    parse: (m) => ({
      year: ERA_BASE[m[1]!]! + (m[2] === '元' ? 1 : kanjiNumber(m[2]!)),
      month: kanjiNumberOrUndefined(m[3]),
      day: kanjiNumberOrUndefined(m[4]),
    }),
  },
  {
    re: new RegExp(
      `([一二][〇一二三四五六七八九]{3}) ?年(?: ?の? ?(${KANJI_NUMBER}) ?月(?: ?(${KANJI_NUMBER}) ?日)?)?`,
      'g',
    ),
    parse: (m) => ({
      year: kanjiNumber(m[1]!),
      month: kanjiNumberOrUndefined(m[2]),
      day: kanjiNumberOrUndefined(m[3]),
    }),
  },
  {
    re: KANA_DATE,
    parse: (m) => ({
      year: KANA_ERA[m[1]!]! + (m[2] === 'がん' ? 1 : kanaNumber(m[2]!)),
      month: m[3] === undefined ? undefined : kanaNumber(m[3]),
      day: m[4] === undefined ? undefined : kanaDay(m[4]),
    }),
  },
  // 3月4日, 3/4 (counted only next to a birth-date word)
  { re: /(?<![\d年/.-])(\d{1,2}) ?月 ?(\d{1,2}) ?日/g, parse: (m) => ({ month: num(m[1]), day: num(m[2]) }) },
  { re: /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/])/g, parse: (m) => ({ month: num(m[1]), day: num(m[2]) }) },
]

const plausible = (d: DateMention) =>
  !Number.isNaN(d.year ?? 0) &&
  (d.month === undefined || (d.month >= 1 && d.month <= 12)) &&
  (d.day === undefined || (d.day >= 1 && d.day <= 31))

/** Every 西暦/和暦 date in (width-folded) text, the longest reading where two overlap. */
export function findDates(text: string): DateMention[] {
  const all: DateMention[] = []
  for (const p of PATTERNS)
    for (const m of text.matchAll(p.re))
      all.push({ start: m.index, end: m.index + m[0].length, ...p.parse(m) })
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  // positions already taken by a longer date: linear, where comparing with every kept date was quadratic on a 1 MB line
  const taken = new Uint8Array(text.length)
  const kept: DateMention[] = []
  for (const d of all)
    if (plausible(d) && !taken.subarray(d.start, d.end).includes(1)) {
      taken.fill(1, d.start, d.end)
      kept.push(d)
    }
  return kept.sort((a, b) => a.start - b.start)
}

// A birth-date word, then either particles/punctuation only or (for the unambiguous words) a short
// clause such as 「生年月日を聴取：」 that does not cross a sentence or list boundary.
const BEFORE =
  /(?:(?:生年月日|誕生日|生まれ年|生年|出生日|DOB|D\.O\.B\.?|[Dd]ate of [Bb]irth|[Bb]irth ?(?:day|date)?|[Bb]orn(?: on| in)?)(?:[、,] ?|[^。、,\n\d]{0,8})|(?:生まれ|うまれ|生れ|産まれ)[はがの:： ]*)[:：]? ?$/
// 〜生まれ, 〜生, 〜うまれ right after the date (not 生活, 生存 …), or 〜が誕生日.
// (の before 生まれ too: 「昭和十二年の生まれどす」)
const AFTER = /^ ?(?:の?(?:生まれ|うまれ|生れ|産まれ)|生(?![活存命涯徒産成協])|[がは]?誕生日)/
// What joins a date to its correction: 「、いや」「じゃなくて」「、違った、」.
const CORRECTION =
  /^[、,。 ]*(?:いや|いえ|あ、?いや|じゃなくて|じゃのうて|やなくて|ではなく(?:て)?|違(?:う|った|います)|訂正して|失礼)[、,。 ]*$/
// A bare old date followed by these is a procedure date (平成10年3月31日付で転入), not a birth date.
const EVENT_AFTER =
  /^ ?(?:付|から|まで|以降|以前|以後|より|頃|ごろ|時点|現在|に(?:転入|転出|転居|申請|交付|発行|届出|結婚|婚姻|離婚|死亡|開始|終了))/

/**
 * Dates of birth: a 西暦/和暦 date (full, year–month, year only, or month–day) next to a birth-date
 * word (生年月日, 誕生日, 生まれ, 〜生, DOB), or a full date whose year is before
 * `bareBirthYearBefore` (default 2006: the My Number system began in 2015, so dates that old in a
 * call summary are birth dates, while appointments, deadlines and issue dates are recent or future;
 * 0 turns this off) and that is not followed by 付/から/まで/以降/に転入…, which mark an event. Other dates, e.g. 「12月2日以降」「来週の3日」「有効期限2030年3月4日」, are not personal and stay.
 */
export const detectBirthDate: Detector = (text: string, options: MaskOptions = {}) => {
  const before = options.bareBirthYearBefore ?? 2006
  if (!/[\d元〇一二三四五六七八九十ね]/.test(text)) return [] // 平成元年, 昭和二十九年, しょうわ…ねん have no digit
  const dates = findDates(text)
  const birth = dates.map((d) => {
    if (BEFORE.test(text.slice(Math.max(0, d.start - 16), d.start))) return true
    if (AFTER.test(text.slice(d.end, d.end + 6))) return true
    const full = d.year !== undefined && d.month !== undefined && d.day !== undefined
    return full && (d.year ?? before) < before && !EVENT_AFTER.test(text.slice(d.end, d.end + 6))
  })
  // 「誕生日？9月28日、昭和31年です」: a year said right after a birth date's month and day (or before
  // them) is the rest of that birth date
  for (let i = 0; i + 1 < dates.length; i++) {
    const [a, b] = [dates[i]!, dates[i + 1]!]
    if (birth[i] === birth[i + 1] || !/^[、, ]?$/.test(text.slice(a.end, b.start))) continue
    const halves =
      (a.year === undefined && a.month !== undefined && b.year !== undefined && b.month === undefined) ||
      (b.year === undefined && b.month !== undefined && a.year !== undefined && a.month === undefined)
    if (halves) birth[i] = birth[i + 1] = true
  }
  // 「昭和三十八年六月、いや昭和三十九年六月」: a date given as the correction of a birth date is one too
  for (let i = 0; i + 1 < dates.length; i++)
    if (birth[i] && !birth[i + 1] && CORRECTION.test(text.slice(dates[i]!.end, dates[i + 1]!.start)))
      birth[i + 1] = true
  return dates
    .filter((_, i) => birth[i])
    .map((d) => ({ kind: 'birthDate' as const, start: d.start, end: d.end }))
}

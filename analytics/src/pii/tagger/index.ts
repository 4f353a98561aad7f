import { unitFollows } from '../cue'
import { digitsOf } from '../fold'
import { withoutPublicAddresses } from '../keepAddresses'
import { isValidMyNumber, OTHER_LABEL } from '../myNumber'
import {
  NAME_LABEL_LEAD,
  NAME_TAIL,
  NOT_HIRA,
  NOT_KATA,
  NOT_KATA_END,
  NOT_NAME_END,
  NOT_NAMES,
  PLACE_BEFORE_NO,
  kanaDigitsAround,
  notRomajiName,
} from '../name'
import { keepSetOf, nationalPhoneDigits } from '../phone'
import { ENGLISH_DIGIT, KANA_DIGIT, KANA_LETTER, spelledDigits } from '../spokenDigits'
import type { MaskOptions, PiiFinding, PiiKind } from '../types'
import { ruleLabels, tag, taggerFileSchema, taggerFromFile, type Tagger } from './model'
import file from './weights.json'

export { ruleLabels, tag, taggerFromFile, type Tagger, type TaggerFile } from './model'

/** A word the name rules know is no name: a role, an office, a shop, a device or a word of answer. */
const isNoName = (word: string): boolean =>
  NOT_NAMES.has(word) ||
  NOT_NAME_END.test(word) ||
  NOT_KATA.has(word) ||
  NOT_KATA_END.test(word) ||
  NOT_HIRA.has(word)

const isPublicPhone = (candidate: string, keepPhones: readonly string[] | undefined) => {
  const national = nationalPhoneDigits(candidate)
  return national !== undefined && keepSetOf(keepPhones).has(national)
}

/** A number written as a phone number may be: digits with hyphens, spaces, dots or brackets between. */
const NUMBER_RUN = /\+?\(?\d[\d\s().-]{7,18}\d/g

/** The longest text the tagger reads (a call summary is about 200 characters, a transcript segment less). */
export const TAGGER_MAX_LENGTH = 20_000

let loaded: Tagger | undefined
/** The tagger trained from the labelled corpora (`npm run train:masker` writes weights.json), read once. */
export function defaultTagger(): Tagger {
  if (!loaded) {
    const parsed = taggerFileSchema.safeParse(file)
    if (!parsed.success)
      throw new Error(
        `tagger weights.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      )
    loaded = taggerFromFile(parsed.data)
  }
  return loaded
}

/**
 * A span is snapped across a word of one script at its ends: it is masked whole or not at all. For a number
 * (`numeric`) kanji numerals are a script of their own: 「五七五七入れても」 is 五七五七, not the verb's 入 too.
 */
const script = (c: string | undefined, numeric = false) =>
  c === undefined || HONORIFIC.includes(c)
    ? 0
    : /[0-9A-Za-z]/.test(c)
      ? 1
      : numeric && KANJI_NUMERAL.test(c)
        ? 4
        : /[一-龥々〆ヶ]/.test(c)
          ? 2
          : /[ァ-ヺー]/.test(c)
            ? 3
            : 0
const KANJI_NUMERAL = /[〇一二三四五六七八九零十百千]/
/** Kanji after a number's kanji numerals that are no numeral (a verb's stem: 「五七五七入」). */
const KANJI_AFTER_NUMERALS =
  /(?<=[〇一二三四五六七八九零\d])(?:(?![〇一二三四五六七八九零十百千])[一-龥々])+$/
/** A staff title: 佐藤課長 is the city's staff, named by role, not a caller. */
const STAFF_TITLE = /課長|係長|部長|主任|主査|所長|室長|局長|担当/
const NUMBERS: ReadonlySet<PiiKind> = new Set(['secret', 'myNumber', 'phone', 'cardNumber', 'postalCode'])
const AFTER_OTHER_LABEL = new RegExp(`(?:${OTHER_LABEL})[ :：は]*$`)

/**
 * The hard negatives the rules keep, kept from the tagger too: a number right after another label
 * (受付番号, 予約番号 …) or followed by a unit (4桁, 3回); years listed; a phone number that is no whole number (its
 * pieces are the rules' to judge, with the allow-list); a My Number of other than 12 digits (other lengths
 * only after a cue, the rules' call); a name before a staff title (佐藤課長) or that is a role, an office, a shop or a device, or hiragana only (a verb, an answer: 「名前はわからないが」;
 * the rules find hiragana names by their cues); a value of another shape than its kind's (SHAPES).
 */
function isHardNegative(
  kind: PiiKind,
  folded: string,
  start: number,
  end: number,
  about: { secret: boolean; myNumber: boolean; card: boolean },
  growsName = false,
): boolean {
  const value = folded.slice(start, end)
  if (NUMBERS.has(kind)) {
    if (AFTER_OTHER_LABEL.test(folded.slice(Math.max(0, start - 12), start))) return true
    if (/\d/.test(value) && unitFollows(folded, end)) return true
    // a unit or a counter inside the span (「2025年」「1234人目」), a time (17:15), a range's end (〜17), a counter's number
    if (
      UNIT_END.test(value) ||
      /^\d{1,2}:\d\d$/.test(value) ||
      /[〜~]\s?$/.test(folded.slice(start - 2, start))
    )
      return true
    if (COUNTER_AFTER.test(folded.slice(end, end + 8))) return true
    if (/[#№]\s?$/.test(folded.slice(Math.max(0, start - 2), start))) return true // #2291: a ticket's number
  }
  const digits = digitsOf(value).length
  if (kind === 'phone' && digits > 0 && nationalPhoneDigits(value) === undefined) return true
  // years listed (2024、2025、2026の各年度) are no number of anyone's
  if (/^(?:(?:19|20)\d\d\D{1,2}){2,}(?:19|20)\d\d$/.test(value)) return true
  // a piece of a My Number only in a text about one; a whole one has 12 digits
  if (kind === 'myNumber' && digits > 0 && digits !== 12 && !(digits <= 8 && about.myNumber)) return true
  // a My Number (or a piece of one) said in words has four digits or more (「ゼロを「まる」と言う」 names a
  // digit, it is no number)
  if (
    kind === 'myNumber' &&
    digits === 0 &&
    spelledDigits(value).length + (value.match(EN_DIGITS)?.length ?? 0) < 4
  )
    return true
  // 12 digits from 0 that fail the check digit (「090123456789」, a phone number mistyped) are a My Number only in
  // a text about one; other failing ones stay (a caller misreads a digit: 「626487080241が自分の番号か」)
  if (
    kind === 'myNumber' &&
    digits === 12 &&
    !about.myNumber &&
    /^0/.test(digitsOf(value)) &&
    !isValidMyNumber(digitsOf(value))
  )
    return true
  if (kind === 'secret') {
    // only in a text about a secret, by wider words than the rules' cues (「新しく6247に変えたい」「ピンは…」
    // 「四桁なら…」「the short code」): a time or a range in a text about nothing secret (「open 9-5」) is none
    if (!about.secret) return true
    // letters alone (「Google」「query」) are a password only where the rules say so; kana only when it
    // reads as four digits or more (「にいさんに聞いた」 is a brother)
    if (/^[A-Za-z\s'.,]+$/.test(value)) return true
    // Latin letters, a pause, then a katakana word (「KIMURA Aoi、ローマ字の方が」): a name and what is said of it
    if (/[A-Za-z]、[ァ-ヺー]{2,}$/.test(value)) return true
    if (/^[ぁ-ゖー、・\s]+$/.test(value) && !KANA_DIGITS.test(value)) return true
    // 「1234は受付の番号」: the text says whose number it is
    if (OTHER_NUMBER_AFTER.test(folded.slice(end, end + 10))) return true
    // 「9018 と 2263 と 7717」: one group of a longer number read group by group
    if (
      /^\d{3,}$/.test(value) &&
      (/\d{3} ?(?:と|\s) ?$/.test(folded.slice(Math.max(0, start - 6), start)) ||
        /^ ?(?:と|\s) ?\d{3}/.test(folded.slice(end, end + 6)))
    )
      return true
  }
  // a serial only in a text about a card, a certificate or a number (「ABC12345678CD」 alone is no one's card)
  if (kind === 'cardNumber' && !about.card) return true
  if (kind === 'address' && /から|[〜~]/.test(value)) return true // 1丁目から3丁目: an area, no one's address
  // 「東広島市の、2月3日に来庁」: a date's numbers (or an amount's) after a place are no block numbers
  if (kind === 'address' && /[0-9一二三四五六七八九十]月[0-9一二三四五六七八九十]+日|[0-9]円/.test(value))
    return true
  // kana digits read out beside more of them (「なな さん きゅう」「いちにいさん、よんごうろく」) are a number, not a name
  if (kind === 'name' && /^[ぁ-ゖー\s、]+$/.test(value) && kanaDigitsAround(value, folded, start, end))
    return true
  if (kind === 'name')
    return (
      // hiragana alone only where it completes a name the rules found (「たなべ しずえ」 where they took たなべ)
      (/^[ぁ-ゖー\s]+$/.test(value) &&
        !(growsName && /\s/.test(value)) &&
        !(value.length >= 3 && !NOT_HIRA.has(value) && HIRA_NAME_AROUND(folded, start, end))) ||
      // a Latin name is capitalised words that the romaji name rule would take (not 「Apple Store」「Can I speak」)
      (/^[A-Za-z][A-Za-z\s'-]*$/.test(value) && (/(?:^|\s)[a-z]/.test(value) || notRomajiName(value))) ||
      value.split(/\s+/).some((w) => isNoName(w) || NOT_NAME_WORDS.has(w)) ||
      ((folded[end] === 'の' || value.includes('の') || folded.startsWith('から', end)) &&
        // (京都 is listed whole: its 都 is no suffix to strip)
        [value.replace(/の.*$/, ''), value.replace(/の.*$/, '').replace(/[県府都]$/, '')].some((w) =>
          PLACE_BEFORE_NO.has(w),
        )) ||
      // a record's heading (「ウェブチャット自動要約：」「モニタリング所見：」) and Latin letters read in katakana
      // (「エスエーティーオー」, an address spelled out) are no one's name
      RECORD_WORD.test(value) ||
      // a form of a kanji described (「はしごの方の字」 for 髙) is no name
      (/^[ぁ-ゖ]+$/.test(value) && /^(?:の方)?の字/.test(folded.slice(end, end + 4))) ||
      KANA_LETTERS_ONLY.test(value) ||
      STAFF_TITLE.test(folded.slice(start, end + 2))
    )
  return !SHAPES[kind].test(value)
}

/**
 * A hiragana word is a name where a relative stands right before it (「息子の嫁、ゆかりが」「うちの子、そうま」)
 * or a self-introduction or a relative right after it (「のぶ子の父です」「ふくだです」).
 */
const HIRA_NAME_AROUND = (folded: string, start: number, end: number) =>
  /(?:嫁|娘|息子|子|孫|妻|夫|兄|姉|弟|妹|母|父|甥|姪)(?:の|、|は)$/.test(
    folded.slice(Math.max(0, start - 4), start),
  ) ||
  /^(?:です|と申|いう|の(?:父|母|家内|夫|妻|娘|息子|祖母|祖父)(?:です|から|が))/.test(
    folded.slice(end, end + 6),
  )

const RECORD_WORD = /(?:要約|所見|記録|履歴|報告|ログ|メモ|議事録)$/
const KANA_LETTERS_ONLY = new RegExp(`^(?:${KANA_LETTER}){3,}$`)
/** Kana that read as four digits or more and nothing else (「よんさんにいいち」), as the rules spell them. */
const KANA_DIGITS = new RegExp(`^(?:(?:${KANA_DIGIT})[ー、・\\s]*){4,}$`)
const SECRET_TOPIC =
  /暗[証唱]|あんしょう|パスワード|ぱすわーど|パスコード|(?<![A-Za-z])(?:PIN|PW)(?![a-z])|ピン|ロック|ろっく|桁|ケタ|けた|証明書|署名|利用者|補助|英数|英字|ローマ字|大文字|小文字|全角|マイナポータル|コンビニ交付|code|digits?|pass|four|変え|覚え|入れ|押し|打っ|打ち|入力|忘れ/i
const MY_NUMBER_TEXT = /マイナンバー|個人番号|my ?number/i
const EN_DIGITS = new RegExp(`(?<![A-Za-z])${ENGLISH_DIGIT}(?![A-Za-z])`, 'g')
const CARD_TEXT =
  /カード|card|番号|ナンバー|number|No\.|証明書|シリアル|serial|在留|パスポート|旅券|passport|免許|保険証|記号|コード|code|ID/i
const UNIT_END = /\d ?[年月日時分秒円回桁件歳才人枚階号]/
/** A number before 窓口 or a counter is that counter's (「5と6の窓口」); digits before の順 are an order to press them in. */
const COUNTER_AFTER = /^(?:番?の?(?:窓口|カウンター|ブース|番線|会議室)|の?順[にで番])/
/** 「1234は受付の番号」: a number said to be another number than a PIN. */
const OTHER_NUMBER_AFTER = /^(?:は|が|って)?[^。、\d]{0,5}(?<!暗[証唱])(?:の)?番号/
/** Words of the desk's work that the tagger, reading two kanji words, can take for a name (「介護 認定」). */
const NOT_NAME_WORDS = new Set(
  `介護 認定 手続 手続き 相談 仕事 申請 更新 交付 受取 届出 転入 転出 住所 変更 証明 窓口 予約 確認 書類 写真 通知
  漢字 平仮名 片仮名 ひらがな カタカナ ローマ字 フリガナ ふりがな
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Sorry Asked Thanks Please
  引継 引継ぎ 通訳 数字 国籍 続柄
  Chat Sent Mail Caller Student Memo Note Japanese Chinese Korean Vietnamese Filipino Indonesian Nepali Thai
  Canadian American Brazilian Peruvian French German Spanish English Portuguese Español
  Arabic Tagalog Russian Mongolian Urdu Bengali Hindi Persian Turkish Burmese Sinhala Ukrainian
  Lost Found Subject Card Help Urgent Update Request
  学生 留学生 生徒 児童 翻訳`.split(/\s+/),
)

/**
 * What a value of each kind must look like when the tagger proposes it (the rules' shapes, loosely):
 * a serial has four digits or more among six letters and digits or more, not 「BM25」「64MB」; an e-mail
 * has an @ or a spoken one; a postal code is 3 + 4 digits; an address has a place word beside its
 * numbers and two block numbers (「1丁目」 alone is an area); a secret is no decimal (「8.8 ms」).
 */
const SHAPES: Record<PiiKind, RegExp> = {
  secret: /^(?!\d+\.\d+$)/,
  myNumber: /(?:)/,
  email: /@|アット|[ (]at[ )]|\(at\)|\[at\]/,
  phone: /(?:)/,
  cardNumber: /^(?=(?:[^0-9]*[0-9]){4})(?=(?:[^0-9A-Za-z]*[0-9A-Za-z]){6})/,
  postalCode: /^〒? ?\d{3}-?\d{4}$/,
  birthDate: /(?:)/,
  address: /[一-龥ぁ-ゖァ-ヺA-Za-z].*[0-9一二三四五六七八九十]+\D+[0-9一二三四五六七八九十]/,
  name: /(?:)/,
}

/** Kanji that end a name rather than belong to it. */
const HONORIFIC = '様氏殿宛'
const EDGE = /^[\s、。,.・:：「」『』（）()\-〓…]+|[\s、。,.・:：「」『』（）()\-〓…]+$/g

/**
 * The tagger's findings in `folded` (width-folded, placeholders blanked), of the kinds asked for, given
 * the rules' findings there (`rules`, read as features): each kept when its least sure character
 * reaches its kind's margin, trimmed of pauses and brackets at their ends, then grown to the whole word
 * at each end (a tagger that stops inside 「hk19770508」 or 「久保田」 would leave part of it readable),
 * without the rules' hard negatives, the public numbers and the addresses the allow-list keeps.
 */
export function taggerFindings(
  tagger: Tagger,
  folded: string,
  options: MaskOptions,
  kinds: readonly PiiKind[],
  rules: readonly PiiFinding[],
): PiiFinding[] {
  const out: PiiFinding[] = []
  // never a public number, whatever kind the tagger gives it (a span that takes a published number along)
  const isPublic = new Uint8Array(options.keepPhones?.length ? folded.length : 0)
  if (isPublic.length)
    for (const m of folded.matchAll(NUMBER_RUN))
      if (isPublicPhone(m[0], options.keepPhones)) isPublic.fill(1, m.index, m.index + m[0].length)
  // what the whole text is about, read once (per span it would be quadratic on a long line)
  const about = {
    secret: SECRET_TOPIC.test(folded),
    myNumber: MY_NUMBER_TEXT.test(folded),
    card: CARD_TEXT.test(folded),
  }
  for (const f of tag(tagger, folded, tagger.readsRules ? ruleLabels(folded.length, rules) : undefined)) {
    const margin = tagger.minMargin[f.kind]
    if (margin === undefined || f.sure < margin || !kinds.includes(f.kind)) continue
    const text = folded.slice(f.start, f.end)
    let trimmed = text.replace(EDGE, '')
    // a name's label before it and the words that close it are no part of it (「氏名 ニシカワ」「水野です」)
    if (f.kind === 'name') {
      trimmed = trimmed.replace(NAME_LABEL_LEAD, '')
      // the tail read within the last 16 characters: a long hostile span stays linear
      const tail = NAME_TAIL.exec(trimmed.slice(-16))?.[0].length ?? 0
      trimmed = trimmed.slice(0, trimmed.length - tail).replace(EDGE, '')
    }
    if (NUMBERS.has(f.kind)) trimmed = trimmed.replace(KANJI_AFTER_NUMERALS, '')
    if (!trimmed) continue
    let start = f.start + text.indexOf(trimmed)
    let end = start + trimmed.length
    const numeric = NUMBERS.has(f.kind)
    const first = script(folded[start], numeric)
    if (first) while (start > 0 && script(folded[start - 1], numeric) === first) start--
    const last = script(folded[end - 1], numeric)
    if (last) while (end < folded.length && script(folded[end], numeric) === last) end++
    const growsName =
      f.kind === 'name' && rules.some((r) => r.kind === 'name' && r.start < end && start < r.end)
    // right after a placeholder: the tagger learnt from text with none, so masked text read again (「［メール］ 送信エラー」)
    // is no ground for a span; masking masked text must change nothing
    if (/〓 ?$/.test(folded.slice(Math.max(0, start - 2), start))) continue
    if (end - start < 2 || isHardNegative(f.kind, folded, start, end, about, growsName)) continue
    // a public number in digits or read out (「ゼロイチニーゼロ・キューゴー…」) stays
    const value = folded.slice(start, end)
    if (isPublicPhone(value, options.keepPhones) || isPublicPhone(spelledDigits(value), options.keepPhones))
      continue
    if (isPublic.subarray(start, end).includes(1)) continue
    out.push({ kind: f.kind, start, end })
  }
  return withoutPublicAddresses(out, folded, options.keepAddresses)
}

/**
 * What the shipped weights are, for the AI explanation (docs/AI.md, /admin/ai): the corpora they were
 * learned from, the margin per kind, the size of the file's weights.
 */
export function taggerSummary(): {
  trainedOn: readonly string[]
  minMargin: Partial<Record<PiiKind, number>>
  weightBytes: number
  seed: number
  epochs: number
} {
  const f = taggerFileSchema.parse(file)
  return {
    trainedOn: f.trainedOn,
    minMargin: f.minMargin,
    weightBytes: Math.floor((f.weights.length * 3) / 4),
    seed: f.seed,
    epochs: f.epochs,
  }
}

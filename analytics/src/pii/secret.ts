import { blankAlso, unitFollows, valuesAfterCues, type Window } from './cue'
import { withoutPhones } from './phone'
import {
  ENGLISH_DIGIT,
  KANA_DIGIT,
  KANA_LETTER,
  KANJI_DIGIT,
  SAID_DIGIT,
  spelledDigits,
} from './spokenDigits'
import type { Detector, PiiFinding } from './types'

/*
 * PINs and passwords (暗証番号, パスワード) a caller says out loud. A bare 4-digit number is
 * everywhere in a summary (fees, years, counts), so a value is a secret only next to a cue word that
 * says so, and the cue word itself stays readable: 「暗証番号は［暗証番号］にしました」.
 */

// The words that announce a secret. Longest first, so 暗証番号 wins over 暗証. 暗唱番号 is the usual
// slip for 暗証番号. PIN/password in Latin letters (full width is folded first) only as a whole word
// (not SHOPPING, Pinterest, pin-reset). The length phrases (数字4桁, 英数字6〜16桁, 4桁の数字) are how the
// card's PINs are described, and a value said right after one is the PIN.
const LENGTH_NUMBER = String.raw`(?:\d{1,2}|[一二三四五六七八九十]{1,3})` // 4桁, 四桁, 十六桁
const LENGTH = `${LENGTH_NUMBER}(?: ?[〜~-] ?${LENGTH_NUMBER})? ?(?:桁|ケタ|けた|文字)(?:以上|以内|以下)?`
// The card's four secrets are called by what they are for (利用者証明用, 署名用 …), often without the word
// 暗証番号 after it: 「利用者証明用7412、署名用HIRO7412」; 住基用 is how callers shorten 住民基本台帳用.
const PURPOSE = `(?:利用者証明|署名|券面事項入力補助|券面入力補助|入力補助|補助|住民基本台帳|住基)用(?:電子証明書)?(?:の)?(?:暗[証唱]番号|パスワード|PW|PIN)?`
const CUE = new RegExp(
  [
    PURPOSE,
    `暗[証唱](?:番号|ナンバー|コード)?`,
    // 「電子証明書２つとも八八四〇」: the certificates' PINs said by the certificate
    `電子証明書(?:[2２二]つ)?(?:とも|は|が|:)`,
    `パスワード|パスコード|ピン(?:番号|コード)|セキュリティー?コード`,
    // half-width katakana as a chat or an old terminal writes it, folded with its sound marks apart (ﾊﾟｽﾜｰﾄﾞ, ﾋﾟﾝ)
    `ハ゜スワート゛|ヒ゜ン(?:番号|コート゛)?(?= ?[:=は])`,
    // 「パス：tanuki88KOBE」「署名用パスRINGO2525A」: パス short for パスワード, before a colon or the value itself
    `パス(?= ?[:=]|[A-Za-z0-9])`,
    `(?<![A-Za-z_-])(?:PIN|PW|pass ?word|passcode|security code|pass(?= ?[:=])|(?:his|her|my|their|your) code(?= is|:))(?![a-z_-])`, // Pass: / his code is // PW: how operators shorten password // not in an id such as pin-4digit
    String.raw`(?<![A-Za-z])\d{1,2}[- ]digits? (?:code|number|PIN)(?![a-z])`, // the 4-digit code
    `(?:英?数字|英字) ?${LENGTH}`,
    // 「英数字のやつは」「16文字までのやつ」「The 6-16 character one」: the password named by how it is made up
    `英数字の(?:方|ほう|やつ|もの)|${LENGTH}(?:まで)?の(?:方|ほう|やつ|もの)`,
    String.raw`(?<![A-Za-z])\d{1,2}(?: ?[-~] ?\d{1,2})?[- ](?:character|char|letter|digit)s? one(?![a-z])`,
    `${LENGTH}の(?:英?数字|英字)`,
    String.raw`(?<!\d)[4４四] ?(?:桁|ケタ|けた)の(?:番号|コード)`, // a 4-digit number is a PIN (12桁の番号 is a My Number)
    String.raw`(?<![\d一-龥々ァ-ヶーの])[4４四] ?(?:桁|ケタ|けた)(?:は|が|:)`, // 「4ケタは 2 9 9 1」 (not 「マイナンバーの最初の4桁は」)
    // 「住基の4桁は」「署名の6桁以上」: a purpose said without 用, then the length of its PIN
    `(?:利用者証明|署名|券面事項入力補助|券面入力補助|住民基本台帳|住基)の ?${LENGTH}`,
    // 「カードの4桁」「マイナの4桁」: the card's four digits are its PIN
    `(?:マイナ(?:ンバー)?(?:カード)?|カード)の ?[4４四] ?桁`,
    // 「受取時に決めた番号は」「自分で設定した4桁」: a number the caller chose is a PIN
    `(?:決め|設定し|登録し|作っ|変え|変更し)た ?(?:番号|数字|${LENGTH}(?:の(?:番号|数字))?)`,
  ].join('|'),
  'gi',
)

// The window ends at a sentence end or a line break, or at another numbered thing (電話番号, 受付番号,
// 個人番号, ID, TEL, 〒): a number after it is that label's, not the secret. (A bare 番号 does not stop it.)
// A label the value is compared to does not end it: 「暗証番号は車のナンバーと同じ3838」; a denial does
// (「セキュリティコードじゃなくて、カードの番号が…」: what follows is another number).
const STOP =
  /[。\n\r]|^ ?(?:じゃ|では)なく|(?<=[一-龥々ァ-ヶー])番号(?!と(?:同じ|一緒))|ナンバー(?!と(?:同じ|一緒))|(?<![A-Za-z])(?:ID|TEL|Tel|No\.)|電話|〒/

// What may stand between the digits of one value, as people write a PIN out: 1・2・3・4, 1 2 3 4,
// 1-2-3-4, 1、2、3、4, the の and the pause of counting out loud (「1、2の…3、4」「いち、にの、さん、し」),
// and invisible control or zero-width characters. Not "." or "/" (dates, decimals).
const SEP = String.raw`[ \t・、､,\-…の\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]`
// Spoken digits in kana (いち に/にい さん よん/し ご/ごー/ごお …) and kanji (一二三四) come from spokenDigits.ts.
/** Everyday words spelled with kana digits: にいさん (兄さん) is a brother, not 2-3. */
/** Between the digits of a value said haltingly: 「4と…えっと…7と…1と1」. */
// (と only after a single digit: 「1357と1375」 are two values)
const SPOKEN_SEP = `(?:${SEP}|(?<!\\d\\d)と|えっと|えーと|ええと)`
const KANA_WORD = /^(?:にいさん|にーさん|にぃさん|ニイサン|ニーサン|ニィサン)/

// One candidate value, by kind of writing (named groups). The digit run must not touch a letter or
// digit on either side, so it never cuts a piece out of a longer code.
// A password spelled out letter by letter, digits among the letters (「エー、ビー、シー、1、2、3」): a run of
// letter readings, digits and single letters with at least one letter reading among its first tokens.
// (English digits in katakana first, so ナインナイン is two nines and シックス not シ + ッ…)
const KATAKANA_ENGLISH_DIGIT =
  '(?:ダブル・?)?(?:ワン|ツー|スリー|フォー|ファイブ|ファイヴ|シックス|セブン|セヴン|エイト|ナイン)'
// Letters said as the radio alphabet (「エコー、ゴルフ、ナイン、ワン」): before the kana letters, so エコー is
// not エ + …; read only after a word of a secret, in a run of four tokens or more, as the letters are.
const NATO_LETTER =
  '(?:アルファ|ブラボー|チャーリー|デルタ|エコー|フォックストロット|ゴルフ|ホテル|インディア|ジュリエット|キロ|リマ|マイク|ノーベンバー|ノベンバー|オスカー|パパ|ケベック|ロメオ|ロミオ|シエラ|タンゴ|ユニフォーム|ヴィクター|ビクター|ウィスキー|ウイスキー|エックスレイ|ヤンキー|ズールー)'
const SPELLED_TOKEN = String.raw`(?:${KATAKANA_ENGLISH_DIGIT}|${NATO_LETTER}|${KANA_LETTER}|${KANA_DIGIT}|\d|[A-Za-z](?![A-Za-z]))`
// Digits written as the formal kanji of deeds (大字: 「伍陸漆捌」) or as Roman numerals (「Ⅶ Ⅱ Ⅸ Ⅲ」, the single
// characters U+2160–U+216B), one digit a character
const FORMAL_DIGIT = '[壱弐参肆伍陸漆捌玖零]'
const ROMAN_DIGIT = '[\u2160-\u216b]'
// A four-digit number said with its place values (千二百三十四, 九千八十): a PIN read as a number, not digit
// by digit. Only with 千: 百 and 十 alone are counts and amounts far more often than PINs.
const KANJI_THOUSANDS = `(?<![一-龥々])[一二三四五六七八九]?千(?:[一二三四五六七八九]?百)?(?:[一二三四五六七八九]?十)?[一二三四五六七八九]?(?![一-龥々])` // not in a given name (千里)
const VALUE = new RegExp(
  [
    `(?<alnum>(?=(?:${SPELLED_TOKEN}${SEP}{0,3}){0,15}(?:${NATO_LETTER}|${KANA_LETTER}|[A-Za-z][、､,・-]|[A-Za-z] [A-Za-z0-9] [A-Za-z0-9](?![A-Za-z0-9])))${SPELLED_TOKEN}(?:${SEP}{0,3}${SPELLED_TOKEN}){3,31})`,
    `(?<en>(?<![A-Za-z])${ENGLISH_DIGIT}(?:(?:, |[ ,-]){1,2}${ENGLISH_DIGIT}){2,15}(?![A-Za-z]))`,
    // 「7.2.2.9」: single digits between dots (a date or a decimal has longer groups or fewer of them)
    String.raw`(?<num>(?<![A-Za-z0-9.])\d(?: ?\. ?\d){3,15}(?![A-Za-z0-9]| ?\.\d)|(?<![A-Za-z0-9])\d(?:${SPOKEN_SEP}{0,4}\d)*(?![A-Za-z0-9]))`,
    String.raw`(?<pw>(?<![A-Za-z0-9])[A-Za-z0-9][\x21-\x7e]{0,40})`,
    `(?<kpos>${KANJI_THOUSANDS})`,
    `(?<formal>${FORMAL_DIGIT}(?:${SEP}{0,3}${FORMAL_DIGIT}){3,15}|${ROMAN_DIGIT}(?:${SEP}{0,3}${ROMAN_DIGIT}){3,15})`,
    `(?<kanji>${KANJI_DIGIT}(?:${SEP}{0,3}${KANJI_DIGIT})*)`,
    `(?<kana>(?:${KANA_DIGIT})(?:${SEP}{0,3}(?:${KANA_DIGIT}))*)`,
  ].join('|'),
  'g',
)

/** A particle or mark that says the value comes next: 「パスワードは」「PIN:」「暗証番号＝」. */
const FIRST = /^ ?(?:は|が|を|も|で|って|とは|:|=)[ 「『（("'“]*$/ // で: 「英字6文字でaozora」
/** Device and app names with digits that follow パスワード in a summary without being the password. */
const PRODUCT =
  /^(?:iPhone|iPad|iOS|Android|Windows|Win|Pixel|Galaxy|Xperia|AQUOS|arrows|Chrome|Edge|Safari|Firefox|OS)\d*/i
/**
 * Trailing punctuation that ends a clause or a bracket, not a password (! and ? may be part of one:
 * masked too); an opening bracket at the end starts the next aside (「sakura0402（旧）」, folded to "(").
 */
const TRAILING = /[.,;:)\]}'"([{<]+$/

const span = (start: number, end: number) => ({ start, end })

/** Digits of a grouped number; drops the last group when a unit follows it (「1234 4回」: 4 is a count). */
function pickNumber(text: string, start: number, raw: string): { start: number; end: number } | undefined {
  let value = raw
  for (;;) {
    const end = start + value.length
    const after = text.slice(end, end + 6)
    const digits = value.replace(/\D/g, '')
    // 2024/10/15, 2024.10.15, 8:30, 1.5: a date, a time or a decimal
    if (/^[/:.]\d/.test(after) || /\d[/:.]$/.test(text.slice(Math.max(0, start - 2), start))) return undefined
    if (unitFollows(text, end)) {
      const cut = value.match(new RegExp(String.raw`^(.*\d)${SEP}{1,3}\d+$`, 's'))
      if (!cut) return undefined
      value = cut[1]!
      continue
    }
    // A PIN has at least 3 digits said (「最初の3桁は123」). Phone numbers are left to the phone detector
    // (see detectSecret), but a long run it does not take is still masked here.
    if (digits.length < 3 || digits.length > 16) return undefined
    return span(start, end)
  }
}

function pickPassword(start: number, raw: string, gap: string): { start: number; end: number } | undefined {
  // an opening bracket starts an aside (「HANAKO2O24（Oとゼロ混在？）」), not the password
  // (a question mark at the end is a note's doubt, 「MIYAJIMA77？ 利用者 7777？」; ! may end one, 「Taro1960!」)
  const value = raw
    .replace(/[([{<].*$/s, '')
    .replace(TRAILING, '')
    .replace(/\?+$/, '')
  // 6–16 characters is the 署名用 password's rule; longer runs after a cue are masked too (still a secret).
  if (value.length < 6 || value.length > 32 || !/[A-Za-z]/.test(value)) return undefined
  // URLs and e-mail addresses are not passwords (the e-mail detector masks the address).
  if (/:\/\/|^www\./i.test(value) || /@[A-Za-z0-9-]+\.[A-Za-z]{2,}/.test(value)) return undefined
  // Device names are not passwords: 「パスワードをiPhone15で再設定」 stays.
  if (PRODUCT.test(value)) return undefined
  // Letters alone are a password only right after a particle or a colon (「パスワードはabcdefgh」),
  // not any word further on or in English text (「PIN sections」); letters with digits anywhere.
  // (or letters joined by _ right after the cue, 「PW hana_mizuki」: _ joins no English words; not an
  // upper-case name such as BENCH_PIN, nor a tool a sentence goes on to, 「password goes to pg_dump」)
  const snake =
    /^\s*$/.test(gap) && /^[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]$/.test(value) && /[a-z]/.test(value)
  // (or in quotes after words that say it has letters only: 「英字だけ「MOMIJIMANJU」」)
  const lettersSaid = /(?:英字|アルファベット|ローマ字)(?:だけ|のみ)[^「」『』]{0,6}[「『"“]$/.test(gap)
  if (!FIRST.test(gap) && !/\d/.test(value) && !snake && !lettersSaid) return undefined
  return span(start, start + value.length)
}

function pickSpelled(
  text: string,
  start: number,
  raw: string,
  count: number,
): { start: number; end: number } | undefined {
  const end = start + raw.length
  if (count < 3 || unitFollows(text, end)) return undefined
  return span(start, end)
}

/**
 * What may stand right before a PIN spelt in kana: the cue, a particle or a mark, or a word of
 * hesitation (「暗証番号はたしかよんよんにーはち」「えっと、いちにさんし」), never another syllable.
 */
const SPELLED_AFTER =
  /(?:[はがをもでにと:= 、,「『（(…]|たしか|確か|多分|たぶん|えっと|えーと|ええと|あの|あのー|えー|うーん)$/

/**
 * 「…はちにしたはず」「ゼロキューゼロナナにしたと」「…さんにする」: に before a verb is a particle, not the
 * digit 2 (nor にし 2 and 4); the value without it and without a trailing separator.
 */
function withoutParticle(text: string, start: number, raw: string): string {
  let value = raw
  const tail = text.slice(start + value.length, start + value.length + 3)
  // (and as it is said in dialect: にしもした, にしはった, にしちょる)
  if (/[にニ][しシ]$/.test(value) && /^[たてまよともはち]/.test(tail)) value = value.slice(0, -2)
  else if (/[にニ]$/.test(value) && /^(?:する|しま|しよ|なる|なっ|変え|変更|設定)/.test(tail))
    value = value.slice(0, -1)
  return value.replace(new RegExp(`${SEP}+$`), '')
}

function pick(text: string, m: RegExpExecArray, start: number, window: Window, gap: string) {
  const g = m.groups!
  if (g.en) return pickSpelled(text, start, g.en, 3)
  if (g.alnum) {
    const startsClean = start === window.from || SPELLED_AFTER.test(text.slice(Math.max(0, start - 6), start))
    const alnum = withoutParticle(text, start, g.alnum)
    return startsClean && alnum ? pickSpelled(text, start, alnum, 4) : undefined
  }
  if (g.num) return pickNumber(text, start, g.num)
  if (g.pw) return pickPassword(start, g.pw, gap)
  if (g.kpos) return pickSpelled(text, start, g.kpos, 4)
  if (g.formal) return pickSpelled(text, start, g.formal, 4)
  if (g.kanji) return pickSpelled(text, start, g.kanji, g.kanji.match(new RegExp(KANJI_DIGIT, 'g'))!.length)
  const kana = withoutParticle(text, start, g.kana!)
  if (!kana) return undefined
  // Kana digits are also everyday syllables (娘さんにしか, 兄さん), so a spelled PIN must start right
  // after the cue or a particle, have at least three digits and at least one two-letter reading.
  const tokens = kana.match(new RegExp(KANA_DIGIT, 'g'))!
  const startsClean = start === window.from || SPELLED_AFTER.test(text.slice(Math.max(0, start - 6), start))
  if (!startsClean || !tokens.some((t) => t.length > 1) || (KANA_WORD.test(kana) && tokens.length <= 3))
    return undefined
  return pickSpelled(text, start, kana, tokens.length)
}

// 「番号はさんいちよんいち」「番号は五九五九」: a bare 番号 says nothing of what number it is, but a short
// number spelled out in kana or kanji is a caller reading out a PIN (reference numbers are written in
// digits; a My Number is 12 digits). Digits after a bare 番号 are left to the other detectors.
// (a card's or a certificate's number is not its PIN: 「カードの番号がKX…」 is the card number detector's)
const BARE_NUMBER_CUE = /(?<![一-龥々ァ-ヶーA-Za-z])(?<!(?:カード|証|書)の)番号/g
const SPELLED = new RegExp(
  [
    `(?<kanji>${KANJI_DIGIT}(?:${SEP}{0,3}${KANJI_DIGIT})*)`,
    `(?<kana>(?:${KANA_DIGIT})(?:${SEP}{0,3}(?:${KANA_DIGIT}))*)`,
  ].join('|'),
  'g',
)
const SPELLED_DIGIT = new RegExp(`${KANJI_DIGIT}|${KANA_DIGIT}`, 'g')

// 「1234という暗証番号」「0315を暗証番号にした」: a value right before the cue, joined by a particle.
// 「8-8-2-1と入力してロックされた」「6021を入れたら」: what a caller types or enters into a terminal or an app
// is a PIN or a password.
const BEFORE_CUE = new RegExp(
  String.raw`(?<![A-Za-z0-9])(?:\d(?:${SEP}{0,3}\d){2,15}|(?=[\x21-\x7e]{0,31}\d)(?=[\x21-\x7e]{0,31}[A-Za-z])[A-Za-z0-9][\x21-\x7e]{5,31})(?= ?[」』"”]?(?:(?:という|っていう|って|を|が|は|の)? ?(?:暗[証唱]番号|パスワード|(?<![A-Za-z])PIN(?![a-z]))|(?:と|って|を|で) ?(?:入力|打ち込|打っ|押し|入れ)))`,
  'g',
)

/** A label of another number just before a typed value: 「カード番号をJX…と入力」「My Number 7415 …を入れた」. */
const OTHER_LABEL_BEFORE = /(?:番号|ナンバー|コード|ID|No\.?|[Nn]umber)(?:を|は|に|:)? ?$/
const SECRET_WORD = /暗[証唱]|パスワード|パスコード|PIN/i
/**
 * A value before a typing verb (入力/打っ/押し/入れ), without a secret cue, is a PIN or a password only
 * when nothing says it is another number: up to 8 digits (a My Number typed into e-Tax is 12), not
 * glued to a place name (「西条栄町8-29と入れれば」, an address in a car navigation) and not after another
 * number's label. A value joined to 暗証番号/パスワード/PIN is always one.
 */
function typedOnlyIfPin(text: string, at: number, value: string): boolean {
  if (SECRET_WORD.test(text.slice(at + value.length, at + value.length + 16).split(/[。\n]/)[0]!)) return true
  const before = text.slice(Math.max(0, at - 12), at)
  if (/[一-龥々ァ-ヶー]$/.test(before)) return false
  if (OTHER_LABEL_BEFORE.test(before) && !SECRET_WORD.test(before)) return false
  return !/^\d/.test(value) || value.replace(/\D/g, '').length <= 8
}

/**
 * A value typed in, in English (「The caller typed 6 6 4 2 three times」「entered 7720 at the kiosk」): like a
 * value before 入力 with no secret cue, at most 8 digits and not after another number's label.
 */
const TYPED_EN =
  /(?<![A-Za-z])(?:typed|entered|keyed|punched|put|tried|rejected)(?: in)?(?![a-z]| as(?![a-z]))/gi // 「typed as 090-…」 is written as

/**
 * A text about a PIN or a password, from its first cue on: a word of one, a certificate's purpose (署名用の方は…), or
 * a password described by its parts (「ローマ字でtakoyaki、その後ろに数字で39」「ローマ字でSAKURAZAKA、最後に数字の3」).
 */
const SECRET_CONTEXT =
  /暗[証唱]|パスワード|パスコード|(?<![A-Za-z])PIN(?![a-z])|ロック|ろっく|(?:署名|利用者証明)用(?![^。\n]{0,12}シリアル)|(?:ローマ字|アルファベット|英字|大文字|小文字)(?:で|は)[^。\n]{1,30}数字/
/** In such a text a stop is only a sentence end, a line break or another number's label. */
const STOP_AFTER_CONTEXT = /[。\n\r]|(?<=[一-龥々ァ-ヶー])番号|電話|〒|(?<![A-Za-z])(?:ID|TEL)/
/** What was typed or pressed: 「入れたのは」「入力した番号は」「押したのが」. */
const TYPED_JA = /(?:入力し|入れ|打っ|押し|打ち込ん)た(?:の|番号|数字)(?:は|が)/g
/** Parts of a PIN or a password: 「前半は」「最後が」「真ん中は」「次に」「英字は」「数字が」「小文字で」. */
// (「下4桁で3390」「あとは5と5」「数字のは5512」「そのあと数字の7」)
const PART_CUE =
  /(?:最初|最後|真ん中|前半|後半|頭|末尾|上|下|その次|次|あと|残り|後ろ)(?: ?\d ?桁)?(?:の数字)?(?:は|が|に|:|で(?=\d))|(?:英字|数字|小文字|大文字|記号|ローマ字|アルファベット)(?:の(?:方|ほう|やつ)?)?(?:は|が|で|:)|(?:英字|数字)の(?=[0-9A-Za-z])/g
/**
 * In a text about a PIN, the value said as the current or the new one (「新しいのは1029に」「今はmyna2023pass」
 * 「変更後は」) or as a correction (「確か2200。いや、2020かも」「ではなく一二三五」).
 */
const NOW_CUE =
  /(?:新しいの|新しい(?:番号|もの|方)|今の(?:番号|もの)?|今|現在の?|前の|元の|以前の|変更後|変更後の(?:番号|もの)|新しく)(?:は|が|:)|(?:旧|新)(?=\d)|(?:いや|いえ|じゃなくて|ではなく)(?=[、,… ]|$|[0-9A-Za-z一二三四五六七八九〇千ぁ-んァ-ヶ])/g
/** A part is short: one or more digits, or two or more letters (「最後が9」「英字はKOI」). */
function pickPart(text: string, m: RegExpExecArray, start: number, gap: string) {
  if (gap.replace(/[ 、,「『…]/g, '').length > 0) return undefined // right after the part word
  const g = m.groups!
  if (g.num) {
    const end = start + g.num.length
    return unitFollows(text, end) || /^[/:]\d/.test(text.slice(end, end + 2)) ? undefined : span(start, end)
  }
  if (g.pw) {
    const value = g.pw.replace(TRAILING, '').match(/^[A-Za-z0-9]+/)?.[0] ?? ''
    return value.length >= 2 ? span(start, start + value.length) : undefined
  }
  return undefined
}
/** A value read out in quotes: 「0、3、1、9」「さんさんななに」「n、a、o、k、i、3」「よん、よん、なな…えーと、に」. */
const QUOTED = /[「『“]([^「」『』“”\n]{3,60})[」』”]/g // (not ASCII quotes: "g001" in a JSON line is an id)
// (and the old counting's ひと and ふた for 1 and 2, as a note reads 1010: 「ひとまるひとまる」)
const QUOTED_TOKEN = `(?:${SPELLED_TOKEN}|ひと|ふた|ヒト|フタ)`
const SPELLED_TOKEN_G = new RegExp(QUOTED_TOKEN, 'g')
// (with the words that say how a character is written: 「大文字のアール、小文字でa、数字で4」)
const QUOTED_VALUE = new RegExp(
  `^(?:${QUOTED_TOKEN}|${SEP}|…|えーと|えっと|ええと|あの|えー|(?:大文字|小文字|数字|英字|記号)(?:の|で)?)+$`,
)
/** The sentence around a span: from the last 。 or line break before it to the next one after it. */
function sentenceAround(text: string, start: number, end: number): string {
  // (searched within 60 characters: lastIndexOf over a whole 1 MB line for each quote is quadratic)
  const base = Math.max(0, start - 60)
  const before = text.slice(base, start)
  const from = Math.max(base + Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n')) + 1, start - 59)
  const next = text.slice(end, end + 60).search(/[。\n]/)
  return text.slice(from, next < 0 ? end + 60 : end + next)
}

/** Words that may open the sentence after a cue before its value (「暗証番号ですか。えっと、7391です」). */
const NEXT_SENTENCE_LEAD =
  /^\s*[「『]?\s*(?:(?:えっと|えーと|ええと|あのー|あの|えー|うーん|たしか|確か|多分|たぶん)[、,…ー]*\s*)*/
/** The value said as the next sentence is the whole of it (「…7391です」「…よんよんにーはち。」). */
const NEXT_SENTENCE_END = /^(?:です|でした|だ|で(?:す|し)?|と|って|。|、|」|！|!|？|\?|$)/
/** VALUE at one position only (sticky): a line of many cues is read once, not once per cue. */
const VALUE_AT = new RegExp(VALUE.source, 'y')
/** A sentence end, and a cue before it with a short rest of its sentence without a digit: the value comes next. */
const SENTENCE_END = /[。？?]/g
/** Any cue in the text: without one, no sentence end is read back to a cue (most summaries). */
const HAS_CUE = new RegExp(CUE.source, 'i')
const CUE_BEFORE_END = new RegExp(String.raw`(?:${CUE.source})[^。？?\n\d]{0,12}$`, 'i')

/**
 * PINs and passwords a cue word governs (see the rules above): after 暗証番号/パスワード/PIN/数字4桁…
 * in the same sentence and within CUE_REACH characters, digits (any width, grouped with ・、 space or
 * hyphen), kanji numerals (一二三四), kana digits (いちにいさんよん) and 6–16 character passwords; and
 * a value joined right before such a cue. A number followed by 桁/回/文字/日/月/年/歳/時/分… is a
 * length or a count, not a value.
 */
export const detectSecret: Detector = (folded, _options, others) => {
  // A phone number near a PIN cue (「暗証番号の件、(082)422-3344へ折り返し」) is the phone detector's,
  // even one listed in keepPhones: no piece of it is taken for a PIN, and it does not count towards the reach.
  const text = withoutPhones(folded)
  const blanked = blankAlso(text, others)
  const out: PiiFinding[] = []
  for (const s of valuesAfterCues(
    text,
    CUE,
    VALUE,
    STOP,
    (m, start, window, gap) => pick(text, m, start, window, gap),
    blanked,
  ))
    out.push({ kind: 'secret', ...s })
  const spelled = valuesAfterCues(
    text,
    BARE_NUMBER_CUE,
    SPELLED,
    STOP,
    (m, start, window, gap) => {
      return (m[0].match(SPELLED_DIGIT) ?? []).length <= 8 ? pick(text, m, start, window, gap) : undefined
    },
    blanked,
  )
  for (const s of spelled) out.push({ kind: 'secret', ...s })
  // 「暗証番号ですか。えっと、7391です」: a cue whose short sentence has no value, then the value alone
  // opening the next sentence (after a word of hesitation at most).
  // (read from each sentence end back to a cue: a line of many cues and few sentence ends is read once)
  for (const e of HAS_CUE.test(text) ? text.matchAll(SENTENCE_END) : []) {
    if (!CUE_BEFORE_END.test(text.slice(Math.max(0, e.index - 40), e.index))) continue
    const after = e.index + 1
    const from = after + NEXT_SENTENCE_LEAD.exec(text.slice(after, after + 24))![0].length
    VALUE_AT.lastIndex = from
    const m = VALUE_AT.exec(text)
    if (!m) continue
    const s = pick(text, m, from, { from, to: from + m[0].length }, '')
    if (s && NEXT_SENTENCE_END.test(text.slice(s.end, s.end + 3))) out.push({ kind: 'secret', ...s })
  }
  // In a text about a PIN (暗証番号, パスワード, PIN, ロック), more says a value: a bare 番号 (「今の番号は3・8・2・7」),
  // what was typed (「入れたのは1192」), the parts of a PIN (「前半は39」「最後が9」) and of a password
  // (「英字はKOI」「数字が8080」), and a value read out in quotes in the same sentence (「0、3、1、9」で…PIN).
  const context = SECRET_CONTEXT.exec(text)
  if (context) {
    // the context starts with the sentence of its first cue (「「いつもの番号、3690です」と暗証番号を…」);
    // cues before that sentence do not count
    const lead = text.slice(Math.max(0, context.index - 60), context.index)
    const from = context.index - lead.length + Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('\n')) + 1
    const after = ' '.repeat(from) + text.slice(from)
    for (const cue of [BARE_NUMBER_CUE, PART_CUE, NOW_CUE])
      for (const s of valuesAfterCues(
        after,
        cue,
        VALUE,
        STOP_AFTER_CONTEXT,
        (m, start, window, gap) => {
          if (m.groups!.num && m[0].replace(/\D/g, '').length > 8) return undefined
          if (cue === PART_CUE) return pickPart(text, m, start, gap)
          // the new value or the correction comes right after its word, not a clause later
          if (cue === NOW_CUE && gap.replace(/[ 、,…「]/g, '').length > 0) return undefined
          return pick(text, m, start, window, gap)
        },
        blankAlso(after, others),
      ))
        out.push({ kind: 'secret', ...s })
  }
  // what was typed is a PIN wherever the cue stands, as a value before 入力 is (typedOnlyIfPin's limits)
  for (const s of valuesAfterCues(
    text,
    TYPED_JA,
    VALUE,
    STOP,
    (m, start, window, gap) =>
      // (「入れたのは4455、4545、5544の三つ」: a list of tries, each masked on its own by splitList)
      m.groups!.num && m[0].replace(/\D/g, '').length > 8 && !LIST.test(m[0])
        ? undefined
        : pick(text, m, start, window, gap),
    blanked,
  ))
    out.push({ kind: 'secret', ...s })
  for (const q of text.matchAll(QUOTED)) {
    const sentence = sentenceAround(text, q.index, q.index + q[0].length)
    // in the sentence of a cue or of typing, or anywhere after a cue (「暗証番号の件。本人「1、9、6」まで言って」)
    const afterCue = context !== null && context.index < q.index
    if (!afterCue && !SECRET_CONTEXT.test(sentence) && !/(?:入力|打ち込|打っ|押し|入れ)/.test(sentence))
      continue
    const inner = q[1]!
    const digits = (inner.match(SPELLED_TOKEN_G) ?? []).length
    if (digits >= 3 && QUOTED_VALUE.test(inner) && /\d|[ぁ-ゖァ-ヺ一-龥]/.test(inner))
      out.push({ kind: 'secret', start: q.index + 1, end: q.index + 1 + inner.length })
  }
  if (/[A-Za-z]/.test(text))
    for (const s of valuesAfterCues(
      text,
      TYPED_EN,
      VALUE,
      STOP,
      (m, start, window, gap) => {
        if (!m.groups!.num && !m.groups!.en) return undefined
        if (m.groups!.num && m[0].replace(/\D/g, '').length > 8) return undefined
        if (OTHER_LABEL_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return undefined
        return pick(text, m, start, window, gap)
      },
      blanked,
    ))
      out.push({ kind: 'secret', ...s })
  if (/\d/.test(text))
    for (const m of text.matchAll(BEFORE_CUE)) {
      if (!typedOnlyIfPin(text, m.index, m[0])) continue
      const s = /^\d/.test(m[0]) ? pickNumber(text, m.index, m[0]) : pickPassword(m.index, m[0], '')
      if (s) out.push({ kind: 'secret', ...s })
    }
  // (over the other findings too: a secret outranks them, and a name rule reads 「ふたまるまるさん」 as a name)
  for (const s of valuesNearCues(text)) out.push({ kind: 'secret', ...s })
  for (const s of valuesSetOrCorrected(text, text !== folded)) out.push({ kind: 'secret', ...s })
  for (const s of valuesDescribed(text)) out.push({ kind: 'secret', ...s })
  if (NEAR_CUE.test(text) || PLACE_LENGTH.test(text))
    for (const s of placeValuesNearCues(text)) out.push({ kind: 'secret', ...s })
  if (NEAR_CUE.test(text)) for (const s of hiraganaSpelled(text)) out.push({ kind: 'secret', ...s })
  const spaced = spacedPasswords(text)
  return [
    ...out.filter((f) => !spaced.some((p) => p.start <= f.start && f.end <= p.end)),
    ...spaced.map((s) => ({ kind: 'secret' as const, ...s })),
  ]
    .flatMap((f) => splitList(text, f))
    .flatMap((f) => tidied(text, f))
    .flatMap((f) => [f, ...saidInWordsBefore(text, f)])
}

/**
 * 「八百八十八、四桁じゃけ0888」: the same value said first in kanji numerals with place values, then in
 * digits. The words before a four-digit secret, in the same sentence and at most 12 characters before it,
 * are the secret too when they make the same number.
 */
const KANJI_PLACE_NUMBER =
  /(?<![一-龥々])(?=[一二三四五六七八九千百])(?:([一二三四五六七八九])?千)?(?:([一二三四五六七八九])?百)?(?:([一二三四五六七八九])?十)?([一二三四五六七八九])?(?![一-龥々])/g
const KANJI_VALUE = '〇一二三四五六七八九'
function saidInWordsBefore(text: string, f: PiiFinding): PiiFinding[] {
  const value = text.slice(f.start, f.end)
  if (!/^\d{4}$/.test(value)) return []
  const lead = text.slice(Math.max(0, f.start - 24), f.start)
  const from = f.start - lead.length + Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('\n')) + 1
  const out: PiiFinding[] = []
  for (const m of text.slice(from, f.start).matchAll(KANJI_PLACE_NUMBER)) {
    if (!/[千百]/.test(m[0]) || f.start - (from + m.index + m[0].length) > 12) continue
    const digit = (d: string | undefined, unit: boolean) => (d ? KANJI_VALUE.indexOf(d) : unit ? 1 : 0)
    const n =
      (m[0].includes('千') ? digit(m[1], true) * 1000 : 0) +
      (m[0].includes('百') ? digit(m[2], true) * 100 : 0) +
      (m[0].includes('十') ? digit(m[3], true) * 10 : 0) +
      digit(m[4], false)
    if (n === Number(value))
      out.push({ kind: 'secret', start: from + m.index, end: from + m.index + m[0].length })
  }
  return out
}

/**
 * A password written with spaces in it (「署名用がSAIJO 1974、間に空白入れた」「KUMA no KOで空白入れた」
 * 「署名用は「Nagisa no 2O24」と」): Latin words and digits after a word of a password, taken whole when
 * the text says there is a space in it or a word between is no (の said in romaji). Without that, a
 * space ends the password as before (「PW abc123 for the desk」).
 */
// (or right after the words that say so, in a text about a password: 「パスワード、途中に空白を入れて「KURE 2018」」)
const SPACED_PASSWORD =
  /(?:(?:パスワード|ぱすわーど|署名用|利用者証明用|(?<![A-Za-z])PW)(?:の方|のほう)?|(?<said>(?:空白|スペース)を?(?:入れ|空け|あけ)て))(?:は|が|を|、|,|:| )*[「『"“]?(?<value>[A-Za-z][A-Za-z0-9]{0,15}(?: [A-Za-z0-9]{1,16}){1,3})(?![A-Za-z0-9])/g
const SPACE_SAID = /空白|スペース|間[をに]?(?:空け|あけ|入れ)/

function spacedPasswords(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  if (!/[A-Za-z0-9] [A-Za-z0-9]/.test(text)) return out
  for (const m of text.matchAll(SPACED_PASSWORD)) {
    const value = m.groups!.value!
    if (
      m.groups?.said &&
      !/パスワード|ぱすわーど|署名用|(?<![A-Za-z])PW/.test(text.slice(Math.max(0, m.index - 30), m.index))
    )
      continue
    const start = m.index + m[0].length - value.length
    const words = value.split(' ')
    const said =
      words.slice(1, -1).includes('no') || SPACE_SAID.test(sentenceAround(text, start, start + value.length))
    // letters and digits, or words joined by no: not an English sentence after PW (「PW is fine now」)
    if (said && (/\d/.test(value) || words.includes('no'))) out.push(span(start, start + value.length))
  }
  return out
}

/**
 * The last look at a secret found: a certificate's serial (シリアル) is printed on the card, no secret, nor is a
 * value right after 郵便番号; 七五三
 * is the children's festival (「孫の七五三から取った」), not a value; a pause (…) after a value is not part of
 * it; and a kana よ after four digits or more is the sentence's particle (「ふたふたまるまるよ、覚えやすかろ」),
 * not a fifth digit.
 */
const SERIAL_BEFORE = /シリアル(?:番号|ナンバー|No\.?)?[^。\n、]{0,4}$/
function tidied(text: string, f: PiiFinding): PiiFinding[] {
  if (SERIAL_BEFORE.test(text.slice(Math.max(0, f.start - 16), f.start))) return []
  // a value right after 郵便番号 is the postal code (「郵便番号「ななさんきゅう、…」」), postalCode.ts's
  if (/(?:郵便番号|〒)(?:は|が|:|：| )*[「『]?$/.test(text.slice(Math.max(0, f.start - 10), f.start)))
    return []
  let end = f.end
  while (end > f.start + 1 && /[…‥・]/.test(text[end - 1]!)) end--
  const value = text.slice(f.start, end)
  if (value === '七五三') return []
  if (
    value.endsWith('よ') &&
    /^[、,。」』 ]|^$/.test(text.slice(end, end + 1)) &&
    (value.slice(0, -1).match(NEAR_TOKEN_G) ?? []).length >= 4
  )
    end--
  return [{ ...f, end }]
}

/*
 * The window rule: a short value read out (4–8 digits: ASCII, kanji, kana, katakana English, the old
 * counting words) with a word of a secret a few words before OR after it in the same sentence, whatever
 * joins them (「番号、7・2・7・2」「ばあちゃんの4けた 7・2・7・2」「1234って暗証番号で」「「ダブルゼロ、ダブルセブン」…
 * お父さんのいつもの番号」). The cue rules above read only after a cue and through a particle; callers put the
 * word anywhere. A value longer than 8 digits is a My Number, a phone or a card, never taken here.
 */
const NEAR_SEP = String.raw`[ ・、､,\-…]`
// (よ is 4 only last, as the old counting ends: 「ひい、ふう、みい、よ」)
const SAID_TOKEN = `${SAID_DIGIT}|${KANA_DIGIT}|${KANJI_DIGIT}|よ(?=[」』、,。]|$)`
const NEAR_TOKEN = `${SAID_TOKEN}|${ENGLISH_DIGIT}(?![A-Za-z])|\\d+`
// digits, or a value said (kana, kanji, katakana English), or English words: one writing per value, so
// 「3690にした」 is 3690 and a particle, not 3690 and the digit 2
const NEAR_RUN = new RegExp(
  [
    String.raw`(?<![A-Za-z0-9.]|\d[:/])\d+(?:${NEAR_SEP}{1,3}\d+)*(?![A-Za-z0-9]|[/:.]\d)`,
    `(?:${SAID_TOKEN})(?:${NEAR_SEP}{0,3}(?:${SAID_TOKEN}))*`,
    `(?<![A-Za-z])${ENGLISH_DIGIT}(?:${NEAR_SEP}{1,3}${ENGLISH_DIGIT}){3,7}(?![A-Za-z])`,
  ].join('|'),
  'g',
)
const NEAR_TOKEN_G = new RegExp(NEAR_TOKEN, 'g')
// 「9018 と 2263 と 7717」「四七一二の、〇〇八三の」: one group of a longer number read group by group
const NEAR_GROUP_AFTER = new RegExp(`^[ 、,]*(?:の|と)[ 、,]*(?:${SAID_TOKEN}|\\d)`)
const NEAR_GROUP_BEFORE = new RegExp(`(?:${SAID_TOKEN}|\\d)[ 、,]*(?:の|と)[ 、,]*$`)
/** Words of a secret for the window: a PIN, a password, a length of 4, a purpose, a number the caller set. */
const NEAR_CUE =
  /暗[証唱]|あんしょう|パスワード|ぱすわーど|パスコード|パス(?= ?[:=])|(?<![A-Za-z])(?:PIN|pin|Pin|passcode|password|codes?)(?![a-z])|ピン|ヒ゜ン|(?:署名|利用者(?:証明)?)用?(?:の(?:方|ほう|文字列|やつ))?(?= ?[=:、 ])|(?:決め|設定し|設定してもらっ|登録し|作っ|変え|変更し)た/
/**
 * A length of four (4けた, 数字の4つ) and a bare 番号 (not 電話番号, ゆうびん番号, 整理券の番号, 記号12番号) are weaker
 * words: a value of exactly four digits near one, alone in its sentence, in a sentence about no other number
 * and a text about no My Number (「個人番号の真ん中の4桁」「番号は8460…8460 1937 2275」).
 */
const NEAR_BARE_NUMBER =
  /(?<![下上尾頭])(?<!(?:最初|最後|先頭|初め|始め|末尾|真ん中)の)[4四] ?(?:桁|けた|ケタ)(?!ずつ)|数字の?[4四]つ|(?<![ぁ-んァ-ヶー一-龥々A-Za-z0-9])の[4四]つ|(?<![0-9A-Za-z一-龥々ァ-ヶー])(?<!ゆうびん|でんわ|うけつけ|こじん|かーど)(?<!(?:カード|証|書|券|電話|車|部屋|受付|予約|整理|申請|会員|口座|保険|郵便)の)(?:番号|ばんごう)(?!札)/
const NEAR_OWN_NUMBER =
  /(?:[4四] ?(?:桁|けた|ケタ)|数字の?[4四]つ|(?:[ぁ-ゖ](?<!ゆうびん|でんわ|うけつけ|こじん|かーど)(?:番号|ばんごう)))/
/** A bare 番号 straight before the value, a particle or a mark between (「番号は」「番号？ 」「番号、」). */
const STRAIGHT_AFTER_BARE_NUMBER = /(?<![一-龥々ァ-ヶーA-Za-z0-9])番号(?:[はがも？?、:：] ?| ){0,2}$/
/** 「番号は8460…」: a value that trails off is the start of a longer number. */
const TRAILS_OFF = /^…/
const NEAR_OTHER_NUMBER =
  /記号|保険|口座|会員|受付|整理|予約|伝票|注文|車両|マイナンバー|まいなんばー|個人番号|こじんばんごう|\d{1,2} ?桁ずつ|桁ずつ|12桁|十二桁|八桁|8桁/
/** What may end a value read out in kana: not another syllable of a word (いちにち, ごごさんじ). */
// (and a verb of saying glued on, as speech is written: 「さんさんよんよん言うとった」)
const NEAR_END =
  /^(?:$|[^ぁ-んァ-ヶー一-龥]|って|っちゃ|っ|と|で|や|じゃ|だ|です|の|に|を|が|は|ね|よ|か|言[うっいわ]|いう|ゆう)/
const KANA_DIGIT_ONLY = new RegExp(`^(?:${KANA_DIGIT})$`)
/**
 * A password spelled out in hiragana, as a speech recogniser writes letters and English digits
 * (「ぱすわーどは えい えい びー しー わん つー すりー」「えーびーしーろくろくろく」): letters and digits mixed, five
 * tokens or more, after a word of a secret in the same sentence.
 */
const HIRA_LETTER =
  'だぶりゅー|えっくす|えいち|じぇい|じぇー|でぃー|てぃー|あーる|ぜっと|きゅー|えー|えい|びー|しー|いー|えふ|じー|あい|けー|える|えむ|えぬ|おー|ぴー|えす|ゆー|ぶい|わい'
const HIRA_EN_DIGIT = 'ふぁいぶ|しっくす|すりー|ふぉー|せぶん|えいと|ないん|わん|つー'
const HIRA_SPELL_TOKEN = `${HIRA_EN_DIGIT}|${HIRA_LETTER}|${KANA_DIGIT}`
const HIRA_SPELL = new RegExp(`(?:${HIRA_SPELL_TOKEN})(?:[ ・、]{0,3}(?:${HIRA_SPELL_TOKEN})){4,23}`, 'g')
const HIRA_SPELL_TOKEN_G = new RegExp(HIRA_SPELL_TOKEN, 'g')
const HIRA_LETTER_ONLY = new RegExp(`^(?:${HIRA_LETTER})$`)

function hiraganaSpelled(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (const m of text.matchAll(HIRA_SPELL)) {
    const start = m.index
    const value = withoutParticle(text, start, m[0])
    const end = start + value.length
    const tokens = value.match(HIRA_SPELL_TOKEN_G) ?? []
    const letters = tokens.filter((t) => HIRA_LETTER_ONLY.test(t)).length
    if (tokens.length < 5 || letters === 0 || letters === tokens.length) continue
    const before = text.slice(Math.max(0, start - 6), start)
    if (/[ぁ-んァ-ヶー]$/.test(before) && !SPELLED_AFTER.test(before)) continue
    if (!NEAR_END.test(text.slice(end, end + 3))) continue
    const lead = text.slice(Math.max(0, start - NEAR_BEFORE), start)
    if (NEAR_CUE.test(lead.slice(Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('\n')) + 1)))
      out.push(span(start, end))
  }
  return out
}

/** A value read out (NEAR_RUN) with its tokens: digits, kanji, kana or katakana digits. */
type ReadRun = { start: number; end: number; tokens: string[]; ascii: string[]; digits: number }

/** The values read out in a text, as the window rule and the rule of set or corrected values both read them. */
function* readRuns(text: string): Generator<ReadRun> {
  for (const m of text.matchAll(NEAR_RUN)) {
    const start = m.index
    // 「ナナにしとった」: に before a verb is a particle (withoutParticle)
    const value = /^\d/.test(m[0]) ? m[0] : withoutParticle(text, start, m[0])
    const tokens = value.match(NEAR_TOKEN_G)
    if (!tokens) continue
    const ascii = tokens.filter((t) => /^\d+$/.test(t))
    // 「1234-5678」「090 1234」: groups of digits are another number; a PIN is one group or one digit at a time
    if (tokens.length > 1 && ascii.some((t) => t.length > 1)) continue
    const digits = tokens.reduce(
      (n, t) => n + (/^\d+$/.test(t) ? t.length : t.startsWith('ダブル') ? 2 : 1),
      0,
    )
    yield { start, end: start + value.length, tokens, ascii, digits }
  }
}

/** 「二一八四の〇九〇五の三六六七」: a group of a longer number read with の between its groups. */
const groupOfLongerNumber = (text: string, start: number, end: number) =>
  // (「いち、に、さん、し、の四つ」: の四つ counts the digits said, it is no next group)
  (NEAR_GROUP_AFTER.test(text.slice(end, end + 8)) && !/^[ 、,]*の[4四]つ/.test(text.slice(end, end + 8))) ||
  NEAR_GROUP_BEFORE.test(text.slice(Math.max(0, start - 8), start))

/** 「2468の窓口」「0120の番号」「¥1234」「No.1234」: a counter's number, the number the value is part of, or an amount. */
const counterOrPrefixed = (text: string, start: number, end: number) =>
  /^番?の?(?:窓口|カウンター|ブース|番線|会議室|号室|号車|番号|ばんごう)/.test(text.slice(end, end + 6)) ||
  /(?:[¥$#]|No\.?|第) ?$/.test(text.slice(Math.max(0, start - 4), start))

/** 「受付番号1234」: the end of another number's label, straight before a value. */
const OTHER_LABEL = /[一-龥々ァ-ヶー](?:番号|ナンバー|コード|ID)(?:を|は|に|が|:)? ?$/

/**
 * A value read out in words (not digits alone) counts when it starts after a pause, a particle or a
 * mark and ends where a word would not go on; kana digits need two readings of more than one kana.
 */
function readOutAlone(text: string, start: number, end: number, tokens: string[], ascii: string[]) {
  if (ascii.length === tokens.length) return true
  if (tokens.every((t) => KANA_DIGIT_ONLY.test(t)) && tokens.filter((t) => t.length > 1).length < 2)
    return false
  const before = text.slice(Math.max(0, start - 6), start)
  if (
    /[ぁ-んァ-ヶー]$/.test(before) &&
    !SPELLED_AFTER.test(before) &&
    !EITHER_BEFORE.test(before) &&
    !DESCRIBED_BEFORE.test(before)
  )
    return false
  return NEAR_END.test(text.slice(end, end + 3))
}
/** 「十二月二十五日のいちにーにーごー」「誕生日のいちにいにいご」: a noun and の say what the value is taken from. */
const DESCRIBED_BEFORE = /[一-龥々ァ-ヶ](?<!電話|番号|携帯|ナンバー|郵便|口座|カード)の$/
/** 「…ろくかにいにい…」: the second of two values said as either one starts after the first and か. */
const EITHER_BEFORE = new RegExp(`(?:${KANA_DIGIT}|\\d)か$`)

/** How far a cue may stand from the value, before it and after it (characters of the same sentence). */
const NEAR_BEFORE = 20
const NEAR_AFTER = 20

function valuesNearCues(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  if (!NEAR_CUE.test(text) && !NEAR_BARE_NUMBER.test(text)) return out
  const myNumberText = /マイナンバー|まいなんばー|個人番号|こじんばんごう|my ?number/i.test(text)
  for (const { start, end, tokens, ascii, digits } of readRuns(text)) {
    if (digits < 4 || digits > 8) continue
    if (groupOfLongerNumber(text, start, end)) continue
    if (unitFollows(text, end) || /^[十百千万億]/.test(text.slice(end, end + 1))) continue
    if (counterOrPrefixed(text, start, end)) continue
    // 「受付番号1234」: right after another number's label (not 暗証番号は)
    const label = text.slice(Math.max(0, start - 12), start)
    if (OTHER_LABEL.test(label) && !SECRET_WORD.test(label.slice(-8))) continue
    if (!readOutAlone(text, start, end, tokens, ascii)) continue
    const lead = text.slice(Math.max(0, start - NEAR_BEFORE), start)
    const tail = text.slice(end, end + NEAR_AFTER)
    const cutLead = lead.slice(Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('\n')) + 1)
    const cutTail = tail.split(/[。\n]/)[0]!
    const strong = NEAR_CUE.test(cutLead) || NEAR_CUE.test(cutTail)
    const bare =
      digits === 4 &&
      (NEAR_BARE_NUMBER.test(cutLead) || NEAR_BARE_NUMBER.test(cutTail)) &&
      // plain digits count straight after a bare 番号 (「番号は5151と思う」「番号？6541」: in the caller corpora
      // such a value was the caller's PIN), after a number called the caller's own (「いつもの番号」) or read
      // out digit by digit or in words; further off (「番号の欄に…1234」) they stay the other detectors'
      (tokens.length > 1 ||
        ascii.length === 0 ||
        NEAR_OWN_NUMBER.test(cutLead + cutTail) ||
        (STRAIGHT_AFTER_BARE_NUMBER.test(cutLead) && !TRAILS_OFF.test(cutTail))) &&
      !NEAR_OTHER_NUMBER.test(cutLead + cutTail) &&
      !/\d{3}|(?:[〇一二三四五六七八九]|\d)[ 、・]?(?:[〇一二三四五六七八九]|\d)[ 、・]?(?:[〇一二三四五六七八九]|\d)/.test(
        cutLead + cutTail,
      ) &&
      !myNumberText
    if (strong || bare) out.push(span(start, end))
  }
  return out
}

/**
 * 「候補として5599、9955、5959の3つ」: numbers of three or more digits each, listed with 、 or a comma, are
 * several values (each masked on its own), not one value read out digit by digit (「1、2、3、4」).
 */
const LIST = /^\d{3,}(?:[、､,] ?\d{3,})+$/
/** 「SHIMANAMI75／SHIMANAMI57」: passwords listed with a slash are several values, and a slash after one ends it. */
const SLASH_LIST = /^[A-Za-z0-9]{4,}(?:\/[A-Za-z0-9]{4,})*\/?$/

/**
 * 「3939、サンキュー」: digits, then a pause and some of the same digits read as a word (a pun to remember
 * them). The reading says the value again; it is not more of it.
 */
const PUN_AFTER = /^(\d{3,8})[、､,] ?([ァ-ヺー]{2,16}|[ぁ-ゖー]{2,16})$/

function splitList(text: string, f: PiiFinding): PiiFinding[] {
  const value = text.slice(f.start, f.end)
  const pun = PUN_AFTER.exec(value)
  const read = pun ? spelledDigits(pun[2]!) : ''
  if (read.length >= 2 && pun![1]!.includes(read)) return [{ ...f, end: f.start + pun![1]!.length }]
  if (/[A-Za-z]/.test(value) && value.includes('/') && SLASH_LIST.test(value))
    return [...value.matchAll(/[A-Za-z0-9]+/g)].map((m) => ({
      ...f,
      start: f.start + m.index,
      end: f.start + m.index + m[0].length,
    }))
  if (!LIST.test(value)) return [f]
  return [...value.matchAll(/\d+/g)].map((m) => ({
    ...f,
    start: f.start + m.index,
    end: f.start + m.index + m[0].length,
  }))
}

/*
 * Values that say they are a PIN without a word of one (round ten, from the folds' and fresh10 dev's misses):
 * - a value the caller set (「1107にしとった」「一二〇三にしたはず」「NAMAHAGE03で登録した」): four digits, or a
 *   password of letters and digits, straight before に/で and a verb of setting;
 * - a value corrected to another of the same length (「4271、いや違う4217」「いちにいさんよん…いや、よんさんにいいち」):
 *   both are what the caller keys in;
 * - four digits read out one by one in kana, a clause of their own (「ろく、ろく、ろく、きゅう」「えっとね、さんさんいちよん。」
 *   「ゼロハチゼロハチ」): a phone is longer, a count or an amount is not read digit by digit.
 * Each is four digits (or a password), never a group of a longer number, a count, a date or after another label.
 */
// (and a value the caller checks: 「3104で合うとるはず」「0707で合っとる？」)
const SET_VERB =
  /^(?:に|で) ?(?:し(?:た|と|て|ちょ|も|はっ|ま)|設定|登録|決め|変え|変更)|^(?:に|で)(?:したはず|しとった|しとる)|^で ?(?:合|あ)(?:う|っ)/
// (bounded runs: linear on a long line)
const SET_PASSWORD =
  /(?<![A-Za-z0-9])(?=[A-Za-z0-9]{0,31}\d)(?=[A-Za-z0-9]{0,31}[A-Za-z])[A-Za-z0-9]{6,32}(?![A-Za-z0-9])/g
const CORRECTION = /(?:いや|いえ|じゃなくて|じゃのうて|ではなく|ちゃう|違う|ちがう|訂正|でなく)/
/** The words that say the number is a phone's, a My Number's or another label's: no PIN read alone here. */
const OTHER_NUMBER_TEXT =
  /電話|でんわ|携帯|けいたい|TEL|番号札|受付|整理|予約|郵便|ゆうびん|〒|マイナンバー|まいなんばー|個人番号|口座|会員|記号|保険|下[4四] ?(?:桁|けた|ケタ)|末尾/

/**
 * 「2222と言っとった」「「誕生日の逆さま、1124」と言いかけて」「5656（ゴロゴロ）と言いかけ」「「２５８０」と読み上げ」: four
 * digits a caller said aloud, the value alone (a quote's end, a pun in brackets or a sentence-final word between).
 */
const SAID_ALOUD =
  /^(?:[（(][^）)\n]{1,12}[）)])?(?:やろ|よ|です|じゃ|や|だ)?[」』]?(?:と|って) ?(?:言|読み上げ|口走|口にし)/
/** Numbers said aloud that are no PIN: a room, an address's, a car's, a price. */
const SAID_OTHER = /部屋|号室|住所|番地|丁目|車|ナンバー|値段|価格|何番|番線/
/** 「…で覚えとる」「語呂合わせ」: the value after which this is said was learnt by heart. */
const MNEMONIC = /(?:で|と|って) ?(?:覚え|おぼえ)|語呂|ごろ(?:合わせ|あわせ)/
/** A time, a year or an amount set (「予約を1500にした」「2024年度にした」): not a PIN. */
const WHEN_TEXT = /予約|時間|時刻|開始|締切|期限|予定|年|金額|料金|円|価格|値段/
/**
 * 「「うどんが好きやけんUDON2468」と署名用」「ＫＯＴＯＲＩ３３（全角で入れとったらしい）が署名用」: a password of letters
 * and digits with the word of its purpose or of a secret right after it (an aside in brackets between).
 */
const CUE_AFTER_PASSWORD =
  /^(?:[（(][^）)\n]{0,20}[）)])?[」』]?(?:と|が|は|って|を|、)? ?(?:署名用|利用者証明用|暗[証唱]|パスワード|パス(?!ポート))/
/** 「孫が設定したRINGO5AOMORI」「先週決めたばかりのNAGISA1212」: a password named as set just before it. */
const SET_BEFORE = /(?:設定し|登録し|決め|変え|変更し|作っ)た(?:ばかりの|ばかり|の)?$/

const GROUP_BEFORE = new RegExp(`(?:${SAID_TOKEN}|\\d)[、,・ -]{1,2}$`)
const GROUP_AFTER = new RegExp(`^[、,・ -]{1,2}(?:${SAID_TOKEN}|\\d)`)

/** 「5656、ゴロゴロ」: digits, then some of them again as a word: a pun, not the next group of a number. */
function punAfter(text: string, start: number, end: number): boolean {
  const word = /^[、､,] ?([ァ-ヺー]{2,16}|[ぁ-ゖー]{2,16})/.exec(text.slice(end, end + 18))
  const read = word ? spelledDigits(word[1]!) : ''
  return read.length >= 2 && /^\d+$/.test(text.slice(start, end)) && text.slice(start, end).includes(read)
}

type Run = { start: number; end: number; digits: number; kind: 'ascii' | 'said'; kanaOnly: boolean }

/** The 4-digit values read out in a text (NEAR_RUN), with the checks the window rule makes of each. */
function shortRuns(text: string, grouped: { value: boolean }): Run[] {
  const runs: Run[] = []
  for (const { start, end, tokens, ascii, digits } of readRuns(text)) {
    if (digits > 8) grouped.value = true
    if (digits !== 4) continue
    if (groupOfLongerNumber(text, start, end)) continue
    if (unitFollows(text, end) || /^[十百千万億年月日円]/.test(text.slice(end, end + 1))) continue
    // 「さんにーはちろく、ぜろさんさんよん、にーきゅういちご」: one group of a longer number read group by group
    if (
      GROUP_BEFORE.test(text.slice(Math.max(0, start - 8), start)) ||
      (GROUP_AFTER.test(text.slice(end, end + 8)) && !punAfter(text, start, end))
    ) {
      grouped.value = true
      continue
    }
    if (counterOrPrefixed(text, start, end)) continue
    if (OTHER_LABEL.test(text.slice(Math.max(0, start - 12), start))) continue
    const kanaOnly = tokens.every((t) => KANA_DIGIT_ONLY.test(t))
    if (!readOutAlone(text, start, end, tokens, ascii)) continue
    runs.push({ start, end, digits, kind: ascii.length === tokens.length ? 'ascii' : 'said', kanaOnly })
  }
  return runs
}

function valuesSetOrCorrected(text: string, phoneInText: boolean): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  if (!/[0-9〇一二三四五六七八九ぁ-んァ-ヶ]/.test(text)) return out
  // (in a text that reads a longer number group by group, a group said again alone is that number's)
  const grouped = { value: false }
  const runs = shortRuns(text, grouped)
  for (const r of runs) {
    // (the sentence within 40 characters either side: a search back over a 1 MB line per value is quadratic)
    const lead = text.slice(Math.max(0, r.start - 40), r.start)
    const sentenceEnd = text.slice(r.end, r.end + 40).search(/[。\n]/)
    const sentence =
      lead.slice(Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('\n')) + 1) +
      text.slice(r.start, sentenceEnd < 0 ? r.end + 40 : r.end + sentenceEnd)
    if (
      SET_VERB.test(text.slice(r.end, r.end + 8)) &&
      !OTHER_NUMBER_TEXT.test(sentence) &&
      !WHEN_TEXT.test(sentence)
    ) {
      out.push(span(r.start, r.end))
      continue
    }
    if (
      SAID_ALOUD.test(text.slice(r.end, r.end + 20)) &&
      !OTHER_NUMBER_TEXT.test(sentence) &&
      !WHEN_TEXT.test(sentence) &&
      !SAID_OTHER.test(sentence)
    ) {
      out.push(span(r.start, r.end))
      continue
    }
    // a value remembered by a pun (「3939、サンキューで覚えとる」): only a number one keys in is learnt that way
    if (
      MNEMONIC.test(text.slice(r.end, r.end + 16).split(/[。\n]/)[0]!) &&
      !OTHER_NUMBER_TEXT.test(sentence) &&
      !WHEN_TEXT.test(sentence)
    ) {
      out.push(span(r.start, r.end))
      continue
    }
    // (kana digits, or digits one at a time with a mark between: 「8・8・3・1やったと思う」)
    const oneByOne = r.kind === 'ascii' && /^\d(?:[・、,] ?\d){3}$/.test(text.slice(r.start, r.end))
    if ((r.kanaOnly || oneByOne) && !grouped.value && !phoneInText && !OTHER_NUMBER_TEXT.test(sentence)) {
      // a clause of its own: after a pause, a quote or a word of hesitation, and before a pause or the end
      const before = text.slice(Math.max(0, r.start - 6), r.start)
      const after = text.slice(r.end, r.end + 4)
      if (
        (r.start === 0 || /(?:[「『、,。…：:]|^ ?|ね、|えっと|えーと|ええと|えー)\s*$/.test(before)) &&
        /^(?:$|[」』、,。…？?！!]|です|やろ|やね|じゃ|って|やと|だ|やった|でした)/.test(after)
      ) {
        out.push(span(r.start, r.end))
      }
    }
  }
  // a value corrected to another of the same length: both
  for (let i = 0; i + 1 < runs.length; i++) {
    const a = runs[i]!
    const b = runs[i + 1]!
    if (b.start - a.end > 16) continue
    const between = text.slice(a.end, b.start)
    // 「ごーぜろぜろろくかごーぜろぜろななかどっちか」: two values said as either one
    const either =
      /^ ?か[、, ]?$/.test(between) && /^ ?(?:か|どっち|どちら)/.test(text.slice(b.end, b.end + 4))
    if (/[。\n]/.test(between) || (!CORRECTION.test(between) && !either)) continue
    out.push(span(a.start, a.end), span(b.start, b.end))
  }
  for (const m of text.matchAll(SET_PASSWORD)) {
    const end = m.index + m[0].length
    if (
      !SET_VERB.test(text.slice(end, end + 8)) &&
      !SET_BEFORE.test(text.slice(Math.max(0, m.index - 10), m.index)) &&
      !CUE_AFTER_PASSWORD.test(text.slice(end, end + 30))
    )
      continue
    if (
      /(?:番号|ナンバー|コード|ID|No\.?|[Nn]umber)(?:を|は|に|が|:|、)? ?$/.test(
        text.slice(Math.max(0, m.index - 12), m.index),
      )
    )
      continue
    if (/[@.]/.test(text.slice(Math.max(0, m.index - 1), m.index) + text.slice(end, end + 1))) continue
    const s = pickPassword(m.index, m[0], '')
    if (s) out.push(s)
  }
  return out
}

/*
 * A PIN read as a number with its place values in kana, near a word of a secret (「暗証番号 たしか ひゃくにじゅうさん」
 * 「四桁は「せんきゅうひゃくよんじゅうご」」「暗証を「じゅうにのにじゅうご」と言う」): one number with 千 or 百 in it,
 * or two numbers with 十 joined by の (month and day). Round ten, from the LOCO folds' misses.
 */
const PLACE_DIGIT = '(?:いち|いっ|に|さん|よん|ご|ろく|ろっ|なな|はち|はっ|きゅう)'
const PLACE_NUMBER = `(?:${PLACE_DIGIT}?(?:せん|ぜん))?(?:${PLACE_DIGIT}?(?:ひゃく|びゃく|ぴゃく))?(?:${PLACE_DIGIT}?(?:じゅう|じゅっ))?${PLACE_DIGIT}?`
/** 「四桁は」: a length of four before the number names it a PIN too. */
const PLACE_LENGTH = /[4四] ?(?:桁|けた|ケタ)/
const PLACE_RUN = new RegExp(`(?<![ぁ-ゖ])${PLACE_NUMBER}(?:の${PLACE_NUMBER})?`, 'g')

function placeValuesNearCues(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  if (!/せん|ぜん|ゃく|じゅう/.test(text)) return out
  for (const m of text.matchAll(PLACE_RUN)) {
    const value = m[0]
    if (value.length < 4) continue
    const parts = value.split('の')
    const hundreds = parts.length === 1 && /せん|ぜん|ゃく/.test(value)
    const monthDay = parts.length === 2 && parts.every((p) => /じゅう/.test(p))
    if (!hundreds && !monthDay) continue
    const start = m.index
    const end = start + value.length
    const before = text.slice(Math.max(0, start - 6), start)
    if (/[ぁ-んァ-ヶー]$/.test(before) && !SPELLED_AFTER.test(before)) continue
    if (!NEAR_END.test(text.slice(end, end + 3)) || unitFollows(text, end)) continue
    const lead = text.slice(Math.max(0, start - NEAR_BEFORE), start)
    const cutLead = lead.slice(Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('\n')) + 1)
    const cutTail = text.slice(end, end + NEAR_AFTER).split(/[。\n]/)[0]!
    if (NEAR_CUE.test(cutLead) || NEAR_CUE.test(cutTail) || PLACE_LENGTH.test(cutLead))
      out.push(span(start, end))
  }
  return out
}

/*
 * Values a caller describes instead of naming them a secret (fresh11's classes): how they are read
 * (「「二七二七」と漢数字で」「「オー・ファイブ・オー・ワン」と英語読み」), the part of one said before the rest was
 * lost (「はちはちはち…あと一つが分からん」), all four digits the same (「四つとも6060」), a day the value stands for
 * (「うちのは0101、元日」) or a time it was read as (「しちじはんの0730」, in a text about a secret), and digits
 * read in English in quotes with a code word in the same line ("one one two nine" … codes). Each is
 * anchored to its describing words, so a time, a year, an amount or a room number alone is never taken.
 */
const DESCRIBED_TOKEN = `${SAID_DIGIT}|${KANA_DIGIT}|${KANJI_DIGIT}|オー|\\d`
const READ_AS = new RegExp(
  `[「『]((?:${DESCRIBED_TOKEN})(?:[・、 ]?(?:${DESCRIBED_TOKEN})){3,7})[」』]と(?:漢数字|英語読み|英語で|英語の読み|カタカナ|ひらがな)`,
  'g',
)
const PART_LOST = new RegExp(
  `(?<=^|[「『、:：])((?:${KANA_DIGIT}|${KANJI_DIGIT}|\\d)(?:[・、 ]?(?:${KANA_DIGIT}|${KANJI_DIGIT}|\\d)){1,2})…+[」』]?(?:あと|残り)(?:一つ|ひとつ|1つ|一桁|1桁|ひと桁|一個|1個)`,
  'g',
)
const ALL_SAME = /(?:四つ|4つ|よっつ|[4四] ?桁)(?:とも|全部|すべて)(?:同じ)?[、 ]?(\d{4})(?!\d)/g
const DAY_MEANT =
  /(?<=は|「|、)((?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))[、,] ?(?=元日|元旦|誕生日|記念日|結婚記念日|命日|クリスマス)/g
const TIME_MEANT =
  /(?<![ぁ-ゖ])((?:いち|に|さん|よ|ご|ろく|しち|なな|はち|く|じゅう|じゅういち|じゅうに)じ(?:はん|[ぁ-ゖ]{1,6}ふん|[ぁ-ゖ]{1,6}ぷん)?)の(?=\d{4}(?!\d))/g
const EN_QUOTED = new RegExp(`"(${ENGLISH_DIGIT}(?: ${ENGLISH_DIGIT}){3,7})"`, 'g')

function valuesDescribed(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  const group = (m: RegExpMatchArray, at = m.index! + m[0].indexOf(m[1]!)) =>
    out.push({ start: at, end: at + m[1]!.length })
  for (const m of text.matchAll(READ_AS)) group(m, m.index + 1)
  for (const m of text.matchAll(PART_LOST)) group(m, m.index)
  for (const m of text.matchAll(ALL_SAME)) if (/^(\d\d)\1$|^(\d)\2\2\2$/.test(m[1]!)) group(m)
  for (const m of text.matchAll(DAY_MEANT))
    if (!/[年月]/.test(text.slice(Math.max(0, m.index - 6), m.index))) group(m, m.index)
  if (SECRET_WORD.test(text)) for (const m of text.matchAll(TIME_MEANT)) group(m, m.index)
  if (/(?<![A-Za-z])(?:codes?|PIN|passcode|password)(?![a-z])/i.test(text))
    for (const m of text.matchAll(EN_QUOTED)) group(m, m.index + 1)
  return out
}

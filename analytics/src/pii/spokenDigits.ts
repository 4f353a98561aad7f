/*
 * Digits as callers say them and operators type them down: kana readings (いち に さん …, in
 * hiragana or katakana) and kanji numerals (〇一二三 …). One table for the PIN and the phone detectors,
 * so 「ゼロキューゼロ」 and 「きゅうきゅうはちはち」 are read the same way everywhere.
 */

/** Each digit's readings; two-letter readings come first in KANA_DIGIT so しち is not し + ち. */
// (with the forms run together, before another digit only (KANA_DIGIT): いっごいっご (1515), いちにっさん; and the
// dialects' readings: いぢ (Tohoku), くぅ (Kyushu), にぃ)
const READINGS: readonly (readonly string[])[] = [
  ['ぜろ', 'ゼロ', 'れい', 'レイ', 'まる', 'マル'],
  ['いち', 'イチ', 'いっ', 'いぢ'],
  ['にい', 'にー', 'ニイ', 'ニー', 'にぃ', 'ニィ', 'にっ', 'に', 'ニ'],
  ['さん', 'サン'],
  ['よん', 'ヨン', 'し', 'シ'],
  ['ごー', 'ゴー', 'ごお', 'ゴオ', 'ゴウ', 'ご', 'ゴ'], // ゴウ: katakana groups of a phone (ニイゴウロク)
  ['ろく', 'ロク', 'ろっ'],
  ['しち', 'シチ', 'なな', 'ナナ'],
  ['はち', 'ハチ', 'はっ'],
  ['きゅう', 'きゅー', 'キュウ', 'キュー', 'くぅ', 'く', 'ク'],
]

const VALUE = new Map<string, string>(READINGS.flatMap((rs, d) => rs.map((r) => [r, String(d)] as const)))

/** Readings run together (いっ, にっ, ろっ, はっ): a digit only before another digit (not く: ろっく is a lock). */
const RUN_TOGETHER = new Set(['いっ', 'にっ', 'ろっ', 'はっ'])
const WHOLE_READINGS = [...VALUE.keys()]
  .filter((r) => !RUN_TOGETHER.has(r))
  .sort((a, b) => b.length - a.length)
/** One kana digit, as a regex alternation: longest readings first. */
export const KANA_DIGIT = [...VALUE.keys()]
  .sort((a, b) => b.length - a.length)
  .map((r) => (RUN_TOGETHER.has(r) ? `${r}(?=(?!く)(?:${WHOLE_READINGS.join('|')}|ぱち))` : r))
  // ぱち: 8 said after a run-together reading only (いっぱち 18; alone it is a sound, ぱちぱち)
  .concat('(?<=っ)ぱち')
  .join('|')

/** One kanji digit (no 十: 十 is a word, not a digit said one by one). */
export const KANJI_DIGIT = '[〇一二三四五六七八九零]'
const KANJI_VALUES = '〇一二三四五六七八九'

/** The digit a kana reading, a kanji numeral or an ASCII digit stands for, or undefined. */
export function digitOf(token: string): string | undefined {
  if (/^\d$/.test(token)) return token
  if (token === 'ぱち') return '8'
  if (token === '零') return '0'
  const k = KANJI_VALUES.indexOf(token)
  return k >= 0 ? String(k) : VALUE.get(token)
}

/** The digits of a spelled run (「ゼロキューゼロ」 → "090"): every kana, kanji or ASCII digit in order. */
export function spelledDigits(run: string): string {
  let out = ''
  for (const m of run.matchAll(new RegExp(`${KANA_DIGIT}|${KANJI_DIGIT}|\\d`, 'g')))
    out += digitOf(m[0]) ?? ''
  return out
}

/**
 * Latin letters as callers spell a password out in katakana (「エー、ビー、シー、1、2、3」): one
 * alternation, longest readings first so エイチ is not エ + イ, and ダブリュー is not ダブル + ー.
 * キュー (Q) is also a reading of 9: either way it is part of the value.
 */
export const KANA_LETTER = [
  'ダブリュー',
  'ダブリュ',
  'エックス',
  'ダブル',
  'エイチ',
  'エッチ',
  'ジェー',
  'ジェイ',
  'ディー',
  'ティー',
  'アール',
  'ゼット',
  'ゼッド',
  'キュー',
  'エー',
  'エイ',
  'ビー',
  'シー',
  'デー',
  'イー',
  'エフ',
  'ジー',
  'アイ',
  'ケー',
  'ケイ',
  'エル',
  'エム',
  'エヌ',
  'オー',
  'ピー',
  'エス',
  'テー',
  'ユー',
  'ブイ',
  'ヴィ',
  'ワイ',
].join('|')

/** Digits said in English words (「PIN is nine one one two」), for a secret read out in an English summary. */
export const ENGLISH_DIGIT =
  '(?:[Zz]ero|[Oo]h|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)'

/**
 * Digits as a PIN is said aloud but never a phone number in these summaries: English numbers in katakana
 * (ワン・ナイン・セブン・ゼロ, ダブルゼロ for 00), the old counting words (ひとつ…ここのつ, ひい ふう みい) and
 * ひと/ふた for 1/2 (「ひとまるまるご」), in katakana too as times are
 * read (「ヒトフタサンマル」). Read by the secret detector's window rule only, where a cue stands
 * near: alone, ひと and ふた are everyday words.
 */
export const SAID_DIGIT =
  '(?:ダブル・?)?(?:ワン|ツー|スリー|フォー|ファイブ|ファイヴ|シックス|セブン|セヴン|エイト|ナイン|ゼロ)|ここのつ|ひとつ|ふたつ|みっつ|よっつ|いつつ|むっつ|ななつ|やっつ|ひい|ふう|みい|ひと|ふた|ヒト|フタ'

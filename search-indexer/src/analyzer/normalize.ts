/**
 * Character-level normalization for Japanese (and English) search text. Browser-safe.
 *
 * Two stages, because the word segmenter works better before kana folding (it knows
 * katakana loanwords) while matching works better after it:
 *   - {@link prepareText}: clean, NFKC (full/half width), lowercase, variant kanji, iteration marks,
 *     kanji numerals, okurigana. Keeps the script (katakana stays katakana).
 *   - {@link foldKana}: katakana → hiragana, small kana → large, long-vowel marks dropped.
 * {@link normalizeText} is both.
 */
import { SMALL_KANA } from '@kotae/content/kana'

import { foldOkurigana } from './okurigana'

/** Longest text analyzed for a query; longer input is cut (a pasted page is not a question). */
export const MAX_QUERY_CHARS = 500

/** Control characters, zero-width characters and lone surrogates become spaces. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu

/** Variant (異体字/旧字) kanji that NFKC leaves alone, folded to the common form. */
const VARIANT_KANJI: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  邊: '辺',
  邉: '辺',
  澤: '沢',
  齋: '斎',
  齊: '斉',
  國: '国',
  嶋: '島',
  嶌: '島',
  濱: '浜',
  廣: '広',
  德: '徳',
  眞: '真',
  櫻: '桜',
  龍: '竜',
  藏: '蔵',
  壽: '寿',
  實: '実',
  學: '学',
  驛: '駅',
  證: '証',
  號: '号',
  舊: '旧',
  會: '会',
  區: '区',
  縣: '県',
  應: '応',
  圓: '円',
  對: '対',
  變: '変',
  條: '条',
  戶: '戸',
  冨: '富',
  祐: '祐',
  槇: '槙',
  籠: '篭',
  靑: '青',
  萬: '万',
  様: '様',
  檜: '桧',
  隆: '隆',
}
const VARIANT_RE = new RegExp(`[${Object.keys(VARIANT_KANJI).join('')}]`, 'gu')

const isKanji = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c)
const isKana = (c: string | undefined): boolean => c !== undefined && /[\u3041-\u3096\u30a1-\u30fa]/u.test(c)

/** 々 〻 repeat the kanji before; ゝゞヽヾ repeat the kana before (ゞヾ voiced). */
export function expandIterationMarks(text: string): string {
  if (!/[々〻ゝゞヽヾ]/u.test(text)) return text
  const chars = [...text]
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i]
    const prev = chars[i - 1]
    if (prev === undefined) continue
    if ((c === '々' || c === '〻') && isKanji(prev)) chars[i] = prev
    else if ((c === 'ゝ' || c === 'ヽ') && isKana(prev)) chars[i] = prev
    else if ((c === 'ゞ' || c === 'ヾ') && isKana(prev)) chars[i] = voiced(prev)
  }
  return chars.join('')
}

function voiced(kana: string): string {
  const code = kana.codePointAt(0) ?? 0
  // か…と / カ…ト: the voiced form is the next code point for the k/s/t rows.
  const plain = 'かきくけこさしすせそたちつてとはひふへほカキクケコサシスセソタチツテトハヒフヘホ'
  return plain.includes(kana) ? String.fromCodePoint(code + 1) : kana
}

const KANJI_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const KANJI_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
/** Counters after which a kanji numeral is a number (一時停止 and 一覧 are not numbers). */
const COUNTERS = '桁歳才月日年回枚件人円週階番通部時分秒号丁度点か箇ヶ個冊本台名世代親等割'
const NUMERAL_RUN = /(第)?([〇零一二三四五六七八九十百千万]+)/gu
const COUNTER_AFTER = new RegExp(`^([${COUNTERS}]|ヵ月|カ月|ケ月)`, 'u')
/** Words that start with a numeral-like kanji but mean something else. */
const NOT_NUMBERS =
  /^(一時|一部|一人ひとり|一緒|一覧|一般|一度に|一括|一方|一番|一応|一定|一律|一旦|一切|一体|一斉|一同|一生|一層|十分|万一|千代|八百屋|四季|九州|三角)/u

/** Parses 〇–九十百千万 numerals (二十三 = 23, 千五百 = 1500, 二〇二五 = 2025); undefined if malformed. */
export function parseKanjiNumber(s: string): number | undefined {
  if (!s) return undefined
  if ([...s].every((c) => c in KANJI_DIGIT)) return Number([...s].map((c) => KANJI_DIGIT[c]).join(''))
  let total = 0
  let section = 0
  let digit: number | undefined
  for (const c of s) {
    const d = KANJI_DIGIT[c]
    if (d !== undefined) {
      if (digit !== undefined) return undefined
      digit = d
    } else if (c in KANJI_UNIT) {
      section += (digit ?? 1) * (KANJI_UNIT[c] ?? 1)
      digit = undefined
    } else if (c === '万') {
      total += (section + (digit ?? 0) || 1) * 10000
      section = 0
      digit = undefined
    } else return undefined
  }
  return total + section + (digit ?? 0)
}

/** Kanji numerals followed by a counter, or after 第, become Arabic digits (十二桁 → 12桁). */
export function foldKanjiNumerals(text: string): string {
  if (!/[〇零一二三四五六七八九十百千万]/u.test(text)) return text
  return text.replace(NUMERAL_RUN, (match: string, dai: string | undefined, num: string, offset: number) => {
    const counter = COUNTER_AFTER.test(text.slice(offset + match.length, offset + match.length + 2))
    const isNumber = dai !== undefined || counter || (num.length >= 2 && !/^[万千百十]$/u.test(num))
    if (!isNumber) return match
    if (NOT_NUMBERS.test(text.slice(offset + (dai?.length ?? 0)))) return match
    const before = text[offset - 1]
    // Inside a longer kanji word (統一, 唯一) a numeral kanji is part of the word.
    if (dai === undefined && isKanji(before)) return match
    const n = parseKanjiNumber(num)
    return n === undefined ? match : `${dai ?? ''}${n}`
  })
}

/**
 * Script-preserving normalization: spaces for control characters, NFKC (full/half width, ㈱, ①),
 * lowercase, variant kanji, iteration marks, kanji numerals, okurigana. Never throws.
 */
export function prepareText(input: string): string {
  if (typeof input !== 'string' || input.length === 0) return ''
  let s = input.replace(CONTROL, ' ')
  s = s.normalize('NFKC').toLowerCase()
  s = s.replace(VARIANT_RE, (c) => VARIANT_KANJI[c] ?? c)
  // Wave dashes and tildes between words are separators; ー-like dashes after kana are long vowels.
  s = s.replace(/[〜～~]/gu, ' ').replace(/(?<=[\u3041-\u30ff])[-‐−–—―]/gu, 'ー')
  s = expandIterationMarks(s)
  s = foldKanjiNumerals(s)
  s = foldOkurigana(s)
  return s
}

/** Katakana → hiragana, small kana → large, long-vowel marks (ー) after kana dropped. */
export function foldKana(text: string): string {
  let out = ''
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0
    let h = c
    if (code >= 0x30a1 && code <= 0x30f6) h = String.fromCodePoint(code - 0x60)
    else if (c === 'ヷ') h = 'わ'
    else if (c === 'ヺ') h = 'を'
    h = SMALL_KANA[h] ?? h
    if (h === 'ー') {
      if (isKana(out[out.length - 1])) continue
      h = ' '
    }
    out += h
  }
  return out
}

/** The full normalization: {@link prepareText} then {@link foldKana}. */
export function normalizeText(input: string): string {
  return foldKana(prepareText(input))
}

/** Per-character results of {@link normalizeWithOffsets}. */
const CHAR_FOLDS = new Map<string, string>()

/**
 * Per-character normalization that keeps a map back to the original offsets; used to highlight
 * matches in stored text. Coarser than {@link normalizeText} (no okurigana or numeral folding).
 * `offsets[k]` is the UTF-16 offset in `input` of the k-th code point of `text`; one extra entry
 * holds `input.length`.
 */
export function normalizeWithOffsets(input: string): { text: string; offsets: number[] } {
  let text = ''
  const offsets: number[] = []
  let i = 0
  for (const c of input) {
    // A long-vowel mark after kana is dropped, as foldKana does.
    if ((c === 'ー' || c === 'ｰ') && isKana(text[text.length - 1])) {
      i += c.length
      continue
    }
    let n = CHAR_FOLDS.get(c)
    if (n === undefined) {
      n = foldKana(
        c
          .replace(CONTROL, ' ')
          .normalize('NFKC')
          .toLowerCase()
          .replace(VARIANT_RE, (v) => VARIANT_KANJI[v] ?? v),
      )
      // Highlighting normalizes every character of every shown text: the per-character result is
      // kept (a few thousand distinct characters at most; bounded anyway).
      if (CHAR_FOLDS.size < 20_000) CHAR_FOLDS.set(c, n)
    }
    for (const ch of n) {
      text += ch
      offsets.push(i)
    }
    i += c.length
  }
  offsets.push(i)
  return { text, offsets }
}

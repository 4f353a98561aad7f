/**
 * Romaji → katakana for query words typed without an IME: `mainanba-` / `mainanbaa` → マイナンバー,
 * `sumaho` → スマホ, `kombini` → コンビニ.
 *
 * Written by hand on purpose: no installed package converts romaji (the workspace has no
 * wanakana or similar), and this needs only a table of a few dozen syllables. Hepburn, kunrei and
 * IME-style spellings are accepted; a doubled vowel or `-` is a long vowel (ー), a doubled consonant
 * is ッ, `n` before a consonant (or `nn`, `n'`, `m` before b/m/p) is ン. Returns `undefined` when the
 * word is not romaji (an English word such as "delete" may still convert; callers only add the
 * result as extra query tokens, never replace the word).
 */

const VOWELS: Record<string, string> = { a: 'ア', i: 'イ', u: 'ウ', e: 'エ', o: 'オ' }

/** Consonant (cluster) → the katakana for each vowel a, i, u, e, o; '' where the pair does not exist. */
const ROWS: Record<string, [string, string, string, string, string]> = {
  k: ['カ', 'キ', 'ク', 'ケ', 'コ'],
  g: ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ'],
  s: ['サ', 'シ', 'ス', 'セ', 'ソ'],
  z: ['ザ', 'ジ', 'ズ', 'ゼ', 'ゾ'],
  t: ['タ', 'チ', 'ツ', 'テ', 'ト'],
  d: ['ダ', 'ヂ', 'ヅ', 'デ', 'ド'],
  n: ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ'],
  h: ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ'],
  b: ['バ', 'ビ', 'ブ', 'ベ', 'ボ'],
  p: ['パ', 'ピ', 'プ', 'ペ', 'ポ'],
  m: ['マ', 'ミ', 'ム', 'メ', 'モ'],
  y: ['ヤ', '', 'ユ', 'イェ', 'ヨ'],
  r: ['ラ', 'リ', 'ル', 'レ', 'ロ'],
  l: ['ラ', 'リ', 'ル', 'レ', 'ロ'],
  w: ['ワ', 'ウィ', 'ウ', 'ウェ', 'ヲ'],
  f: ['ファ', 'フィ', 'フ', 'フェ', 'フォ'],
  v: ['ヴァ', 'ヴィ', 'ヴ', 'ヴェ', 'ヴォ'],
  j: ['ジャ', 'ジ', 'ジュ', 'ジェ', 'ジョ'],
  sh: ['シャ', 'シ', 'シュ', 'シェ', 'ショ'],
  ch: ['チャ', 'チ', 'チュ', 'チェ', 'チョ'],
  ts: ['ツァ', 'ツィ', 'ツ', 'ツェ', 'ツォ'],
  th: ['テャ', 'ティ', 'テュ', 'テェ', 'テョ'],
  dh: ['デャ', 'ディ', 'デュ', 'デェ', 'デョ'],
  x: ['ァ', 'ィ', 'ゥ', 'ェ', 'ォ'],
  ky: ['キャ', 'キィ', 'キュ', 'キェ', 'キョ'],
  gy: ['ギャ', 'ギィ', 'ギュ', 'ギェ', 'ギョ'],
  sy: ['シャ', 'シィ', 'シュ', 'シェ', 'ショ'],
  zy: ['ジャ', 'ジィ', 'ジュ', 'ジェ', 'ジョ'],
  jy: ['ジャ', 'ジィ', 'ジュ', 'ジェ', 'ジョ'],
  ty: ['チャ', 'チィ', 'チュ', 'チェ', 'チョ'],
  cy: ['チャ', 'チィ', 'チュ', 'チェ', 'チョ'],
  dy: ['ヂャ', 'ヂィ', 'ヂュ', 'ヂェ', 'ヂョ'],
  ny: ['ニャ', 'ニィ', 'ニュ', 'ニェ', 'ニョ'],
  hy: ['ヒャ', 'ヒィ', 'ヒュ', 'ヒェ', 'ヒョ'],
  by: ['ビャ', 'ビィ', 'ビュ', 'ビェ', 'ビョ'],
  py: ['ピャ', 'ピィ', 'ピュ', 'ピェ', 'ピョ'],
  my: ['ミャ', 'ミィ', 'ミュ', 'ミェ', 'ミョ'],
  ry: ['リャ', 'リィ', 'リュ', 'リェ', 'リョ'],
  xy: ['ャ', '', 'ュ', '', 'ョ'],
  ly: ['ャ', '', 'ュ', '', 'ョ'],
  xts: ['', '', 'ッ', '', ''],
  xt: ['', '', 'ッ', '', ''],
  lt: ['', '', 'ッ', '', ''],
}
const VOWEL_INDEX: Record<string, number> = { a: 0, i: 1, u: 2, e: 3, o: 4 }
/** Special spellings checked before the table. */
const SPECIAL: [string, string][] = [
  ['tsu', 'ツ'],
  ['shi', 'シ'],
  ['chi', 'チ'],
  ['si', 'シ'],
  ['ti', 'チ'],
  ['tu', 'ツ'],
  ['hu', 'フ'],
  ['zi', 'ジ'],
  ['di', 'ディ'],
  ['du', 'ドゥ'],
  ['ca', 'カ'],
  ['cu', 'ク'],
  ['co', 'コ'],
  ['qa', 'クァ'],
  ['wo', 'ヲ'],
]

const isVowel = (c: string | undefined): boolean => c !== undefined && c in VOWELS

/** Converts one romaji word to katakana, or `undefined` when it is not romaji. */
export function romajiToKana(input: string): string | undefined {
  const s = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[āâ]/gu, 'a-')
    .replace(/[īî]/gu, 'i-')
    .replace(/[ūû]/gu, 'u-')
    .replace(/[ēê]/gu, 'e-')
    .replace(/[ōô]/gu, 'o-')
  if (!/^[a-z'-]+$/u.test(s) || !/[aeiou]/u.test(s)) return undefined
  let out = ''
  let lastVowel = ''
  let i = 0
  outer: while (i < s.length) {
    const c = s[i] ?? ''
    const next = s[i + 1]
    if (c === '-') {
      if (!out) return undefined
      out += 'ー'
      i++
      continue
    }
    if (c === "'") {
      i++
      continue
    }
    if (isVowel(c)) {
      // A doubled vowel (baa, kii) is a long vowel in a loanword.
      out += c === lastVowel && out && !out.endsWith('ー') ? 'ー' : (VOWELS[c] ?? '')
      lastVowel = c
      i++
      continue
    }
    // n: ン before a consonant, at the end, before ' or as nn.
    if (c === 'n') {
      if (next === undefined || next === "'" || next === '-') {
        out += 'ン'
        i += next === "'" ? 2 : 1
        lastVowel = ''
        continue
      }
      if (next === 'n') {
        out += 'ン'
        i += s[i + 2] !== undefined && isVowel(s[i + 2]) ? 1 : 2
        lastVowel = ''
        continue
      }
      if (!isVowel(next) && next !== 'y') {
        out += 'ン'
        i++
        lastVowel = ''
        continue
      }
    }
    // m before b, m, p is ン (shimbun, kombini).
    if (c === 'm' && (next === 'b' || next === 'p')) {
      out += 'ン'
      i++
      lastVowel = ''
      continue
    }
    // A doubled consonant is ッ (kitte, matcha).
    if (c === next && c !== 'n' && !isVowel(c) && /[a-z]/u.test(c)) {
      out += 'ッ'
      i++
      continue
    }
    if (c === 't' && next === 'c' && s[i + 2] === 'h') {
      out += 'ッ'
      i++
      continue
    }
    for (const [spelling, kana] of SPECIAL) {
      if (s.startsWith(spelling, i)) {
        out += kana
        lastVowel = spelling.slice(-1)
        i += spelling.length
        continue outer
      }
    }
    for (const len of [3, 2, 1]) {
      const cons = s.slice(i, i + len)
      const row = ROWS[cons]
      const vowel = s[i + len]
      if (row && vowel !== undefined && isVowel(vowel)) {
        const kana = row[VOWEL_INDEX[vowel] ?? 0]
        if (!kana) return undefined
        out += kana
        lastVowel = vowel
        i += len + 1
        continue outer
      }
    }
    return undefined
  }
  return out || undefined
}

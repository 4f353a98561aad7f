/**
 * Features of the character tagger: for each character of the width-folded text, a few hashed integers
 * (characters around it, character classes, the run it stands in, how many digits its number has,
 * which cue words stand shortly before or after it, what the text is about, and what the rules marked
 * there). Hashing keeps the model a flat table of integers: no feature strings are built while masking,
 * so a 200-character summary costs a few thousand array reads. Full-width digits and letters have no
 * class of their own: the masker reads width-folded text, where they are ASCII.
 */

/** Coarse character classes: digit, kanji numeral, kanji, hiragana, katakana, Latin, space, separator, other, placeholder filler. */
enum C {
  Digit = 1,
  KanjiNumeral = 2,
  Kanji = 3,
  Hiragana = 4,
  Katakana = 5,
  Upper = 6,
  Lower = 7,
  Space = 8,
  Separator = 9,
  Other = 10,
  Filler = 11,
  Edge = 12,
}

const KANJI_NUMERALS = '〇一二三四五六七八九十百千零'
const SEPARATORS = '-・、,.()（）:：/'

export function charClass(code: number): number {
  if (code >= 48 && code <= 57) return C.Digit
  if (code >= 0x3041 && code <= 0x309f) return C.Hiragana
  if (code >= 0x30a1 && code <= 0x30ff) return C.Katakana
  if (code >= 65 && code <= 90) return C.Upper
  if (code >= 97 && code <= 122) return C.Lower
  if (code === 32) return C.Space
  return OTHER_CLASS.get(code) ?? (code >= 0x4e00 && code <= 0x9fff ? C.Kanji : C.Other)
}
const OTHER_CLASS = new Map<number, number>([
  ...[...KANJI_NUMERALS].map((c) => [c.charCodeAt(0), C.KanjiNumeral] as const),
  ...[...SEPARATORS].map((c) => [c.charCodeAt(0), C.Separator] as const),
  ['々'.charCodeAt(0), C.Kanji],
  ['ヶ'.charCodeAt(0), C.Kanji],
  ['〓'.charCodeAt(0), C.Filler],
])
/** charClass of every UTF-16 code unit, read once per character while masking (a Map lookup per kanji was not free). */
const CLASS_OF = Uint8Array.from({ length: 0x10000 }, (_, c) => charClass(c))

/**
 * Cue words the rules also use, read by the tagger as context, not as rules: a value right after
 * 暗証番号 or マイナンバー, a name before 様. Which ones matter, and how much, the training decides.
 */
export const LEFT_CUES = [
  '暗証',
  'パスワード',
  'PIN',
  'pin',
  'password',
  'Password',
  'code',
  '番号',
  'マイナンバー',
  '個人番号',
  'My Number',
  'number',
  '電話',
  '携帯',
  'TEL',
  'Tel',
  '連絡先',
  '折り返し',
  '折返し',
  'phone',
  '住所',
  '〒',
  '郵便',
  '宛先',
  '生年月日',
  '誕生日',
  '生まれ',
  '昭和',
  '平成',
  '令和',
  '名前',
  '氏名',
  'フリガナ',
  '旧姓',
  '本人',
  '母',
  '父',
  '夫',
  '妻',
  '息子',
  '娘',
  '長男',
  '長女',
  'name',
  'Mr',
  'Ms',
  'カード',
  '証明書',
  '在留',
  '免許',
  'シリアル',
  'ID',
  'メール',
  'アドレス',
  'mail',
  '@',
  'アット',
  'ドット',
  'ケタ',
  'PW',
  'pw',
  'Pass',
  'セキュリティ',
  '利用者証明',
  '署名用',
  '補助',
  '新しい',
  '変更後',
  'いつもの',
  '下4桁',
  '末尾',
  '真ん中',
  '問合せ者',
  '申込者',
  '旦那',
  '嫁',
  'おばあちゃん',
  'おじいちゃん',
  '祖母',
  '祖父',
  '兄',
  '姉',
  '弟',
  '妹',
  'Caller',
  'from',
  '丁目',
  '市',
  '町',
  '区',
  '入力',
  '押し',
  '打っ',
  '桁',
  '「',
  'は',
  'が',
] as const

export const RIGHT_CUES = [
  '様',
  'さん',
  '氏',
  'くん',
  'ちゃん',
  '申します',
  'といいます',
  'の母',
  'の父',
  'の件',
  '丁目',
  '番地',
  '号',
  '生まれ',
  '生',
  '」',
  'です',
  'じゃ',
  'と申',
  'と言',
  '（本人）',
  'called',
  'san',
  '@',
] as const

/** The cues by their first character, each with its id, lowest id first. */
function byFirst(cues: readonly string[]): Map<number, [string, number][]> {
  const out = new Map<number, [string, number][]>()
  cues.forEach((cue, id) => {
    const c = cue.charCodeAt(0)
    out.set(c, [...(out.get(c) ?? []), [cue, id]])
  })
  return out
}
const LEFT_BY_FIRST = byFirst(LEFT_CUES)
const RIGHT_BY_FIRST = byFirst(RIGHT_CUES)

/** How far back a left cue reaches (the rules' cue reach is 20) and how far ahead a right cue. */
const LEFT_REACH = 24
const RIGHT_REACH = 8

// Template ids (any distinct numbers; they only seed the hash).
const T = {
  bias: 1,
  c0: 2,
  cm1: 3,
  cp1: 4,
  cm2: 5,
  cp2: 6,
  bgL: 7,
  bgR: 8,
  cls5: 9,
  cls3: 10,
  runShape: 11,
  runLeft: 12,
  runLeft1: 13,
  runRight: 14,
  digits: 15,
  leftCue: 16,
  rightCue: 17,
  triL: 18,
  prev: 19,
  topic: 20,
  rule0: 21,
  ruleL: 22,
  ruleR: 23,
} as const

/**
 * What a whole text is about, by the words the rules' cues start with: a PIN said far from its cue
 * (「いつもの4桁で…暗証番号の件」) is still in a text about a PIN. Bit k is set when TOPICS[k] matches.
 */
const TOPICS = [
  /暗[証唱]|パスワード|パスコード|(?<![A-Za-z])(?:PIN|PW)(?![a-z])|ロック|ろっく|password|passcode/i,
  /マイナンバー|個人番号|my ?number/i,
  /電話|携帯|TEL|連絡先|折り?返し|phone/i,
  /名前|氏名|様|さん|フルネーム|name/i,
  /住所|丁目|番地|〒|address/i,
] as const
export function topicsOf(text: string): number {
  let bits = 0
  TOPICS.forEach((re, k) => {
    if (re.test(text)) bits |= 1 << k
  })
  return bits
}

const mix = (h: number, x: number) => Math.imul(h ^ x, 0x01000193) >>> 0
const fin = (h: number, mask: number) => {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  return h & mask
}

/** The features of each position: `ids[i * PER + k]`, with `-1` for a feature that does not apply. */
export const PER = 24

/**
 * The hashed feature ids of every position of `text` (width-folded), in `hashBits` bits. `rules` is the
 * rules' label of each position (0, or B-/I- of a kind, as the tagger's labels); without it (training
 * drops it on some lines, so the tagger also learns from the words alone) no rule feature is set. The
 * tagger also adds the previous label's feature while decoding (`prevFeature`).
 */
export function featuresOf(
  text: string,
  hashBits: number,
  rules?: Uint8Array,
  reuse = false,
): { ids: Int32Array; cls: Uint8Array } {
  const n = text.length
  const mask = (1 << hashBits) - 1
  // (`reuse`: the arrays of the last call, when the caller is done with them before the next; masking reads
  // the features of a text once, and allocating them for every summary kept the garbage collector busy)
  const b = reuse ? scratch(n) : fresh(n)
  const ids = b.ids.subarray(0, n * PER).fill(-1)
  // (cut to the text: a read past its end finds nothing, as in a new array, not the last text's classes)
  const cls = b.cls.subarray(0, n)
  // codes and classes padded by two on each side (0 and Edge), read without bounds checks
  const codes = b.codes.fill(0, 0, n + 4)
  const classes = b.classes.fill(C.Edge, 0, n + 4)
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    codes[i + 2] = c
    cls[i] = classes[i + 2] = CLASS_OF[c]!
  }
  const code = (i: number) => codes[i + 2]!
  const cl = (i: number) => classes[i + 2]!

  // runs of one class: start and end of the run each position stands in
  const { runStart, runEnd } = b
  for (let i = 0; i < n; ) {
    let j = i + 1
    while (j < n && cls[j] === cls[i]) j++
    for (let k = i; k < j; k++) {
      runStart[k] = i
      runEnd[k] = j
    }
    i = j
  }
  // numbers: digits with single separators or spaces between them; how many digits in all
  const digitCount = b.digitCount.fill(0, 0, n)
  for (let i = 0; i < n; ) {
    if (cls[i] !== C.Digit) {
      i++
      continue
    }
    let j = i
    let digits = 0
    while (j < n) {
      if (cls[j] === C.Digit) {
        digits++
        j++
      } else if ((cls[j] === C.Separator || cls[j] === C.Space) && cls[j + 1] === C.Digit) j++
      else break
    }
    for (let k = i; k < j; k++) digitCount[k] = digits
    i = j
  }

  // cue words: the cue that ends (left cues) or starts (right cues) at each position, the first listed
  // (one pass over the text, trying only the cues that start with its character: the lowest id wins, as when
  // each cue was searched for in turn)
  const leftEnd = b.leftEnd.fill(-1, 0, n + 1)
  const rightStart = b.rightStart.fill(-1, 0, n + 1)
  for (let at = 0; at < n; at++) {
    const lefts = LEFT_BY_FIRST.get(codes[at + 2]!)
    if (lefts)
      for (const [cue, id] of lefts)
        if (text.startsWith(cue, at)) {
          const e = at + cue.length
          if (leftEnd[e]! < 0 || leftEnd[e]! > id) leftEnd[e] = id
        }
    const rights = RIGHT_BY_FIRST.get(codes[at + 2]!)
    if (rights)
      for (const [cue, id] of rights)
        if (text.startsWith(cue, at)) {
          rightStart[at] = id
          break
        }
  }

  const topics = topicsOf(text)
  for (let i = 0; i < n; i++) {
    const o = i * PER
    const c0 = code(i)
    const k0 = cl(i)
    let f = 0
    ids[o + f++] = fin(mix(T.bias, 0), mask)
    ids[o + f++] = fin(mix(T.c0, c0), mask)
    ids[o + f++] = fin(mix(T.cm1, code(i - 1)), mask)
    ids[o + f++] = fin(mix(T.cp1, code(i + 1)), mask)
    ids[o + f++] = fin(mix(mix(T.cm2, code(i - 2)), k0), mask)
    ids[o + f++] = fin(mix(mix(T.cp2, code(i + 2)), k0), mask)
    ids[o + f++] = fin(mix(mix(T.bgL, code(i - 1)), c0), mask)
    ids[o + f++] = fin(mix(mix(T.bgR, c0), code(i + 1)), mask)
    ids[o + f++] = fin(mix(mix(mix(T.triL, code(i - 2)), code(i - 1)), c0), mask)
    ids[o + f++] = fin(mix(mix(mix(mix(mix(T.cls5, cl(i - 2)), cl(i - 1)), k0), cl(i + 1)), cl(i + 2)), mask)
    ids[o + f++] = fin(mix(mix(mix(T.cls3, cl(i - 1)), k0), cl(i + 1)), mask)
    const rs = runStart[i]!
    const re = runEnd[i]!
    const len = Math.min(re - rs, 12)
    const where = i === rs ? 1 : i === re - 1 ? 2 : 3
    ids[o + f++] = fin(mix(mix(mix(T.runShape, k0), len), where), mask)
    ids[o + f++] = fin(mix(mix(mix(mix(T.runLeft, code(rs - 2)), code(rs - 1)), k0), where), mask)
    ids[o + f++] = fin(mix(mix(mix(T.runLeft1, code(rs - 1)), k0), cl(rs - 2)), mask)
    ids[o + f++] = fin(mix(mix(mix(mix(T.runRight, code(re)), code(re + 1)), k0), where), mask)
    if (digitCount[i])
      ids[o + f++] = fin(
        mix(mix(T.digits, Math.min(digitCount[i]!, 24)), cl(i - 1) === C.Digit ? 1 : 0),
        mask,
      )
    // what the text is about, beside the number's length (a 4-digit number in a text about a PIN)
    ids[o + f++] = fin(mix(mix(mix(T.topic, topics), k0), Math.min(digitCount[i]!, 13)), mask)
    if (rules) {
      const r = rules[i]!
      ids[o + f++] = fin(mix(mix(T.rule0, r), k0), mask)
      ids[o + f++] = fin(mix(mix(T.ruleL, i > 0 ? rules[i - 1]! : 255), r), mask)
      ids[o + f++] = fin(mix(mix(T.ruleR, r), i + 1 < n ? rules[i + 1]! : 255), mask)
    }
    // the nearest two left cues within reach, and one right cue
    let seen = 0
    for (let e = i; e >= Math.max(0, i - LEFT_REACH) && seen < 2; e--) {
      const id = leftEnd[e]!
      if (id < 0) continue
      const d = i - e
      ids[o + f++] = fin(mix(mix(mix(T.leftCue, id), d <= 1 ? 0 : d <= 6 ? 1 : 2), k0), mask)
      seen++
    }
    for (let s = i + 1; s <= Math.min(n, i + 1 + RIGHT_REACH); s++) {
      const id = rightStart[s]!
      if (id < 0) continue
      const d = s - i - 1
      ids[o + f++] = fin(mix(mix(mix(T.rightCue, id), d === 0 ? 0 : d <= 3 ? 1 : 2), k0), mask)
      break
    }
  }
  return { ids, cls }
}

type Buffers = {
  ids: Int32Array
  cls: Uint8Array
  codes: Int32Array
  classes: Uint8Array
  runStart: Int32Array
  runEnd: Int32Array
  digitCount: Int32Array
  leftEnd: Int16Array
  rightStart: Int16Array
}
const fresh = (n: number): Buffers => ({
  ids: new Int32Array(n * PER),
  cls: new Uint8Array(n),
  codes: new Int32Array(n + 4),
  classes: new Uint8Array(n + 4),
  runStart: new Int32Array(n),
  runEnd: new Int32Array(n),
  digitCount: new Int32Array(n),
  leftEnd: new Int16Array(n + 1),
  rightStart: new Int16Array(n + 1),
})
let shared: Buffers = fresh(256)
/** The shared arrays, grown to hold `n` characters. */
function scratch(n: number): Buffers {
  if (shared.cls.length < n) shared = fresh(Math.max(n, 2 * shared.cls.length))
  return shared
}

/** Number of character classes (for tables indexed by class). */
export const CLASSES = 13

/** The feature of the previous label beside the current character's class (added while decoding). */
export function prevFeature(prevLabel: number, charClass: number, hashBits: number): number {
  return fin(mix(mix(T.prev, prevLabel), charClass), (1 << hashBits) - 1)
}

/**
 * Furigana: a text cut into segments, each kanji part with its reading in hiragana, for `<ruby>` on
 * the site. Plain TypeScript (no Node): the tokenizer is passed in (kuromoji's at build time,
 * `node-only/furigana.ts`). Okurigana stay outside the ruby (受(う)け取(と)り), so a reading sits
 * over the kanji it belongs to. Editors' overrides (a proper noun, a word the dictionary misreads in
 * this context) win over the dictionary, longest first. Hand-written: the furigana packages on npm
 * bundle their own dictionary download or render whole strings, not segments we can put in HTML.
 */
import { escapeRegExp } from '@kotae/content/escapeRegExp'

/** A piece of text; `reading` (hiragana) only where the piece has kanji to read. */
export type RubySegment = { text: string; reading?: string }

/** One word as a tokenizer reads it: `reading` in katakana or hiragana; absent for an unknown word. */
export type ReadingToken = { surface: string; reading?: string }

export type Tokenize = (text: string) => ReadingToken[]

const KANJI = /[\p{Script=Han}々〆ヶ]/u
const KANJI_RUN = /([\p{Script=Han}々〆ヶ]+)/u

/** Katakana → hiragana (ヴ and the small forms too); other characters unchanged. */
export const toHiragana = (s: string): string =>
  s.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))

export const hasKanji = (s: string): boolean => KANJI.test(s)

/**
 * One word and its whole reading, cut so each kanji run gets its part of the reading and the kana
 * between them stay plain: 受け取り/うけとり → 受(う) け 取(と) り. When the kana of the word cannot be
 * found in the reading (a reading that changes them), the whole word gets the whole reading.
 */
export function alignReading(surface: string, reading: string): RubySegment[] {
  const kana = toHiragana(reading)
  if (!hasKanji(surface)) return [{ text: surface }]
  const parts = surface.split(KANJI_RUN).filter((p) => p !== '')
  const pattern = new RegExp(
    `^${parts.map((p) => (hasKanji(p) ? '(.+?)' : `(${escapeRegExp(toHiragana(p))})`)).join('')}$`,
    'u',
  )
  const m = pattern.exec(kana)
  if (!m) return [{ text: surface, reading: kana }]
  return parts.map((p, i) => (hasKanji(p) ? { text: p, reading: m[i + 1]! } : { text: p }))
}

// Counters whose sound changes with the number before them: the dictionary reads the counter
// alone (2日 → にち, 30分 → ふん). These are the ones in our texts (dates, times, people).
const DAYS: Record<string, string> = {
  '2': 'ふつか',
  '3': 'みっか',
  '4': 'よっか',
  '5': 'いつか',
  '6': 'むいか',
  '7': 'なのか',
  '8': 'ようか',
  '9': 'ここのか',
  '10': 'とおか',
  '14': 'じゅうよっか',
  '20': 'はつか',
  '24': 'にじゅうよっか',
}
const PEOPLE: Record<string, string> = { '1': 'ひとり', '2': 'ふたり' }
const NUMBER_END = /(?<![\d０-９.,])([\d０-９]+)$/u
const ascii = (n: string) => n.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))

/**
 * The reading of a counter after a number: 30分 さんじゅっぷん (ぷん after 1, 3, 4, 6, 8, 0), 12月 がつ,
 * and where the number and counter are read as one word (2日 ふつか, 1人 ひとり) the number goes
 * under the ruby too. Hand-written: the dictionary has no number-aware readings.
 */
function counterSound(segments: RubySegment[]): RubySegment[] {
  const out: RubySegment[] = []
  for (const seg of segments) {
    const prev = out[out.length - 1]
    const number = prev && prev.reading === undefined ? NUMBER_END.exec(prev.text)?.[1] : undefined
    if (number === undefined || seg.reading === undefined) {
      out.push(seg)
      continue
    }
    const n = String(Number(ascii(number)))
    const whole = seg.text === '日' ? DAYS[n] : seg.text === '人' ? PEOPLE[n] : undefined
    if (whole) {
      prev!.text = prev!.text.slice(0, -number.length)
      if (prev!.text === '') out.pop()
      out.push({ text: number + seg.text, reading: whole })
    } else if (seg.text === '分' && /[013468]$/.test(n)) out.push({ ...seg, reading: 'ぷん' })
    else if (seg.text === '月') out.push({ ...seg, reading: 'がつ' })
    else out.push(seg)
  }
  return out
}

/** Joins neighbouring plain pieces, so the HTML has as few nodes as it needs. */
function merge(segments: RubySegment[]): RubySegment[] {
  const out: RubySegment[] = []
  for (const s of segments) {
    const last = out[out.length - 1]
    if (last && last.reading === undefined && s.reading === undefined) last.text += s.text
    else out.push({ ...s })
  }
  return out
}

/**
 * `text` as ruby segments. `overrides`: word → reading (hiragana), found first, longest first;
 * everything else is read by `tokenize`. A kanji word the tokenizer cannot read stays plain.
 */
export function rubySegments(
  text: string,
  tokenize: Tokenize,
  overrides: ReadonlyMap<string, string> = new Map(),
): RubySegment[] {
  if (!hasKanji(text)) return text ? [{ text }] : []
  const words = [...overrides.keys()].filter((w) => w !== '').sort((a, b) => b.length - a.length)
  const out: RubySegment[] = []
  const read = (piece: string) => {
    if (!hasKanji(piece)) return void (piece && out.push({ text: piece }))
    for (const t of tokenize(piece))
      out.push(
        ...(t.reading && hasKanji(t.surface) ? alignReading(t.surface, t.reading) : [{ text: t.surface }]),
      )
  }
  if (words.length === 0) read(text)
  else {
    const split = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'u')
    for (const piece of text.split(split)) {
      const reading = overrides.get(piece)
      if (reading !== undefined) out.push(...alignReading(piece, reading))
      else read(piece)
    }
  }
  return merge(counterSound(out))
}

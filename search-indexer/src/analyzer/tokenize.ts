/**
 * Tokens for indexing and search: `Intl.Segmenter('ja')` words plus character bigrams of the
 * folded text (the segmenter splits マイナンバー into マイ|ナンバー and cuts hiragana badly, so
 * bigrams carry recall), plus English words (lowercased, stopwords out, light stemming) and numbers.
 * The word segmenter can be swapped (the kuromoji comparison does), see {@link WordSegmenter}.
 */
import { ENGLISH_STOPWORDS, stemEnglish } from './english'
import { foldKana, prepareText } from './normalize'

/**
 * Bigram tokens start with this mark, so that they live apart from word tokens (a two-character
 * word and a bigram of the same two characters are different tokens) and the engine can weight
 * them separately. A private-use character: analyzed text never contains one (they become spaces),
 * and JSON keeps it as is (a control character would be escaped to six bytes in a saved index).
 */
export const GRAM = '\ue000'
export const isGram = (token: string): boolean => token.startsWith(GRAM)
/** A token as people read it (without the bigram mark). */
export const tokenText = (token: string): string => (isGram(token) ? token.slice(1) : token)

/** Splits prepared (script-preserving) text into words. */
export type WordSegmenter = (text: string) => string[]

export type TokenizeOptions = {
  /** Word segmenter. Default: `Intl.Segmenter('ja')` words. */
  segmenter?: WordSegmenter
  /** Emit segmenter words. Default: true. */
  words?: boolean
  /** Emit character bigrams of Japanese runs. Default: true. */
  bigrams?: boolean
  /**
   * Where bigrams are taken: `script` = within runs of one script (kanji, katakana, hiragana),
   * `run` = across any Japanese run, `word` = inside segmenter words. Default: `script`.
   */
  bigramScope?: 'script' | 'run' | 'word'
  /** Drop Japanese function words ({@link JAPANESE_STOPWORDS}) from segmenter words. Default: true. */
  stopwords?: boolean
  /** For a word of kanji + kana ending (払っ, 忘れ, 住ん), also emit the kanji stem. Default: true. */
  kanjiStems?: boolean
  /** Bigrams of kanji runs too (`script` scope). Default: true. */
  kanjiBigrams?: boolean
  /** Shortest hiragana run that gives bigrams in `script` scope. Default: 3. */
  minHiraganaRun?: number
  /** Keep bigrams made only of hiragana (grammar, or words typed in kana). Default: true. */
  hiraganaBigrams?: boolean
  /** Shortest all-hiragana segmenter word kept. Default: 2. */
  minHiraganaWord?: number
}

let intlSegmenter: Intl.Segmenter | undefined
/** `Intl.Segmenter('ja')` word-like segments. */
export const intlWordSegmenter: WordSegmenter = (text) => {
  intlSegmenter ??= new Intl.Segmenter('ja', { granularity: 'word' })
  const out: string[] = []
  for (const s of intlSegmenter.segment(text)) if (s.isWordLike) out.push(s.segment)
  return out
}

const JA_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const JA_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu
const HAN = /\p{Script=Han}/u
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u
const KANJI_STEM = /^(\p{Script=Han}+)\p{Script=Hiragana}{1,3}$/u
const SCRIPT_RUN = /\p{Script=Han}+|[\p{Script=Katakana}ー]+|\p{Script=Hiragana}+/gu
const LATIN_WORD = /[\p{Script=Latin}0-9]+(?:['’][a-z]+)?/gu
/**
 * A number with its counter (0歳, 90歳, 12桁, 3ヶ月, 1,000円, also 75 歳) is one token, whole numbers only:
 * 「0歳」 then matches 0歳 and not the end of 90歳. It replaces the bare number's token (the counter
 * stays a token of its own), so a text has as many tokens as before.
 */
export const COUNTED_NUMBER =
  /(?<![0-9.,])([0-9][0-9,]*) ?(ヶ月|ヵ月|か月|カ月|ケ月|け月|[桁歳才月日年回枚件人円週階番通部時分秒号度点箇個冊本台名割])/gu

/**
 * Japanese function words (after kana folding: っ → つ, ょ → よ) that the segmenter returns as
 * words: auxiliaries, verb endings, particles, demonstratives. Question words that carry intent
 * (いつ, どこ, いくら, 何) are kept.
 */
export const JAPANESE_STOPWORDS = new Set(
  (
    'した して する すれ され される させ しま します しまい しまつ しよう ます ました ません ませ まし ない なく なかつ なり なる なつ なつた ' +
    'いる いま いた いて いない ある あり あつ あれ あります です でし でしよう だつ だろ から ので のに ため こと もの よう ような ように ' +
    'という といつ として とし について につい による により によつて における において に関する など なら たら ば たい たく たいの ' +
    'ほしい 欲しい いい よい どう どの どんな どういう この その あの これ それ ここ そこ てい てお おり まで より つて ので ' +
    'いただく いただき いただけ いただけ ください くだ さい もらう もらい もらえ くれ られ られる れる でき できる できま ござい ござい ' +
    'おります おる いう 言う やつ ほう けど けれど でも しか また および 及び 又は または それとも'
  ).split(/\s+/u),
)

/** English word → token, or undefined for a stopword. */
export function latinToken(word: string): string | undefined {
  if (/^[0-9]+$/u.test(word)) return word
  if (ENGLISH_STOPWORDS.has(word)) return undefined
  return stemEnglish(word)
}

/** Character bigrams of one run; a one-character run is kept when it is a kanji. */
export function bigramsOf(run: string, out: string[]): void {
  const chars = [...run]
  if (chars.length === 1) {
    if (HAN.test(run)) out.push(run)
    return
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`)
}

/**
 * Tokens of already prepared text ({@link prepareText}); duplicates are kept (callers count or
 * dedupe as they need).
 */
export function tokenizePrepared(prepared: string, options: TokenizeOptions = {}): string[] {
  const out: string[] = []
  if (!prepared) return out
  const minHira = options.minHiraganaWord ?? 2
  if (options.words !== false) {
    const segment = options.segmenter ?? intlWordSegmenter
    for (const w of segment(prepared)) {
      if (!JA_CHAR.test(w)) continue
      const f = foldKana(w).replace(/\s+/gu, '')
      if (!f) continue
      // A lone kana (particles, auxiliaries) is not a word worth indexing; a lone kanji is.
      if ([...f].length === 1 && !HAN.test(f)) continue
      if (HIRAGANA_ONLY.test(f) && [...f].length < minHira) continue
      if (options.stopwords !== false && JAPANESE_STOPWORDS.has(f)) continue
      out.push(f)
      if (options.kanjiStems !== false) {
        const stem = KANJI_STEM.exec(f)
        if (stem?.[1]) out.push(stem[1])
      }
    }
  }
  const folded = foldKana(prepared)
  if (options.bigrams !== false) {
    const grams: string[] = []
    const scope = options.bigramScope ?? 'script'
    if (scope === 'run') for (const m of folded.matchAll(JA_RUN)) bigramsOf(m[0], grams)
    else if (scope === 'word')
      for (const w of (options.segmenter ?? intlWordSegmenter)(prepared)) bigramsOf(foldKana(w), grams)
    else {
      const minRun = options.minHiraganaRun ?? 3
      for (const m of prepared.matchAll(SCRIPT_RUN)) {
        if (HIRAGANA_ONLY.test(m[0]) && [...m[0]].length < minRun) continue
        if (options.kanjiBigrams === false && HAN.test(m[0])) continue
        bigramsOf(foldKana(m[0]), grams)
      }
    }
    for (const g of grams) if (options.hiraganaBigrams !== false || !HIRAGANA_ONLY.test(g)) out.push(GRAM + g)
  } else if (options.words === false) {
    for (const m of folded.matchAll(JA_RUN)) out.push(m[0])
  }
  void JA_RUN
  const counted: [number, number][] = []
  for (const m of folded.matchAll(COUNTED_NUMBER)) {
    out.push(countedToken(m[1] ?? '', m[2] ?? ''))
    counted.push([m.index ?? 0, (m.index ?? 0) + (m[1] ?? '').length])
  }
  for (const m of folded.matchAll(LATIN_WORD)) {
    const at = m.index ?? 0
    if (counted.some(([from, to]) => at >= from && at < to)) continue
    const t = latinToken(m[0])
    if (t) out.push(t)
  }
  return out
}

/** The token of a number and its counter: digits without separators; ヶ月, ヵ月, カ月, ケ月 → か月. */
export const countedToken = (digits: string, counter: string): string =>
  digits.replace(/,/gu, '') + (counter.length === 2 ? 'か月' : counter)

/** Tokens of raw text (documents): {@link prepareText} then {@link tokenizePrepared}. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  return tokenizePrepared(prepareText(text), options)
}

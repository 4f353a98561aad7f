/**
 * やさしい日本語 figures for one answer, after the national guideline (出入国在留管理庁・文化庁
 * 「在留支援のためのやさしい日本語ガイドライン」, 2020): short sentences with one thing each, not too
 * many kanji in a row, few loanwords in katakana, everyday words, no double negatives, plain
 * polite forms (です・ます) rather than stacked honorifics. The guideline gives advice, not limits:
 * the thresholds below are Kotae's, chosen so an editor sees the few sentences worth rewriting.
 * Plain TypeScript (Intl.Segmenter for words), so the CMS's editor panel can run it in the browser.
 */
import { INTERMEDIATE_KANJI } from './intermediateKanji'

/** A sentence longer than this (characters, Markdown marks removed) is flagged. */
export const LONG_SENTENCE = 60
/** This many kanji in a row or more (住民基本台帳) are flagged; 5 would flag 電子証明書, which every answer needs. */
export const KANJI_RUN = 6
/** A katakana word this long or longer is counted as a loanword to check. */
export const KATAKANA_WORD = 3

/** Where a sentence is flagged: its length and the run of kanji. */
export type Limits = { longSentence: number; kanjiRun: number }
/** An answer's limits: its flags are warnings for the editor. */
export const ANSWER_LIMITS: Limits = { longSentence: LONG_SENTENCE, kanjiRun: KANJI_RUN }
/**
 * The やさしい日本語 version's (`easy`) limits, stricter, and its flags are problems: a sentence of
 * at most 40 characters (the guideline's "one sentence, one idea"; 40 leaves room for one official
 * name such as マイナンバー総合フリーダイヤル), and no run of 8 kanji. An answer's runs of 6+ are a
 * figure only; in an easy text a run of 8 is a compound to cut or explain, while the names a reader
 * meets on paper (有効期限通知書, 7) stay, read with furigana.
 */
export const EASY_LIMITS: Limits = { longSentence: 40, kanjiRun: 8 }

export type Flag = {
  rule: 'long-sentence' | 'kanji-run' | 'double-negative' | 'honorific-stacking'
  sentence: string
  found: string
}

export type Readability = {
  sentences: number
  /** Sentences longer than {@link EASY_LIMITS}' 40 characters: what a やさしい日本語 reader would find long. */
  overEasyLength: number
  /** Sentences with at least one flag (a sentence flagged twice counts once). */
  flaggedSentences: number
  /** {@link difficultyOf}: how much an editing pass has to do in this answer. */
  difficulty: number
  /** Characters per sentence, on average (0 for no sentence). */
  averageSentenceLength: number
  longestSentence: number
  longSentences: number
  longestKanjiRun: number
  kanjiRuns: number
  /** Katakana words of 3+ characters (マイナンバーカード counts once per use). */
  katakanaWords: number
  words: number
  /** Words (Intl.Segmenter; not 1–2 kana particles and endings) with a kanji outside the JLPT N5–N3 kanji (intermediateKanji.ts), as a share of all. */
  aboveIntermediateShare: number
  doubleNegatives: number
  honorificStacking: number
  /** The sentences to look at, each with what was found in it. */
  flags: Flag[]
}

// Double negatives the guideline asks to avoid (〜ないわけではない, 〜なければなりません → 〜してください).
const DOUBLE_NEGATIVE =
  /ない(?:わけ|こと)(?:では|じゃ|は)(?:ない|ありません)|なく(?:は|も)(?:ない|ありません)|なければ(?:なりません|ならない|いけません)|なくては(?:なりません|いけません)|ないと(?:いけません|なりません)|ないとは限ら|ざるを得|ないでもない/gu
// Two honorifics on one verb (二重敬語): おっしゃられる, ご覧になられる, お越しになられる, 拝見させていただく.
const HONORIFIC_STACKING =
  /おっしゃられ|[おご][\p{Script=Han}\p{Script=Hiragana}]{1,6}になられ|拝見させていただ|お伺いさせていただ|伺わせていただ|申し上げさせていただ/gu
const KANJI_RUNS = /[\p{Script=Han}々]+/gu
const KATAKANA_WORDS = /[\p{Script=Katakana}ー]+/gu
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' })

/** The answer's text without Markdown marks: headings, list marks, emphasis, links, table pipes. */
function plain(markdown: string): string {
  return markdown
    .replace(/^\s*(?:#{1,6}|[-*+]|\d+\.|>)\s+/gmu, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/<https?:[^>]*>|https?:\/\/\S+/gu, '')
    .replace(/[*_`|]/gu, '')
    .replace(/^\s*:?-{3,}:?\s*$/gmu, '')
}

/** Sentences: cut after 。！？ and at line ends (a list item or a table row is one sentence). */
export function sentencesOf(markdown: string): string[] {
  return plain(markdown)
    .split(/\n|(?<=[。！？])/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(s))
}

/** The figures and flagged sentences of one answer (its Markdown), flagged by `limits` (an answer's by default). */
export function readabilityOf(markdown: string, limits: Limits = ANSWER_LIMITS): Readability {
  const sentences = sentencesOf(markdown)
  const flags: Flag[] = []
  let chars = 0
  let longest = 0
  let longestRun = 0
  let runs = 0
  let katakana = 0
  let words = 0
  let above = 0
  let negatives = 0
  let stacking = 0
  let overEasy = 0
  for (const sentence of sentences) {
    const length = [...sentence].length
    if (length > EASY_LIMITS.longSentence) overEasy += 1
    chars += length
    longest = Math.max(longest, length)
    if (length > limits.longSentence) flags.push({ rule: 'long-sentence', sentence, found: `${length}字` })
    for (const [run] of sentence.matchAll(KANJI_RUNS)) {
      const n = [...run].length
      longestRun = Math.max(longestRun, n)
      if (n >= limits.kanjiRun) {
        runs += 1
        flags.push({ rule: 'kanji-run', sentence, found: run })
      }
    }
    for (const [word] of sentence.matchAll(KATAKANA_WORDS))
      if ([...word].length >= KATAKANA_WORD) katakana += 1
    for (const s of segmenter.segment(sentence)) {
      // Words, not particles and endings (の, を, し, ます): those are everyone's.
      if (!s.isWordLike || /^\p{Script=Hiragana}{1,2}$/u.test(s.segment)) continue
      words += 1
      if ([...s.segment].some((c) => /\p{Script=Han}/u.test(c) && !INTERMEDIATE_KANJI.has(c))) above += 1
    }
    for (const [found] of sentence.matchAll(DOUBLE_NEGATIVE)) {
      negatives += 1
      flags.push({ rule: 'double-negative', sentence, found })
    }
    for (const [found] of sentence.matchAll(HONORIFIC_STACKING)) {
      stacking += 1
      flags.push({ rule: 'honorific-stacking', sentence, found })
    }
  }
  const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d
  const flaggedSentences = new Set(flags.map((f) => f.sentence)).size
  return {
    sentences: sentences.length,
    overEasyLength: overEasy,
    flaggedSentences,
    difficulty: difficultyOf({ flags: flags.length, overEasyLength: overEasy }),
    averageSentenceLength: sentences.length ? round(chars / sentences.length) : 0,
    longestSentence: longest,
    longSentences: flags.filter((f) => f.rule === 'long-sentence').length,
    longestKanjiRun: longestRun,
    kanjiRuns: runs,
    katakanaWords: katakana,
    words,
    aboveIntermediateShare: words ? round(above / words, 3) : 0,
    doubleNegatives: negatives,
    honorificStacking: stacking,
    flags,
  }
}

/**
 * The score that orders answers for an editing pass (the worst first, `content:readability --worst`):
 * its flags under the answer's limits (a sentence over 60, a run of 6+ kanji, a double negative,
 * stacked honorifics) plus its sentences over 40 characters. A sentence over 60 counts twice, as it
 * is both; a long answer of short sentences scores nothing. Ties: the longer sentences on average first.
 */
export function difficultyOf(r: { flags: number; overEasyLength: number }): number {
  return r.flags + r.overEasyLength
}

const RULE_NAMES: Record<Flag['rule'], string> = {
  'long-sentence': `${EASY_LIMITS.longSentence}字を超える文`,
  'kanji-run': `${EASY_LIMITS.kanjiRun}字以上続く漢字`,
  'double-negative': '二重否定',
  'honorific-stacking': '二重敬語',
}

/**
 * What keeps a やさしい日本語 version from being easy: its flags under {@link EASY_LIMITS}, each as
 * one message naming the rule, what was found and the sentence. `content:check` reports them as
 * problems and the CMS refuses them on 承認待ち and publish, so the same text passes or fails both.
 */
export const easyProblems = (markdown: string): string[] =>
  readabilityOf(markdown, EASY_LIMITS).flags.map(
    (f) => `やさしい日本語: ${RULE_NAMES[f.rule]}（${f.found}）: ${f.sentence}`,
  )

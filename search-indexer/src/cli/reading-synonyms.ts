/**
 * `npm run synonyms:readings [-- --write]`: reading groups for the content synonyms, so a caller who
 * types a word in kana (ふよう, つくりたい, eigo) reaches the FAQ that writes it in kanji (不要, 作り,
 * 英語). kuromoji (its dictionary ships in the npm package) reads the content words of the Japanese
 * FAQs' questions, alternatives, short answers and answers; each kanji word of 2+ characters becomes a group
 * [word, hiragana reading], and a verb also gives its dictionary form (作る・つくる). Skipped: a
 * reading under 3 kana, a reading that several different kanji words of the corpus share (unless
 * one of them makes 80 % of its occurrences), and a reading the hand-written groups already hold.
 * A word a hand-written group holds still gets its reading here (結婚・けっこん, 手数料・てすうりょう,
 * 市役所・しやくしょ): the hand-written group is what its kanji expands to, and the reading group
 * only says which word the kana means (the analyzer reads a kana term as its group's first term). Without `--write` it prints the groups; with
 * it, it rewrites the generated section at the end of content/synonyms.yaml (below the marker).
 * Node only; hand-written because no library maps a corpus to reading synonyms.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { loadContent, READING_GROUPS_MARKER } from '@kotae/content'

import { normalizeText } from '../analyzer/normalize'
import { loadKuromoji, type KuromojiToken, type KuromojiTokenizer } from '../node-only/kuromoji'

/** The marker line above the generated section (content's, which also counts the two parts). */
export const GENERATED_MARKER = READING_GROUPS_MARKER
export const SYNONYMS_FILE = path.resolve(import.meta.dirname, '../../../content/synonyms.yaml')

type Token = KuromojiToken
type Tokenizer = KuromojiTokenizer

const KANJI = /\p{Script=Han}/u
const toHiragana = (s: string): string =>
  s.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
/** A content word: a noun (not a number, pronoun, suffix or dependent noun), an independent verb or adjective. */
const isContent = (t: Token): boolean =>
  (t.pos === '名詞' && !['数', '代名詞', '接尾', '非自立', '特殊'].includes(t.pos_detail_1)) ||
  ((t.pos === '動詞' || t.pos === '形容詞') && t.pos_detail_1 === '自立')

/** The reading (hiragana) of a whole word, when kuromoji reads it as one token. */
function readingOf(tokenizer: Tokenizer, word: string): string | undefined {
  const tokens = tokenizer.tokenize(word)
  return tokens.length === 1 && tokens[0]!.reading ? toHiragana(tokens[0]!.reading) : undefined
}

/**
 * Whether `word` owns a reading several corpus words share: it makes at least 80 % of the reading's
 * occurrences (保険 against one 保健 in the answers), so a caller who types the reading means it
 * far more often than not. Equal counts stay ambiguous (期間・機関).
 */
const DOMINANT_SHARE = 0.8
function dominant(words: ReadonlyMap<string, number>, word: string): boolean {
  let total = 0
  for (const n of words.values()) total += n
  return (words.get(word) ?? 0) >= DOMINANT_SHARE * total
}

export type ReadingGroups = {
  groups: [string, string][]
  skipped: { word: string; reading: string; why: string }[]
}

/** Proposes [kanji word, reading] groups from `texts`, leaving out readings in `taken` (normalized). */
export function proposeReadingGroups(
  tokenizer: Tokenizer,
  texts: readonly string[],
  taken: ReadonlySet<string>,
): ReadingGroups {
  // reading -> the different kanji words (of any length) read that way in the corpus, with how often
  // each occurs, compared as the analyzer sees them (okurigana variants such as 手続き/手続 are one word)
  const byReading = new Map<string, Map<string, number>>()
  const candidates = new Map<string, [string, string]>() // normalized word -> [word, reading], first seen
  const note = (word: string, reading: string | undefined, candidate: boolean) => {
    if (!reading || !KANJI.test(word)) return
    const key = normalizeText(word)
    const heard = normalizeText(reading) // as the analyzer matches it (いっしょ → いつしよ)
    if (!byReading.has(heard)) byReading.set(heard, new Map())
    const words = byReading.get(heard)!
    words.set(key, (words.get(key) ?? 0) + 1)
    if (candidate && [...word].length >= 2 && !candidates.has(key)) candidates.set(key, [word, reading])
  }
  for (const text of texts) {
    for (const t of tokenizer.tokenize(text)) {
      if (!t.reading) continue
      // A verb counts in its dictionary form and its stem (作る, 作り: つくりたい); other
      // inflected forms (選ん, 急い) are fragments a caller does not type alone.
      const verb = t.pos === '動詞'
      note(
        t.surface_form,
        toHiragana(t.reading),
        isContent(t) && (!verb || t.conjugated_form === '連用形' || t.conjugated_form === '基本形'),
      )
      if (verb && isContent(t) && t.basic_form !== t.surface_form)
        note(t.basic_form, readingOf(tokenizer, t.basic_form), true)
    }
  }
  const groups: [string, string][] = []
  const skipped: ReadingGroups['skipped'] = []
  for (const [word, reading] of candidates.values()) {
    const why =
      [...reading].length < 3
        ? 'reading under 3 kana'
        : !/^[\p{Script=Hiragana}ー]+$/u.test(reading)
          ? 'reading not all kana'
          : !dominant(byReading.get(normalizeText(reading))!, normalizeText(word))
            ? `ambiguous: ${[...byReading.get(normalizeText(reading))!.keys()].join('・')}`
            : taken.has(normalizeText(reading))
              ? 'reading already in a hand-written group'
              : undefined
    if (why) skipped.push({ word, reading, why })
    else groups.push([word, reading])
  }
  groups.sort((a, b) => a[1].localeCompare(b[1], 'ja'))
  return { groups, skipped }
}

/**
 * content/synonyms.yaml as `--write` leaves it: the hand-written part as it is, then the marker and
 * the reading groups of the current Japanese FAQs (a test checks the file equals it).
 */
export async function readingSynonymsFile(
  tokenizer: Tokenizer,
): Promise<{ text: string } & ReadingGroups & { texts: number }> {
  const content = await loadContent()
  const yaml = await readFile(SYNONYMS_FILE, 'utf8')
  const cut = yaml.indexOf(`\n${GENERATED_MARKER}\n`)
  const handWritten = cut < 0 ? yaml.replace(/\n*$/u, '\n') : yaml.slice(0, cut + 1)
  // Terms of the hand-written groups (the loaded list minus the generated section's groups).
  const generatedCount = cut < 0 ? 0 : (yaml.slice(cut).match(/^\s*- \{ terms:/gmu) ?? []).length
  const manual = content.synonyms.slice(0, content.synonyms.length - generatedCount)
  const taken = new Set(manual.flatMap((g) => g.terms.map((t) => normalizeText(t))))

  const texts = content.faqs
    .filter((f) => f.locale === 'ja')
    .flatMap((f) => [f.question, ...f.alternatives, f.shortAnswer, f.answer])
  const { groups, skipped } = proposeReadingGroups(tokenizer, texts, taken)
  const section = groups.map(([w, r]) => `  - { terms: [${w}, ${r}] }\n`).join('')
  return { text: `${handWritten}${GENERATED_MARKER}\n${section}`, groups, skipped, texts: texts.length }
}

async function main(argv: string[]): Promise<number> {
  const write = argv.includes('--write')
  const unknown = argv.filter((a) => a !== '--write')
  if (unknown.length > 0) {
    process.stderr.write(`unknown argument: ${unknown[0]}\nusage: npm run synonyms:readings [-- --write]\n`)
    return 1
  }
  const { text, groups, skipped, texts } = await readingSynonymsFile(await loadKuromoji())
  if (!write) {
    for (const [w, r] of groups) process.stdout.write(`${w}\t${r}\n`)
    for (const s of skipped) process.stdout.write(`# skipped ${s.word}\t${s.reading}\t${s.why}\n`)
    process.stdout.write(`# ${groups.length} groups from ${texts} texts; ${skipped.length} skipped\n`)
    return 0
  }
  await writeFile(SYNONYMS_FILE, text)
  process.stdout.write(
    `wrote ${groups.length} reading groups to ${path.relative(process.cwd(), SYNONYMS_FILE)} (${skipped.length} skipped)\n`,
  )
  return 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code))
}

/**
 * Minimum should match: how much of a query a document covers, so that a document sharing only a
 * stray piece with the query (「ほげほげふがふが」 and 「みみがふじゆう」 share 「がふ」) is not a result.
 *
 * The query is cut into units — each of its own tokens (words count 1, character bigrams the
 * ranking's bigram weight), weighted by how rare the token is in the index (a token found nowhere
 * weighs most: it is what the caller asked about and no document has it). Coverage is the weighted
 * share of units a document holds in any field or passage. A token of a synonym list term counts as
 * held when the document holds a word of that group's other terms (PIN → 暗証番号), and a romaji
 * word is one unit held through its letters or its kana reading, whichever matches more.
 * Browser-safe; the index supplies rarity and lookups (search-index.ts).
 */
import type { Analyzer, QueryAnalysis } from '../analyzer/analyzer'
import { foldKana } from '../analyzer/normalize'
import { isGram, tokenText } from '../analyzer/tokenize'

const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u

/**
 * Evidence that a document is about what the query asks: a word of two or more characters, a
 * synonym list term, or a bigram that is not all kana. A lone kanji (店, 薬) or a kana bigram (がふ,
 * おい) is shared by too many unrelated texts to be the only thing a result has in common with the
 * query: such tokens count towards the share, but a document must also hold an anchor. (Katakana
 * is folded to hiragana before bigrams, so a kana bigram may come from either script.)
 */
export function isAnchor(token: string): boolean {
  const text = tokenText(token)
  if ([...text].length < 2) return false
  return !isGram(token) || !HIRAGANA_ONLY.test(text)
}

/** The share a document must hold of a query with no anchor of its own (「ふがふが」, 「顔」). */
export const NO_ANCHOR_SHARE = 2 / 3

/**
 * A token of a unit, with the tokens that stand for it (synonym words), its weight, and whether
 * holding it anchors a match (see {@link isAnchor}).
 */
type UnitToken = { tokens: string[]; weight: number; anchor: boolean }
/** A unit is held to the best share of any of its options (a romaji word: letters or kana). */
export type MatchUnit = { weight: number; options: UnitToken[][] }

export type UnitWeights = {
  /** Weight of a character bigram relative to a word (the ranking's `grams`). */
  grams: number
  /** Rarity of a token in the index, ≥ 0 (higher = rarer). */
  idf: (token: string) => number
}

/** The query's units; empty when it has no tokens of its own. */
export function matchUnits(q: QueryAnalysis, analyzer: Analyzer, { grams, idf }: UnitWeights): MatchUnit[] {
  const weightOf = (t: string) => (isGram(t) ? grams : 1) * idf(t)
  // Synonym list terms in the query: their tokens also count as held through the group's words.
  const aliases = new Map<string, Set<string>>()
  for (const m of q.synonyms) {
    const words = new Set(
      m.expandedTo.flatMap((term) => analyzer.documentTokens(term).filter((t) => !isGram(t))),
    )
    if (words.size === 0) continue
    for (const t of analyzer.documentTokens(m.term)) {
      const set = aliases.get(t) ?? new Set<string>()
      for (const w of words) set.add(w)
      aliases.set(t, set)
    }
  }
  const own = new Set(q.tokens)
  const token = (t: string): UnitToken => ({
    tokens: [t, ...(aliases.get(t) ?? [])],
    weight: weightOf(t),
    anchor: isAnchor(t) || aliases.has(t),
  })
  const units: MatchUnit[] = []
  const taken = new Set<string>()
  for (const r of q.romaji) {
    const letters = analyzer.documentTokens(r.from).filter((t) => own.has(t) && !taken.has(t))
    const kana = analyzer.documentTokens(r.to).filter((t) => own.has(t) && !taken.has(t))
    const options = [letters, kana].filter((o) => o.length > 0).map((o) => o.map(token))
    if (options.length === 0) continue
    for (const t of [...letters, ...kana]) taken.add(t)
    // As much as the reading's own words (the letters are rarely in any document).
    units.push({ weight: Math.max(...options.flat().map((u) => u.weight)), options })
  }
  // The first two kana of a kana run of at most three (ごみ, ごみを; not あいうえお).
  const shortKanaRuns = new Set(
    [...foldKana(q.text).matchAll(/\p{Script=Hiragana}+/gu)]
      .map((m) => [...m[0]])
      .filter((r) => r.length <= 3)
      .map((r) => r.slice(0, 2).join('')),
  )
  // A word and a bigram of the same characters (用 typed alone is both) are one unit, held by either.
  const byText = new Map<string, string[]>()
  for (const t of own) if (!taken.has(t)) byText.set(tokenText(t), [...(byText.get(tokenText(t)) ?? []), t])
  for (const [text, same] of byText) {
    const options = same.map((t) => [token(t)])
    // A short kana run of the query (粗大ごみ, ゴミを) whose two kana the document holds as a whole
    // word is a word in common; a bigram cut from a longer kana run (アイウエオ → あい) is not.
    if (same.every(isGram) && shortKanaRuns.has(text)) {
      options.push([{ tokens: [text], weight: weightOf(same[0]!), anchor: true }])
    }
    units.push({ weight: Math.max(...options.map(([u]) => u!.weight)), options })
  }
  return units.filter((u) => u.weight > 0)
}

/**
 * Weighted share (0–1) of the units that `holds` finds in a document; 0 when it holds none of the
 * query's anchors, or, for a query without anchors, less than {@link NO_ANCHOR_SHARE}.
 */
export function coverage(units: readonly MatchUnit[], holds: (token: string) => boolean): number {
  let total = 0
  let held = 0
  let anchored = false
  let anchors = false
  for (const u of units) {
    total += u.weight
    let best = 0
    for (const option of u.options) {
      let sum = 0
      let got = 0
      for (const t of option) {
        sum += t.weight
        anchors ||= t.anchor
        if (t.tokens.some(holds)) {
          got += t.weight
          anchored ||= t.anchor
        }
      }
      if (sum > 0) best = Math.max(best, got / sum)
    }
    held += u.weight * best
  }
  if (anchors && !anchored) return 0
  const share = total > 0 ? held / total : 0
  // Nothing to anchor on (kana fragments, a lone kanji): only a document holding most of it.
  return anchors || share >= NO_ANCHOR_SHARE ? share : 0
}

/**
 * The analyzer: one object that turns documents and queries into tokens the same way, with the
 * query-only steps (length cap, filler stripping, romaji, synonym expansion) on top. Browser-safe.
 */
import { normalizeDialect } from './dialect'
import { hiraganaLoanwordsToKatakana } from './kana-loanwords'
import { kanaNumbersToDigits } from './kana-numbers'
import { FacetVocabulary, type FacetDimensionLike, type FacetValues } from './facets'
import { stripFillers } from './filler'
import { MAX_QUERY_CHARS, normalizeText, prepareText } from './normalize'
import { romajiToKana } from './romaji'
import { SynonymSet, type SynonymGroupLike, type SynonymMatch } from './synonyms'
import { tokenizePrepared, type TokenizeOptions } from './tokenize'
import { correctTyposBySound, type TypoCorrection } from './typos'

export type AnalyzerOptions = TokenizeOptions & {
  /** Synonym groups (e.g. content's synonyms.yaml or the CMS's list). Default: none. */
  synonyms?: readonly SynonymGroupLike[]
  /** Facet dimensions (content's facets.yaml). Default: none. */
  facets?: readonly FacetDimensionLike[]
  /** Strip fillers and politeness from queries. Default: true. */
  stripFillers?: boolean
  /** Rewrite western-Japan spoken forms in queries to standard Japanese (dialect.ts). Default: true. */
  normalizeDialect?: boolean
  /** Read unknown kanji words of a query by sound towards the list's reading terms (typos.ts). Default: true. */
  soundTypos?: boolean
}

export type QueryAnalysis = {
  /** The query after the length cap and filler stripping (what was analyzed). */
  text: string
  /** Tokens of the query itself (and of its romaji reading), deduplicated. */
  tokens: string[]
  /** Tokens that only synonyms brought in, deduplicated and disjoint from `tokens`. */
  expansionTokens: string[]
  /** The synonym groups that matched. */
  synonyms: SynonymMatch[]
  /** Romaji words read as kana (mainanba- → マイナンバー). */
  romaji: { from: string; to: string }[]
  /** Kanji typos read by sound (保健証 → 保険証). */
  typos: TypoCorrection[]
  /** The query's facets (who, what, action, when), found after dialect and typo correction. */
  facets: FacetValues
  /** Normalized strings to highlight in results: the query's runs and the synonym terms. */
  highlightTerms: string[]
}

export type Analyzer = {
  readonly synonyms: SynonymSet
  readonly facets: FacetVocabulary
  readonly options: Readonly<AnalyzerOptions>
  /** Index-side tokens of a field's text (duplicates kept). */
  documentTokens(text: string): string[]
  /**
   * Query-side analysis. Never throws; empty tokens for empty or symbol-only input. The last few
   * hundred results are kept and returned again for the same text: treat them as read-only.
   */
  analyzeQuery(text: string): QueryAnalysis
}

/** A synonym list term that is a kana reading (hiragana, long-vowel marks, spaces). */
const READING = /^[\p{Script=Hiragana}ー\s]+$/u
/** Analyses kept per analyzer (the results are read-only by convention). */
const RECENT_QUERIES = 256
const ROMAJI_WORD = /[a-zāīūēōâîûêô'-]{3,}/gu

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const synonyms = new SynonymSet(options.synonyms ?? [])
  const facets = new FacetVocabulary(options.facets ?? [])
  const tok: TokenizeOptions = {
    segmenter: options.segmenter,
    words: options.words,
    bigrams: options.bigrams,
    hiraganaBigrams: options.hiraganaBigrams,
    bigramScope: options.bigramScope,
    minHiraganaRun: options.minHiraganaRun,
    kanjiBigrams: options.kanjiBigrams,
    kanjiStems: options.kanjiStems,
    stopwords: options.stopwords,
    minHiraganaWord: options.minHiraganaWord,
  }

  const documentTokens = (text: string): string[] => {
    if (typeof text !== 'string' || !text) return []
    return tokenizePrepared(prepareText(text), tok)
  }

  // The desk analyzes each query twice (engine, then usage prior) and repeats queries all day.
  const recent = new Map<string, QueryAnalysis>()
  const analyzeQuery = (input: string): QueryAnalysis => {
    if (typeof input !== 'string') return analyze(input)
    const hit = recent.get(input)
    if (hit) return hit
    const result = analyze(input)
    recent.set(input, result)
    if (recent.size > RECENT_QUERIES) recent.delete(recent.keys().next().value!)
    return result
  }

  const analyze = (input: string): QueryAnalysis => {
    const empty: QueryAnalysis = {
      text: '',
      tokens: [],
      expansionTokens: [],
      synonyms: [],
      romaji: [],
      typos: [],
      facets: {},
      highlightTerms: [],
    }
    if (typeof input !== 'string') return empty
    let text = [...input.slice(0, MAX_QUERY_CHARS * 2)].slice(0, MAX_QUERY_CHARS).join('')
    text = text
      .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu, ' ')
      .normalize('NFKC')
      .toLowerCase()
    if (options.normalizeDialect !== false) text = normalizeDialect(text)
    if (options.stripFillers !== false) text = stripFillers(text)
    text = kanaNumbersToDigits(hiraganaLoanwordsToKatakana(text))
    let typos: TypoCorrection[] = []
    if (options.soundTypos !== false) ({ text, corrections: typos } = correctTyposBySound(text, synonyms))
    const prepared = prepareText(text)
    const tokens = new Set(tokenizePrepared(prepared, tok))
    const highlight = new Set<string>()
    const normalized = normalizeText(text)
    for (const m of normalized.matchAll(/[^\s\p{P}\p{S}]+/gu)) highlight.add(m[0])

    const romaji: { from: string; to: string }[] = []
    for (const m of text.matchAll(ROMAJI_WORD)) {
      const word = m[0].replace(/^[-']+/u, '')
      const kana = romajiToKana(word)
      if (!kana || [...kana].length < 2) continue
      romaji.push({ from: word, to: kana })
      for (const t of tokenizePrepared(prepareText(kana), tok)) tokens.add(t)
      highlight.add(normalizeText(kana))
    }

    const matches = synonyms.find([normalized, ...romaji.map((r) => normalizeText(r.to))].join(' '))
    // A list term written in hiragana only (まいなんばーかーど, こうしん) is a reading, not a
    // synonym: the caller typed the preferred word (the group's first term) in kana, so that word
    // counts as the query's own. Its hiragana bigrams alone rarely meet the kanji of the answers.
    const readings: string[] = []
    for (const m of matches) {
      const preferred = m.expandedTo[0]
      if (preferred && READING.test(m.term)) {
        readings.push(preferred)
        for (const t of tokenizePrepared(prepareText(preferred), tok)) tokens.add(t)
      }
    }
    const expansion = new Set<string>()
    for (const m of matches) {
      for (const term of m.expandedTo) {
        highlight.add(normalizeText(term))
        for (const t of tokenizePrepared(prepareText(term), tok)) if (!tokens.has(t)) expansion.add(t)
      }
    }
    return {
      text,
      tokens: [...tokens],
      expansionTokens: [...expansion],
      synonyms: matches,
      romaji,
      typos,
      // The preferred words of kana readings too: facets.yaml need not list every reading
      // (こうしん, きげんぎれ) when the synonym list has it.
      facets: facets.detect([text, ...readings].join('。')),
      highlightTerms: [...highlight].filter((h) => h.length > 0),
    }
  }

  return { synonyms, facets, options, documentTokens, analyzeQuery }
}

/**
 * The search index: Kotae's analyzer over two inverted indexes (inverted-index.ts):
 *  - documents: question, alternatives, short answer and tags, weighted per field;
 *  - passages: the body (and, for operators, the operator notes) cut into passages.
 * A document scores its field score plus its best passage (and a little of its second best), so a
 * long answer is judged by its best part rather than diluted by its length. Synonym expansions are
 * searched separately and count at a lower weight (BM25: bm25.ts). Browser-safe (no node: imports).
 */

import { createAnalyzer, type Analyzer, type AnalyzerOptions, type QueryAnalysis } from '../analyzer/analyzer'
import type { SynonymGroupLike, SynonymMatch } from '../analyzer/synonyms'
import { AudienceError, InvalidDocumentError } from '../errors'
import { DOCUMENT_KINDS, type Audience, type DocumentKind, type SearchDocument } from './document'
import { addBm25Scores, kthLargest, newScores, releaseScores } from './bm25'
import { InvertedIndex, type FieldTokens } from './inverted-index'
import { coverage, matchUnits } from './min-match'
import { makeSnippet, matchedTerms, matcher, type Span } from './highlight'
import { splitPassages } from './passages'
import { normalizeText } from '../analyzer/normalize'
import { isGram } from '../analyzer/tokenize'
import { BodyTerms } from './body-terms'
import { inflectedWeights } from './query-weights'
import type { FacetValues } from '../analyzer/facets'
import { facetMultiplier, meetFacets, type FacetMeeting } from './facet-score'
import { reasonsInJapanese, type ReasonField } from './reasons'
import { askBackFor, type AskBack } from './ask-back'
import { confidenceOf } from './confidence'
import { announcesOnly } from '../analyzer/announces'
import { CONFIDENCE_MODEL } from './confidence-model'
import { scopeOf } from './scope'

/**
 * Weights of the ranking; the defaults were tuned on the LocalgovFAQ dev set (see README), except
 * shortAnswer (LocalgovFAQ has none): 0.7 → 0.5 on the golden dev split (P@1 0.841 → 0.864) and the
 * generated desk calls of cms/bench (MRR@10 0.663 → 0.666) — words of another FAQ's answer are
 * weaker evidence than the question's own phrasings.
 */
export type RankingWeights = {
  /** The question (a FAQ's, or a guide's title). */
  question: number
  /**
   * The other ways callers ask it, a field of its own: each alternative is written in callers'
   * words, so a match there is strong evidence; joined with the question it would also lengthen
   * that field and weaken every question match (BM25 length normalization).
   */
  alternatives: number
  /**
   * How callers asked for it before (SearchDocument.askedBefore): labeled questions it answered,
   * a field of its own so that many phrasings neither lengthen nor outweigh the FAQ's own words.
   */
  askedBefore: number
  shortAnswer: number
  tags: number
  /** The best matching passage of the body (or operator notes). */
  passage: number
  /** The second best passage. */
  secondPassage: number
  /**
   * The question and the whole body as one field with term counts (body-terms.ts): how often the
   * FAQ names the query's words, where the passages see 160 characters each and every field counts
   * a word once. 0 leaves it out (and it is not built). 0.6 on the LocalgovFAQ dev set (MRR@10
   * 0.575 → 0.592; 0.25–1 tried); the city's content does not use it (content-weights.ts).
   */
  body: number
  /**
   * Multiplier for the query's inflected words and their kanji stems (借り and 借; query-weights.ts):
   * nouns name the case. 0.7 on the LocalgovFAQ dev set (MRR@10 0.592 → 0.601; 0.5–0.9 tried).
   */
  inflected: number
  /** Multiplier for character bigrams (words count 1). */
  grams: number
  /** Multiplier for tokens that only synonym expansion brought in. */
  synonyms: number
  /**
   * Minimum should match: a document must hold at least this share (0–1) of the query's
   * rarity-weighted tokens (min-match.ts), else it is not a result. 0 turns the rule off.
   */
  minMatch: number
  /** Score multiplier per facet dimension where a document agrees with the query (facet-score.ts). */
  facetAgree: number
  /** Score divisor per facet dimension where a document contradicts the query. */
  facetConflict: number
  /**
   * Score multiplier per facet value a document shares with the query beyond one per dimension
   * (facet-score.ts): of sibling FAQs, the one that names more of what was asked. 0 turns it off.
   */
  facetValues: number
}

export const DEFAULT_WEIGHTS: Readonly<RankingWeights> = {
  question: 1,
  alternatives: 2,
  askedBefore: 2,
  shortAnswer: 0.5,
  tags: 0.3,
  passage: 1,
  secondPassage: 0.7,
  body: 0.6,
  inflected: 0.7,
  grams: 0.25,
  synonyms: 0.4,
  minMatch: 0.1,
  facetAgree: 0.3,
  facetConflict: 1,
  facetValues: 0,
}

/** BM25 parameters (bm25.ts). */
export type Bm25Params = { k: number; b: number; d: number }
export const DEFAULT_BM25: Readonly<Bm25Params> = { k: 1.2, b: 0.75, d: 0.5 }

export type SearchIndexOptions = Omit<AnalyzerOptions, 'synonyms'> & {
  /** Synonym groups for query expansion (e.g. the CMS's editable list). Default: none. */
  synonyms?: readonly SynonymGroupLike[]
  /** `public` refuses operator-only documents and operator notes. Default: `public`. */
  audience?: Audience
  weights?: Partial<RankingWeights>
  bm25?: Partial<Bm25Params>
  /** Passage length in characters. Default: 160. */
  passageChars?: number
}

export type SearchOptions = {
  /** Results to return, 1–100. Default: 10. */
  limit?: number
  /** Only these kinds. Default: all. */
  kinds?: readonly DocumentKind[]
  /** Only this locale. Default: all. */
  locale?: 'ja' | 'en'
  /** Facets the user chose (an ask-back answer): they replace the query's own in those dimensions. */
  facets?: FacetValues
}

/** A search with what to do about it: how sure the first answer is, and a question to ask back. */
export type Answer = {
  hits: SearchHit[]
  /** Probability (0–1) that the first hit answers an in-scope question (confidence.ts). */
  confidence: number
  /** Whether that is at or above the model's threshold; false without hits. */
  sure: boolean
  /** One tap-to-choose question when the first answers differ by one facet (ask-back.ts). */
  askBack?: AskBack
}

/** The fields a match is reported in: the ones the reasons name (one list, in reasons.ts). */
export type MatchedField = ReasonField

export type MatchExplanation = {
  /** Per field, the text that matched the query (or its synonyms). */
  fields: { field: MatchedField; terms: string[] }[]
  /** Synonym groups of the query whose other terms occur in this document. */
  synonyms: SynonymMatch[]
  /** Romaji words of the query read as kana. */
  romaji: { from: string; to: string }[]
  /** One line for developers, e.g. `question: 暗証番号 · body: 再設定 · synonym: マイナ → マイナンバーカード`. */
  summary: string
  /** Why it matched, in Japanese for operators (reasons.ts), strongest first: 「質問文に「暗証番号」」. */
  reasons: string[]
}

export type SearchHit = {
  id: string
  kind: DocumentKind
  score: number
  document: SearchDocument
  /** The best matching passage of the body (or the first one when only other fields matched). */
  passage?: {
    index: number
    field: 'body' | 'operatorNotes'
    text: string
    start: number
    end: number
    highlights: Span[]
  }
  /** A short window of the passage (or the short answer) with highlight offsets into `snippet.text`. */
  snippet: { text: string; highlights: Span[] }
  explanation: MatchExplanation
  /**
   * The share (0–1) of the query this document holds, rarity-weighted (min-match.ts); 1 when
   * minimum should match is off. The top hit's coverage says how sure an answer is (confidence.ts).
   */
  coverage: number
  /** Facet dimensions where this document agrees with or contradicts the query. */
  facets: FacetMeeting
}

/** @internal A document as the documents index holds it (`kind` and `locale` for filters). */
export type DocRecord = { kind: DocumentKind; locale: string; passageCount: number; doc: SearchDocument }

/** @internal A passage of a document's body or operator notes; `text` is `source.slice(start, end)`. */
export type PassageRecord = {
  kind: DocumentKind
  locale: string
  docKey: string
  n: number
  field: 'body' | 'operatorNotes'
  start: number
  end: number
  text: string
}

/**
 * The fields of each index. Each text is indexed twice: its words under its own name and its
 * character bigrams under `<name>Grams`, so that each BM25 field keeps its own length statistics
 * and bigrams can weigh less. Tags have words only.
 */
/**
 * Document fields scored without length normalization: a FAQ's earlier phrasings. Asked often, a
 * FAQ has many (up to 27), and normalized by length each of its matches counted less than one of a
 * FAQ asked twice: the most asked answers lost to near neighbours (更新したい → the smartphone FAQ
 * over the certificate renewal). Unnormalized, on the sets left out: P@1 0.823 → 0.831 of 1,186
 * tuning questions, colloquial4 dev 0.736 → 0.771 (decision 0048).
 */
const UNNORMALIZED_DOC_FIELDS: ReadonlySet<string> = new Set(['askedBefore'])

export const DOC_FIELDS = [
  'question',
  'questionGrams',
  'alternatives',
  'alternativesGrams',
  'askedBefore',
  'shortAnswer',
  'shortAnswerGrams',
  'tags',
] as const
export const PASSAGE_FIELDS = ['text', 'textGrams'] as const
const GRAMS_SUFFIX = 'Grams'

/** Candidates taken from each index's scores before the documents are combined. */
const CANDIDATES = 300

/** @internal The record of a document with `passageCount` passages. */
export const docRecord = (doc: SearchDocument, passageCount: number): DocRecord => ({
  kind: doc.kind,
  locale: doc.locale ?? 'ja',
  passageCount,
  doc,
})

/** @internal The record of a passage of `owner`'s body or operator notes. */
export function passageRecord(
  owner: DocRecord,
  docKey: string,
  n: number,
  field: PassageRecord['field'],
  start: number,
  end: number,
): PassageRecord {
  const text = (field === 'body' ? owner.doc.body : owner.doc.operatorNotes)?.slice(start, end) ?? ''
  return { kind: owner.kind, locale: owner.locale, docKey, n, field, start, end, text }
}

const HAN = /\p{Script=Han}/u

export const docKey = (kind: DocumentKind, id: string): string => `${kind}:${id}`

export class SearchIndex {
  readonly audience: Audience
  readonly analyzer: Analyzer
  readonly weights: Readonly<RankingWeights>
  readonly bm25: Readonly<Bm25Params>
  readonly passageChars: number
  /** What is needed to rebuild this index's analyzer (saved with the index). */
  readonly settings: { words?: boolean; bigrams?: boolean; stripFillers?: boolean }
  /** @internal */ readonly docs: InvertedIndex<DocRecord>
  /** @internal */ readonly passages: InvertedIndex<PassageRecord>
  /** The bodies with term counts, when `weights.body` > 0 (body-terms.ts). */
  private readonly bodyTerms: BodyTerms | undefined
  private readonly facetCache = new Map<string, FacetValues>()
  /**
   * The record ids a kind/locale filter allows, per filter, until a document is added or removed.
   * Building them scanned every passage on each query: ~1.5 ms of a desk lookup at 3,000 FAQs
   * (a CPU profile of bench:load), for the same two or three filters all day.
   */
  private readonly filterCache = new Map<string, { docs: Set<number>; passages: Set<number> }>()

  /** @internal Use {@link createSearchIndex} or {@link loadSerializedIndex}. */
  constructor(
    options: SearchIndexOptions,
    restored?: { docs: InvertedIndex<DocRecord>; passages: InvertedIndex<PassageRecord> },
  ) {
    this.audience = options.audience ?? 'public'
    this.analyzer = createAnalyzer(options)
    this.weights = { ...DEFAULT_WEIGHTS, ...options.weights }
    this.bm25 = { ...DEFAULT_BM25, ...options.bm25 }
    this.passageChars = options.passageChars ?? 160
    this.settings = { words: options.words, bigrams: options.bigrams, stripFillers: options.stripFillers }
    this.docs = restored?.docs ?? new InvertedIndex(DOC_FIELDS)
    this.passages = restored?.passages ?? new InvertedIndex(PASSAGE_FIELDS)
    this.bodyTerms = this.weights.body > 0 ? new BodyTerms() : undefined
    if (this.bodyTerms && restored)
      for (const [, rec, id] of this.docs.entries()) this.bodyTerms.add(id, this.bodyTokens(rec.doc))
  }

  /** Number of documents. */
  get size(): number {
    return this.docs.count
  }

  /** The keys (`kind:id`, as {@link docKey} makes them) of every document. */
  keys(): string[] {
    return [...this.docs.entries()].map(([key]) => key)
  }

  has(id: string, kind: DocumentKind = 'faq'): boolean {
    return this.docs.get(docKey(kind, id)) !== undefined
  }

  /** Adds a document, replacing one with the same kind and id. */
  add(input: SearchDocument): void {
    const doc = this.check(input)
    const key = docKey(doc.kind, doc.id)
    this.removeKey(key)
    this.filterCache.clear()
    const passages = [
      ...splitPassages(doc.body ?? '', { maxChars: this.passageChars }).map((p) => ({
        ...p,
        field: 'body' as const,
      })),
      ...splitPassages(doc.operatorNotes ?? '', { maxChars: this.passageChars }).map((p) => ({
        ...p,
        field: 'operatorNotes' as const,
      })),
    ]
    const record = docRecord(doc, passages.length)
    const id = this.docs.add(key, record, this.docTokens(doc))
    this.bodyTerms?.add(id, this.bodyTokens(doc))
    passages.forEach((p, n) => {
      const rec = passageRecord(record, key, n, p.field, p.start, p.end)
      this.passages.add(`${key}#${n}`, rec, this.tokens({ text: rec.text }))
    })
  }

  /**
   * Each text's distinct tokens: words under its name, character bigrams under `<name>Grams`
   * (a name no index field has is ignored: tags have no bigram field).
   */
  private tokens(texts: Record<string, string>): FieldTokens {
    const out: Record<string, string[]> = {}
    for (const [name, text] of Object.entries(texts)) {
      const words: string[] = []
      const grams: string[] = []
      for (const t of new Set(this.analyzer.documentTokens(text))) (isGram(t) ? grams : words).push(t)
      out[name] = words
      out[name + GRAMS_SUFFIX] = grams
    }
    return out
  }

  private docTokens(doc: SearchDocument): FieldTokens {
    return {
      ...this.tokens({
        question: doc.question,
        alternatives: (doc.alternatives ?? []).join('\n'),
        shortAnswer: doc.shortAnswer ?? '',
        tags: (doc.tags ?? []).join(' '),
      }),
      ...this.askedBeforeTokens(doc.askedBefore ?? []),
    }
  }

  /** The question and the body, every token as often as it occurs (body-terms.ts). */
  private bodyTokens(doc: SearchDocument): string[] {
    return this.analyzer.documentTokens(`${doc.question}\n${doc.body ?? ''}`)
  }

  /**
   * The earlier callers' questions are analyzed as a query is (dialect, fillers, typos by sound,
   * kana readings), not as a document: a new question then meets them in the same words, which is
   * what question-to-question matching needs (開いとるん and 開いてる both read 開いている).
   * Words only: their bigrams moved 6 of 625 tuning questions and cost 20 KB gzip of the site's
   * index (decision 0048).
   */
  private askedBeforeTokens(phrasings: readonly string[]): FieldTokens {
    const words = new Set<string>()
    for (const p of phrasings)
      for (const t of this.analyzer.analyzeQuery(p).tokens) if (!isGram(t)) words.add(t)
    return { askedBefore: [...words] }
  }

  /** Removes a document; without `kind`, every kind with that id. Returns whether one was removed. */
  remove(id: string, kind?: DocumentKind): boolean {
    let removed = false
    for (const k of kind ? [kind] : DOCUMENT_KINDS) {
      const key = docKey(k, id)
      if (this.removeKey(key)) removed = true
    }
    return removed
  }

  /** The stored document, if any. */
  get(id: string, kind: DocumentKind = 'faq'): SearchDocument | undefined {
    return this.docs.get(docKey(kind, id))?.doc
  }

  /** Ranked results for a query. Never throws on odd input; returns [] when nothing matches. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.searchAnalyzed(this.analyzeWith(query, options), options)
  }

  /** Hits for an analysis (the query's own, with any chosen facets put over it). */
  private searchAnalyzed(q: QueryAnalysis, options: SearchOptions): SearchHit[] {
    const asked = Number(options.limit ?? 10)
    const limit = Number.isFinite(asked) ? Math.max(1, Math.min(100, Math.floor(asked))) : 10
    if (q.tokens.length === 0 && q.expansionTokens.length === 0) return []
    const ranked = this.rank(q, { ...options, limit })
    return ranked.map(([key, score, best, coverage]) => this.toHit(key, score, best, q, coverage))
  }

  /**
   * {@link search}, with how sure the first answer is and, when the first answers differ by one
   * facet the query leaves open, a question to ask back. The site and the desk both use it.
   */
  answer(query: string, options: SearchOptions = {}): Answer {
    const q = this.analyzeWith(query, options)
    const hits = this.searchAnalyzed(q, options)
    const top = hits[0]
    const confidence = confidenceOf({
      query: q,
      top,
      unknownWord: this.hasUnknownWord(q),
      scope: scopeOf(q),
      announcesOnly: announcesOnly(query),
    })
    // One question per search: after a choice, the results speak for themselves.
    const chose = Object.keys(options.facets ?? {}).length > 0
    const askBack = chose
      ? undefined
      : askBackFor(
          hits.map((h) => ({ score: h.score, facets: this.facetsOf(docKey(h.kind, h.id)) })),
          q.facets,
          this.analyzer.facets,
        )
    return {
      hits,
      confidence,
      sure: top !== undefined && confidence >= CONFIDENCE_MODEL.threshold,
      ...(askBack ? { askBack } : {}),
    }
  }

  /**
   * Whether the query has a word of its own that nothing in the index holds — no FAQ's or guide's
   * text, no earlier phrasing: a word of three or more characters or with a kanji (クレジットカード,
   * 図書館), not a short kana ending (ええ, かね). A question about something this knowledge base
   * does not cover usually names it; the confidence model reads it (confidence.ts).
   */
  hasUnknownWord(q: QueryAnalysis): boolean {
    const fields = ['question', 'alternatives', 'shortAnswer', 'tags', 'askedBefore']
    return q.tokens.some(
      (t) =>
        !isGram(t) &&
        ([...t].length >= 3 || HAN.test(t)) &&
        !fields.some((f) => this.docs.share(f, t) > 0) &&
        !(this.passages.share('text', t) > 0),
    )
  }

  /** The query's analysis with the user's chosen facets put over its own. */
  private analyzeWith(query: string, options: SearchOptions): QueryAnalysis {
    const q = this.analyzer.analyzeQuery(typeof query === 'string' ? query : '')
    if (!options.facets || Object.keys(options.facets).length === 0) return q
    return { ...q, facets: { ...q.facets, ...options.facets } }
  }

  /**
   * Document keys and scores for an analyzed query, best first (used by search and by the eval);
   * with `limit`, at most that many. @internal
   */
  rank(
    q: QueryAnalysis,
    options: SearchOptions = {},
  ): [key: string, score: number, bestPassage: string | undefined, coverage: number][] {
    const w = this.weights
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : undefined
    const locale = options.locale

    const docScores = new Map<string, number>()
    // Passage scores by record id (records are looked up once, after both runs).
    const passageScores = new Map<number, number>()
    // A field weighted 0 is left out of the search.
    const positive = (b: Record<string, number>) =>
      Object.fromEntries(Object.entries(b).filter(([, v]) => v > 0))
    const docBoost = positive({
      question: w.question,
      questionGrams: w.question * w.grams,
      alternatives: w.alternatives,
      alternativesGrams: w.alternatives * w.grams,
      askedBefore: w.askedBefore,
      shortAnswer: w.shortAnswer,
      shortAnswerGrams: w.shortAnswer * w.grams,
      tags: w.tags,
    })
    const passageBoost = positive({ text: w.passage > 0 ? 1 : 0, textGrams: w.passage > 0 ? w.grams : 0 })
    const runs: [string[], number][] = [
      [q.tokens, 1],
      [q.expansionTokens, w.synonyms],
    ]
    // Filters (kind, locale) as sets of record ids.
    const allowedIds = kinds || locale ? this.allowedIds(kinds, locale) : undefined
    const docsAllowed = allowedIds?.docs
    const passagesAllowed = allowedIds?.passages
    const tokenWeight = inflectedWeights(q.tokens, w.inflected)
    for (const [tokens, weight] of runs) {
      if (tokens.length === 0 || weight <= 0) continue
      // Each run keeps its best CANDIDATES documents and 2 × CANDIDATES passages.
      const docs = newScores(this.docs)
      addBm25Scores(
        this.docs,
        tokens,
        docBoost,
        this.bm25,
        docs,
        docsAllowed,
        UNNORMALIZED_DOC_FIELDS,
        tokenWeight,
      )
      const bestDocs = docs.top(CANDIDATES)
      releaseScores(this.docs, docs)
      for (const [id, score] of bestDocs) {
        const key = this.docs.keyOf(id)
        if (key !== undefined) docScores.set(key, (docScores.get(key) ?? 0) + score * weight)
      }
      if (this.bodyTerms) {
        const body = newScores(this.docs)
        const grams = w.grams
        this.bodyTerms.score(
          tokens,
          (t) => (isGram(t) ? grams : (tokenWeight.get(t) ?? 1)),
          this.bm25,
          body,
          docsAllowed,
        )
        const bestBodies = body.top(CANDIDATES)
        releaseScores(this.docs, body)
        for (const [id, score] of bestBodies) {
          const key = this.docs.keyOf(id)
          if (key !== undefined) docScores.set(key, (docScores.get(key) ?? 0) + score * weight * w.body)
        }
      }
      if (Object.keys(passageBoost).length === 0) continue
      const passages = newScores(this.passages)
      addBm25Scores(
        this.passages,
        tokens,
        passageBoost,
        this.bm25,
        passages,
        passagesAllowed,
        undefined,
        tokenWeight,
      )
      const bestPassages = passages.top(CANDIDATES * 2)
      releaseScores(this.passages, passages)
      for (const [id, score] of bestPassages)
        passageScores.set(id, (passageScores.get(id) ?? 0) + score * weight)
    }
    // Best and second-best passage per document.
    const best = new Map<string, { id: string; first: number; second: number }>()
    for (const [id, score] of passageScores) {
      const rec = this.passages.record(id)
      const pid = this.passages.keyOf(id)
      if (!rec || pid === undefined) continue
      const key = rec.docKey
      const b = best.get(key)
      if (!b) best.set(key, { id: pid, first: score, second: 0 })
      else if (score > b.first) best.set(key, { id: pid, first: score, second: b.first })
      else if (score > b.second) b.second = score
    }
    const total = new Map<string, number>(docScores)
    for (const [key, b] of best)
      total.set(key, (total.get(key) ?? 0) + w.passage * b.first + w.secondPassage * b.second)
    if (Object.keys(q.facets).length > 0 && (w.facetAgree > 0 || w.facetConflict > 0 || w.facetValues > 0)) {
      for (const [key, score] of total)
        total.set(key, score * facetMultiplier(q.facets, this.facetsOf(key), w))
    }
    // A facet the caller chose (an ask-back answer) is what they said when asked, not a word read
    // from their question: a document that contradicts it is no result. The weights above are
    // fitted on facets read from words (content's facetAgree fell to 0.106 on round eight), and
    // left a card FAQ first after 電子証明書 was chosen.
    const chosen = Object.entries(options.facets ?? {}).filter(([, v]) => v.length > 0)
    if (chosen.length > 0) {
      const said = Object.fromEntries(chosen.map(([d]) => [d, q.facets[d] ?? []]))
      for (const key of [...total.keys()])
        if (meetFacets(said, this.facetsOf(key)).conflict.length > 0) total.delete(key)
    }
    const limit = options.limit ?? Infinity
    const out: [string, number, string | undefined, number][] = []
    const held = w.minMatch > 0 ? this.coverageOf(q) : undefined
    for (const [key, score] of bestFirst(total, limit)) {
      if (out.length >= limit) break
      const coverage = held ? held(key) : 1
      if (coverage >= w.minMatch) out.push([key, score, best.get(key)?.id, coverage])
    }
    return out
  }

  /**
   * The share of the query a document (by key) holds, 0–1 (min-match.ts). Token lookups are made
   * once per query; rank() tests documents in rank order only until its list is full. @internal
   */
  coverageOf(q: QueryAnalysis): (key: string) => number {
    const size = Math.max(1, this.size)
    // The FAQ's own content only: its earlier phrasings (askedBefore) re-rank what the content
    // holds but do not make a result of their own. Counting them let one everyday word of a
    // phrasing (今日, いくら) hold a whole small-talk or off-topic question, with no gain in
    // ranking on the sets left out (decision 0048).
    const docFields = {
      words: ['question', 'alternatives', 'shortAnswer', 'tags'],
      grams: ['questionGrams', 'alternativesGrams', 'shortAnswerGrams'],
    }
    const passageField = (t: string) => (isGram(t) ? 'textGrams' : 'text')
    const idf = (t: string) => {
      let share = this.passages.share(passageField(t), t)
      for (const f of isGram(t) ? docFields.grams : docFields.words)
        share = Math.max(share, this.docs.share(f, t))
      return Math.log(1 + 1 / Math.max(share, 0.5 / size))
    }
    const units = matchUnits(q, this.analyzer, { grams: this.weights.grams, idf })
    if (units.length === 0) return () => 1 // only synonym expansions: nothing of its own to hold
    const lookups = new Map<string, { docs: ReadonlySet<number>[]; passages: ReadonlySet<number>[] }>()
    const lookup = (t: string) => {
      let l = lookups.get(t)
      if (!l) {
        const docs = (isGram(t) ? docFields.grams : docFields.words).flatMap(
          (f) => this.docs.postings(f, t) ?? [],
        )
        const passages = [this.passages.postings(passageField(t), t)].filter((x) => x !== undefined)
        l = { docs, passages }
        lookups.set(t, l)
      }
      return l
    }
    return (key) => {
      const docId = this.docs.idOf(key)
      const rec = this.docs.get(key)
      if (docId === undefined || !rec) return 0
      const passageIds: number[] = []
      for (let n = 0; n < rec.passageCount; n++) {
        const id = this.passages.idOf(`${key}#${n}`)
        if (id !== undefined) passageIds.push(id)
      }
      const holds = (t: string) => {
        const l = lookup(t)
        return l.docs.some((s) => s.has(docId)) || l.passages.some((s) => passageIds.some((id) => s.has(id)))
      }
      return coverage(units, holds)
    }
  }

  /**
   * A hit whose passage, snippet and explanation are worked out when first read (then kept): a
   * caller that takes a wide pool and shows a few (the desk lookup reorders 30 and shows 8) pays
   * for highlighting only what it shows. They are enumerable getters, so spreading, JSON and
   * structuredClone see plain values.
   */
  private toHit(
    key: string,
    score: number,
    bestPassage: string | undefined,
    q: QueryAnalysis,
    coverage: number,
  ): SearchHit {
    const rec = this.docs.get(key)!
    const doc = rec.doc
    const passageId = bestPassage ?? (rec.passageCount > 0 ? `${key}#0` : undefined)
    const p = passageId ? this.passages.get(passageId) : undefined
    let details: ReturnType<SearchIndex['details']> | undefined
    const get = () => (details ??= this.details(doc, p, q))
    const hit = {
      id: doc.id,
      kind: doc.kind,
      score,
      document: doc,
      coverage,
      facets: meetFacets(q.facets, this.facetsOf(key)),
    } as SearchHit
    const lazy = (name: 'passage' | 'snippet' | 'explanation') =>
      Object.defineProperty(hit, name, { enumerable: true, configurable: true, get: () => get()[name] })
    if (p) lazy('passage')
    lazy('snippet')
    lazy('explanation')
    return hit
  }

  private details(
    doc: SearchDocument,
    p: PassageRecord | undefined,
    q: QueryAnalysis,
  ): Pick<SearchHit, 'passage' | 'snippet' | 'explanation'> {
    const findMatches = matcher([...q.tokens, ...q.expansionTokens])
    const fields: MatchExplanation['fields'] = []
    const note = (field: MatchedField, text: string | undefined): Span[] => {
      if (!text) return []
      const spans = findMatches(text)
      const terms = matchedTerms(text, spans)
      if (terms.length) {
        const existing = fields.find((f) => f.field === field)
        if (existing) existing.terms = [...new Set([...existing.terms, ...terms])]
        else fields.push({ field, terms })
      }
      return spans
    }
    note('question', doc.question)
    for (const alt of doc.alternatives ?? []) note('alternatives', alt)
    // At weight 0 the phrasings count for nothing, so they are no reason either.
    if (this.weights.askedBefore > 0) for (const asked of doc.askedBefore ?? []) note('askedBefore', asked)
    const shortSpans = note('shortAnswer', doc.shortAnswer)
    const passageSpans = p ? note(p.field, p.text) : []
    note('tags', (doc.tags ?? []).join(' '))

    const docText = normalizeText(
      [doc.question, ...(doc.alternatives ?? []), doc.shortAnswer ?? '', p?.text ?? ''].join('\n'),
    )
    const synonyms = q.synonyms.filter((m) =>
      m.expandedTo.some((t) => {
        const n = normalizeText(t)
        return n.length > 0 && docText.includes(n)
      }),
    )
    const usedTerms = (s: SynonymMatch) => s.expandedTo.filter((t) => docText.includes(normalizeText(t)))
    const summary = [
      ...fields.map((f) => `${f.field}: ${f.terms.slice(0, 5).join(', ')}`),
      ...synonyms.map((s) => `synonym: ${s.term} → ${usedTerms(s).join(', ')}`),
      ...q.romaji.map((r) => `romaji: ${r.from} → ${r.to}`),
      ...q.typos.map((t) => `typo: ${t.from} → ${t.to}`),
    ].join(' · ')
    const documentFacets = this.facetsOf(docKey(doc.kind, doc.id))
    const reasons = reasonsInJapanese(
      {
        fields,
        synonyms: synonyms.map((s) => ({ term: s.term, used: usedTerms(s) })),
        romaji: q.romaji,
        typos: q.typos,
        facets: meetFacets(q.facets, documentFacets),
        queryFacets: q.facets,
        documentFacets,
      },
      this.analyzer.facets,
    )

    const snippet = p
      ? makeSnippet(p.text, passageSpans)
      : makeSnippet(doc.shortAnswer ?? doc.question, doc.shortAnswer ? shortSpans : [])
    return {
      ...(p
        ? {
            passage: {
              index: p.n,
              field: p.field,
              text: p.text,
              start: p.start,
              end: p.end,
              highlights: passageSpans,
            },
          }
        : {}),
      snippet,
      explanation: { fields, synonyms, romaji: q.romaji, summary, reasons },
    }
  }

  /** The ids of the documents and passages of `kinds` (any when undefined) in `locale` (any when undefined). */
  private allowedIds(kinds: readonly DocumentKind[] | undefined, locale: string | undefined) {
    const key = `${kinds?.join(',') ?? '*'}|${locale ?? '*'}`
    let ids = this.filterCache.get(key)
    if (!ids) {
      const allowed = (r: { kind: DocumentKind; locale: string }) =>
        (!kinds || kinds.includes(r.kind)) && (!locale || r.locale === locale)
      ids = { docs: this.docs.idsWhere(allowed), passages: this.passages.idsWhere(allowed) }
      this.filterCache.set(key, ids)
    }
    return ids
  }

  /**
   * A document's facets: its own (`SearchDocument.facets`, per dimension) where given, else found
   * in its question and alternatives. Kept per key until the document changes. @internal
   */
  facetsOf(key: string): FacetValues {
    let f = this.facetCache.get(key)
    if (f) return f
    const doc = this.docs.get(key)?.doc
    f = doc
      ? this.analyzer.facets.detect([doc.question, ...(doc.alternatives ?? [])].join('\n'), {
          document: true,
        })
      : {}
    const questionOnly = new Set(
      this.analyzer.facets.dimensions.filter((d) => d.questionOnly).map((d) => d.id),
    )
    for (const [dimension, values] of Object.entries(doc?.facets ?? {})) {
      if (values && !questionOnly.has(dimension)) f[dimension] = [...values]
    }
    for (const [dimension, values] of Object.entries(f)) if (values.length === 0) delete f[dimension]
    this.facetCache.set(key, f)
    return f
  }

  /** Removes a document and its passages (their tokens are found again, as when added). */
  private removeKey(key: string): boolean {
    this.facetCache.delete(key)
    this.filterCache.clear()
    const rec = this.docs.get(key)
    if (!rec) return false
    const id = this.docs.idOf(key)
    if (id !== undefined) this.bodyTerms?.remove(id)
    for (let n = 0; n < rec.passageCount; n++) {
      const p = this.passages.get(`${key}#${n}`)
      if (p) this.passages.remove(`${key}#${n}`, this.tokens({ text: p.text }))
    }
    // A restored index has the phrasings' tokens but not their text (persist.ts).
    return this.docs.remove(key, {
      ...this.docTokens(rec.doc),
      askedBefore: this.docs.tokensOf(key, 'askedBefore'),
    })
  }

  private check(input: SearchDocument): SearchDocument {
    if (!input || typeof input !== 'object') throw new InvalidDocumentError('a document must be an object')
    if (typeof input.id !== 'string' || !input.id.trim())
      throw new InvalidDocumentError('a document needs a non-empty string id')
    if (!DOCUMENT_KINDS.includes(input.kind))
      throw new InvalidDocumentError(`document ${input.id}: kind must be one of ${DOCUMENT_KINDS.join(', ')}`)
    if (typeof input.question !== 'string')
      throw new InvalidDocumentError(`document ${input.id}: question must be a string`)
    if (this.audience === 'public') {
      if (input.audience === 'operator')
        throw new AudienceError(`document ${input.id} is for operators only; a public index cannot hold it`)
      if (input.operatorNotes)
        throw new AudienceError(
          `document ${input.id} has operator notes; a public index cannot hold them (use faqToDocument(faq, { audience: 'public' }))`,
        )
    }
    // A copy, so later changes to the caller's object do not reach the index.
    return structuredClone(input)
  }
}

/**
 * Entries by score (then key), best first. With a small `limit`, only the best 2 × limit are
 * sorted at first (the minimum-should-match test may pass over some); the rest only if needed.
 */
function* bestFirst(scores: Map<string, number>, limit: number): Generator<[string, number]> {
  const byScore = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)
  const entries = [...scores.entries()]
  const first = 2 * limit
  if (!Number.isFinite(first) || entries.length <= first * 2) {
    yield* entries.sort(byScore)
    return
  }
  const cut = kthLargest(
    Float64Array.from(entries, (e) => e[1]),
    first,
  )
  yield* entries.filter((e) => e[1] >= cut).sort(byScore)
  yield* entries.filter((e) => e[1] < cut).sort(byScore)
}

/** A new, empty index. */
export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  return new SearchIndex(options)
}

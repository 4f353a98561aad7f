/**
 * The plain records gap analysis reads (the CMS maps its collections to these) and what it returns.
 * Every text field is expected to be masked already; the analysis masks it again anyway.
 */

/** Where a gap signal came from. */
export const GAP_KINDS = [
  'zero-result',
  'low-score',
  'no-click',
  'no-faq-call',
  'escalation',
  'not-helpful',
  'transcript-question',
] as const
export type GapKind = (typeof GAP_KINDS)[number]

/** Japanese labels for screens and reports. */
export const GAP_KIND_LABELS: Record<GapKind, string> = {
  'zero-result': '検索結果0件',
  'low-score': '弱い一致の検索',
  'no-click': '閲覧のない検索',
  'no-faq-call': 'FAQを使わなかった応対',
  escalation: 'エスカレーション',
  'not-helpful': '「解決しなかった」の声',
  'transcript-question': '通話の質問（FAQで答えられない）',
}

/** One piece of evidence that the knowledge base lacks an answer. */
export interface GapSignal {
  kind: GapKind
  /** Masked text: a search, an operator's lookups, an escalation summary, a vote's reason. */
  text: string
  /** ISO instant. */
  at: string
  /** Category slug when known (calls). */
  topic?: string | null
  /** The FAQ a "not helpful" vote was about. */
  faq?: string | null
}

/** A site event as the CMS stores it (`site-events`). */
export interface SiteEventRecord {
  type: 'search' | 'zero-result' | 'faq-view' | 'helpful' | 'facet-choice'
  at: string
  query?: string | null
  faq?: string | null
  helpful?: boolean | null
  reason?: string | null
  locale?: string | null
  /** facet-choice: the dimension asked about (content/facets.yaml id, e.g. `what`). */
  dimension?: string | null
  /** facet-choice: the value chosen (e.g. `certificate`). */
  value?: string | null
}

/** The part of a call log gap analysis reads. */
export interface GapCallRecord {
  id: string
  talkStartedAt: string
  /** What the operator looked up at the desk (masked). */
  queries?: readonly string[] | null
  /** Masked summary. */
  summary?: string | null
  faqsUsed?: readonly string[] | null
  category?: string | null
}

/** The part of an escalation gap analysis reads. */
export interface GapEscalationRecord {
  id: string
  createdAt: string
  summary: string
}

/** A cluster of similar signals, with masked examples. */
export interface GapCluster {
  /** Stable for the same data: derived from the leader's terms. */
  id: string
  /** The member text most similar to the others (a good draft question). */
  typicalText: string
  /** Signals in the cluster. */
  volume: number
  byKind: Partial<Record<GapKind, number>>
  /** Distinct masked texts, most frequent first (at most `maxExamples`). */
  examples: { text: string; count: number }[]
  /** The terms most members share, most common first. */
  terms: string[]
  topics: string[]
  faqs: string[]
  firstAt: string
  lastAt: string
}

/** Turns text into the search analyzer's terms (the CMS passes @kotae/search-indexer's). */
export type Tokenize = (text: string) => readonly string[]

/** What GET /api/lookup returns: the contract between the lookup endpoint and the desk. */
export type LookupCandidate = {
  id: string
  kind: 'faq' | 'guide' | 'source'
  /** CMS document id (number on both adapters). */
  docId: number | string
  title: string
  shortAnswer: string
  answer: string
  /** The best matching passage; `marks` are [start, end) offsets into `text` to highlight. */
  snippet: { text: string; marks: [number, number][] }
  /** Why it matched, in Japanese, e.g. 「質問文に一致: 暗証番号・忘れ」. */
  explanation: string
  category: string | null
  sources: { title: string; url: string; checkedAt: string | null }[]
  bring: { item: string; note?: string | null }[]
  steps: { title: string; detail: string }[]
  score: number
}

export type PastCall = {
  id: number | string
  talkStartedAt: string
  summary: string
  outcome: string
  faqsUsed: { id: number | string; question: string }[]
}

/** A question to ask the caller back: the first answers differ by one facet the question leaves open. */
export type LookupAskBack = {
  /** The facet dimension (content/facets.yaml), e.g. `what`. */
  dimension: string
  /** Polite Japanese, e.g. 「どちらについてのご質問ですか？」. */
  question: string
  /** One button each at the desk; `value` goes back as `facets=<dimension>:<value>`. */
  options: { value: string; name: string }[]
}

export type LookupResponse = {
  query: string
  tookMs: number
  candidates: LookupCandidate[]
  pastCalls: PastCall[]
  /** Whether the first answer is a confident one (the search package's calibrated model); false without candidates. */
  sure: boolean
  /** The model's probability (0–1) that the engine's first answer answers the question. */
  confidence: number
  /** Present when the first answers differ by one facet the question leaves open (and none was chosen there). */
  askBack?: LookupAskBack
  /** The facets the lookup was asked with (`facets=` param), dimension → value ids; `{}` without. */
  facets: Record<string, string[]>
}

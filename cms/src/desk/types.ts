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

export type LookupResponse = { query: string; tookMs: number; candidates: LookupCandidate[]; pastCalls: PastCall[] }

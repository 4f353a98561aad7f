import type { SearchDocument } from '@kotae/search-indexer'

import type { Faq, Guide, Source } from '../payload-types'

const nameOf = (rel: unknown): string | undefined => (rel && typeof rel === 'object' && 'name' in rel ? String((rel as { name: unknown }).name) : undefined)

/** A published FAQ as the operator index sees it (operator notes included; the index is staff-only). */
export type IndexedFaq = Pick<Faq, 'id' | 'slug' | 'locale' | 'question' | 'alternatives' | 'shortAnswer' | 'answerText' | 'operatorNotes' | 'tags' | 'category' | 'audience'>

export const faqDocument = (f: IndexedFaq): SearchDocument => ({
  id: f.slug ?? String(f.id),
  kind: 'faq',
  locale: f.locale,
  question: f.question,
  alternatives: (f.alternatives ?? []).map((a) => a.text),
  shortAnswer: f.shortAnswer,
  body: f.answerText ?? '',
  operatorNotes: f.operatorNotes ?? undefined,
  tags: f.tags ?? [],
  category: nameOf(f.category),
  audience: f.audience,
})

export const guideDocument = (g: Guide): SearchDocument => ({
  id: g.slug ?? String(g.id),
  kind: 'guide',
  locale: g.locale,
  question: g.title,
  shortAnswer: g.summary,
  body: [...(g.steps ?? []).map((s, i) => `${i + 1}. ${s.title}\n${s.detail}`), `場所: ${g.where}`, `時間: ${g.when}`].join('\n\n'),
  category: nameOf(g.category),
  audience: g.audience,
})

export const sourceDocument = (s: Source): SearchDocument => ({
  id: s.slug ?? String(s.id),
  kind: 'source',
  locale: 'ja',
  question: s.title,
  shortAnswer: s.publisher,
  url: s.url,
  audience: 'public',
})

import type { Faq } from '@kotae/content/schema'

/** A valid published public FAQ for tests; `over` sets what a test is about. */
export const faq = (over: Partial<Faq>): Faq => ({
  id: 'a',
  question: '質問です？',
  alternatives: ['x1', 'x2', 'x3'],
  shortAnswer: '短い答え',
  category: 'cat',
  tags: [],
  audience: 'public',
  sources: ['s1'],
  facts: ['SYS-01'],
  bring: [],
  related: [],
  reviewBy: '2027-05-31',
  locale: 'ja',
  needsReview: false,
  status: 'published',
  answer: '本文',
  file: 'faqs/ja/a.md',
  ...over,
})

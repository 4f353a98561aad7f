/**
 * A published public FAQ entry as the site bundle carries it (contracts/siteContent.ts). Every
 * field is named, so nothing staff-only (operator notes, fact ids, review state) can slip through
 * when the entry grows a field.
 */
import type { SiteContent } from '../contracts/siteContent'
import type { FaqEntry } from './entry'

export type SiteFaq = SiteContent['faqs'][number]

/** The site bundle's FAQ fields that the CMS does not send, and why (the site's defaults apply). */
export const SITE_FAQ_NOT_SENT = {
  needsReview: 'a reviewer’s flag: only published answers reach the site, and citizens are not shown it',
} as const satisfies Partial<Record<keyof SiteFaq, string>>

/** The entry as the site reads it; call it for published public entries only. */
export const faqToSiteEntry = (entry: FaqEntry): SiteFaq => ({
  id: entry.id,
  locale: entry.locale,
  question: entry.question,
  alternatives: entry.alternatives,
  shortAnswer: entry.shortAnswer,
  answer: entry.answer,
  ...(entry.easy ? { easy: entry.easy } : {}),
  category: entry.category,
  tags: entry.tags,
  ...(entry.facets ? { facets: entry.facets } : {}),
  audience: 'public',
  sources: entry.sources,
  bring: entry.bring,
  related: entry.related,
  reviewBy: entry.reviewBy,
  ...(entry.readings ? { readings: entry.readings } : {}),
  ...(entry.translationOf ? { translationOf: entry.translationOf } : {}),
  status: 'published',
})

/**
 * An FAQ entry as a row of the FAQ CSV (docs/decisions/0010-faq-csv.md). A row read back
 * (`faqRowSchema`) is a {@link FaqCsvRecord}, which is the entry's CSV fields as they are
 * (`Pick<FaqEntry, FaqCsvField>`), so the import writes it with the same mapping as the seed.
 */
import type { FaqCsvRecord } from '../csv/columns'
import type { CityIdentity } from '../csv/record'
import type { FaqEntry } from './entry'

/** The entry's fields the CSV carries. */
export const FAQ_CSV_FIELDS = [
  'id',
  'question',
  'alternatives',
  'shortAnswer',
  'answer',
  'category',
  'sources',
  'reviewBy',
  'status',
  'audience',
  'locale',
  'translationOf',
  'related',
  'needsReview',
] as const satisfies readonly (keyof FaqEntry)[]
export type FaqCsvField = (typeof FAQ_CSV_FIELDS)[number]

/** The entry's fields the CSV leaves out (an import keeps their stored values), and why. */
export const FAQ_CSV_NOT_CARRIED = {
  tags: 'search aids the editors keep in the CMS; a spreadsheet list would be edited without them',
  operatorNotes: 'staff-only text: a CSV travels by mail and shared drives',
  facts: 'fact-sheet ids checked against the fact sheet in the repository, not in a spreadsheet',
  bring: 'a structured list (item, note, cases) with no faithful single-cell form',
  facets: 'the search override is checked against the facet vocabulary on publish, in the CMS',
  readings:
    'furigana overrides (word → hiragana) are a site aid an editor fixes in the CMS where the site misreads a word; the CSV’s columns are the city’s exchange format and the import keeps the stored rows',
  easy: 'the optional やさしい日本語 version is written and approved in the CMS beside the answer; the CSV’s columns are the city’s exchange format (decision 0010) and the import keeps the stored text',
} as const satisfies Partial<Record<keyof FaqEntry, string>>

/** The entry as a CSV record of `city`. Blank 言い換え rows (a draft may hold them) are dropped. */
export function faqToCsvRecord(entry: FaqEntry, city: CityIdentity): FaqCsvRecord {
  return {
    localGovernmentCode: city.localGovernmentCode,
    id: entry.id,
    cityName: city.name,
    question: entry.question,
    alternatives: entry.alternatives.map((a) => a.trim()).filter((a) => a !== ''),
    shortAnswer: entry.shortAnswer,
    answer: entry.answer,
    category: entry.category,
    sources: entry.sources,
    reviewBy: entry.reviewBy,
    status: entry.status,
    audience: entry.audience,
    locale: entry.locale,
    ...(entry.translationOf ? { translationOf: entry.translationOf } : {}),
    related: entry.related,
    needsReview: entry.needsReview,
  }
}

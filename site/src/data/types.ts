/**
 * What the public site may show, and nothing more. Every page reads these types only; the loader
 * (`index.ts`) is the one place that knows where they come from (content files today, the CMS's
 * published REST API later) and builds them field by field from an allow-list, so operator-only
 * FAQs and operator notes can never reach a page or the search data.
 */
import type { BringCase, FacetDimension, Procedure, RequiredItem } from '@kotae/content/schema'
import type { SearchDocument } from '@kotae/search-indexer'

export type { BringCase, FacetDimension, Procedure, RequiredItem }

export type PublicSource = { id: string; title: string; publisher: string; url: string; checkedAt: string }

export type PublicCategory = {
  id: string
  name: string
  nameEn: string
  description?: string
  descriptionEn?: string
  order: number
}

export type PublicFaq = {
  id: string
  locale: 'ja' | 'en'
  question: string
  shortAnswer: string
  /** Markdown, rendered with `lib/markdown.ts` (raw HTML dropped, URLs sanitized). */
  answer: string
  /** The answer in やさしい日本語 (Markdown), a Japanese FAQ's only; shown on its Japanese page, never searched. */
  easy?: string
  category: string
  tags: string[]
  bring: RequiredItem[]
  /** Source ids (each resolves in `SiteData.sources`). */
  sources: string[]
  /** Related public FAQ ids (ids that are not public are dropped). */
  related: string[]
  /**
   * When a person last checked this answer (YYYY-MM-DD). From the content files: the latest
   * `checkedAt` of its sources, the date its facts were last checked against them. From the CMS:
   * the approval date.
   */
  reviewedAt: string
  /** For an English FAQ: the Japanese FAQ it translates. */
  translationOf?: string
  /** Furigana overrides for this FAQ: word → hiragana (content's `readings`). */
  readings?: Record<string, string>
}

export type PublicGuide = {
  id: string
  locale: 'ja' | 'en'
  title: string
  procedure: Procedure
  summary: string
  category: string
  /** Markdown introduction (may be empty). */
  body: string
  steps: { title: string; detail: string; titleEn?: string; detailEn?: string }[]
  /** Items carry their English siblings (`itemEn`, `noteEn`) when the guide is in English. */
  bring: { case: BringCase; items: RequiredItem[] }[]
  where: string
  when: string
  /**
   * The guide in English (content's `titleEn`…; every one of them or none, the loader sees to
   * it): /en/ pages show these, and the Japanese, marked `lang="ja"`, where there are none.
   */
  en?: { title: string; summary: string; body: string; where: string; when: string }
  sources: string[]
  /** Related public FAQ ids. */
  related: string[]
  reviewedAt: string
}

/** `label` stays Japanese (the checks that find the 市民課 or a FAX line read it); `labelEn` is for /en/. */
type PublicPhone = { label: string; labelEn?: string; number: string }

export type PublicCity = {
  name: string
  nameEn: string
  /** Real numbers only: placeholders are left out. */
  phones: PublicPhone[]
  /** `address` is left out where the city profile has a placeholder (要確認). */
  counters: { name: string; nameEn?: string; address?: string }[]
  hours: {
    label: string
    labelEn?: string
    weekdays: number[]
    weeksOfMonth?: number[]
    opens: string
    closes: string
    closedOnHolidays: boolean
  }[]
  yearEndClosure: { from: string; to: string }
  closedDates: string[]
  /** Notices still current at build time. */
  notices: { title: string; body: string; titleEn?: string; bodyEn?: string; until?: string }[]
  /** City-wide furigana overrides: word → hiragana. */
  readings: Record<string, string>
}

export type SiteData = {
  /** Japanese FAQs, the site's canonical set: one page per id in each language. */
  faqs: PublicFaq[]
  /** English translations by the id of the Japanese FAQ they translate. */
  translations: Record<string, PublicFaq>
  guides: PublicGuide[]
  sources: Record<string, PublicSource>
  /** Sorted by `order`; only categories that hold at least one public FAQ or guide. */
  categories: PublicCategory[]
  city: PublicCity
  /** FAQ ids shown as popular topics, most asked first. */
  popular: string[]
  /**
   * The public search documents (Japanese FAQs and guides, and the English translations, each with
   * its `locale` and its page's `url` below the language root, e.g. `faq/pin-forgot/`) and the
   * synonyms and the facet vocabulary (content's facets.yaml, or the CMS's; `[]` when there is
   * none); the build saves them as one index per page language (`lib/search/build.ts`).
   */
  search: { documents: SearchDocument[]; synonyms: { terms: string[] }[]; facets: FacetDimension[] }
}

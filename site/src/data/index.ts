/**
 * The site's one data source. Pages call {@link loadSiteData} and see only the public view
 * ({@link SiteData}); nothing else in the site imports @kotae/content.
 *
 * With `KOTAE_CMS_URL` set (as `npm start`'s rebuilds do), the data is the CMS's published,
 * public content (`cms.ts`, `GET /api/site-content`); without it, the curated content files
 * (`@kotae/content`), so the site also builds on its own. Either way it passes through
 * {@link toPublicData}, which applies the same allow-list again.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

import { loadValidContent } from '@kotae/content'
import type {
  Category,
  CityProfile,
  FacetDimension,
  Faq,
  Guide,
  Source,
  SynonymGroup,
} from '@kotae/content/schema'
import { contentToDocuments } from '@kotae/search-indexer'

import { fetchSiteContent } from './cms'
import type { PublicCity, PublicFaq, PublicGuide, PublicSource, SiteData } from './types'

export type * from './types'

/**
 * Popular topics until the CMS's usage counts drive them: the questions the call center says it
 * hears most (renewals, the notice letter, PINs, pickup, a lost card, the insurance card).
 */
const DEFAULT_POPULAR = [
  'card-renewal-how',
  'cert-renewal-how',
  'notice-letter-what',
  'pin-forgot',
  'pickup-what-to-bring',
  'lost-what-to-do',
  'hoken-register',
  'pickup-hours-reservation',
]

type Bundle = {
  faqs: readonly Faq[]
  guides: readonly Guide[]
  sources: readonly Source[]
  categories: readonly Category[]
  synonyms: readonly SynonymGroup[]
  /** The facet vocabulary (what a question is about: who, what, action, when). Default: none. */
  facets?: readonly FacetDimension[]
  city: CityProfile
}

const isPublished = (e: { status?: string }) => (e.status ?? 'published') === 'published'
const isPublicFaq = (f: Faq) => isPublished(f) && (f.audience ?? 'public') === 'public'

/** The public view of a content bundle. Pure; `today` (YYYY-MM-DD, Asia/Tokyo) drops expired notices. */
export function toPublicData(
  bundle: Bundle,
  today: string,
  popular: readonly string[] = DEFAULT_POPULAR,
): SiteData {
  const sources: Record<string, PublicSource> = {}
  for (const s of bundle.sources)
    sources[s.id] = { id: s.id, title: s.title, publisher: s.publisher, url: s.url, checkedAt: s.checkedAt }

  const publicFaqs = bundle.faqs.filter(isPublicFaq)
  const jaIds = new Set(publicFaqs.filter((f) => f.locale === 'ja').map((f) => f.id))
  const reviewedAt = (ids: readonly string[]) =>
    ids
      .map((id) => sources[id]?.checkedAt)
      .filter((d): d is string => Boolean(d))
      .sort()
      .at(-1) ?? ''

  const faq = (f: Faq): PublicFaq => ({
    id: f.id,
    locale: f.locale,
    question: f.question,
    shortAnswer: f.shortAnswer,
    answer: f.answer,
    ...(f.easy && f.locale === 'ja' ? { easy: f.easy } : {}),
    category: f.category,
    tags: [...f.tags],
    bring: f.bring.map((b) => ({ ...b })),
    sources: f.sources.filter((id) => id in sources),
    related: f.related.filter((id) => jaIds.has(id) && id !== f.id),
    reviewedAt: reviewedAt(f.sources),
    ...(f.translationOf ? { translationOf: f.translationOf } : {}),
    ...(f.readings ? { readings: { ...f.readings } } : {}),
  })

  const faqs = publicFaqs.filter((f) => f.locale === 'ja').map(faq)
  const translations: Record<string, PublicFaq> = {}
  for (const f of publicFaqs)
    if (f.locale === 'en' && f.translationOf && jaIds.has(f.translationOf))
      translations[f.translationOf] = faq(f)

  const guides: PublicGuide[] = bundle.guides
    .filter((g) => isPublished(g) && g.locale === 'ja')
    .map((g) => ({
      id: g.id,
      locale: g.locale,
      title: g.title,
      procedure: g.procedure,
      summary: g.summary,
      category: g.category,
      body: g.body,
      steps: g.steps.map((s) => ({
        title: s.title,
        detail: s.detail,
        ...(s.titleEn ? { titleEn: s.titleEn } : {}),
        ...(s.detailEn ? { detailEn: s.detailEn } : {}),
      })),
      bring: g.bring.map((b) => ({ case: b.case, items: b.items.map((i) => ({ ...i })) })),
      where: g.where,
      when: g.when,
      ...(g.titleEn && g.summaryEn && g.whereEn && g.whenEn
        ? {
            en: {
              title: g.titleEn,
              summary: g.summaryEn,
              body: g.bodyEn ?? '',
              where: g.whereEn,
              when: g.whenEn,
            },
          }
        : {}),
      sources: g.sources.filter((id) => id in sources),
      related: g.related.filter((id) => jaIds.has(id)),
      reviewedAt: reviewedAt(g.sources),
    }))

  const used = new Set([...faqs.map((f) => f.category), ...guides.map((g) => g.category)])
  const categories = bundle.categories
    .filter((c) => used.has(c.id))
    .map((c) => ({
      id: c.id,
      name: c.name,
      nameEn: c.nameEn,
      order: c.order,
      ...(c.description ? { description: c.description } : {}),
      ...(c.descriptionEn ? { descriptionEn: c.descriptionEn } : {}),
    }))
    .sort((a, b) => a.order - b.order)

  const c = bundle.city
  const city: PublicCity = {
    name: c.name,
    nameEn: c.nameEn,
    phones: c.phones
      .filter((p) => !p.placeholder)
      .map((p) => ({ label: p.label, ...(p.labelEn ? { labelEn: p.labelEn } : {}), number: p.number })),
    // A placeholder address (要確認) never reaches a page: the counter is named without it.
    counters: c.counters.map((x) => ({
      name: x.name,
      ...(x.nameEn ? { nameEn: x.nameEn } : {}),
      ...(x.placeholder ? {} : { address: x.address }),
    })),
    hours: c.hours.map((h) => ({
      label: h.label,
      ...(h.labelEn ? { labelEn: h.labelEn } : {}),
      weekdays: [...h.weekdays],
      ...(h.weeksOfMonth ? { weeksOfMonth: [...h.weeksOfMonth] } : {}),
      opens: h.opens,
      closes: h.closes,
      closedOnHolidays: h.closedOnHolidays ?? true,
    })),
    yearEndClosure: { ...c.yearEndClosure },
    closedDates: [...c.closedDates],
    readings: { ...(c.readings ?? {}) },
    notices: c.notices
      .filter((n) => !n.until || n.until >= today)
      .map((n) => ({
        title: n.title,
        body: n.body,
        ...(n.titleEn && n.bodyEn ? { titleEn: n.titleEn, bodyEn: n.bodyEn } : {}),
        ...(n.until ? { until: n.until } : {}),
      })),
  }

  // The search documents come from the search package's own converter, given only public entries,
  // so the browser ranks exactly like the operators' engine does. Each carries `url`, its page's
  // path below the language root (an English translation points at its Japanese id's page).
  const pageOf = (f: Faq) => (f.locale === 'en' && f.translationOf ? f.translationOf : f.id)
  const searchFaqs = publicFaqs.filter((f) =>
    f.locale === 'ja' ? true : f.translationOf !== undefined && jaIds.has(f.translationOf),
  )
  const urls = new Map(searchFaqs.map((f) => [`faq:${f.id}`, `faq/${pageOf(f)}/`]))
  const documents = contentToDocuments(
    {
      faqs: searchFaqs.map((f) => ({ ...f, operatorNotes: undefined })),
      guides: bundle.guides.filter((g) => isPublished(g) && g.locale === 'ja'),
    },
    { audience: 'public', kinds: ['faq', 'guide'] },
  ).map((d) => ({ ...d, url: urls.get(`${d.kind}:${d.id}`) ?? `${d.kind}/${d.id}/` }))

  return {
    faqs,
    translations,
    guides,
    sources,
    categories,
    city,
    popular: popular.filter((id) => jaIds.has(id)),
    search: {
      documents,
      synonyms: bundle.synonyms.map((g) => ({ terms: [...g.terms] })),
      // Names, forms and the question-only flag (the vocabulary has nothing else); copied so the caller's bundle stays its own.
      facets: (bundle.facets ?? []).map((d) => ({
        id: d.id,
        name: d.name,
        values: d.values.map((v) => ({ id: v.id, name: v.name, forms: [...v.forms] })),
        ...(d.questionOnly ? { questionOnly: true } : {}),
      })),
    },
  }
}

/** Today in Asia/Tokyo as YYYY-MM-DD. */
export const tokyoToday = (now = new Date()) =>
  new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10)

/**
 * The content folder: `KOTAE_CONTENT_DIR`, or the @kotae/content package's own folder (resolved
 * through node_modules, because the build bundles this module away from its source path).
 */
export function contentDir(): string {
  if (process.env.KOTAE_CONTENT_DIR) return path.resolve(process.env.KOTAE_CONTENT_DIR)
  return path.resolve(path.dirname(createRequire(import.meta.url).resolve('@kotae/content')), '..')
}

let cached: Promise<SiteData> | undefined

/** The CMS to build from (`KOTAE_CMS_URL`), or undefined for the content files. */
export const cmsUrl = (): string | undefined => process.env.KOTAE_CMS_URL || undefined

/** The site's data, loaded once per build: from the CMS when `KOTAE_CMS_URL` is set, else the content files. */
export function loadSiteData(): Promise<SiteData> {
  const cms = cmsUrl()
  cached ??= (cms ? fetchSiteContent(cms) : loadValidContent(contentDir())).then((bundle) =>
    toPublicData(bundle, tokyoToday()),
  )
  return cached
}

/** Lookups the templates use. */
export function indexes(data: SiteData) {
  const faqById = new Map(data.faqs.map((f) => [f.id, f]))
  const guideById = new Map(data.guides.map((g) => [g.id, g]))
  const categoryById = new Map(data.categories.map((c) => [c.id, c]))
  return { faqById, guideById, categoryById }
}

import { SITE_CONTENT_FORMAT, type SiteContent } from '@kotae/content/contracts/siteContent'
import { faqToSiteEntry, readingsOfRows } from '@kotae/content/faq/index'
import type { BringCase } from '@kotae/content/schema'
import type { Payload, Where } from 'payload'

import { faqFromPayload, slugsOf, type SlugOf } from '../faq'
import { englishOf } from '../fields/english'
import { tokyoDay } from '../lib/jstDays'
import { markdownOf } from '../lib/markdown'
import type { Category, CityProfile, Faq, Guide, Source, Synonym } from '../payload-types'
import { facetVocabulary } from '../search/facetVocabulary'

/**
 * What the public site is built from (the contract: @kotae/content/contracts/siteContent), in the
 * shapes of the content files: answers as Markdown, links as slugs, dates as YYYY-MM-DD. Every
 * field is copied by name (an FAQ's by the FAQ module: cms/src/faq, @kotae/content/faq), so
 * nothing new (operator notes, review state, approvers) can slip through when a collection grows
 * a field.
 *
 * Reads the published, public entries as an anonymous visitor: the collections' own read access
 * decides (`overrideAccess: false`, no user), and the query asks for published public entries
 * again, so a staff session can never widen what the site shows.
 */
export async function readSiteContent(payload: Payload): Promise<SiteContent> {
  const markdown = await markdownOf(payload)
  // Sorted by slug, as the content files are listed, so the same entries make the same pages.
  const anonymous = {
    overrideAccess: false,
    depth: 0,
    pagination: false,
    draft: false,
    sort: 'slug',
  } as const
  const publicPublished: Where = {
    and: [{ _status: { equals: 'published' } }, { audience: { equals: 'public' } }],
  }

  const [categories, sources, faqs, guides, city, synonyms, facets] = await Promise.all([
    payload.find({ collection: 'categories', ...anonymous }).then((r) => r.docs as Category[]),
    payload.find({ collection: 'sources', ...anonymous }).then((r) => r.docs as Source[]),
    payload.find({ collection: 'faqs', ...anonymous, where: publicPublished }).then((r) => r.docs as Faq[]),
    payload
      .find({ collection: 'guides', ...anonymous, where: publicPublished })
      .then((r) => r.docs as Guide[]),
    payload.findGlobal({ slug: 'city-profile', overrideAccess: false, depth: 0 }) as Promise<CityProfile>,
    payload.findGlobal({ slug: 'synonyms', overrideAccess: false, depth: 0 }) as Promise<Synonym>,
    facetVocabulary(),
  ])

  // A link the anonymous read cannot resolve is left out, a required one left empty: the site's validation names it.
  const links = { categories: slugsOf(categories), sources: slugsOf(sources), faqs: slugsOf(faqs) }
  const slugList = (slugOf: SlugOf, rels: unknown[] | null | undefined) =>
    (rels ?? []).map(slugOf).filter((s): s is string => s !== undefined)
  const items = (
    list:
      | {
          item: string
          note?: string | null
          itemEn?: string | null
          noteEn?: string | null
          cases?: BringCase[] | null
          optional?: boolean | null
        }[]
      | null
      | undefined,
  ) =>
    (list ?? []).map((b) => ({
      item: b.item,
      ...(b.note ? { note: b.note } : {}),
      ...englishOf('itemEn', b.itemEn),
      ...englishOf('noteEn', b.noteEn),
      ...(b.cases?.length ? { cases: b.cases } : {}),
      optional: b.optional ?? false,
    }))

  return {
    format: SITE_CONTENT_FORMAT,
    generatedAt: new Date().toISOString(),
    categories: categories.map((c) => ({
      id: c.slug ?? String(c.id),
      name: c.name,
      nameEn: c.nameEn,
      ...(c.description ? { description: c.description } : {}),
      ...englishOf('descriptionEn', c.descriptionEn),
      order: c.order ?? 100,
    })),
    sources: sources.map((s) => ({
      id: s.slug ?? String(s.id),
      title: s.title,
      publisher: s.publisher,
      url: s.url,
      checkedAt: tokyoDay(s.checkedAt),
    })),
    faqs: faqs.map((f) => faqToSiteEntry(faqFromPayload(f, { markdown, links }))),
    guides: guides.map((g) => ({
      id: g.slug ?? String(g.id),
      locale: g.locale,
      title: g.title,
      procedure: g.procedure,
      summary: g.summary,
      body: markdown(g.body),
      category: links.categories(g.category) ?? '',
      steps: g.steps.map((s) => ({
        title: s.title,
        detail: s.detail,
        ...englishOf('titleEn', s.titleEn),
        ...englishOf('detailEn', s.detailEn),
      })),
      bring: (g.bring ?? []).map((b) => ({ case: b.case, items: items(b.items) })),
      where: g.where,
      when: g.when,
      // The English siblings (decisions 0047, 0055): left out where not written, as in the files.
      ...englishOf('titleEn', g.titleEn),
      ...englishOf('summaryEn', g.summaryEn),
      ...englishOf('bodyEn', markdown(g.bodyEn)),
      ...englishOf('whereEn', g.whereEn),
      ...englishOf('whenEn', g.whenEn),
      sources: slugList(links.sources, g.sources),
      related: slugList(links.faqs, g.related),
      reviewBy: tokyoDay(g.reviewBy),
      status: 'published',
    })),
    synonyms: (synonyms.groups ?? []).map((g) => ({ terms: g.terms ?? [] })),
    facets: facets.map((d) => ({
      id: d.id,
      name: d.name,
      ...(d.questionOnly ? { questionOnly: true } : {}),
      values: d.values.map((v) => ({ id: v.id, name: v.name, forms: [...v.forms] })),
    })),
    city: {
      name: city.name,
      nameEn: city.nameEn,
      localGovernmentCode: city.localGovernmentCode,
      phones: (city.phones ?? []).map((p) => ({
        label: p.label,
        ...englishOf('labelEn', p.labelEn),
        number: p.number,
        placeholder: p.placeholder ?? false,
      })),
      counters: (city.counters ?? []).map((c) => ({
        name: c.name,
        ...englishOf('nameEn', c.nameEn),
        address: c.address,
        placeholder: c.placeholder ?? false,
      })),
      hours: (city.hours ?? []).map((h) => ({
        label: h.label,
        ...englishOf('labelEn', h.labelEn),
        weekdays: (h.weekdays ?? []).map(Number),
        ...(h.weeksOfMonth?.length ? { weeksOfMonth: h.weeksOfMonth.map(Number) } : {}),
        opens: h.opens,
        closes: h.closes,
        closedOnHolidays: h.closedOnHolidays ?? true,
      })),
      yearEndClosure: { from: city.yearEndClosure?.from ?? '12-29', to: city.yearEndClosure?.to ?? '01-03' },
      closedDates: (city.closedDates ?? []).map((d) => tokyoDay(d.date)),
      notices: (city.notices ?? []).map((n) => ({
        title: n.title,
        body: n.body,
        ...englishOf('titleEn', n.titleEn),
        ...englishOf('bodyEn', n.bodyEn),
        ...(n.until ? { until: tokyoDay(n.until) } : {}),
      })),
      ...(city.readings?.length ? { readings: readingsOfRows(city.readings) } : {}),
    },
  }
}

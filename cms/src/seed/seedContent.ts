import type { ContentBundle, Faq, Guide } from '@kotae/content'
import { readingRowsOf } from '@kotae/content/faq/index'
import type { CollectionSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'

import type { CityProfile } from '../payload-types'

import { FAQ_STORED_FIELDS, faqLinksToPayload, faqToPayload, storable } from '../faq'
import { richTextOf } from '../lib/markdown'
import { contentHash } from './hash'
import { categoryToPayload, sourceToPayload } from './references'

export type SeedReport = Record<string, { created: number; updated: number; unchanged: number }>

type Existing = { id: number; contentHash?: string | null }

/**
 * What the seed writes of a kind, versioned: bumped when it starts writing more of the files'
 * fields (2: the English siblings, decision 0055; 3: the city's furigana overrides), so that a database seeded before takes them on
 * its next run instead of finding the files' hash unchanged. A kind not listed hashes the file alone.
 */
const SEED_SHAPE: Partial<Record<'categories' | 'guides' | 'city-profile', number>> = {
  categories: 2,
  guides: 2,
  'city-profile': 3,
}
const hashOf = (kind: string, value: unknown) => {
  const shape = SEED_SHAPE[kind as keyof typeof SEED_SHAPE]
  return contentHash(shape === undefined ? value : { seedShape: shape, value })
}

/** What the seed writes to an entry of `S` (besides its slug and hash). */
type SeedData<S extends CollectionSlug> = Omit<
  Partial<RequiredDataFromCollectionSlug<S>>,
  'slug' | 'contentHash'
>

type Hours = NonNullable<CityProfile['hours']>[number]
// The content schema allows weekdays 0–6 and weeks 1–5: the city profile's select values as text.
const weekday = (d: number) => String(d) as Hours['weekdays'][number]
const weekOfMonth = (w: number) => String(w) as NonNullable<Hours['weeksOfMonth']>[number]

/**
 * Loads the curated content into the CMS through the local API, idempotently:
 * an entry whose file did not change is left alone; a changed file becomes a new version of the
 * same entry (found by its slug); a missing entry is created. Relationships between FAQs are set
 * in a second pass, and the content hash is written last, so a seed killed at any point is
 * completed by the next run without duplicates (every write is one transaction).
 */
export async function seedContent(
  payload: Payload,
  bundle: ContentBundle,
  log: (line: string) => void = () => {},
  progress: (line: string) => void = () => {},
): Promise<SeedReport> {
  const report: SeedReport = {}
  const count = (collection: string, kind: 'created' | 'updated' | 'unchanged') => {
    report[collection] ??= { created: 0, updated: 0, unchanged: 0 }
    report[collection][kind] += 1
    if (kind !== 'unchanged') progress(`${collection}: ${kind} one`)
  }
  const richText = await richTextOf(payload)

  async function findBySlug(collection: CollectionSlug, slug: string): Promise<Existing | undefined> {
    const { docs } = await payload.find({
      collection,
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      draft: true,
      pagination: false,
    })
    return docs[0] as Existing | undefined
  }

  /** Creates or updates one entry that links to nothing of its own kind; returns its id. */
  async function upsert(
    collection: 'categories' | 'sources',
    slug: string,
    hash: string,
    data:
      | Omit<RequiredDataFromCollectionSlug<'categories'>, 'slug'>
      | Omit<RequiredDataFromCollectionSlug<'sources'>, 'slug'>,
  ): Promise<number> {
    const existing = await findBySlug(collection, slug)
    if (existing && existing.contentHash === hash) {
      count(collection, 'unchanged')
      return existing.id
    }
    const body = { ...data, slug, contentHash: hash }
    if (existing) {
      await payload.update({ collection, id: existing.id, data: body, depth: 0 })
      count(collection, 'updated')
      return existing.id
    }
    const created = await payload.create({ collection, data: body, depth: 0 })
    count(collection, 'created')
    return created.id
  }

  const categoryIds = new Map<string, number>()
  for (const c of bundle.categories) {
    const id = await upsert('categories', c.id, hashOf('categories', c), categoryToPayload(c))
    categoryIds.set(c.id, id)
  }
  const sourceIds = new Map<string, number>()
  for (const s of bundle.sources) {
    const id = await upsert('sources', s.id, contentHash(s), sourceToPayload(s))
    sourceIds.set(s.id, id)
  }
  const ref = (map: Map<string, number>, id: string) => {
    const found = map.get(id)
    if (found === undefined) throw new Error(`seed: unknown reference ${id}`)
    return found
  }

  /**
   * Entries that link to each other (related FAQs) are written in two steps: missing entries are
   * created first without links; then every new or changed entry is written whole, links and hash
   * included. An unchanged file costs one read; a changed one adds exactly one version.
   */
  async function seedLinked<T extends { id: string; status: 'draft' | 'published' }>(
    collection: 'faqs' | 'guides',
    entries: T[],
    toData: (entry: T) => SeedData<'faqs'> | SeedData<'guides'>,
    toLinks: (entry: T, ids: Map<string, number>) => SeedData<'faqs'> | SeedData<'guides'>,
    ids: Map<string, number>,
  ): Promise<void> {
    const pending: { entry: T; id: number; hash: string; existed: boolean }[] = []
    for (const entry of entries) {
      const hash = hashOf(collection, { ...entry, file: undefined })
      const existing = await findBySlug(collection, entry.id)
      if (existing) {
        ids.set(entry.id, existing.id)
        if (existing.contentHash === hash) count(collection, 'unchanged')
        else pending.push({ entry, id: existing.id, hash, existed: true })
        continue
      }
      const created = await payload.create({
        collection,
        data: { ...toData(entry), slug: entry.id, contentHash: null, _status: 'draft' as const },
        draft: true,
        depth: 0,
      })
      ids.set(entry.id, created.id)
      progress(`${collection}: started ${entry.id}`)
      pending.push({ entry, id: created.id, hash, existed: false })
    }
    for (const { entry, id, hash, existed } of pending) {
      await payload.update({
        collection,
        id,
        data: { ...toData(entry), ...toLinks(entry, ids), contentHash: hash, _status: entry.status },
        draft: entry.status === 'draft',
        depth: 0,
      })
      count(collection, existed ? 'updated' : 'created')
    }
  }

  const faqIds = new Map<string, number>()
  const faqIdsOf = (ids: Map<string, number>) => ({
    richText,
    ids: { categories: categoryIds, sources: sourceIds, faqs: ids },
  })
  await seedLinked<Faq>(
    'faqs',
    bundle.faqs,
    (f) => storable(faqToPayload(f, FAQ_STORED_FIELDS, faqIdsOf(faqIds))),
    (f, ids) => storable(faqLinksToPayload(f, faqIdsOf(ids))),
    faqIds,
  )
  await seedLinked<Guide>(
    'guides',
    bundle.guides,
    (g) => ({
      title: g.title,
      procedure: g.procedure,
      summary: g.summary,
      body: g.body.trim() ? richText(g.body) : null,
      category: ref(categoryIds, g.category),
      steps: g.steps,
      bring: g.bring.map((b) => ({
        case: b.case,
        items: b.items.map((i) => ({
          item: i.item,
          note: i.note,
          itemEn: i.itemEn,
          noteEn: i.noteEn,
          optional: i.optional,
        })),
      })),
      where: g.where,
      when: g.when,
      // null, not undefined: an English field taken out of the file is cleared, not kept.
      titleEn: g.titleEn ?? null,
      summaryEn: g.summaryEn ?? null,
      bodyEn: g.bodyEn?.trim() ? richText(g.bodyEn) : null,
      whereEn: g.whereEn ?? null,
      whenEn: g.whenEn ?? null,
      sources: g.sources.map((s) => ref(sourceIds, s)),
      facts: g.facts,
      reviewBy: g.reviewBy,
      locale: g.locale,
      needsReview: g.needsReview,
    }),
    (g) => ({ related: g.related.filter((r) => faqIds.has(r)).map((r) => ref(faqIds, r)) }),
    new Map(),
  )

  // Written whole (`...c`): the English siblings of phones, counters, hours and notices come with it.
  const cityHash = hashOf('city-profile', bundle.city)
  const city = (await payload.findGlobal({ slug: 'city-profile', depth: 0 })) as {
    contentHash?: string | null
  }
  if (city.contentHash !== cityHash) {
    const c = bundle.city
    await payload.updateGlobal({
      slug: 'city-profile',
      data: {
        ...c,
        hours: c.hours.map((h) => ({
          ...h,
          weekdays: h.weekdays.map(weekday),
          weeksOfMonth: h.weeksOfMonth?.map(weekOfMonth),
        })),
        closedDates: c.closedDates.map((date) => ({ date })),
        readings: readingRowsOf(c.readings),
        callCenter: { ...c.callCenter, queues: c.callCenter.queues.join('\n') },
        contentHash: cityHash,
      },
    })
    count('city-profile', city.contentHash ? 'updated' : 'created')
  } else count('city-profile', 'unchanged')

  const synonymsHash = contentHash(bundle.synonyms)
  const synonyms = (await payload.findGlobal({ slug: 'synonyms', depth: 0 })) as {
    contentHash?: string | null
  }
  if (synonyms.contentHash !== synonymsHash) {
    await payload.updateGlobal({
      slug: 'synonyms',
      data: { groups: bundle.synonyms, contentHash: synonymsHash },
    })
    count('synonyms', synonyms.contentHash ? 'updated' : 'created')
  } else count('synonyms', 'unchanged')

  for (const [collection, r] of Object.entries(report))
    log(`${collection}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`)
  return report
}

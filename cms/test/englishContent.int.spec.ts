import { loadValidContent, type ContentBundle } from '@kotae/content'
import { siteContentSchema } from '@kotae/content/contracts/siteContent'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readSiteContent } from '../src/publish/siteContent'
import { contentHash } from '../src/seed/hash'
import { seedContent } from '../src/seed/seedContent'
import { startPayload } from './helpers'

/**
 * The English siblings of guides, categories and the city profile (decisions 0047, 0055): the seed
 * stores them, the admin checks them by content's rules, and `/api/site-content` sends them, so a
 * site built from the CMS shows the same English as one built from the files.
 */
let payload: Payload
let files: ContentBundle
// The FAQs are not what this is about (their module has its own tests): seeding them would only take time.
let bundle: ContentBundle

beforeAll(async () => {
  payload = await startPayload()
  files = await loadValidContent()
  bundle = { ...files, faqs: [] }
  await seedContent(payload, bundle)
})
afterAll(() => payload?.destroy())

type Shapes = Pick<ContentBundle, 'guides' | 'categories' | 'city'>
/** Every English sibling of a bundle, by entry id, in the content files' shape. */
const englishOf = ({ guides, categories, city }: Shapes) => ({
  guides: guides
    .filter((g) => g.status === 'published')
    .map((g) => ({
      id: g.id,
      titleEn: g.titleEn,
      summaryEn: g.summaryEn,
      whereEn: g.whereEn,
      whenEn: g.whenEn,
      bodyEn: g.bodyEn?.trim(),
      steps: g.steps.map((s) => ({ titleEn: s.titleEn, detailEn: s.detailEn })),
      bring: g.bring.map((b) => b.items.map((i) => ({ itemEn: i.itemEn, noteEn: i.noteEn }))),
    }))
    .sort((a, b) => a.id.localeCompare(b.id)),
  categories: categories
    .map((c) => ({ id: c.id, descriptionEn: c.descriptionEn }))
    .sort((a, b) => a.id.localeCompare(b.id)),
  city: {
    phones: city.phones.map((p) => p.labelEn),
    counters: city.counters.map((c) => c.nameEn),
    hours: city.hours.map((h) => h.labelEn),
    notices: city.notices.map((n) => ({ titleEn: n.titleEn, bodyEn: n.bodyEn })),
  },
})

describe('the English siblings in the CMS', () => {
  it('reach /api/site-content exactly as the content files hold them', async () => {
    const site = siteContentSchema.parse(await readSiteContent(payload))
    const sent = englishOf({
      guides: site.guides.map((g) => ({ ...g, facts: [], file: '' })),
      categories: site.categories,
      city: site.city,
    })
    expect(sent).toEqual(englishOf(files))

    // Not an empty comparison: the files have English for these, and the site now gets it.
    const guide = site.guides.find((g) => g.id === 'guide-pin-reset') ?? site.guides[0]!
    expect(guide.titleEn).toMatch(/[A-Za-z]/)
    expect(guide.steps[0]!.detailEn).toMatch(/[A-Za-z]/)
    expect(guide.bring.flatMap((b) => b.items).every((i) => i.itemEn)).toBe(true)
    expect(site.city.notices[0]!.titleEn).toBe(files.city.notices[0]!.titleEn)
    expect(site.city.phones.filter((p) => p.labelEn).length).toBe(files.city.phones.length)
    expect(site.categories.filter((c) => c.descriptionEn).length).toBeGreaterThan(0)
  })

  it('refuses English longer than content’s rule allows, naming the field', async () => {
    const [doc] = (await payload.find({ collection: 'guides', limit: 1, depth: 0 })).docs
    const error = await payload
      .update({ collection: 'guides', id: doc!.id, data: { titleEn: 'x'.repeat(161) }, depth: 0 })
      .then(
        () => undefined,
        (e: unknown) => e as { data?: { errors?: { path: string; message: string }[] } },
      )
    expect(error?.data?.errors).toEqual([
      expect.objectContaining({ path: 'titleEn', message: '160文字以内の英語で入力してください。' }),
    ])
    const [after] = (await payload.find({ collection: 'guides', where: { id: { equals: doc!.id } } })).docs
    expect(after!.titleEn).toBe(doc!.titleEn)
  })

  it('are all written before a guide with an English title is published, by the content files’ rule', async () => {
    const guide = bundle.guides.find((g) => g.titleEn && g.steps.length > 1)!
    const [doc] = (await payload.find({ collection: 'guides', where: { slug: { equals: guide.id } } })).docs
    const halfEnglish = {
      whereEn: null,
      steps: doc!.steps.map((s, i) => (i === 1 ? { ...s, detailEn: '' } : s)),
    }
    const error = await payload
      .update({ collection: 'guides', id: doc!.id, data: halfEnglish, depth: 0 })
      .then(
        () => undefined,
        (e: unknown) => e as { data?: { errors?: { path: string; message: string }[] } },
      )
    expect(error?.data?.errors).toEqual([
      expect.objectContaining({
        path: 'whereEn',
        message: expect.stringMatching(/^「英語の場所」が空です。/),
      }),
      expect.objectContaining({
        path: 'steps.1.detailEn',
        message: expect.stringMatching(/^手順2の「英語の内容」が空です。/),
      }),
    ])
    const [after] = (await payload.find({ collection: 'guides', where: { id: { equals: doc!.id } } })).docs
    expect(after!.whereEn).toBe(guide.whereEn)

    // A draft may be half translated: the published guide stays whole until the rest is written.
    const draft = await payload.update({
      collection: 'guides',
      id: doc!.id,
      data: halfEnglish,
      draft: true,
      depth: 0,
    })
    expect(draft.whereEn ?? null).toBeNull()
    const [published] = (await payload.find({ collection: 'guides', where: { id: { equals: doc!.id } } }))
      .docs
    expect(published!.whereEn).toBe(guide.whereEn)
  })

  it('come into a database seeded before they existed, on its next seed', async () => {
    const guide = bundle.guides[0]!
    const [doc] = (await payload.find({ collection: 'guides', where: { slug: { equals: guide.id } } })).docs
    // As the seed left a guide before decision 0055: no English, and the file's hash alone.
    await payload.update({
      collection: 'guides',
      id: doc!.id,
      data: { titleEn: null, contentHash: contentHash({ ...guide, file: undefined }) },
      depth: 0,
    })
    const report = await seedContent(payload, bundle)
    expect(report.guides).toEqual({ created: 0, updated: 1, unchanged: bundle.guides.length - 1 })
    const [after] = (await payload.find({ collection: 'guides', where: { id: { equals: doc!.id } } })).docs
    expect(after!.titleEn).toBe(guide.titleEn)
  })
})

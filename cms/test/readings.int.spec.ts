import { loadValidContent, type ContentBundle } from '@kotae/content'
import { siteContentSchema } from '@kotae/content/contracts/siteContent'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readSiteContent } from '../src/publish/siteContent'
import { contentHash } from '../src/seed/hash'
import { seedContent } from '../src/seed/seedContent'
import { startPayload } from './helpers'

/**
 * Furigana overrides in the CMS: an FAQ's `readings` and the city profile's, as rows of word and
 * reading. The seed stores the files' overrides, the admin checks them by content's rules, and
 * `/api/site-content` sends them, so a site built from the CMS reads 東広島 as the files' site does.
 */
let payload: Payload
let files: ContentBundle
let bundle: ContentBundle
const READINGS = { 東広島: 'ひがしひろしま', 西条: 'さいじょう' }

type Errors = { data?: { errors?: { path: string; message: string }[] } } | undefined
const errorsOf = (write: Promise<unknown>) =>
  write.then(
    () => undefined,
    (e: unknown) => (e as Errors)?.data?.errors,
  )

beforeAll(async () => {
  payload = await startPayload()
  files = await loadValidContent()
  // Two Japanese FAQs are enough (no translation links to resolve); one carries overrides, as a front matter would.
  const [withReadings, plain] = files.faqs.filter((f) => f.locale === 'ja' && f.status === 'published')
  bundle = { ...files, faqs: [{ ...withReadings!, readings: READINGS }, plain!] }
  await seedContent(payload, bundle)
})
afterAll(() => payload?.destroy())

const faqDoc = async (slug: string) =>
  (await payload.find({ collection: 'faqs', where: { slug: { equals: slug } }, depth: 0 })).docs[0]!

describe('furigana overrides in the CMS', () => {
  it('are stored by the seed as rows and reach /api/site-content as the files hold them', async () => {
    const [withReadings, plain] = bundle.faqs
    expect((await faqDoc(withReadings!.id)).readings).toEqual([
      expect.objectContaining({ word: '東広島', reading: 'ひがしひろしま' }),
      expect.objectContaining({ word: '西条', reading: 'さいじょう' }),
    ])
    const site = siteContentSchema.parse(await readSiteContent(payload))
    expect(site.faqs.find((f) => f.id === withReadings!.id)?.readings).toEqual(READINGS)
    expect(site.faqs.find((f) => f.id === plain!.id)).not.toHaveProperty('readings')
    // Not an empty comparison: city.yaml has city-wide overrides (令和 れいわ …).
    expect(Object.keys(files.city.readings ?? {}).length).toBeGreaterThan(0)
    expect(site.city.readings).toEqual(files.city.readings)
  })

  it('refuses a reading not in hiragana, a word without a kanji and a word twice, naming the row', async () => {
    const doc = await faqDoc(bundle.faqs[0]!.id)
    const errors = await errorsOf(
      payload.update({
        collection: 'faqs',
        id: doc.id,
        data: {
          readings: [
            { word: '東広島', reading: 'ヒガシヒロシマ' },
            { word: 'ひがし', reading: 'ひがし' },
          ],
        },
        depth: 0,
      }),
    )
    expect(errors).toEqual([
      expect.objectContaining({ path: 'readings.0.reading', message: expect.stringMatching(/^ひらがなで/) }),
      expect.objectContaining({ path: 'readings.1.word', message: expect.stringMatching(/^漢字を含む/) }),
    ])
    const cityErrors = await errorsOf(
      payload.updateGlobal({
        slug: 'city-profile',
        data: {
          readings: [
            { word: '東広島', reading: 'ひがしひろしま' },
            { word: '東広島', reading: 'とうこうとう' },
          ],
        },
      }),
    )
    expect(cityErrors).toEqual([
      expect.objectContaining({
        path: 'readings',
        message: '「東広島」が2回あります。1つの語に読みは1つです。',
      }),
    ])
    // Nothing was written: the stored overrides are the files'.
    expect((await faqDoc(bundle.faqs[0]!.id)).readings?.map((r) => r.reading)).toEqual(
      Object.values(READINGS),
    )
    const site = await readSiteContent(payload)
    expect(site.city.readings).toEqual(files.city.readings)
  })

  it('an editor’s fix reaches the site, and an emptied list sends none', async () => {
    const slug = bundle.faqs[1]!.id
    const doc = await faqDoc(slug)
    await payload.update({
      collection: 'faqs',
      id: doc.id,
      data: { readings: [{ word: '東広島', reading: 'ひがしひろしま' }] },
      depth: 0,
    })
    let site = await readSiteContent(payload)
    expect(site.faqs.find((f) => f.id === slug)?.readings).toEqual({ 東広島: 'ひがしひろしま' })
    await payload.update({ collection: 'faqs', id: doc.id, data: { readings: [] }, depth: 0 })
    site = await readSiteContent(payload)
    expect(site.faqs.find((f) => f.id === slug)).not.toHaveProperty('readings')
  })

  it('come into a city profile seeded before they existed, on its next seed', async () => {
    // As the seed left the city profile before: no overrides, and the shape-2 hash of the same file.
    await payload.updateGlobal({
      slug: 'city-profile',
      data: { readings: [], contentHash: contentHash({ seedShape: 2, value: bundle.city }) },
    })
    const report = await seedContent(payload, bundle)
    expect(report['city-profile']).toEqual({ created: 0, updated: 1, unchanged: 0 })
    expect((await readSiteContent(payload)).city.readings).toEqual(files.city.readings)
  })
})

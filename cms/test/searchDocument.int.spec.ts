import { loadValidContent, type ContentBundle } from '@kotae/content'
import type { Faq, Guide } from '@kotae/content/schema'
import { faqToDocument, guideToDocument, type SearchDocument } from '@kotae/search-indexer'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { LookupResponse } from '../src/desk/types'
import { readSiteContent } from '../src/publish/siteContent'
import { lookupEndpoint } from '../src/search/lookupEndpoint'
import { getOperatorIndex } from '../src/search/operatorIndex'
import { seedContent } from '../src/seed/seedContent'
import { createRoleUsers, startPayload, type TestUser } from './helpers'

/**
 * One document shape: an FAQ or a guide makes the same search document whether it is
 * read from its content file (the site's own build, `eval:content`, `npm run ask`) or from its CMS
 * record (the desk's operator index, the site built from the CMS).
 */
const byId = (a?: SearchDocument, b?: SearchDocument) => (a!.id < b!.id ? -1 : 1)

let payload: Payload
let users: Record<Role, TestUser>
let bundle: ContentBundle

beforeAll(async () => {
  payload = await startPayload()
  users = await createRoleUsers(payload)
  const content = await loadValidContent()
  // The curated content plus what it lacks: an operator-only FAQ and a draft guide.
  const [first, ...faqs] = content.faqs
  const [firstGuide, ...guides] = content.guides
  bundle = {
    ...content,
    faqs: [
      {
        ...first!,
        audience: 'operator',
        operatorNotes: first!.operatorNotes ?? '内線1234で係長に確認する。',
      },
      ...faqs,
    ],
    guides: [...guides, { ...firstGuide!, status: 'draft' }],
  }
  await seedContent(payload, bundle)
})
afterAll(async () => {
  await payload?.destroy()
})

describe('the same FAQ or guide makes the same search document from its file and from the CMS', () => {
  it('at the desk: every FAQ and guide in the operator index is what the content converter makes of its file', async () => {
    const index = await getOperatorIndex(payload)
    expect(bundle.faqs.some((f) => f.audience === 'operator' && f.operatorNotes)).toBe(true)
    for (const faq of bundle.faqs)
      expect(index.get(faq.id, 'faq'), faq.id).toEqual(faqToDocument(faq, { audience: 'operator' }))
    for (const guide of bundle.guides)
      expect(index.get(guide.id, 'guide'), guide.id).toEqual(guideToDocument(guide, { audience: 'operator' }))
    // The draft guide is in neither.
    expect(guideToDocument(bundle.guides.at(-1)!, { audience: 'operator' })).toBeUndefined()
  })

  it('on the site built from the CMS: the site content makes the same public documents as the files', async () => {
    const site = await readSiteContent(payload)
    // The site content is in the content files' shapes (the site validates it against their schemas).
    const faqs = (list: readonly unknown[]) =>
      (list as Faq[])
        .map((f) => faqToDocument(f, { audience: 'public' }))
        .filter(Boolean)
        .sort(byId)
    const guides = (list: readonly unknown[]) =>
      (list as Guide[])
        .map((g) => guideToDocument(g, { audience: 'public' }))
        .filter(Boolean)
        .sort(byId)
    expect(site.faqs.length).toBe(bundle.faqs.length - 1) // not the operator-only one
    expect(faqs(site.faqs)).toEqual(faqs(bundle.faqs))
    expect(guides(site.guides)).toEqual(guides(bundle.guides))
  })
})

describe('a guide at the desk', () => {
  async function lookup(q: string): Promise<LookupResponse> {
    const req = await createLocalReq({ user: { ...users.operator } as never }, payload)
    Object.assign(req, { searchParams: new URLSearchParams({ q }) })
    return (await (await lookupEndpoint.handler(req)).json()) as LookupResponse
  }

  it('is found by what to bring, and by what to bring as published later', async () => {
    const guide = bundle.guides.find((g) => g.status === 'published' && g.bring.length > 0)!
    const record = (
      await payload.find({ collection: 'guides', where: { slug: { equals: guide.id } }, limit: 1, depth: 0 })
    ).docs[0]!
    const ids = async (q: string) => (await lookup(q)).candidates.slice(0, 3).map((c) => c.id)

    // Built from the database: the guide's curated what-to-bring items are in its document.
    const item = guide.bring[0]!.items[0]!.item
    expect((await getOperatorIndex(payload)).get(guide.id, 'guide')?.body).toContain(
      `${guide.bring[0]!.case}: ${item}`,
    )

    // Published later (the index follows the change): a new item is found. The guide is in
    // English, so the item is too (a published guide is English all through, decision 0055).
    const word = 'ぴよぴよ'
    expect(await ids(word)).toEqual([])
    const bring = [
      ...(record.bring ?? []),
      {
        case: 'proxy' as const,
        items: [
          {
            item: `${word}証明書`,
            note: '原本のみ',
            itemEn: 'A piyopiyo certificate',
            noteEn: 'Originals only',
          },
        ],
      },
    ]
    await payload.update({
      collection: 'guides',
      id: record.id,
      data: { bring, _status: 'published' } as never,
      overrideAccess: false,
      user: users.reviewer as never,
    })
    expect(await ids(word)).toEqual([`guide:${guide.id}`])
    expect((await getOperatorIndex(payload)).get(guide.id, 'guide')?.body).toContain(
      `proxy: ${word}証明書（原本のみ）`,
    )
  })

  it('shows snippets of the Markdown body without its marks, highlights on the words', async () => {
    const candidates = (await lookup('署名用の暗証番号を忘れた')).candidates
    expect(candidates.length).toBeGreaterThan(0)
    for (const c of candidates) {
      expect(c.snippet.text, c.id).not.toMatch(/\*\*|(^|\s)#{1,6} |\n/)
      for (const [from, to] of c.snippet.marks)
        expect(c.snippet.text.slice(from, to).trim(), c.id).not.toBe('')
    }
  })

  it('is found by its introduction (the rich-text body)', async () => {
    const guide = bundle.guides.find((g) => g.status === 'published' && g.body.trim())!
    expect((await getOperatorIndex(payload)).get(guide.id, 'guide')?.body).toContain(
      guide.body.trim().split('\n')[0]!,
    )
  })
})

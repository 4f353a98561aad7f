import { loadValidContent } from '@kotae/content'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { siteEventsEndpoint } from '../src/events/endpoint'
import { flushSiteEvents } from '../src/events/queue'
import { analyzeGaps } from '../src/gap/analysis'
import { gapRangeSchema } from '../src/gap/range'
import { readSiteContent } from '../src/publish/siteContent'
import { getOperatorIndex } from '../src/search/operatorIndex'
import { faqData, type TestUser } from './helpers'
import { startWithStaff, type References } from './setup/staffAndReferences'

/**
 * Facets in the CMS: the vocabulary is content's facets.yaml; an FAQ's override is
 * edited in the CMS, checked against the vocabulary and reaches the operator index and the site
 * content; an ask-back choice is an anonymous facet-choice event, counted by the gap analysis.
 */
let payload: Payload, users: Record<Role, TestUser>, refs: References

beforeAll(async () => {
  ;({ payload, users, refs } = await startWithStaff())
})
afterAll(() => payload?.destroy())

type Invalid = { status: number; data: { errors: { path: string; message: string }[] } }
const publishFaq = (slug: string, facets: unknown) =>
  payload.create({
    collection: 'faqs',
    data: { ...faqData(refs, { slug, facets }), _status: 'published' } as never,
    overrideAccess: false,
    user: users.reviewer as never,
  })

describe('an FAQ’s facet override', () => {
  it('is checked against content’s vocabulary on publish, each problem naming its path', async () => {
    const refused = async (facets: unknown) => {
      const error = (await publishFaq(`bad-${Math.random().toString(36).slice(2, 8)}`, facets).then(
        () => undefined,
        (e: unknown) => e,
      )) as Invalid | undefined
      expect(error, JSON.stringify(facets)).toBeDefined()
      expect(error!.status).toBe(400)
      const facetErrors = error!.data.errors.filter((e) => e.path === 'facets')
      expect(facetErrors.length, JSON.stringify(error!.data.errors)).toBe(1)
      return facetErrors[0]!.message
    }
    expect(await refused({ nowhere: ['card'] })).toMatch(/facets\.nowhere: .*nowhere.*観点/u)
    expect(await refused({ what: ['card', 'teleport'] })).toMatch(/facets\.what\.1: 「teleport」.*what/u)
    expect(await refused({ what: 'card' })).toMatch(/^facets\.what: /u)
    expect(await refused({ 'Not A Slug': [] })).toMatch(/^facets\./u)
    expect(await refused(['what'])).toMatch(/^facets: /u)
    // Nothing was stored.
    expect((await payload.count({ collection: 'faqs', where: { slug: { like: 'bad-' } } })).totalDocs).toBe(0)
  })

  it('reaches the operator index, and follows a later edit', async () => {
    const index = await getOperatorIndex(payload) // built now: the hooks keep it current from here
    const faq = await publishFaq('facets-moving', { action: ['move-out'], who: [] })
    expect(faq.facets).toEqual({ action: ['move-out'], who: [] })
    expect(index.get('facets-moving', 'faq')?.facets).toEqual({ action: ['move-out'], who: [] })
    // A listed dimension replaces what its question says; [] is "none"; a dimension left out is found.
    expect(index.facetsOf('faq:facets-moving')).toMatchObject({ action: ['move-out'], what: ['certificate'] })
    expect(index.facetsOf('faq:facets-moving').who ?? []).toEqual([])

    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { facets: { action: ['move-in'] }, _status: 'published' } as never,
      overrideAccess: false,
      user: users.reviewer as never,
    })
    expect(index.get('facets-moving', 'faq')?.facets).toEqual({ action: ['move-in'] })
    expect(index.facetsOf('faq:facets-moving').action).toEqual(['move-in'])
    // Cleared: every dimension is found in the text again.
    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { facets: null, _status: 'published' } as never,
      overrideAccess: false,
      user: users.reviewer as never,
    })
    expect(index.get('facets-moving', 'faq')?.facets).toBeUndefined()
  })

  it('travels to the site with the vocabulary', async () => {
    await publishFaq('facets-site', { what: ['certificate'] })
    const site = await readSiteContent(payload)
    const vocabulary = (await loadValidContent()).facets
    expect(site.facets?.map((d) => d.id)).toEqual(vocabulary.map((d) => d.id))
    expect(site.facets).toEqual(vocabulary)
    expect(site.faqs.find((f) => f.id === 'facets-site')?.facets).toEqual({ what: ['certificate'] })
    // An FAQ without an override (cleared above) carries no facets key (the site's schema is the content files').
    expect(site.faqs.find((f) => f.id === 'facets-moving')).not.toHaveProperty('facets')
  })
})

/** POST /api/events as the REST route calls it. */
async function post(events: unknown[], address = '192.0.2.7') {
  const req = await createLocalReq({}, payload)
  const request = new Request('http://localhost/api/events', {
    method: 'POST',
    body: JSON.stringify({ events }),
    headers: { 'content-type': 'text/plain', 'x-kotae-client-address': address },
  })
  Object.assign(req, { headers: request.headers, text: () => request.text() })
  return siteEventsEndpoint.handler(req)
}

describe('the facet-choice event', () => {
  it('is accepted and stored anonymously with its dimension and value', async () => {
    const res = await post([
      { type: 'facet-choice', dimension: 'what', value: 'certificate', locale: 'ja' },
      { type: 'facet-choice', dimension: 'action', value: 'move-in', at: '2001-01-01T00:00:00.000Z' },
    ])
    expect(res.status).toBe(202)
    await flushSiteEvents(payload)
    const { docs } = await payload.find({
      collection: 'site-events',
      where: { type: { equals: 'facet-choice' } },
      sort: 'id',
      depth: 0,
    })
    expect(docs.map((d) => [d.dimension, d.value, d.locale ?? null])).toEqual([
      ['what', 'certificate', 'ja'],
      ['action', 'move-in', null],
    ])
    // The server's clock, not the client's.
    for (const d of docs) expect(Date.now() - Date.parse(d.at)).toBeLessThan(60_000)
    expect(docs.every((d) => d.query == null && d.faq == null && d.reason == null)).toBe(true)
  })

  it('is refused when malformed, naming the field, and nothing is stored', async () => {
    const before = (await payload.count({ collection: 'site-events' })).totalDocs
    const bad: [unknown, RegExp][] = [
      [{ type: 'facet-choice', dimension: 'what' }, /value/],
      [{ type: 'facet-choice', dimension: 'What', value: 'card' }, /dimension/],
      [{ type: 'facet-choice', dimension: 'what', value: 'a'.repeat(41) }, /value/],
      [{ type: 'facet-choice', dimension: 'what', value: '<script>' }, /value/],
      [{ type: 'facet-choice', dimension: 'what', value: 'card', query: '更新' }, /events\.0/],
    ]
    for (const [event, field] of bad) {
      const res = await post([event], '192.0.2.8')
      expect(res.status, JSON.stringify(event)).toBe(400)
      const body = (await res.json()) as { errors: { field: string }[] }
      expect(body.errors.map((e) => e.field).join(' '), JSON.stringify(event)).toMatch(field)
    }
    await flushSiteEvents(payload)
    expect((await payload.count({ collection: 'site-events' })).totalDocs).toBe(before)
  })
})

describe('the gap analysis', () => {
  it('counts the ask-back choices of the period per dimension and value, with the vocabulary’s names', async () => {
    const at = (day: number) =>
      new Date(`2026-10-${String(day).padStart(2, '0')}T10:00:00+09:00`).toISOString()
    const choose = (day: number, dimension: string, value: string) =>
      payload.create({
        collection: 'site-events',
        data: { type: 'facet-choice', at: at(day), dimension, value } as never,
      })
    await choose(1, 'what', 'certificate')
    await choose(2, 'what', 'certificate')
    await choose(3, 'what', 'card')
    await choose(4, 'action', 'move-out')
    await choose(31, 'what', 'card') // outside the range
    await payload.create({
      collection: 'site-events',
      data: { type: 'search', at: at(5), query: '更新' } as never,
    })
    const { facetChoices } = await analyzeGaps(
      payload,
      gapRangeSchema.parse({ from: '2026-10-01', to: '2026-10-30' }),
    )
    expect(facetChoices.total).toBe(4)
    expect(
      facetChoices.dimensions.map((d) => [
        d.dimension,
        d.name,
        d.total,
        d.values.map((v) => [v.value, v.name, v.count]),
      ]),
    ).toEqual([
      [
        'what',
        expect.any(String),
        3,
        [
          ['certificate', '電子証明書', 2],
          ['card', 'カード本体', 1],
        ],
      ],
      ['action', expect.any(String), 1, [['move-out', expect.any(String), 1]]],
    ])
  })
})

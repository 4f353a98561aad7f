import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { loadValidContent } from '@kotae/content'
import { SITE_CONTENT_FORMAT } from '@kotae/content/contracts/siteContent'
import { describe, expect, it } from 'vitest'

import { contentDir, toPublicData } from '../src/data'
import { fetchSiteContent, parseSiteContent } from '../src/data/cms'

/** The curated content as the CMS's /api/site-content sends it: public and published only, no notes or fact ids. */
async function wireBody() {
  const c = await loadValidContent(contentDir())
  const pub = <T extends { status: string; audience?: string }>(e: T) =>
    e.status === 'published' && (e.audience ?? 'public') === 'public'
  return {
    c,
    body: {
      format: SITE_CONTENT_FORMAT,
      generatedAt: '2026-11-30T00:00:00.000Z',
      faqs: c.faqs
        .filter(pub)
        .map(({ operatorNotes: _n, facts: _f, file: _file, needsReview: _r, ...f }) => f),
      guides: c.guides.filter(pub).map(({ facts: _f, file: _file, needsReview: _r, ...g }) => g),
      categories: c.categories,
      sources: c.sources,
      synonyms: c.synonyms,
      facets: c.facets,
      city: c.city,
    },
  }
}

describe('the CMS as the data source', () => {
  it('gives the same public view as the content files for the same entries', async () => {
    const { c, body } = await wireBody()
    const fromCms = toPublicData(parseSiteContent(JSON.parse(JSON.stringify(body))), '2026-11-30')
    const fromFiles = toPublicData(c, '2026-11-30')
    expect(fromCms.faqs.map((f) => f.id)).toEqual(fromFiles.faqs.map((f) => f.id))
    expect(fromCms.faqs).toEqual(fromFiles.faqs)
    expect(fromCms.translations).toEqual(fromFiles.translations)
    expect(fromCms.guides).toEqual(fromFiles.guides)
    expect(fromCms.search.documents).toEqual(fromFiles.search.documents)
    expect(fromCms.search.facets).toEqual(fromFiles.search.facets)
    expect(fromFiles.search.facets.length).toBeGreaterThan(0)
  })

  it('reads the facet vocabulary when the CMS sends it, and takes none when it does not (an older CMS)', async () => {
    const { body } = await wireBody()
    const { facets: _f, ...older } = body
    expect(toPublicData(parseSiteContent(older), '2026-11-30').search.facets).toEqual([])
    const bad = structuredClone(body)
    ;(bad.facets[0]!.values[0] as Record<string, unknown>).forms = []
    expect(() => parseSiteContent(bad)).toThrow(/facets\.0\.values\.0\.forms/)
  })

  it('refuses operator notes, operator-only or draft entries, and an unknown format, naming the path', async () => {
    const { body } = await wireBody()
    const withNote = structuredClone(body)
    ;(withNote.faqs[3] as Record<string, unknown>).operatorNotes = '内部メモ'
    expect(() => parseSiteContent(withNote)).toThrow(/faqs\.3/)

    const operatorOnly = structuredClone(body)
    ;(operatorOnly.faqs[1] as Record<string, unknown>).audience = 'operator'
    expect(() => parseSiteContent(operatorOnly)).toThrow(/faqs\.1\.audience/)

    const draft = structuredClone(body)
    ;(draft.guides[0] as Record<string, unknown>).status = 'draft'
    expect(() => parseSiteContent(draft)).toThrow(/guides\.0\.status/)

    expect(() => parseSiteContent({ ...body, format: 'kotae-site-content/0' })).toThrow(/format/)
    expect(() =>
      parseSiteContent({ ...body, city: { ...body.city, phones: [{ label: 'x', number: '<script>' }] } }),
    ).toThrow(/city\.phones\.0\.number/)
  })

  it('fetches GET /api/site-content and fails the build when the CMS does not answer well', async () => {
    const { body } = await wireBody()
    let status = 200
    const server = http.createServer((req, res) => {
      if (req.url !== '/api/site-content') return void res.writeHead(404).end()
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const bundle = await fetchSiteContent(url)
      expect(bundle.faqs.length).toBe(body.faqs.length)
      status = 500
      await expect(fetchSiteContent(url)).rejects.toThrow(/answered 500/)
    } finally {
      await new Promise((r) => server.close(r))
    }
    await expect(fetchSiteContent(url, 2000)).rejects.toThrow(/no answer/)
  })
})

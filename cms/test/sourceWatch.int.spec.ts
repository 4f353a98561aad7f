import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { OpenChange } from '../src/sourceWatch/changedEndpoint'
import type { SourceOutcome, WatchReport } from '../src/sourceWatch/run'
import type { WatchSettings } from '../src/sourceWatch/settings'
import type { TestUser } from './helpers'
import { startMunicipalSite, streamBody, type MunicipalPage, type MunicipalSite } from './setup/municipalSite'

/**
 * The official-source watch on a real database (decision 0038), against a local server (port 3850
 * on SQLite, 3851 on PostgreSQL) serving municipal pages in UTF-8, Shift_JIS and EUC-JP and the bad
 * answers of real sites. A body change flags exactly the FAQs and guides citing the page; footer,
 * menu and white-space changes flag nothing; failed sources are reported and flag nothing.
 */
const PORT = process.env.DATABASE_URL ? 3851 : 3850
const MB = 1024 * 1024

const CARD: MunicipalPage = {
  title: 'マイナンバーカードの有効期限',
  body: [
    'カード本体の有効期限は、発行時に18歳以上の方は発行日から10回目の誕生日まで、18歳未満の方は5回目の誕生日までです。',
    '電子証明書の有効期限は、年齢に関係なく発行日から5回目の誕生日までです。',
    '有効期限が近づくと、地方公共団体情報システム機構から有効期限通知書が届きます。',
    '封書は転送不要郵便です。郵便局に転送届を出している場合は届きません。',
    '更新の手続きは市民課の窓口で行います。',
  ],
  charset: 'utf-8',
}
const NOTICE: MunicipalPage = {
  title: '有効期限通知書について',
  body: ['有効期限通知書は、有効期限の2～3か月前を目安に届きます。', '封筒の色は青系です。'],
  charset: 'shift_jis',
  declare: 'meta',
}
const CERT: MunicipalPage = {
  title: '電子証明書の更新',
  body: ['電子証明書は、有効期限の3か月前から更新できます。'],
  charset: 'euc-jp',
  declare: 'header',
}

let payload: Payload
let site: MunicipalSite
let users: Record<Role, TestUser>
let tokens: Partial<Record<Role, string>>
let checkSources: typeof import('../src/sourceWatch/run').checkSources
let restRequest: typeof import('./helpers').restRequest
const src: Record<string, number | string> = {}
const faq: Record<string, number | string> = {}
let guide: number | string
let settings: WatchSettings

const run = async (): Promise<WatchReport> => checkSources(payload, settings)
const outcome = (report: WatchReport, name: string): SourceOutcome =>
  report.outcomes.find((o) => o.source === src[name])!
/** `T`: the shape of the JSON body the caller reads (unknown unless it says). */
async function rest<T = unknown>(
  method: string,
  url: string,
  role: Role | null,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await handleEndpoints({
    config: payload.config,
    request: restRequest(method, url, role ? tokens[role] : undefined, body),
  })
  return { status: res.status, body: await res.json().catch(() => null) }
}
const sortIds = (ids: (number | string)[]) => ids.map(String).sort()

beforeAll(async () => {
  site = await startMunicipalSite(PORT)
  site.routes.set('/kurashi/mynumber/kigen.html', { page: CARD })
  site.routes.set('/kurashi/mynumber/tsuchisho.html', { page: NOTICE })
  site.routes.set('/jpki/koushin.html', { page: CERT })
  site.routes.set('/soshiki/shimin/mynumber.html', {
    handle: (_q, r) => void r.writeHead(301, { location: '/kurashi/mynumber/kigen.html' }).end(),
  })
  for (let i = 0; i < 20; i++)
    site.routes.set(`/loop/${i}`, {
      handle: (_q, r) => void r.writeHead(302, { location: `/loop/${i + 1}` }).end(),
    })
  site.routes.set('/kurashi/mynumber/all.html', {
    handle: (_q, r) => streamBody(r, 50 * MB, (n) => site.sent.set('big', n), false),
  })
  site.routes.set('/kurashi/mynumber/leaflet.html', {
    handle: (_q, r) =>
      void r
        .writeHead(200, { 'content-type': 'image/png' })
        .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
  })
  site.routes.set('/kurashi/mynumber/utf16.html', {
    handle: (_q, r) =>
      void r
        .writeHead(200, { 'content-type': 'text/html; charset=ISO-2022-JP' })
        .end('\x1b$B%^%$%J%s%P!<\x1b(B'),
  })

  process.env.KOTAE_SOURCE_WATCH = 'off'
  const helpers = await import('./helpers')
  restRequest = helpers.restRequest
  payload = await helpers.startPayload()
  checkSources = (await import('../src/sourceWatch/run')).checkSources
  const { userAgent } = await import('../src/sourceWatch/settings')
  settings = {
    limits: {
      userAgent: userAgent('Higashihiroshima City', 'http://localhost:3000'),
      timeoutMs: 3_000,
      maxBytes: 5 * MB,
      maxRedirects: 5,
      allowPrivateNetwork: true,
    },
    hostDelayMs: 20,
    maxCrawlDelayMs: 10_000,
    hostConcurrency: 4,
  }
  users = await helpers.createRoleUsers(payload)
  tokens = {}
  for (const role of ['editor', 'operator', 'cityViewer'] as const)
    tokens[role] = (
      await payload.login({
        collection: 'users',
        data: { email: users[role].email, password: 'correct horse battery' },
      })
    ).token
  const refs = await helpers.createReferences(payload)
  const source = async (slug: string, path: string) =>
    (src[slug] = (
      await payload.create({
        collection: 'sources',
        data: {
          title: `出典 ${slug}`,
          publisher: '東広島市',
          url: site.url(path),
          checkedAt: '2026-11-24',
          slug,
        },
      })
    ).id)
  await source('card', '/kurashi/mynumber/kigen.html')
  await source('notice', '/kurashi/mynumber/tsuchisho.html')
  await source('cert', '/jpki/koushin.html')
  await source('moved', '/soshiki/shimin/mynumber.html')
  await source('missing', '/kurashi/mynumber/old.html')
  await source('loop', '/loop/0')
  await source('big', '/kurashi/mynumber/all.html')
  await source('binary', '/kurashi/mynumber/leaflet.html')
  await source('encoding', '/kurashi/mynumber/utf16.html')
  await source('private', '/private/draft.html')
  const make = async (slug: string, sources: string[]) =>
    (faq[slug] = (
      await payload.create({
        collection: 'faqs',
        data: {
          ...helpers.faqData(refs, { slug, question: `質問 ${slug}`, sources: sources.map((s) => src[s]) }),
          _status: 'published',
        } as never,
      })
    ).id)
  await make('card-only', ['card'])
  await make('card-and-notice', ['card', 'notice'])
  await make('notice-only', ['notice'])
  await make('moved-only', ['moved'])
  await make('failing', ['missing', 'loop', 'big', 'binary', 'encoding', 'private'])
  guide = (
    await payload.create({
      collection: 'guides',
      data: {
        title: 'カードの更新',
        slug: 'renew-guide',
        procedure: 'card-renewal',
        category: refs.category,
        summary: '更新の手続きです。',
        steps: [{ title: '窓口へ', detail: '市民課へ行きます。' }],
        where: '市民課',
        when: '平日',
        sources: [src.card],
        reviewBy: '2027-05-31',
        _status: 'published',
      } as never,
    })
  ).id
})
afterAll(async () => {
  await payload?.destroy()
  await site?.close()
})

describe('the first run', () => {
  let report: WatchReport
  it('stores each readable page and reports every bad one, by reason, without stopping', async () => {
    report = await run()
    const by = (name: string) => {
      const o = outcome(report, name)
      return o.outcome === 'failed' ? o.reason : o.outcome
    }
    expect(Object.fromEntries(Object.keys(src).map((n) => [n, by(n)]))).toEqual({
      card: 'first',
      notice: 'first',
      cert: 'first',
      moved: 'first',
      missing: 'not-found',
      loop: 'redirects',
      big: 'too-big',
      binary: 'binary',
      encoding: 'encoding',
      private: 'robots',
    })
    expect((await payload.count({ collection: 'source-changes' })).totalDocs).toBe(0)
    const checks = (await payload.find({ collection: 'source-checks', depth: 0, pagination: false })).docs
    const bySource = new Map(checks.map((c) => [String(c.source), c]))
    expect(bySource.get(String(src.notice))).toMatchObject({
      status: 'ok',
      encoding: 'shift_jis',
      text: expect.stringContaining('封筒の色は青系です。'),
    })
    expect(bySource.get(String(src.cert))).toMatchObject({
      status: 'ok',
      encoding: 'euc-jp',
      text: '電子証明書の更新\n電子証明書は、有効期限の3か月前から更新できます。',
    })
    expect(bySource.get(String(src.moved))!.hash).toBe(bySource.get(String(src.card))!.hash)
    expect(bySource.get(String(src.missing))).toMatchObject({
      status: 'failed',
      failure: 'not-found: HTTP 404',
      hash: null,
    })
    expect(bySource.get(String(src.card))!.text).not.toMatch(
      /くらし・手続き|082-420-0925|本文へスキップ|関連ページ|お問い合わせ/u,
    )
  })
  it('never requests a page robots.txt disallows, sends the deployment User-Agent, and waits between requests to one host', () => {
    expect(site.requests.some((r) => r.path.startsWith('/private/'))).toBe(false)
    expect(new Set(site.requests.map((r) => r.userAgent))).toEqual(new Set([settings.limits.userAgent]))
    const times = site.requests
      .filter((r) => !r.path.startsWith('/loop/') && r.path !== '/soshiki/shimin/mynumber.html')
      .map((r) => r.at)
    const gaps = times.slice(1).map((t, i) => t - times[i]!)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(settings.hostDelayMs - 2)
    expect(site.sent.get('big')!).toBeLessThan(10 * MB)
  })
})

describe('later runs', () => {
  it('a change only in the footer, the menus or the white space flags nothing', async () => {
    site.routes.set('/kurashi/mynumber/kigen.html', {
      page: { ...CARD, footerNote: '年末年始（12月29日から1月3日）は閉庁します。', spread: true },
    })
    site.routes.set('/kurashi/mynumber/tsuchisho.html', {
      page: { ...NOTICE, body: NOTICE.body.map((p) => p.replace('、', '、\n    ')), spread: true },
    })
    const report = await run()
    expect(outcome(report, 'card').outcome).toBe('unchanged')
    expect(outcome(report, 'notice').outcome).toBe('unchanged')
    expect((await payload.count({ collection: 'source-changes' })).totalDocs).toBe(0)
  })

  it('a change in the body flags exactly the FAQs and guides citing the page, with the passages old and new', async () => {
    const body = [...CARD.body]
    body[1] = '電子証明書の有効期限は、発行日から5回目の誕生日までです。'
    body.splice(3, 1)
    body.push('オンラインでの更新はできません。')
    site.routes.set('/kurashi/mynumber/kigen.html', { page: { ...CARD, body } })
    const report = await run()
    const changed = outcome(report, 'card')
    expect(changed).toMatchObject({ outcome: 'changed', passages: 3 })
    if (changed.outcome !== 'changed') throw new Error('not changed')
    expect(sortIds(changed.faqs)).toEqual(sortIds([faq['card-only']!, faq['card-and-notice']!]))
    expect(changed.guides).toEqual([guide])
    // The moved page redirects to the same page: it changed too, and flags its own citing FAQ.
    expect(outcome(report, 'moved')).toMatchObject({
      outcome: 'changed',
      faqs: [faq['moved-only']],
      guides: [],
    })
    expect(
      report.outcomes
        .filter((o) => o.outcome === 'changed')
        .map((o) => o.source)
        .sort(),
    ).toEqual([src.card, src.moved].sort())
  })

  it('GET /api/sources/changed lists the open changes for staff, per FAQ or guide on request; not for others', async () => {
    const all = await rest<{ docs: OpenChange[] }>('GET', '/api/sources/changed', 'editor')
    expect(all.status).toBe(200)
    const card = (all.body.docs as OpenChange[]).find((d) => d.source.id === src.card)!
    expect(card.passageCount).toBe(3)
    expect(card.passages).toEqual([
      {
        old: ['電子証明書の有効期限は、年齢に関係なく発行日から5回目の誕生日までです。'],
        new: ['電子証明書の有効期限は、発行日から5回目の誕生日までです。'],
      },
      { old: ['封書は転送不要郵便です。', '郵便局に転送届を出している場合は届きません。'], new: [] },
      { old: [], new: ['オンラインでの更新はできません。'] },
    ])
    expect(card.faqs.map((f) => f.question).sort()).toEqual(['質問 card-and-notice', '質問 card-only'])
    expect(card.guides).toEqual([{ id: guide, title: 'カードの更新' }])
    expect(
      (
        await rest<{ docs: OpenChange[] }>(
          'GET',
          `/api/sources/changed?faq=${faq['notice-only']}`,
          'operator',
        )
      ).body.docs,
    ).toEqual([])
    expect(
      (
        await rest<{ docs: OpenChange[] }>('GET', `/api/sources/changed?faq=${faq['card-only']}`, 'operator')
      ).body.docs.map((d: OpenChange) => d.id),
    ).toEqual([card.id])
    expect(
      (
        await rest<{ docs: OpenChange[] }>('GET', `/api/sources/changed?guide=${guide}`, 'editor')
      ).body.docs.map((d: OpenChange) => d.id),
    ).toEqual([card.id])
    expect((await rest('GET', '/api/sources/changed?faq=1%20OR%201=1', 'editor')).status).toBe(400)
    expect((await rest('GET', '/api/sources/changed', 'cityViewer')).status).toBe(403)
    expect((await rest('GET', '/api/sources/changed', null)).status).toBe(401)
    expect((await rest('GET', '/api/source-changes', null)).status).toBe(403)
  })

  it('a failure after a good check keeps the last good text and flags nothing; the page back unchanged is unchanged', async () => {
    const before = await payload.count({ collection: 'source-changes' })
    site.routes.delete('/kurashi/mynumber/tsuchisho.html')
    const failed = await run()
    expect(outcome(failed, 'notice')).toMatchObject({ outcome: 'failed', reason: 'not-found' })
    expect((await payload.count({ collection: 'source-changes' })).totalDocs).toBe(before.totalDocs)
    site.routes.set('/kurashi/mynumber/tsuchisho.html', { page: NOTICE })
    expect(outcome(await run(), 'notice').outcome).toBe('unchanged')
  })

  it('an editor marks a change 確認済み and it leaves the list; an operator cannot', async () => {
    const open = (await rest<{ docs: OpenChange[] }>('GET', '/api/sources/changed', 'editor')).body
      .docs as OpenChange[]
    const id = open.find((d) => d.source.id === src.card)!.id
    expect(
      (await rest('PATCH', `/api/source-changes/${id}`, 'operator', { resolvedAt: new Date().toISOString() }))
        .status,
    ).toBe(403)
    // What the watch found cannot be edited, and who closed it is the signed-in user whatever is sent.
    expect(
      (
        await rest('PATCH', `/api/source-changes/${id}`, 'editor', {
          resolvedAt: new Date().toISOString(),
          resolvedBy: users.operator.id,
          passageCount: 0,
        })
      ).status,
    ).toBe(200)
    const after = await payload.findByID({ collection: 'source-changes', id, depth: 0 })
    expect(after.passageCount).toBe(3)
    expect(after.resolvedBy).toBe(users.editor.id)
    expect(
      (await rest<{ docs: OpenChange[] }>('GET', `/api/sources/changed?faq=${faq['card-only']}`, 'editor'))
        .body.docs,
    ).toEqual([])
  })

  it('deleting a source takes its watch record and changes along', async () => {
    await payload.delete({ collection: 'faqs', id: faq['moved-only']!, overrideAccess: true })
    await payload.delete({ collection: 'sources', id: src.moved!, overrideAccess: true })
    expect(
      (await payload.count({ collection: 'source-checks', where: { source: { equals: src.moved } } }))
        .totalDocs,
    ).toBe(0)
    expect(
      (await payload.count({ collection: 'source-changes', where: { source: { equals: src.moved } } }))
        .totalDocs,
    ).toBe(0)
  })
})

describe('switched off (KOTAE_SOURCE_WATCH=off, the default)', () => {
  it('the job does nothing and npm run sources:check refuses: not one request', async () => {
    const { sourceWatchTask } = await import('../src/sourceWatch/task')
    const requests = site.requests.length
    const result = await (sourceWatchTask.handler as (args: unknown) => Promise<{ output: unknown }>)({
      req: { payload },
      input: {},
      job: {},
      tasks: {},
    })
    expect(result.output).toEqual({ checked: 0, changed: 0, failed: 0, skipped: true })
    const { runScript } = await import('./setup/runScript')
    const cli = await runScript('sources-check', [], { KOTAE_SOURCE_WATCH: 'off' })
    expect(cli.code).toBe(1)
    expect(cli.err).toContain(
      'the source watch is off (KOTAE_SOURCE_WATCH=off, the default), so no page is fetched.',
    )
    expect(site.requests.length).toBe(requests)
  })
})

/**
 * Publishing: `npm start` serves the public site beside the admin, built from the CMS's published
 * content; a publish, an unpublish or a new translation in the CMS is live on the served site
 * within a minute (debounced rebuild, atomic swap). One Kotae for the whole file.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRebuildScheduler } from '@kotae/cms/src/publish/scheduler'
import { loadValidContent } from '@kotae/content'
import { launchChromium } from '@kotae/chromium/launch'

import { startKotae, type RunningKotae } from '../support/kotaeServer'
import { phoneContext } from '../support/phone'

const PORT = 3205
const SITE = `http://localhost:${PORT + 1}`
const LIVE_WITHIN_MS = 60_000
const PASSWORD = 'kotae-publish-pass-1'

let kotae: RunningKotae
let browser: Browser | undefined
let token = ''

type Doc = {
  id: number
  slug: string
  locale: string
  question: string
  shortAnswer: string
  translationOf?: number | null
  category: number
  sources: number[]
  reviewBy: string
}

async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${kotae.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json().catch(() => ({}))) as T }
}

const page = async (path: string) => {
  const res = await fetch(`${SITE}${path}`)
  return { status: res.status, html: await res.text() }
}

/** Polls until `check` passes; returns the milliseconds it took. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now()
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started
    if (Date.now() - started > timeoutMs)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${kotae.output().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

const lexical = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
      },
    ],
  },
})

beforeAll(async () => {
  kotae = await startKotae({ port: PORT, site: true })
  const first = await api('POST', '/api/users/first-register', {
    email: 'publish-admin@example.test',
    password: PASSWORD,
    roles: ['admin'],
  })
  expect(first.status).toBeLessThan(300)
  const login = await api<{ token: string }>('POST', '/api/users/login', {
    email: 'publish-admin@example.test',
    password: PASSWORD,
  })
  token = login.json.token
  // The first build starts when the admin is ready.
  await until('first site build', async () => (await page('/')).status === 200, 300_000)
})
afterAll(async () => {
  if (kotae)
    console.log(
      kotae
        .output()
        .split('\n')
        .filter((l) => l.startsWith('kotae: site'))
        .join('\n'),
    )
  await browser?.close()
  await kotae?.stop()
})

describe('npm start serves the public site beside the admin', () => {
  it('prints the site URL and serves pages built from the CMS, without operator-only content', async () => {
    expect(kotae.output()).toContain(`Site:  ${SITE}/`)
    const home = await page('/')
    expect(home.html).toContain('<html lang="ja"')
    expect((await page('/faq/pin-kinds/')).status).toBe(200)
    expect((await page('/en/faq/pin-kinds/')).status).toBe(200)
    expect((await page('/no-such-page/')).status).toBe(404)

    // The English siblings come from the CMS's fields (decision 0055): a guide's title and steps,
    // the home page's notices, as the content files hold them.
    const { guides, city } = await loadValidContent()
    const guide = guides.find(
      (g) => g.titleEn && g.steps.every((s) => /^[\w ,.()-]+$/.test(s.titleEn ?? '')),
    )!
    const guidePage = (await page(`/en/guide/${guide.id}/`)).html
    expect(guidePage).toContain(guide.titleEn)
    for (const step of guide.steps) expect(guidePage).toContain(step.titleEn)
    const enHome = (await page('/en/')).html
    for (const notice of city.notices) expect(enHome).toContain(notice.titleEn)
    for (const locale of ['ja', 'en']) {
      const search = await page(`/search-index/${locale}.json`)
      expect(search.status).toBe(200)
      expect(search.html).not.toContain('operatorNotes')
    }
  })

  it('a vote on the served site reaches the CMS through the site origin, its reason masked', async () => {
    browser = await launchChromium()
    const context = await phoneContext(browser)
    const tab = await context.newPage()
    await tab.goto(`${SITE}/faq/pin-forgot/`)
    await tab.getByRole('button', { name: 'いいえ' }).click()
    await tab.getByLabel('よろしければ理由を教えてください（任意）').fill('090-1234-5678 に電話がほしい')
    await tab.getByRole('button', { name: '送信する' }).click()
    await tab.locator('.feedback [role="status"]').filter({ hasText: 'ありがとうございました' }).waitFor()
    await tab.goto(`${SITE}/`) // leaving the page sends what is still batched
    type Ev = { docs: { faq: string; helpful: boolean; reason?: string }[] }
    await until(
      'the vote in the CMS',
      async () =>
        (await api<Ev>('GET', '/api/site-events?where[type][equals]=helpful&depth=0')).json.docs.length > 0,
      15_000,
    )
    const vote = (await api<Ev>('GET', '/api/site-events?where[type][equals]=helpful&depth=0')).json.docs[0]!
    expect(vote).toMatchObject({ faq: 'pin-forgot', helpful: false })
    expect(vote.reason).not.toContain('1234-5678')
    await context.close()
  })

  it('a published edit and a new English translation are live within a minute, with no half-built page served meanwhile', async () => {
    // REST reads come in pages of at most 100 for staff (cms/src/http/restQuery.ts).
    const docs: Doc[] = []
    for (let p = 1; ; p++) {
      const { json } = await api<{ docs: Doc[]; hasNextPage: boolean }>(
        'GET',
        `/api/faqs?limit=100&depth=0&page=${p}`,
      )
      // Signed in, a page is 100 long (an anonymous one 25: quickstart.e2e).
      if (json.hasNextPage) expect(json.docs.length).toBe(100)
      docs.push(...json.docs)
      if (!json.hasNextPage) break
    }
    const ja = docs.filter((f) => f.locale === 'ja')
    const translated = new Set(
      docs.filter((f) => f.locale === 'en' && f.translationOf).map((f) => f.translationOf),
    )
    const edited = ja.find((f) => f.slug === 'pin-kinds')!
    const untranslated = ja.find((f) => f.id !== edited.id && !translated.has(f.id))!
    expect(edited && untranslated).toBeTruthy()

    const marker = `E2E${Date.now().toString(36)}`
    const publishedAt = Date.now()
    const edit = await api('PATCH', `/api/faqs/${edited.id}?depth=0`, {
      shortAnswer: `公開テスト ${marker}`,
      _status: 'published',
    })
    expect(edit.status).toBe(200)
    const english = await api('POST', '/api/faqs?depth=0', {
      question: `English question ${marker}?`,
      shortAnswer: `English short answer ${marker}.`,
      answer: lexical(`English answer ${marker}.`),
      category: untranslated.category,
      sources: untranslated.sources,
      reviewBy: untranslated.reviewBy,
      locale: 'en',
      audience: 'public',
      translationOf: untranslated.id,
      _status: 'published',
    })
    expect(english.status).toBe(201)
    // Published at the same time: operator notes and an operator-only FAQ, which must never reach the site.
    const secret = `OPSECRET${marker}`
    expect(
      (
        await api('PATCH', `/api/faqs/${edited.id}?depth=0`, {
          operatorNotes: `${secret} note`,
          _status: 'published',
        })
      ).status,
    ).toBe(200)
    const operatorOnly = await api<{ doc: Doc }>('POST', '/api/faqs?depth=0', {
      question: `${secret} オペレーター専用の質問`,
      shortAnswer: `${secret} オペレーター専用`,
      answer: lexical(`${secret} オペレーター専用の回答`),
      category: edited.category,
      sources: edited.sources,
      reviewBy: edited.reviewBy,
      locale: 'ja',
      audience: 'operator',
      operatorNotes: `${secret} メモ`,
      _status: 'published',
    })
    expect(operatorOnly.status).toBe(201)

    // Every page served while the rebuild runs and swaps in is whole.
    let polling = true
    const served: string[] = []
    const poller = (async () => {
      while (polling) {
        const r = await page('/faq/pin-kinds/').catch(() => ({ status: 0, html: '' }))
        served.push(r.status === 200 && r.html.trimEnd().endsWith('</html>') ? 'ok' : `bad ${r.status}`)
        await new Promise((res) => setTimeout(res, 100))
      }
    })()

    await until(
      'the edit on the served FAQ page',
      async () => (await page('/faq/pin-kinds/')).html.includes(marker),
      LIVE_WITHIN_MS,
    )
    const liveMs = Date.now() - publishedAt
    polling = false
    await poller
    console.log(
      `site-publish: publish → live in ${(liveMs / 1000).toFixed(1)} s (${served.length} page loads during the rebuild, all whole)`,
    )
    expect(liveMs).toBeLessThan(LIVE_WITHIN_MS)
    expect(served.filter((s) => s !== 'ok')).toEqual([])
    const searchData = (await page('/search-index/ja.json')).html
    expect(searchData).toContain(marker)
    expect(searchData).not.toContain(secret)
    expect((await page('/search-index/en.json')).html).not.toContain(secret)
    expect((await page('/faq/pin-kinds/')).html).not.toContain(secret)
    expect((await page(`/faq/${operatorOnly.json.doc.slug}/`)).status).toBe(404)
    expect((await page('/category/')).html).not.toContain(secret)

    // English: the translation replaces the Japanese answer and its note; the switch goes to the counterpart.
    await until(
      'the English translation',
      async () => (await page(`/en/faq/${untranslated.slug}/`)).html.includes(`English question ${marker}?`),
      LIVE_WITHIN_MS,
    )
    const en = (await page(`/en/faq/${untranslated.slug}/`)).html
    expect(en).toContain(`English answer ${marker}.`)
    // …and the English search index holds it (the Japanese one does not).
    expect((await page('/search-index/en.json')).html).toContain(`English question ${marker}?`)
    expect((await page('/search-index/ja.json')).html).not.toContain(`English question ${marker}?`)
    expect(en).not.toContain('class="note-lang"')
    expect(en).toMatch(new RegExp(`class="lang" href="/faq/${untranslated.slug}/"`))
    expect((await page(`/faq/${untranslated.slug}/`)).html).toMatch(
      new RegExp(`class="lang" href="/en/faq/${untranslated.slug}/"`),
    )
    // An English page without a translation keeps the Japanese answer with the note.
    const other = ja.find((f) => f.id !== edited.id && f.id !== untranslated.id && !translated.has(f.id))!
    expect((await page(`/en/faq/${other.slug}/`)).html).toContain('class="note-lang"')
  })

  it('an unpublished FAQ is gone from the served site within a minute', async () => {
    const { json } = await api<{ docs: Doc[] }>('GET', '/api/faqs?where[slug][equals]=pin-kinds&depth=0')
    const faq = json.docs[0]!
    const before = await page(`/category/`)
    expect(before.html).toContain('/faq/pin-kinds/')
    // A draft save of another published FAQ changes nothing public: it asks for no rebuild and never shows.
    const { json: others } = await api<{ docs: Doc[] }>(
      'GET',
      '/api/faqs?where[slug][equals]=pin-forgot&depth=0',
    )
    const drafted = others.docs[0]!
    const draftMarker = `DRAFT${Date.now().toString(36)}`
    expect(
      (
        await api('PATCH', `/api/faqs/${drafted.id}?draft=true&depth=0`, {
          shortAnswer: `下書き ${draftMarker}`,
        })
      ).status,
    ).toBe(200)
    await new Promise((r) => setTimeout(r, 1500))
    const unpublishedAt = Date.now()
    expect((await api('PATCH', `/api/faqs/${faq.id}?depth=0`, { _status: 'draft' })).status).toBe(200)
    await until(
      'the unpublished FAQ gone',
      async () => (await page('/faq/pin-kinds/')).status === 404,
      LIVE_WITHIN_MS,
    )
    const goneMs = Date.now() - unpublishedAt
    console.log(`site-publish: unpublish → gone in ${(goneMs / 1000).toFixed(1)} s`)
    expect((await page('/en/faq/pin-kinds/')).status).toBe(404)
    expect((await page('/category/')).html).not.toContain('/faq/pin-kinds/')
    expect((await page('/search-index/ja.json')).html).not.toContain('"pin-kinds"')
    const drafts = await page(`/faq/${drafted.slug}/`)
    expect(drafts.status).toBe(200)
    expect(drafts.html).not.toContain(draftMarker)
    const rebuilds = kotae
      .output()
      .split('\n')
      .filter((l) => l.includes('site: rebuilding'))
    expect(rebuilds.at(-1)).toContain('faqs pin-kinds')
    expect(rebuilds.at(-1)).not.toContain(`faqs ${drafted.slug}`)
  })
})

describe('the rebuild scheduler', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

  it('debounces a burst into one build, runs one build at a time and queues one more for changes during a build', async () => {
    const builds: string[][] = []
    let running = 0
    let maxRunning = 0
    const scheduler = createRebuildScheduler({
      quietMs: 80,
      maxWaitMs: 1000,
      build: async (reasons) => {
        running += 1
        maxRunning = Math.max(maxRunning, running)
        builds.push(reasons)
        await sleep(200)
        running -= 1
      },
    })
    scheduler.request('a')
    await sleep(30)
    scheduler.request('b')
    await sleep(30)
    scheduler.request('c')
    await sleep(150) // quiet period over: the build of a, b, c is running
    expect(builds).toEqual([['a', 'b', 'c']])
    scheduler.request('d')
    scheduler.request('e')
    await scheduler.idle()
    expect(builds).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ])
    expect(maxRunning).toBe(1)
    scheduler.stop()
  })

  it('starts at the latest maxWait after the first change while changes keep coming, and a failed build does not stop later ones', async () => {
    const started: number[] = []
    const errors: unknown[] = []
    const t0 = Date.now()
    const scheduler = createRebuildScheduler({
      quietMs: 100,
      maxWaitMs: 300,
      build: async () => {
        started.push(Date.now() - t0)
        if (started.length === 1) throw new Error('boom')
      },
      onError: (e) => errors.push(e),
    })
    for (let i = 0; i < 10; i++) {
      scheduler.request(`edit ${i}`)
      await sleep(50)
    }
    await scheduler.idle()
    expect(started[0]).toBeGreaterThanOrEqual(290)
    expect(started[0]).toBeLessThan(450)
    expect(errors).toHaveLength(1)
    scheduler.request('after the failure')
    await scheduler.idle()
    expect(started).toHaveLength(3)
    scheduler.stop()
  })
})

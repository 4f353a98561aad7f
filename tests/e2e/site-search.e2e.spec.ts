/**
 * The public site's search, in Chromium on a phone-sized screen: a colloquial question finds the
 * right FAQ, nothing found shows the phone number, markup in a query stays text, the searches
 * reach the events endpoint anonymously, and the keyboard alone reaches search and a result.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The CMS's own validation of POST /api/events: what the site sends must pass it unchanged.
import { eventBatchSchema } from '@kotae/content/contracts/events'
import { launchChromium } from '@kotae/chromium/launch'

import { phoneContext } from '../support/phone'
import { ensureSiteBuilt } from '../support/siteBuild'
import { serveSite, type StaticSite } from '../support/staticSite'

let site: StaticSite
let browser: Browser

beforeAll(async () => {
  ensureSiteBuilt()
  site = await serveSite()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

/** Opens a page and waits for the islands to wake up. */
async function open(path: string): Promise<Page> {
  const page = await (await phoneContext(browser)).newPage()
  await page.goto(`${site.url}${path}`)
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0)
  return page
}

/** Types `q` into the search box and waits until the results' status line names it. */
async function searchFor(page: Page, input: Locator, q: string): Promise<void> {
  await input.fill(q)
  await page.waitForFunction((q) => document.querySelector('[role="status"]')?.textContent?.includes(q), q)
}

const resultIds = (page: Page) =>
  page
    .locator('[data-testid="search-results"] li a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))

describe('search on a phone', () => {
  it('a colloquial question typed on the home page finds the right FAQ in the top three', async () => {
    const page = await open('/')
    await page.getByLabel('キーワードや質問').fill('マイナの暗証番号わすれた')
    await page.locator('[data-testid="search-results"]').waitFor()
    expect((await resultIds(page)).slice(0, 3)).toContain('/faq/pin-forgot/')
    // Highlighted passages.
    expect(await page.locator('[data-testid="search-results"] mark').count()).toBeGreaterThan(0)
    await page.context().close()
  })

  it('text typed before the island wakes up (a slow phone) is not lost', async () => {
    const page = await (await phoneContext(browser)).newPage()
    // The island's script is held until the text is typed (a timer could run out first on a busy machine).
    let release = () => {}
    const typed = new Promise<void>((resolve) => {
      release = resolve
    })
    await page.route('**/_astro/SearchBox*.js', async (route) => {
      await typed
      await route.continue()
    })
    await page.goto(`${site.url}/`, { waitUntil: 'domcontentloaded' })
    await page.getByLabel('キーワードや質問').fill('暗証番号 ロック')
    expect(await page.locator('astro-island[ssr]').count()).toBe(1)
    release()
    await page.locator('[data-testid="search-results"]').waitFor()
    expect(await page.getByLabel('キーワードや質問').inputValue()).toBe('暗証番号 ロック')
    await page.context().close()
  })

  it('when the search worker cannot load, the same search runs on the page', async () => {
    const page = await (await phoneContext(browser)).newPage()
    await page.route('**/_astro/worker-*.js', (route) => route.abort())
    await page.goto(`${site.url}/search/`)
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0)
    await page.getByLabel('キーワードや質問').fill('マイナの暗証番号わすれた')
    await page.locator('[data-testid="search-results"]').waitFor()
    expect((await resultIds(page)).slice(0, 3)).toContain('/faq/pin-forgot/')
    await page.context().close()
  })

  it('the home page downloads no search index until the search box is used', async () => {
    const page = await (await phoneContext(browser)).newPage()
    const fetched: string[] = []
    page.on('request', (r) => r.url().includes('/search-') && fetched.push(new URL(r.url()).pathname))
    await page.goto(`${site.url}/`, { waitUntil: 'load' })
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0)
    await page.waitForTimeout(1500)
    expect(fetched).toEqual([])
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/search-index/ja.json')
    await page.getByLabel('キーワードや質問').focus()
    expect((await loaded).status()).toBe(200)
    await page.context().close()
  })

  it('the search page fetches its saved index once idle and searches from it (no documents to index)', async () => {
    const page = await (await phoneContext(browser)).newPage()
    const fetched: string[] = []
    page.on('request', (r) => r.url().includes('/search-') && fetched.push(new URL(r.url()).pathname))
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/search-index/ja.json')
    await page.goto(`${site.url}/search/`)
    const index = await (await loaded).json()
    expect(index).toMatchObject({ format: 'kotae-search-index', audience: 'public' })
    expect(JSON.stringify(index)).not.toContain('operatorNotes')
    await page.getByLabel('キーワードや質問').fill('暗証番号 ロック')
    await page.locator('[data-testid="search-results"]').waitFor()
    expect((await resultIds(page)).slice(0, 3)).toContain('/faq/pin-locked/')
    expect(fetched).toEqual(['/search-index/ja.json'])
    await page.context().close()
  })

  it('when the index cannot be downloaded, the status says so; the next focus tries again', async () => {
    const page = await (await phoneContext(browser)).newPage()
    await page.route('**/search-index/*.json', (route) => route.abort())
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0)
    const input = page.getByLabel('キーワードや質問')
    await input.fill('暗証番号')
    await page.locator('[role="status"]').filter({ hasText: '検索を読み込めませんでした' }).waitFor()
    expect(await page.locator('[data-testid="search-results"]').count()).toBe(0)
    await page.unroute('**/search-index/*.json')
    await input.blur()
    await input.focus()
    await page.locator('[data-testid="search-results"]').waitFor()
    expect((await resultIds(page)).length).toBeGreaterThan(0)
    await page.context().close()
  })

  it('English pages find English answers for English questions, linked to the English page', async () => {
    const page = await (await phoneContext(browser)).newPage()
    const fetched: string[] = []
    page.on('request', (r) => r.url().includes('/search-index/') && fetched.push(new URL(r.url()).pathname))
    await page.goto(`${site.url}/en/search/`)
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0)
    const input = page.getByLabel('Keywords or a question')
    const cases: [string, string][] = [
      ['renew my card', '/en/faq/card-renewal-how/'],
      ['forgot PIN', '/en/faq/pin-forgot/'],
      ['lost card', '/en/faq/lost-what-to-do/'],
    ]
    for (const [q, want] of cases) {
      await searchFor(page, input, q)
      const first = page.locator('[data-testid="search-results"] li a').first()
      expect(new URL((await first.getAttribute('href'))!, site.url).pathname, q).toBe(want)
      expect(await first.getAttribute('lang'), q).toBe('en')
    }
    // Japanese typed on an English page still finds the Japanese entries (on their English pages).
    await searchFor(page, input, 'マイナの暗証番号わすれた')
    expect((await resultIds(page)).slice(0, 3)).toContain('/en/faq/pin-forgot/')
    // A translated page is listed by its English title; a page in Japanese only says so.
    const pinForgot = page.locator('[data-testid="search-results"] li a[href="/en/faq/pin-forgot/"]')
    expect(await pinForgot.getAttribute('lang')).toBe('en')
    expect(await pinForgot.innerText()).toBe('I forgot my PIN. What should I do?')
    const jaOnly = page
      .locator('[data-testid="search-results"] li')
      .filter({ has: page.locator('a[lang="ja"]') })
    expect(await jaOnly.count()).toBeGreaterThan(0)
    expect(await jaOnly.first().locator('.tag').innerText()).toBe('In Japanese')
    // No page is listed twice (a translation and its original share one page).
    const ids = await resultIds(page)
    expect(new Set(ids).size).toBe(ids.length)
    expect(fetched).toEqual(['/search-index/en.json'])
    // The result opens the English answer.
    await searchFor(page, input, 'renew my card')
    await page.locator('[data-testid="search-results"] li a').first().click()
    await page.waitForURL(/\/en\/faq\/card-renewal-how\/$/)
    expect(await page.locator('h1').innerText()).toMatch(/renew/i)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.context().close()
  })

  it('more colloquial questions land in the top three on the search page', async () => {
    const page = await open('/search/')
    const input = page.getByLabel('キーワードや質問')
    const cases: [string, string][] = [
      ['カードなくした', '/faq/lost-what-to-do/'],
      ['電子証明書の更新を家族に頼みたい', '/faq/cert-renewal-proxy/'],
      ['青い封筒がとどいた', '/faq/notice-letter-what/'],
    ]
    for (const [q, want] of cases) {
      await searchFor(page, input, q)
      expect((await resultIds(page)).slice(0, 3), q).toContain(want)
    }
    await page.context().close()
  })

  it('the search page reads ?q= and shows the results (a shareable URL), downloading the index once', async () => {
    const page = await (await phoneContext(browser)).newPage()
    const fetched: string[] = []
    page.on('request', (r) => r.url().includes('/search-index/') && fetched.push(new URL(r.url()).pathname))
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('受け取り 持ち物')}`)
    await page.locator('[data-testid="search-results"]').waitFor()
    expect((await resultIds(page)).slice(0, 3)).toContain('/faq/pickup-what-to-bring/')
    // The page's inline script started the download before the island woke up; the island took it over.
    expect(fetched).toEqual(['/search-index/ja.json'])
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { kotaeSearchPrefetch?: Map<string, unknown> }).kotaeSearchPrefetch?.size,
      ),
    ).toBe(0)
    await page.context().close()
  })

  it('zero results show the phone number with today’s hours, and popular topics', async () => {
    const page = await open('/search/')
    await page.getByLabel('キーワードや質問').fill('xyzzy')
    const zero = page.locator('[data-testid="zero-results"]')
    await zero.waitFor()
    const text = await zero.innerText()
    expect(text).toContain('082-420-0925')
    expect(text).toMatch(/受付中|受付時間外/)
    expect(await zero.locator('a[href^="tel:"]').count()).toBeGreaterThan(0)
    expect(await zero.locator('a[href^="/faq/"]').count()).toBeGreaterThan(0)
    await page.context().close()
  })

  it('the English search page shows the phone number too, and popular topics in English', async () => {
    const page = await open('/en/search/')
    await page.getByLabel('Keywords or a question').fill('qqqzzz')
    const zero = page.locator('[data-testid="zero-results"]')
    await zero.waitFor()
    expect(await zero.innerText()).toContain('082-420-0925')
    // Popular topics with an English translation show its title, marked as English.
    const english = zero.locator('a[href^="/en/faq/"][lang="en"]')
    expect(await english.count()).toBeGreaterThan(0)
    // (English titles may quote a Japanese term, e.g. 有効期限通知書, but read as English sentences.)
    for (const title of await english.allInnerTexts())
      expect(title).toMatch(/^(How|What|When|Where|Can|Do|Does|Is|I|My)\b/)
    await page.context().close()
  })

  it('a query with HTML or script renders as text, never as markup', async () => {
    const page = await open('/search/')
    let dialog = false
    page.on('dialog', (d) => {
      dialog = true
      void d.dismiss()
    })
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    await page.getByLabel('キーワードや質問').fill(evil)
    await page.locator('[role="status"]').filter({ hasText: '<img' }).waitFor()
    expect(await page.locator('main img').count()).toBe(0)
    expect(
      await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('alert(2)'))),
    ).toBe(false)
    expect(await page.locator('[role="status"]').innerText()).toContain('<script>')
    expect(dialog).toBe(false)
    await page.context().close()
  })

  it('searches and zero-result searches reach /api/events as text/plain, with no cookie and no id', async () => {
    site.events.length = 0
    site.eventRequests.length = 0
    const page = await open('/search/')
    const input = page.getByLabel('キーワードや質問')
    await input.fill('暗証番号 ロック')
    await page.locator('[data-testid="search-results"]').waitFor()
    await page.waitForTimeout(1700) // the query settles
    // Nonsense that shares no two-character piece with the content (a one-bigram overlap still ranks; see the search README).
    await input.fill('ぬぺぬぺぽむぽむ')
    await page.locator('[data-testid="zero-results"]').waitFor()
    await page.waitForTimeout(1700)
    await page.goto(`${site.url}/contact/`) // leaving the page sends the batch
    await expect.poll(() => site.events.length, { timeout: 8000 }).toBeGreaterThanOrEqual(3)
    const types = site.events.map((e) => `${e.type}:${String(e.query)}`)
    expect(types).toContain('search:暗証番号 ロック')
    expect(types).toContain('zero-result:ぬぺぬぺぽむぽむ')
    for (const e of site.events) {
      expect(Object.keys(e).sort()).toEqual(expect.arrayContaining(['at', 'type']))
      expect(Object.keys(e).some((k) => /id$/i.test(k) && k !== 'faqId')).toBe(false)
      expect(() => new Date(String(e.at)).toISOString()).not.toThrow()
    }
    for (const r of site.eventRequests) {
      expect(r.contentType).toMatch(/^text\/plain/)
      expect(r.cookie).toBeUndefined()
      expect(eventBatchSchema.safeParse(JSON.parse(r.body)).error).toBeUndefined()
    }
    await page.context().close()
  })

  it('keyboard only: skip link, search box, then a result', async () => {
    const page = await open('/')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動')
    await page.keyboard.press('Enter')
    // From the start of main, the search box is the first field.
    for (
      let i = 0;
      i < 5 && !(await page.evaluate(() => document.activeElement?.getAttribute('type') === 'search'));
      i++
    )
      await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
    await page.keyboard.type('コンビニで暗証番号')
    // Each key searches: wait for the answer to the whole question (the status line names it), not a
    // shorter one's list, which the last answer redraws under the focus (CI: the focus was on nothing).
    await page.waitForFunction(
      (q) => document.querySelector('[role="status"]')?.textContent?.includes(q),
      'コンビニで暗証番号',
    )
    await page.locator('[data-testid="search-results"]').waitFor()
    await page.keyboard.press('Tab') // the search button
    await page.keyboard.press('Tab') // the first result
    const href = await page.evaluate(() =>
      (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'),
    )
    expect(href).toMatch(/^\/(faq|guide)\//)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/(faq|guide)\//)
    await page.context().close()
  })
})

/**
 * The public site's pages in Chromium on a phone-sized screen: the what-to-bring checker, the
 * open/closed state with a fixed clock, an FAQ page and its 「解決しましたか？」 vote reaching
 * /api/events, and, with JavaScript off, every FAQ reachable from the categories.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The CMS's own validation of POST /api/events: what the site sends must pass it unchanged.
import { eventBatchSchema } from '@kotae/content/contracts/events'

import { phoneContext } from '../support/phone'
import { ensureSiteBuilt } from '../support/siteBuild'
import { serveSite, SITE_DIST, type StaticSite } from '../support/staticSite'

import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { launchChromium } from '@kotae/chromium/launch'

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

async function open(path: string, at?: string, timezoneId?: string): Promise<Page> {
  const page = await (await phoneContext(browser, timezoneId ? { timezoneId } : {})).newPage()
  if (at) await page.clock.setFixedTime(new Date(at))
  await page.goto(`${site.url}${path}`)
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0)
  return page
}

const checklist = (page: Page) =>
  page.locator('[data-testid="checker-result"] .checklist .item').allInnerTexts()

describe('what-to-bring checker', () => {
  it('a proxy renewing an electronic certificate gets the exact list, where and when', async () => {
    const page = await open('/checker/')
    await page.getByLabel('電子証明書を更新する').check()
    await page.getByLabel('代理人（ご家族など）').check()
    await page.getByLabel('はい、あります').check()
    expect(await checklist(page)).toEqual([
      'ご本人のマイナンバーカード',
      '照会書兼回答書（ご本人が記入し封をしたもの）',
      '代理人の本人確認書類',
    ])
    const result = await page.locator('[data-testid="checker-result"]').innerText()
    expect(result).toContain('市民課・各支所・出張所の窓口')
    expect(result).toContain('有効期限の3か月前から')
    expect(await page.getByRole('button', { name: 'この一覧を印刷する' }).isVisible()).toBe(true)

    // Without the notice letter: the 照会書兼回答書 is flagged as missing, with the city's number.
    await page.getByLabel('いいえ、ありません').check()
    expect(await checklist(page)).toEqual(['ご本人のマイナンバーカード', '代理人の本人確認書類'])
    const missing = await page.locator('[data-testid="checker-missing"]').innerText()
    expect(missing).toContain('照会書兼回答書')
    expect(result + (await page.locator('[data-testid="checker-result"]').innerText())).toContain(
      '082-420-0925',
    )
    await page.context().close()
  })

  it('opens on the procedure a guide links to, and the print view shows only the list', async () => {
    const page = await open('/checker/?procedure=pickup')
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[name="procedure"][value="pickup"]')?.checked,
    )
    expect((await checklist(page))[0]).toBe('交付通知書（はがき）')
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.checker-form').isVisible()).toBe(false)
    expect(await page.locator('[data-testid="checker-result"]').isVisible()).toBe(true)
    await page.context().close()
  })

  it('works in English with the same list, in English', async () => {
    const page = await open('/en/checker/')
    await page.getByLabel('Renewing the electronic certificates').check()
    await page.getByLabel('A proxy (e.g. a family member)').check()
    expect(await checklist(page)).toEqual([
      'The card holder’s My Number Card',
      'The inquiry and answer form (照会書兼回答書), filled in and sealed by the card holder',
      'ID documents of the proxy',
    ])
    await page.context().close()
  })
})

describe('open now / closed, with a fixed clock (Asia/Tokyo, whatever the phone’s time zone)', () => {
  it('shows closed on a national holiday, with the holiday and the next opening', async () => {
    // Monday 2026-11-23 10:00 JST, 勤労感謝の日; the phone is set to New York time.
    const page = await open('/', '2026-11-23T10:00:00+09:00', 'America/New_York')
    const status = page.locator('.contact-card [data-hours-status]')
    await status.waitFor()
    expect(await status.getAttribute('data-state')).toBe('closed')
    const text = await status.innerText()
    expect(text).toContain('受付時間外')
    expect(text).toContain('勤労感謝の日')
    expect(text).toContain('11月24日（火） 8:30から')
    await page.context().close()
  })

  it('shows closed during the year-end closure and open on an ordinary weekday', async () => {
    const closed = await open('/contact/', '2026-12-30T11:00:00+09:00')
    expect(await closed.locator('[data-hours-status]').innerText()).toContain('年末年始')
    await closed.context().close()
    const openPage = await open('/en/', '2026-12-03T18:30:00+09:00') // 1st Thursday, open until 19:00
    const status = openPage.locator('.contact-card [data-hours-status]')
    expect(await status.getAttribute('data-state')).toBe('open')
    expect(await status.innerText()).toContain('until 19:00')
    await openPage.context().close()
  })
})

describe('an FAQ page', () => {
  it('shows the answer, what to bring, sources with checked dates and the last-reviewed date', async () => {
    const page = await open('/faq/cert-renewal-proxy/')
    expect(await page.locator('h1').innerText()).toBe('家族が代わりに電子証明書を更新できますか？')
    expect(await page.locator('.bring .checklist li').count()).toBe(3)
    const sources = await page.locator('.sources').innerText()
    expect(sources).toMatch(/確認日：2026年11月24日/)
    expect(await page.locator('.reviewed').innerText()).toContain('最終確認日')
    expect(await page.locator('a[hreflang="en"]').getAttribute('href')).toBe('/en/faq/cert-renewal-proxy/')
    await page.context().close()
  })

  it('the helpful vote with a reason reaches /api/events once, with the FAQ id and no personal id', async () => {
    site.events.length = 0
    site.eventRequests.length = 0
    const page = await open('/faq/pin-forgot/')
    await page.getByRole('button', { name: 'いいえ' }).click()
    await page.getByLabel('よろしければ理由を教えてください（任意）').fill('コンビニでできるか知りたかった')
    await page.getByRole('button', { name: '送信する' }).click()
    await page.locator('.feedback [role="status"]').filter({ hasText: 'ありがとうございました' }).waitFor()
    await expect.poll(() => site.events.filter((e) => e.type === 'helpful').length, { timeout: 8000 }).toBe(1)
    const vote = site.events.find((e) => e.type === 'helpful')!
    expect(vote).toMatchObject({
      faqId: 'pin-forgot',
      helpful: false,
      reason: 'コンビニでできるか知りたかった',
      locale: 'ja',
    })
    await expect
      .poll(() => site.events.some((e) => e.type === 'faq-view' && e.faqId === 'pin-forgot'), {
        timeout: 8000,
      })
      .toBe(true)
    await page.goto(`${site.url}/`)
    await page.waitForTimeout(300)
    expect(site.events.filter((e) => e.type === 'helpful')).toHaveLength(1)
    for (const r of site.eventRequests)
      expect(eventBatchSchema.safeParse(JSON.parse(r.body)).error).toBeUndefined()
    await page.context().close()
  })

  it('keyboard only reaches the feedback buttons and the reason field', async () => {
    const page = await open('/faq/pin-forgot/')
    let reached = false
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-helpful') === 'yes')
    }
    expect(reached).toBe(true)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-reason')
    await page.context().close()
  })
})

describe('the built site', () => {
  it('an FAQ page loads at most 60 KB gzip of HTML, CSS and JS before search is used', async () => {
    const page = await (await phoneContext(browser)).newPage()
    const paths: string[] = []
    page.on('request', (r) => paths.push(new URL(r.url()).pathname))
    await page.goto(`${site.url}/faq/cert-renewal-proxy/`, { waitUntil: 'networkidle' })
    let gz = 0
    for (const p of paths) {
      let f = path.join(SITE_DIST, p)
      if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html')
      if (fs.existsSync(f) && /\.(html|css|js|mjs)$/.test(f)) gz += zlib.gzipSync(fs.readFileSync(f)).length
    }
    expect(gz).toBeGreaterThan(0)
    expect(gz).toBeLessThanOrEqual(60 * 1024)
    await page.context().close()
  })

  it('every kind of page runs under its own script policy, with nothing refused', async () => {
    const page = await (await phoneContext(browser)).newPage()
    const refused: string[] = []
    page.on(
      'console',
      (m) =>
        void (m.text().includes('Content Security Policy') && refused.push(`${page.url()}: ${m.text()}`)),
    )
    page.on('pageerror', (e) => refused.push(`${page.url()}: ${e.message}`))
    const guide = fs
      .readdirSync(path.join(SITE_DIST, 'guide'))
      .find((d) => fs.existsSync(path.join(SITE_DIST, 'guide', d, 'index.html')))
    for (const p of ['/', '/faq/pin-forgot/', '/checker/', `/guide/${guide}/`, '/en/', '/search/']) {
      await page.goto(`${site.url}${p}`)
      await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0)
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')
      expect(policy, p).toMatch(/script-src 'self'( 'sha256-[^']+')*;/)
      expect(policy, p).not.toContain('unsafe-inline')
    }
    // Search: the worker, the saved index and the events all load under the policy.
    await page.getByLabel('キーワードや質問').fill('暗証番号を忘れた')
    await page.locator('[data-testid="search-results"] li a').first().waitFor()
    expect(refused).toEqual([])
    await page.context().close()
  })

  it('holds no operator note and no operator-only FAQ, in any page or in the search data', async () => {
    const { loadValidContent } = await import('@kotae/content')
    const content = await loadValidContent()
    const notes = content.faqs.flatMap((f) => (f.operatorNotes ? [f.operatorNotes.slice(0, 40)] : []))
    expect(notes.length).toBeGreaterThan(0)
    const files: string[] = []
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name)
        if (e.isDirectory()) walk(p)
        else if (/\.(html|json|js)$/.test(e.name)) files.push(p)
      }
    }
    walk(SITE_DIST)
    const all = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n')
    for (const n of notes) expect(all.includes(n), n).toBe(false)
    // The field name occurs in the engine's code; never in a page or the search data.
    const pages = files
      .filter((f) => !f.endsWith('.js'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')
    expect(pages.includes('operatorNotes')).toBe(false)
    for (const f of content.faqs.filter((x) => x.audience === 'operator'))
      expect(fs.existsSync(path.join(SITE_DIST, 'faq', f.id))).toBe(false)
  })
})

describe('with JavaScript off', () => {
  it('every FAQ is reachable from the category pages, and FAQ pages read fully', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false })
    const page = await ctx.newPage()
    const ids = fs.readdirSync(path.join(SITE_DIST, 'faq'))
    expect(ids.length).toBeGreaterThan(100)
    await page.goto(`${site.url}/`)
    const categoryLinks = await page
      .locator('main a[href^="/category/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    const reached = new Set<string>()
    for (const href of new Set(categoryLinks)) {
      await page.goto(`${site.url}${href}`)
      for (const h of await page
        .locator('main a[href^="/faq/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
        reached.add(h.split('/')[2]!)
    }
    expect([...ids].filter((id) => !reached.has(id))).toEqual([])
    await page.goto(`${site.url}/faq/pin-kinds/`)
    expect(await page.locator('.answer table').count()).toBe(1)
    expect(await page.locator('.feedback').isVisible()).toBe(false) // nothing that cannot work
    await ctx.close()
  })
})

describe('furigana', () => {
  it('the readings are in the HTML, hidden until 「ふりがな」 is ticked, and the choice is kept', async () => {
    const page = await open('/faq/application-baby/')
    const rt = page.locator('.answer ruby rt').first()
    expect(await page.locator('.answer ruby').count()).toBeGreaterThan(20)
    expect(await rt.isVisible()).toBe(false)
    await page.getByLabel('ふりがな').check()
    expect(await rt.isVisible()).toBe(true)
    await page.goto(`${site.url}/guide/guide-pickup/`)
    expect(await page.getByLabel('ふりがな').isChecked()).toBe(true)
    expect(await page.locator('main ruby rt').first().isVisible()).toBe(true)
    await page.getByLabel('ふりがな').uncheck()
    await page.reload()
    expect(await page.locator('main ruby rt').first().isVisible()).toBe(false)
    // English pages have no switch and no readings.
    await page.goto(`${site.url}/en/faq/application-baby/`)
    expect(await page.locator('#furigana-on').count()).toBe(0)
    expect(await page.locator('ruby').count()).toBe(0)
    await page.context().close()
  })

  it('the interface text gets readings too: headings, labels and notes, shown by the same box', async () => {
    const page = await open('/checker/')
    const heading = page.locator('main h1')
    const note = page.locator('.site-footer p').first()
    // 持ち物チェック and the footer's note (i18n/ja.ts), read at build time like the answers.
    expect(await heading.locator('rt').allTextContents()).toEqual(['も', 'もの'])
    expect(await note.locator('rt').count()).toBeGreaterThan(5)
    expect(await heading.locator('rt').first().isVisible()).toBe(false)
    await page.getByLabel('ふりがな').check()
    expect(await heading.locator('rt').first().isVisible()).toBe(true)
    expect(await note.locator('rt').first().isVisible()).toBe(true)
    // Links and buttons stay plain: their names are their words (see decision 0040).
    expect(await page.locator('a ruby, button ruby').count()).toBe(0)
    // English pages: the same strings in English, no ruby.
    await page.goto(`${site.url}/en/checker/`)
    expect(await page.locator('ruby').count()).toBe(0)
    await page.context().close()
  })

  it('without JavaScript the box still shows the readings (CSS only)', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false })
    const page = await ctx.newPage()
    await page.goto(`${site.url}/faq/application-baby/`)
    expect(await page.locator('.answer ruby rt').first().isVisible()).toBe(false)
    await page.getByLabel('ふりがな').check()
    expect(await page.locator('.answer ruby rt').first().isVisible()).toBe(true)
    await ctx.close()
  })
})

describe('やさしい日本語', () => {
  it('an FAQ with an easy version links to it; the section is Japanese, shows its furigana and is reached by keyboard, without JavaScript', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false })
    const page = await ctx.newPage()
    await page.goto(`${site.url}/faq/pin-forgot/`)
    const link = page.getByRole('link', { name: 'やさしい日本語で読む' })
    expect(await link.getAttribute('href')).toBe('#easy')
    const section = page.locator('section#easy')
    expect(await section.getAttribute('lang')).toBe('ja')
    expect(await section.getByRole('heading', { level: 2 }).innerText()).toBe('やさしい日本語')
    expect(await section.locator('h3').count()).toBeGreaterThan(0) // its headings sit below the section's
    // Its readings are shown with the 「ふりがな」 box unticked; the answer's are not.
    expect(await section.locator('ruby rt').first().isVisible()).toBe(true)
    expect(await page.locator('.answer ruby rt').first().isVisible()).toBe(false)
    await link.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/#easy$/)
    const top = await section.evaluate((el) => el.getBoundingClientRect().top)
    expect(top).toBeGreaterThanOrEqual(0)
    expect(top).toBeLessThan(200)
    // An FAQ without one has neither the link nor the section, and the English site never shows it.
    for (const other of ['/faq/pin-kinds/', '/en/faq/pin-forgot/']) {
      await page.goto(`${site.url}${other}`)
      expect(await page.locator('#easy, .easy-link').count(), other).toBe(0)
    }
    await ctx.close()
  })
})

describe('small reading faults', () => {
  it('the header title wraps by phrase at 390 px, never a character alone', async () => {
    const page = await open('/faq/application-baby/')
    const lines = await page.locator('.brand .name > span').evaluateAll((spans) =>
      spans.map((s) => ({
        text: (s as HTMLElement).innerText, // not textContent: the header has ruby, its readings hidden
        rects: s.getClientRects().length,
        height: s.getBoundingClientRect().height,
        line: parseFloat(getComputedStyle(s).lineHeight),
      })),
    )
    expect(lines.map((l) => l.text)).toEqual(['マイナンバーカード', 'よくある質問'])
    for (const l of lines) expect(l.height, `${l.text} on one line`).toBeLessThan(l.line * 1.5)
    await page.context().close()
  })

  it('the 404 page searches', async () => {
    const page = await (await phoneContext(browser)).newPage()
    await page.goto(`${site.url}/no-such-page/`)
    await page.getByRole('searchbox', { name: 'キーワードや質問' }).fill('暗証番号')
    await page.getByRole('button', { name: '検索', exact: true }).click()
    await page.waitForURL(/\/search\/\?q=/)
    await page.locator('[data-testid="search-results"]').waitFor()
    await page.context().close()
  })

  it('the home page counts what was found, not the 5 it shows', async () => {
    const page = await open('/')
    await page.locator('input[type="search"]').fill('暗証番号')
    await page.locator('[data-testid="search-results"]').waitFor()
    expect(await page.locator('[data-testid="search-results"] > li').count()).toBe(5)
    const status = await page.locator('.search-status').innerText()
    const found = Number(/検索結果：(\d+)件/.exec(status)?.[1])
    expect(found).toBeGreaterThan(5)
    // (With a question asked back the line says so instead of 「上位5件を表示しています」.)
    if (!status.includes('絞り込み')) expect(status).toContain('上位5件を表示しています')
    await page.context().close()
  })
})

/**
 * WCAG 2.1 AA on every page template of the public site, in Japanese and English, checked by
 * axe-core in Chromium on a phone-sized screen — including the interactive states (search results,
 * zero results, the checker's list, the feedback form), with the 「ふりがな」 readings shown.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { phoneContext } from '../support/phone'
import { ensureSiteBuilt } from '../support/siteBuild'
import { serveSite, type StaticSite } from '../support/staticSite'

let site: StaticSite
let browser: Browser
let ctx: BrowserContext

beforeAll(async () => {
  ensureSiteBuilt()
  site = await serveSite()
  browser = await launchChromium()
  ctx = await phoneContext(browser)
  // With furigana on: the readings shown on every Japanese page.
  await ctx.addInitScript(() => localStorage.setItem('kotae-furigana', 'on'))
})
afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze()
  return r.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  )
}

type Template = { name: string; path: string; act?: (page: Page, en: boolean) => Promise<void> }

const searchFor = (q: string, selector: string) => async (page: Page) => {
  await page.locator('input[type="search"]').fill(q)
  await page.locator(selector).waitFor()
}

const TEMPLATES: Template[] = [
  {
    name: 'home, with results under the box',
    path: '',
    act: searchFor('暗証番号', '[data-testid="search-results"]'),
  },
  {
    name: 'search results',
    path: 'search/',
    act: searchFor('電子証明書 更新', '[data-testid="search-results"]'),
  },
  { name: 'search, zero results', path: 'search/', act: searchFor('xyzzy', '[data-testid="zero-results"]') },
  {
    name: 'FAQ (with a table), the feedback form open',
    path: 'faq/pin-kinds/',
    act: async (page, en) => {
      await page.getByRole('button', { name: en ? 'No' : 'いいえ', exact: true }).click()
      await page.locator('textarea').waitFor()
    },
  },
  { name: 'FAQ with a やさしい日本語 version', path: 'faq/pin-forgot/' },
  { name: 'categories', path: 'category/' },
  { name: 'category', path: 'category/pin/' },
  { name: 'guides', path: 'guide/' },
  { name: 'guide', path: 'guide/guide-pickup/' },
  {
    name: 'checker with a list and a missing document',
    path: 'checker/?procedure=certificate-renewal',
    act: async (page) => {
      await page.locator('input[name="who"][value="proxy"]').check()
      await page.locator('input[name="notice"][value="no"]').check()
      await page.locator('[data-testid="checker-missing"]').waitFor()
    },
  },
  { name: 'contact', path: 'contact/' },
  { name: 'accessibility', path: 'accessibility/' },
  { name: 'AI and data', path: 'ai-and-data/' },
]

describe('axe finds no WCAG 2.1 AA violation', () => {
  for (const lang of ['ja', 'en'] as const) {
    for (const t of TEMPLATES) {
      it(`${lang}: ${t.name}`, async () => {
        const page = await ctx.newPage()
        await page.goto(`${site.url}${lang === 'en' ? '/en/' : '/'}${t.path}`)
        await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0)
        if (lang === 'ja') expect(await page.locator('#furigana-on').isChecked()).toBe(true)
        await t.act?.(page, lang === 'en')
        expect(await violations(page)).toEqual([])
        await page.close()
      })
    }
  }

  it('404 page', async () => {
    const page = await ctx.newPage()
    const res = await page.goto(`${site.url}/no-such-page/`)
    expect(res?.status()).toBe(404)
    expect(await violations(page)).toEqual([])
    await page.close()
  })
})

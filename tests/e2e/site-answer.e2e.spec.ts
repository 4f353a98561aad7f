/**
 * The site's search answers on a phone-sized screen (390×844) in Chromium: an off-topic question
 * says plainly that there is no sure answer and gives the city's phone number with today's hours;
 * an open question (card or certificate?) is asked back, the keyboard alone reaches and presses a
 * choice, the results re-order and an anonymous facet-choice event goes out; an IME that is still
 * composing never flashes or announces "nothing found"; a `?q=` link does not shift the page
 * (CLS < 0.1) on a slow phone; and axe finds no WCAG 2.1 AA violation in these states.
 */
import AxeBuilder from '@axe-core/playwright'
import { loadValidContent } from '@kotae/content'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { phoneContext } from '../support/phone'
import { ensureSiteBuilt } from '../support/siteBuild'
import { serveSite, type StaticSite } from '../support/staticSite'

let site: StaticSite
let browser: Browser
/** The numbers the site shows (real ones only, no fax): never invented here either. */
let phones: string[]

beforeAll(async () => {
  ensureSiteBuilt()
  site = await serveSite()
  browser = await launchChromium()
  const { city } = await loadValidContent()
  phones = city.phones.filter((p) => !p.placeholder && !/FAX/i.test(p.label)).map((p) => p.number)
})
afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

const NO_SURE = 'はっきりお答えできる回答が見つかりませんでした。'
const status = (page: Page) => page.locator('[role="status"]')
const resultPaths = (page: Page) =>
  page
    .locator('[data-testid="search-results"] li > a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))

async function open(path: string): Promise<Page> {
  const page = await (await phoneContext(browser)).newPage()
  await page.goto(`${site.url}${path}`)
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0)
  return page
}

/** From the top of the page, Tab until the search box has focus (keyboard only). */
async function tabToSearchBox(page: Page): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => document.activeElement?.getAttribute('type') === 'search')) return
  }
  throw new Error('the search box was not reached with Tab')
}

describe('search answers on a phone', () => {
  it('an off-topic question says plainly there is no sure answer, with the phone number and today’s hours', async () => {
    const page = await open('/search/')
    await page.getByLabel('キーワードや質問').fill('粗大ゴミの出し方')
    const panel = page.locator('[data-testid="zero-results"]')
    await panel.waitFor()
    expect(await status(page).innerText()).toBe(`「粗大ゴミの出し方」について、${NO_SURE}`)
    // The panel is labelled by that sentence (the live region just above it).
    const label = await panel.getAttribute('aria-labelledby')
    expect(await page.locator(`[id="${label}"]`).innerText()).toContain(NO_SURE)
    expect(await page.locator('[data-testid="search-results"]').count()).toBe(0)
    const text = await panel.innerText()
    expect(phones.length).toBeGreaterThan(0)
    for (const n of phones) expect(text).toContain(n)
    expect(await panel.locator(`a[href="tel:${phones[0]!.replace(/[^0-9]/g, '')}"]`).count()).toBe(1)
    // Today's hours, as the contact card computes them: open now or not, and today's line.
    expect(await panel.locator('.hours-status .badge').innerText()).toMatch(
      /受付中|受付時間外|表示できません/,
    )
    expect(await panel.locator('.hours-status .today').innerText()).toMatch(/^きょう /)
    await page.context().close()
  })

  it('an open question is asked back; keyboard only, a choice re-orders the results and is sent anonymously', async () => {
    site.events.length = 0
    const page = await open('/search/')
    await tabToSearchBox(page)
    await page.keyboard.type('期限が切れる')
    const group = page.locator('[data-testid="ask-back"]')
    await group.waitFor()
    await page.locator('[data-testid="search-results"]').waitFor()
    expect(await group.getAttribute('role')).toBe('group')
    expect(await page.locator(`[id="${await group.getAttribute('aria-labelledby')}"]`).innerText()).toBe(
      'どちらについてのご質問ですか？',
    )
    const buttons = group.locator('button')
    const names = await buttons.allInnerTexts()
    expect(names).toEqual(expect.arrayContaining(['カード本体', '電子証明書']))
    // Large enough to tap, none pressed yet.
    for (let i = 0; i < names.length; i++) {
      const box = (await buttons.nth(i).boundingBox())!
      expect(box.height).toBeGreaterThanOrEqual(44)
      expect(box.width).toBeGreaterThanOrEqual(44)
      expect(await buttons.nth(i).getAttribute('aria-pressed')).toBe('false')
    }
    const before = await resultPaths(page)
    expect(before.slice(0, 3).every((p) => p.startsWith('/faq/cert-'))).toBe(false)

    // Tab: the search button, then the choices in order, up to 電子証明書; Enter presses it.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit')
    for (let i = 0; i <= names.indexOf('電子証明書'); i++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('電子証明書')
    await page.keyboard.press('Enter')
    await status(page).filter({ hasText: '「電子証明書」についての回答を先に表示しています' }).waitFor()
    const cert = group.locator('button[data-value="certificate"]')
    expect(await cert.getAttribute('aria-pressed')).toBe('true')
    expect(await group.locator('button[aria-pressed="true"]').count()).toBe(1)
    // Focus stays on the choice; the results are re-ordered: certificate answers first.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-value'))).toBe('certificate')
    const after = await resultPaths(page)
    expect(after).not.toEqual(before)
    expect(after.slice(0, 2).every((p) => p.startsWith('/faq/cert-'))).toBe(true)

    // Space on the pressed choice undoes it: the first order again.
    await page.keyboard.press('Space')
    await page.waitForFunction(
      () => document.querySelector('[data-testid="ask-back"] button[aria-pressed="true"]') === null,
    )
    await status(page).filter({ hasText: '絞り込みの質問があります' }).waitFor()
    // The list is drawn after the status on a loaded machine.
    await expect.poll(() => resultPaths(page), { timeout: 10_000 }).toEqual(before)

    // Then on to a result, still by keyboard.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(
      await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href')),
    ).toMatch(/^\/(faq|guide)\//)

    // The choice went out as an anonymous event: two ids and the page language, no query, no id.
    await page.goto(`${site.url}/contact/`)
    await expect
      .poll(() => site.events.filter((e) => e.type === 'facet-choice').length, { timeout: 8000 })
      .toBe(1)
    const choice = site.events.find((e) => e.type === 'facet-choice')!
    expect(Object.keys(choice).sort()).toEqual(['at', 'dimension', 'locale', 'type', 'value'])
    expect(choice).toMatchObject({ dimension: 'what', value: 'certificate', locale: 'ja' })
    await page.context().close()
  })

  it('the English page asks back in English', async () => {
    const page = await open(`/en/search/?q=${encodeURIComponent('期限が切れる')}`)
    const group = page.locator('[data-testid="ask-back"]')
    await group.waitFor()
    expect(await group.innerText()).toContain('Which one is your question about?')
    expect(await group.locator('button[data-value="certificate"]').innerText()).toBe(
      'The electronic certificates',
    )
    expect(await group.locator('button[data-value="certificate"]').getAttribute('lang')).toBe('en')
    await page.context().close()
  })

  it('while an IME is composing, “nothing found” is neither shown nor announced', async () => {
    const page = await open('/search/')
    const input = page.getByLabel('キーワードや質問')
    // The index is ready once a first search has answered; then the box is emptied.
    await input.fill('暗証番号')
    await page.locator('[data-testid="search-results"]').waitFor()
    await input.fill('')
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === '')
    // Watch the page: any no-answer panel or sentence, or a count of 0, while composition is under way.
    await page.evaluate(() => {
      const g = globalThis as unknown as { composing: boolean; flashes: string[] }
      g.composing = false
      g.flashes = []
      document.addEventListener('compositionstart', () => (g.composing = true), true)
      document.addEventListener('compositionend', () => (g.composing = false), true)
      new MutationObserver(() => {
        if (!g.composing) return
        if (document.querySelector('[data-testid="zero-results"], [data-testid="not-sure"]'))
          g.flashes.push('panel')
        const s = document.querySelector('[role="status"]')?.textContent ?? ''
        if (/見つかりませんでした|(^|[^0-9])0件/.test(s)) g.flashes.push(s)
      }).observe(document.body, { childList: true, subtree: true, characterData: true })
    })
    const flashes = () => page.evaluate(() => (globalThis as unknown as { flashes: string[] }).flashes)
    const composing = () => page.evaluate(() => (globalThis as unknown as { composing: boolean }).composing)
    const cdp = await page.context().newCDPSession(page)
    /** Romaji keystrokes as a Japanese IME shows them before they are committed: ｎ → ぬ → ぬｐ → ぬぺ … */
    const compose = async (steps: string[]) => {
      for (const text of steps) {
        await cdp.send('Input.imeSetComposition', {
          text,
          selectionStart: text.length,
          selectionEnd: text.length,
        })
        await page.waitForTimeout(120)
      }
      await page.waitForTimeout(600)
    }

    // From an empty box, text that matches nothing (until the last keystroke, nothing is committed).
    await input.focus()
    await compose([
      'ｎ',
      'ぬ',
      'ぬｐ',
      'ぬぺ',
      'ぬぺｎ',
      'ぬぺぬ',
      'ぬぺぬｐ',
      'ぬぺぬぺ',
      'ぬぺぬぺｐ',
      'ぬぺぬぺぽ',
      'ぬぺぬぺぽｍ',
      'ぬぺぬぺぽむ',
    ])
    expect(await composing()).toBe(true)
    expect(await flashes()).toEqual([])
    expect(await page.locator('[data-testid="zero-results"]').count()).toBe(0)
    expect(await status(page).innerText()).toBe('')
    // Committed: now the answer for the text shows, and it is that nothing was found.
    await page.keyboard.insertText('ぬぺぬぺぽむ')
    await page.locator('[data-testid="zero-results"]').waitFor()
    expect(await status(page).innerText()).toContain(`「ぬぺぬぺぽむ」について、${NO_SURE}`)

    // With results on screen, composing more keeps them, and the live region says what it said.
    await input.fill('暗証番号')
    await status(page).filter({ hasText: '「暗証番号」の' }).waitFor()
    const said = await status(page).innerText()
    await input.focus()
    await page.keyboard.press('End')
    await compose(['ｘ', 'ｘｙ', 'ｘｙｚ', 'ｘｙｚｚ'])
    expect(await flashes()).toEqual([])
    expect(await status(page).innerText()).toBe(said)
    expect(await page.locator('[data-testid="search-results"]').count()).toBe(1)
    await page.keyboard.insertText('ｘｙｚｚ')
    await status(page).filter({ hasText: '暗証番号ｘｙｚｚ' }).waitFor()
    expect(await input.inputValue()).toBe('暗証番号ｘｙｚｚ')
    await page.context().close()
  })

  it.each([
    ['ja', '/search/?q=期限が切れる', '[data-testid="ask-back"] button[data-value="certificate"]'],
    ['en', '/en/search/?q=期限が切れる', '[data-testid="ask-back"] button[data-value="card"]'],
    ['ja', '/search/?q=粗大ゴミの出し方', undefined],
  ])(
    '%s %s: axe finds no WCAG 2.1 AA violation (a choice pressed, or no sure answer)',
    async (_lang, path, press) => {
      const page = await open(encodeURI(path))
      await page.locator('[data-testid="search-results"] li, [data-testid="zero-results"]').first().waitFor()
      if (press) {
        await page.locator(press).click()
        await page.locator(`${press}[aria-pressed="true"]`).waitFor()
      }
      const r = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .options({ resultTypes: ['violations'] })
        .analyze()
      expect(
        r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      ).toEqual([])
      await page.context().close()
    },
  )

  it.each([['期限が切れる'], ['粗大ゴミの出し方']])(
    'the search page opened with ?q=%s does not shift (CLS < 0.1)',
    async (q) => {
      const page = await (await phoneContext(browser)).newPage()
      // A slow phone (Lighthouse's mobile preset): the island wakes up after the first paint, as it would there.
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      })
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      await page.addInitScript(() => {
        const g = globalThis as unknown as { cls: number }
        g.cls = 0
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & {
            value: number
            hadRecentInput: boolean
          })[])
            if (!e.hadRecentInput) g.cls += e.value
        }).observe({ type: 'layout-shift', buffered: true })
      })
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`)
      await page
        .locator('[data-testid="search-results"] li, [data-testid="zero-results"]')
        .first()
        .waitFor({ timeout: 60_000 })
      await page.waitForTimeout(1500)
      expect(page.viewportSize()).toEqual({ width: 390, height: 844 })
      expect(await page.evaluate(() => (globalThis as unknown as { cls: number }).cls)).toBeLessThan(0.1)
      // The topic cards are still on the page, below the answer.
      expect(await page.locator('.browse .cards li').count()).toBeGreaterThan(0)
      await page.context().close()
    },
  )
})

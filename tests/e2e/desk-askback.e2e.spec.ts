/**
 * The desk's ask back and its uncertain list, end to end: a real Kotae (`npm start` on
 * its own copy of the seeded database, the curated content loaded) and real Chromium. When the
 * first answers differ by one facet, the desk shows the question above the list with one button per
 * option; the operator picks what the caller said (keyboard or click), the lookup runs again with
 * that facet, and an anonymous facet-choice event is stored. Nothing is chosen for the operator.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import type { LookupResponse as Lookup } from '@kotae/cms/src/desk/types'
import { kotaeApi, type List } from '../support/kotaeApi'
import { startKotae, type RunningKotae } from '../support/kotaeServer'

/** Its own port in the suite's range; ASKBACK_E2E_PORT moves it (e.g. beside a running suite). */
const PORT = Number(process.env.ASKBACK_E2E_PORT || 3201)
const PASSWORD = 'kotae-askback-pass-1'
const email = (who: string) => `${who}@askback.example.test`

let kotae: RunningKotae
let browser: Browser
const { api, registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })

beforeAll(async () => {
  kotae = await startKotae({ port: PORT })
  browser = await launchChromium()
  await registerStaff([{ who: 'operator' }])
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

async function deskPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${kotae.url}/admin/login`)
  await page.locator('input[name="email"]').fill(email('operator'))
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
  await page.goto(`${kotae.url}/admin/desk`)
  await page.waitForSelector('#desk-query')
  return page
}

describe('ask back at the desk', () => {
  it('shows the question with one button per option; Alt+number picks one, the lookup re-ranks with it, the choice is logged; nothing moves', async () => {
    const page = await deskPage()
    const listTop = await page.locator('[role="listbox"]').evaluate((el) => el.getBoundingClientRect().top)

    const first = page.waitForResponse(
      (r) =>
        r.url().includes('/api/lookup') &&
        r.url().includes(encodeURIComponent('期限が切れる')) &&
        !r.url().includes('facets='),
    )
    await page.locator('#desk-query').pressSequentially('期限が切れる', { delay: 30 })
    const open = (await (await first).json()) as Lookup
    expect(open.sure).toBe(true)
    expect(open.askBack?.dimension).toBe('what')
    const options = open.askBack!.options
    const certificate = options.findIndex((o) => o.value === 'certificate')
    expect(certificate).toBeGreaterThanOrEqual(0)

    // The hint above the list: the question and one button per option, in the lookup's order.
    const group = page.getByRole('group', { name: '聞き返しの候補' })
    await group.waitFor()
    await expect.poll(() => group.textContent()).toContain('どちらについてのご質問ですか')
    expect(await group.getByRole('button').allTextContents()).toEqual(
      options.map((o, i) => `${i + 1}. ${o.name}`),
    )
    // A fixed slot: the list did not move when the hint came.
    expect(await page.locator('[role="listbox"]').evaluate((el) => el.getBoundingClientRect().top)).toBe(
      listTop,
    )
    // Reachable by Tab from the question field.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-facet'))).toBe(
      `what:${options[0]!.value}`,
    )
    await page.locator('#desk-query').focus()

    const axe = await new AxeBuilder({ page })
      .include('.kotae-desk')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze()
    expect(
      axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([])

    // Alt+<number> from the question field: the same question again, with the chosen facet.
    const chosen = page.waitForResponse(
      (r) =>
        r.url().includes('/api/lookup') &&
        r.url().includes(`facets=${encodeURIComponent('what:certificate')}`),
    )
    const logged = page.waitForResponse(
      (r) => r.url().endsWith('/api/events') && r.request().method() === 'POST',
    )
    await page.keyboard.press(`Alt+Digit${certificate + 1}`)
    const reRanked = (await (await chosen).json()) as Lookup
    expect((await logged).status()).toBe(202)
    expect(reRanked.candidates[0]!.id).toMatch(/^faq:cert-/)
    await expect
      .poll(() => page.locator('[role="option"]').first().textContent())
      .toContain(reRanked.candidates[0]!.title)
    await expect
      .poll(() => page.locator('.kotae-desk__facet').textContent())
      .toContain('「電子証明書」で絞り込んでいます。')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('desk-query')

    // The choice is stored as an anonymous event: dimension and value, nothing else.
    await expect
      .poll(async () =>
        (
          await api<List<'site-events'>>(
            'admin',
            'GET',
            '/api/site-events?where[type][equals]=facet-choice&depth=0',
          )
        ).json.docs.map((d) => [d.dimension, d.value, d.query ?? null]),
      )
      .toEqual([['what', 'certificate', null]])

    // Alt+0 clears the choice; the question is asked again without it.
    const cleared = page.waitForResponse(
      (r) =>
        r.url().includes('/api/lookup') &&
        r.url().includes(encodeURIComponent('期限が切れる')) &&
        !r.url().includes('facets='),
    )
    await page.keyboard.press('Alt+Digit0')
    await cleared
    await expect.poll(() => page.locator('.kotae-desk__facet').count()).toBe(0)

    // A click works as well, and a new question starts without the choice.
    await page.getByRole('button', { name: `${certificate + 1}. 電子証明書` }).click()
    await expect.poll(() => page.locator('.kotae-desk__facet').count()).toBe(1)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('desk-query')
    await page.locator('#desk-query').fill('')
    await page.locator('#desk-query').pressSequentially('暗証番号 忘れた', { delay: 20 })
    await expect.poll(() => page.locator('.kotae-desk__facet').count()).toBe(0)
    await page.context().close()
  })

  it('marks an answer it is not sure of, politely and concretely', async () => {
    const page = await deskPage()
    const asked = page.waitForResponse(
      (r) => r.url().includes('/api/lookup') && r.url().includes(encodeURIComponent('粗大ゴミ')),
    )
    await page.locator('#desk-query').pressSequentially('粗大ゴミの出し方を教えて', { delay: 20 })
    expect(((await (await asked).json()) as Lookup).sure).toBe(false)
    await expect
      .poll(() => page.locator('#desk-uncertain').textContent())
      .toBe('確かな候補が見つかりません。聞き取りの内容を確かめるか、市民課への確認をご検討ください。')

    // A question it answers: no such mark.
    const sure = page.waitForResponse(
      (r) => r.url().includes('/api/lookup') && r.url().includes(encodeURIComponent('わすれた')),
    )
    await page.locator('#desk-query').fill('')
    await page.locator('#desk-query').pressSequentially('マイナの暗証番号わすれた', { delay: 20 })
    expect(((await (await sure).json()) as Lookup).sure).toBe(true)
    await expect.poll(() => page.locator('#desk-uncertain').count()).toBe(0)
    expect(await page.locator('[role="listbox"]').getAttribute('class')).not.toContain('is-uncertain')
    await page.context().close()
  })
})

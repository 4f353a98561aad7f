/**
 * The admin by keyboard and at phone width, as staff use it: the first-user screen offers no
 * choice it then ignores; at 390 px nothing invisible takes the focus; an editor leaves the
 * rich-text answer with Tab, and its toolbar speaks Japanese.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { signInOnPage, submitFirstUser } from '../support/adminSignIn'
import { kotaeApi } from '../support/kotaeApi'
import { startKotae, type RunningKotae } from '../support/kotaeServer'
import { phoneContext } from '../support/phone'

/** Its own port (P and P+1 for the site). */
const PORT = 3871
const PASSWORD = 'kotae-keyboard-pass-1'
const email = (who: string) => `${who}@keyboard.example.test`

let kotae: RunningKotae
let browser: Browser
const { api, login } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })

beforeAll(async () => {
  // The seeded content and no user yet: /admin shows the first-user screen.
  kotae = await startKotae({ port: PORT })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

const signIn = (page: Page, who: string): Promise<void> => signInOnPage(page, kotae.url, email(who), PASSWORD)

/** What has the focus: its tag, name and box (a 0 × 0 box is an invisible focus stop). */
const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const r = el?.getBoundingClientRect()
    const cs = el ? getComputedStyle(el) : null
    return {
      tag: el?.tagName ?? '',
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 40),
      className: String(el?.className ?? '').slice(0, 80),
      width: r?.width ?? 0,
      height: r?.height ?? 0,
      // Not opacity: a native checkbox at opacity 0 under the box drawn for it is visible enough.
      visible: Boolean(el && cs && cs.visibility !== 'hidden' && cs.display !== 'none'),
      /** Inside the first rich-text editor of the page (the FAQ's answer). */
      inEditor: Boolean(el && document.querySelector('[contenteditable="true"]')?.contains(el)),
      editable: el?.getAttribute('contenteditable') === 'true',
    }
  })

describe('the admin by keyboard and at phone width', () => {
  it('the first-user screen offers no role to choose: it says the account becomes the システム管理者, and it does', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 1000 } })
    const page = await context.newPage()
    await page.goto(`${kotae.url}/admin`)
    await page.waitForURL(/create-first-user/, { timeout: 60_000 })
    await page.locator('input[name="email"]').waitFor()
    const form = page.locator('form').first()
    // No role field, no オペレーター offered; the role it will get, in Japanese. (Soft: the account
    // is created either way, for the tests after this one.)
    expect.soft(await page.locator('#field-roles').count()).toBe(0)
    expect.soft(await form.getByText('オペレーター').count()).toBe(0)
    expect
      .soft(await form.getByText('システム管理者として登録されます').count(), 'the role it will get')
      .toBeGreaterThan(0)

    await submitFirstUser(page, email('admin'), PASSWORD)
    const me = (await page.evaluate(() =>
      fetch('/api/users/me', { credentials: 'include' }).then((r) => r.json()),
    )) as { user: { roles: string[] } }
    expect(me.user.roles).toEqual(['admin'])
    await context.close()

    // The staff the next tests sign in as, added by the administrator.
    await login('admin')
    const editor = await api('admin', 'POST', '/api/users', {
      email: email('editor'),
      password: PASSWORD,
      roles: ['editor'],
      name: '編集 花子',
    })
    expect(editor.status, JSON.stringify(editor.json)).toBe(201)
  })

  it('at 390 px no invisible element takes the focus: each of the first Tab stops has a box', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await signIn(page, 'editor')
    await page.goto(`${kotae.url}/admin/collections/faqs`)
    await page.locator('table tbody tr').first().waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    const stops = []
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      stops.push(await focusedElement(page))
    }
    const invisible = stops.filter((s) => s.tag !== 'BODY' && (s.width < 1 || s.height < 1 || !s.visible))
    expect(invisible, JSON.stringify(stops)).toEqual([])
    await context.close()
  })

  it('an editor leaves the rich-text answer with Tab, straight onto the next field (no English, no hidden stop on the way)', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 1000 } })
    const page = await context.newPage()
    await signIn(page, 'editor')
    await page.goto(`${kotae.url}/admin/collections/faqs/create`)
    const editor = page.locator('.field-type.rich-text-lexical [contenteditable="true"]').first()
    await editor.waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
    await editor.click()
    await page.keyboard.type('窓口で申請できます。')
    await page.keyboard.press('Tab')
    const after = await focusedElement(page)
    expect(after.inEditor, JSON.stringify(after)).toBe(false)
    // The next stop is a field of the form (the next rich text or a control), drawn, not a handle
    // or a hidden link box with an English label.
    expect(after.editable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(after.tag), JSON.stringify(after)).toBe(
      true,
    )
    expect(after.width * after.height, JSON.stringify(after)).toBeGreaterThan(0)
    expect(after.visible, JSON.stringify(after)).toBe(true)
    expect(after.name, JSON.stringify(after)).not.toMatch(/[A-Za-z]{3,}/)
    // Tab indented nothing and typed nothing: the text is as typed.
    expect((await editor.textContent())?.trim()).toBe('窓口で申請できます。')
    // Shift+Tab comes back into the answer.
    await page.keyboard.press('Shift+Tab')
    expect((await focusedElement(page)).inEditor).toBe(true)
    await context.close()
  })
})

/**
 * The FAQ edit screen as an editor types: a character counter under the question and the
 * short answer, announced politely near and over the limit, and a draft over the limit refused with a
 * Japanese message naming the field (it used to save). Beside them, the やさしい日本語 panel (issue
 * #17) lists the sentences its rules flag, as the editor types.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { signInToAdmin } from '../support/adminSignIn'
import { kotaeApi } from '../support/kotaeApi'
import { startKotae, type RunningKotae } from '../support/kotaeServer'

const PASSWORD = 'kotae-counter-pass-1'
const email = (who: string) => `${who}@counter.example.test`
let kotae: RunningKotae
let browser: Browser
const { registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })

beforeAll(async () => {
  kotae = await startKotae({ port: Number(process.env.FAQ_EDITOR_E2E_PORT ?? 3811) })
  browser = await launchChromium()
  await registerStaff([{ who: 'editor', name: '編集 太郎' }])
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

/** The counter under a field, as its text and its live region's. */
const counterOf = (page: Page, field: 'question' | 'shortAnswer') => {
  const counter = page
    .locator(`#field-${field}`)
    .locator('xpath=ancestor::div[contains(@class,"field-type")][1]')
    .locator('.kotae-char-counter')
  return { visible: counter.locator('span').first(), live: counter.locator('[role="status"]') }
}

describe('FAQ edit screen counters', () => {
  it('counts the question and the short answer as the editor types; near and over 80 the count is announced; an over-long draft is refused naming the field', async () => {
    const page = await signInToAdmin(browser, kotae.url, email('editor'), PASSWORD)
    await page.goto(`${kotae.url}/admin/collections/faqs/create`)
    await page.locator('#field-question').waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')

    const question = counterOf(page, 'question')
    const short = counterOf(page, 'shortAnswer')
    await expect(question.visible.textContent()).resolves.toBe('0 / 200文字')
    await page.locator('#field-question').fill('カードの暗証番号を忘れたらどうしますか？')
    await expect.poll(() => question.visible.textContent()).toBe('20 / 200文字')
    await expect(question.live.textContent()).resolves.toBe('')

    // The readability panel: figures and flagged sentences of what is typed, a moment after typing stops.
    const panel = page.getByRole('region', { name: '読みやすさ（やさしい日本語）' })
    await panel.getByRole('heading', { name: '短い回答', level: 3 }).waitFor()
    await page.locator('#field-shortAnswer').fill('申請書を書かなければなりません。')
    await expect
      .poll(() => panel.locator('li').allTextContents())
      .toEqual(['二重否定（なければなりません）：申請書を書かなければなりません。'])
    await page.locator('#field-shortAnswer').fill('申請書を書いてください。')
    await expect.poll(() => panel.locator('li').count()).toBe(0)

    // A やさしい日本語 version, once written, gets its own part by its stricter limits: a sentence of
    // 45 characters, which an answer may have, is flagged.
    const sentence = `${'あ'.repeat(44)}。`
    await page
      .locator('.field-type.rich-text-lexical')
      .filter({ hasText: 'やさしい日本語の回答（任意）' })
      .locator('[contenteditable="true"]')
      .click()
    await page.keyboard.type(sentence)
    await panel.getByRole('heading', { name: 'やさしい日本語の回答', level: 3 }).waitFor()
    await expect.poll(() => panel.locator('li').allTextContents()).toEqual([`長い文（45字）：${sentence}`])

    await page.locator('#field-shortAnswer').fill('あ'.repeat(75))
    await expect.poll(() => short.visible.textContent()).toBe('75 / 80文字')
    await expect(short.live.getAttribute('aria-live')).resolves.toBe('polite')
    await expect(short.live.textContent()).resolves.toBe('残り5文字です。')

    await page.locator('#field-shortAnswer').fill('い'.repeat(82))
    await expect.poll(() => short.visible.textContent()).toBe('82 / 80文字（2文字多すぎます）')
    await expect(short.live.textContent()).resolves.toBe('80文字を2文字超えています。')
    // #a00 on white: 7:1, above WCAG AA's 4.5:1.
    await expect(short.visible.evaluate((el) => getComputedStyle(el.parentElement!).color)).resolves.toBe(
      'rgb(170, 0, 0)',
    )

    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/faqs')),
      page.locator('#action-save-draft').click(),
    ])
    expect(saved.status()).toBe(400)
    const message = '「短い回答（読み上げ用）」が82文字あります。80文字以内にしてください。'
    expect(JSON.stringify(await saved.json())).toContain(message)
    // A draft save shows the refusal as a toast (Payload marks fields only when drafts are validated): the whole reason, naming the field.
    await page.getByText(message).first().waitFor({ state: 'visible', timeout: 15_000 })
  })
})

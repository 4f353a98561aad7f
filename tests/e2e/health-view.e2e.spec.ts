/**
 * The admin's 稼働状況 page (/admin/health) in real Chromium on a real `npm start` (SQLite, port
 * 3821): an administrator finds it in the sidebar and reads the state, the database latency, the
 * operator index and the site build; an operator has no link to it and the page shows nothing of it.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { signInToAdmin } from '../support/adminSignIn'
import { kotaeApi } from '../support/kotaeApi'
import { startKotae, type RunningKotae } from '../support/kotaeServer'

const PORT = 3821
const PASSWORD = 'kotae-health-view-1'
const email = (who: string) => `${who}@health.example.test`
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

let kotae: RunningKotae
let browser: Browser
const { registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })

beforeAll(async () => {
  kotae = await startKotae({ port: PORT })
  browser = await launchChromium()
  await registerStaff([{ who: 'operator', name: 'operator' }])
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

const signIn = (who: string): Promise<Page> => signInToAdmin(browser, kotae.url, email(who), PASSWORD)

describe('/admin/health (稼働状況)', () => {
  it('an administrator finds it in the sidebar and reads 正常 with the database latency, the index and the site; axe finds no violation', async () => {
    const page = await signIn('admin')
    // The sidebar has the link (Payload keeps its nav inert until it is opened: the test follows the href).
    const link = page.getByRole('link', { name: '稼働状況', includeHidden: true }).first()
    await link.waitFor({ state: 'attached' })
    await page.goto(`${kotae.url}${await link.getAttribute('href')}`)
    await page.getByRole('heading', { name: '稼働状況', level: 1 }).waitFor()
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('状態：正常')
    expect(await page.locator('[data-state]').getAttribute('data-state')).toBe('ok')
    const value = (item: string) =>
      page
        .locator('tbody tr', { has: page.locator(`th:text-is("${item}")`) })
        .locator('td')
        .textContent()
    expect(await value('データベース')).toMatch(/^SQLite、応答時間 \d+ ミリ秒$/)
    expect(await value('応対デスクの検索索引（このサーバー）')).toMatch(/^\d+ 件、作成 \d+ (秒|分)前/)
    expect(await value('公開サイトのビルド')).toBe(
      'このサーバーでは公開サイトを配信していません（KOTAE_SITE=off）',
    )
    const axe = await new AxeBuilder({ page }).include('.kotae-health').withTags(WCAG).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    )
    await page.context().close()
  })

  it('an operator has no link to it, and the page shows no figure', async () => {
    const page = await signIn('operator')
    await page
      .getByRole('link', { name: '応対デスク', includeHidden: true })
      .first()
      .waitFor({ state: 'attached' })
    expect(await page.getByRole('link', { name: '稼働状況', includeHidden: true }).count()).toBe(0)
    await page.goto(`${kotae.url}/admin/health`)
    await page.getByText('このページはシステム管理者だけが見られます。').waitFor()
    expect(await page.locator('.kotae-health').textContent()).not.toMatch(/ミリ秒|データベース|状態：/)
    await page.context().close()
  })
})

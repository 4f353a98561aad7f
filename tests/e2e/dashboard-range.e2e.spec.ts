/**
 * The dashboard's period control and the inquiry-log download end to end: a real Kotae (`npm start`
 * on its own copy of the seeded database), real Chromium. City staff choose last month from the
 * keyboard; the URL carries it; 今月 does not count a call dated in the future; the download button
 * saves the CSV of the days shown; axe finds no violation; an operator is refused.
 */
import fs from 'node:fs'

import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { signInToAdmin } from '../support/adminSignIn'
import { type Doc, kotaeApi, type List } from '../support/kotaeApi'
import { startKotae, type RunningKotae } from '../support/kotaeServer'

const PORT = 3841
const PASSWORD = 'kotae-dashboard-range-1'
const email = (who: string) => `${who}@dashboard-range.example.test`
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

let kotae: RunningKotae
let browser: Browser
const { api, login, registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })

// The JST calendar: last month's 15th at 10:00 JST, as YYYY-MM and an instant.
const jstNow = new Date(Date.now() + 9 * 3600_000)
const lastMonth = new Date(Date.UTC(jstNow.getUTCFullYear(), jstNow.getUTCMonth() - 1, 15, 1))
const lastMonthKey = lastMonth.toISOString().slice(0, 7)
const lastMonthLabel = `${lastMonth.getUTCFullYear()}年${lastMonth.getUTCMonth() + 1}月`

beforeAll(async () => {
  kotae = await startKotae({ port: PORT })
  browser = await launchChromium()
  await registerStaff(['cityViewer', 'operator'].map((who) => ({ who, name: who })))
  const category = (await api<List<'categories'>>('admin', 'GET', '/api/categories?limit=1&depth=0')).json
    .docs[0]!.id
  const call = (at: number, summary: string): Partial<Doc<'calls'>> => ({
    talkStartedAt: new Date(at).toISOString(),
    talkEndedAt: new Date(at + 60_000).toISOString(),
    channel: 'direct',
    callerType: 'self',
    summary,
    outcome: 'resolved',
    category,
  })
  for (const body of [
    call(lastMonth.getTime(), '先月の記録'),
    call(lastMonth.getTime() + 3600_000, '=1+1'),
    call(Date.now() - 60_000, '今日の記録'),
    call(Date.now() + 2 * 86_400_000, '未来の日付の記録'),
  ]) {
    const res = await api('admin', 'POST', '/api/calls', body)
    expect(res.status, JSON.stringify(res.json)).toBe(201)
  }
  await login('operator')
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

describe('dashboard period and the inquiry-log download', () => {
  it('city staff choose last month from the keyboard; the URL carries it; nothing after now is counted; the CSV downloads', async () => {
    const page = await signInToAdmin(browser, kotae.url, email('cityViewer'), PASSWORD)
    await page.goto(`${kotae.url}/admin/dashboard`)
    await page.getByRole('heading', { name: 'ダッシュボード', level: 1 }).waitFor()
    const summary = page.getByTestId('dashboard-summary')
    const row = (name: string) =>
      summary.locator('tbody tr', { has: page.locator(`th:text-is("${name}")`) }).locator('td')
    // 今日 and 今月: today's call only, not the one dated two days ahead.
    expect((await row('応対記録の件数').allTextContents()).map(Number)).toEqual([1, expect.any(Number), 1])

    const monthPicker = page.getByLabel('月を選ぶ')
    await monthPicker.focus()
    await monthPicker.fill(lastMonthKey)
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.searchParams.get('month') === lastMonthKey)
    expect(await summary.locator('thead th').last().textContent()).toBe(lastMonthLabel)
    expect((await row('応対記録の件数').allTextContents()).at(-1)).toBe('2')
    await page.getByRole('heading', { name: `${lastMonthLabel}の内訳` }).waitFor()

    // The URL alone shows the same (a shared link), and a bad one names its field.
    const shared = await signInToAdmin(browser, kotae.url, email('cityViewer'), PASSWORD)
    await shared.goto(page.url())
    expect(await shared.getByTestId('dashboard-summary').locator('thead th').last().textContent()).toBe(
      lastMonthLabel,
    )
    await shared.goto(`${kotae.url}/admin/dashboard?month=2026-13`)
    expect(await shared.getByTestId('dashboard-range-errors').textContent()).toContain('期間の指定（月）')

    const axe = await new AxeBuilder({ page }).include('.kotae-dashboard').withTags(WCAG).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    )

    const form = page.getByTestId('calls-export-form')
    await form.getByLabel('形式').selectOption('csv')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'ダウンロード' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^kotae-calls-${lastMonthKey}-01_${lastMonthKey}-\\d\\d\\.csv$`),
    )
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]!.split(',')[0]).toBe('記録番号')
    expect(lines[1]).toContain('先月の記録')
    expect(lines[2]).toContain(",'=1+1,")
  })

  it('refuses the download to an operator', async () => {
    const res = await api(
      'operator',
      'GET',
      `/api/calls-export?from=${lastMonthKey}-01&to=${lastMonthKey}-28&format=csv`,
    )
    expect(res.status).toBe(403)
  })
})

/**
 * The dashboard and the gap analysis end to end: a real Kotae (`npm start` on its own copy of the
 * seeded database), real Chromium. A supervisor sees today's seeded figures, opens the gap
 * analysis, drafts a FAQ from the largest cluster, and the draft exists but is not public. axe
 * checks both views.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { signInToAdmin } from '../support/adminSignIn'
import { type Doc, kotaeApi, type List } from '../support/kotaeApi'
import { startKotae, type RunningKotae } from '../support/kotaeServer'

const PORT = 3199
const PASSWORD = 'kotae-dashboard-pass-1'
const email = (who: string) => `${who}@dashboard.example.test`
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

let kotae: RunningKotae
let browser: Browser

const { api, login, registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })

// Seeded today (server time): 3 logged calls, one of them with no FAQ used; site searches.
const CALLS = 3
const LOST_PIN = [
  'マイナ 暗証番号 忘れた',
  'マイナ 暗証番号 忘れた',
  'マイナの暗証番号を忘れた',
  'マイナ 暗証番号 忘れた 再発行',
]

beforeAll(async () => {
  kotae = await startKotae({ port: PORT })
  browser = await launchChromium()
  await registerStaff(['supervisor', 'cityViewer', 'operator'].map((who) => ({ who, name: who })))

  const category = (await api<List<'categories'>>('admin', 'GET', '/api/categories?limit=1&depth=0')).json
    .docs[0]!.id
  const faq = (await api<List<'faqs'>>('admin', 'GET', '/api/faqs?limit=1&depth=0')).json.docs[0]!.id
  const now = Date.now()
  const call = (minutesAgo: number, extra: Partial<Doc<'calls'>>) => ({
    talkStartedAt: new Date(now - minutesAgo * 60_000).toISOString(),
    talkEndedAt: new Date(now - minutesAgo * 60_000 + 1000).toISOString(),
    channel: 'direct',
    callerType: 'self',
    summary: '案内しました。',
    outcome: 'resolved',
    category,
    ...extra,
  })
  // Minutes ago small enough to stay inside today in Japan time (unless run right after midnight JST).
  for (const body of [
    call(1, { faqsUsed: [faq] }),
    call(1, { faqsUsed: [faq] }),
    call(1, {
      outcome: 'callback',
      queries: undefined,
      summary: 'マイナの暗証番号を忘れたので再設定したい。',
    }),
  ]) {
    const res = await api('admin', 'POST', '/api/calls', body)
    expect(res.status, JSON.stringify(res.json)).toBe(201)
  }
  // What the public site sends: a zero-result search arrives as search + zero-result.
  const events = LOST_PIN.flatMap((query) => [
    { type: 'search', query, results: 0 },
    { type: 'zero-result', query },
  ])
  const sent = await fetch(`${kotae.url}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ events }),
  })
  expect(sent.status).toBe(202)
  await login('supervisor')
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

const signIn = (who: string): Promise<Page> => signInToAdmin(browser, kotae.url, email(who), PASSWORD)

describe('dashboard and gap analysis', () => {
  let page: Page

  it('a supervisor sees today’s figures and the charts; axe finds no violation', async () => {
    page = await signIn('supervisor')
    await page.goto(`${kotae.url}/admin/dashboard`)
    await page.getByRole('heading', { name: 'ダッシュボード', level: 1 }).waitFor()
    const summary = page.getByTestId('dashboard-summary')
    const row = (name: string) =>
      summary.locator('tbody tr', { has: page.locator(`th:text-is("${name}")`) }).locator('td')
    expect(await row('応対記録の件数').allTextContents()).toEqual([
      String(CALLS),
      String(CALLS),
      String(CALLS),
    ])
    expect((await row('一次完了率').allTextContents())[0]).toBe('66.7%')
    expect((await row('入電件数').allTextContents())[0]).toBe('—（電話システムの記録なし）')
    // recharts draws after hydration: an SVG with one bar per charted hour.
    await page.locator('.kotae-chart svg.recharts-surface').first().waitFor({ timeout: 30_000 })
    expect(await page.locator('.kotae-chart').count()).toBe(3)
    const trend = page.getByTestId('self-service-trend')
    const thisWeek = trend.locator('tbody tr').last().locator('td')
    expect((await thisWeek.allTextContents()).slice(0, 3)).toEqual([
      String(LOST_PIN.length),
      '0',
      String(CALLS),
    ])
    const axe = await new AxeBuilder({ page }).include('.kotae-dashboard').withTags(WCAG).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    )
  })

  it('opens the gap analysis, drafts a FAQ from the largest cluster; the draft exists and is not public; axe finds no violation', async () => {
    await page.goto(`${kotae.url}/admin/gap`)
    await page.getByRole('heading', { name: 'ギャップ分析', level: 1 }).waitFor()
    const top = page.locator('tr[data-cluster]').first()
    // 4 zero-result searches and the call with no FAQ used, asked five ways, one cluster.
    expect(await top.locator('td').nth(1).textContent()).toBe('5')
    expect(await top.locator('th').textContent()).toContain('マイナ 暗証番号 忘れた')
    const axe = await new AxeBuilder({ page }).include('.kotae-gap').withTags(WCAG).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    )

    await top.getByRole('button', { name: /FAQ下書きを作成/ }).click()
    const status = top.getByRole('status')
    await status.getByRole('link', { name: '下書きを開く' }).waitFor({ timeout: 30_000 })
    expect(await status.textContent()).toContain('下書きを作成しました')
    const href = (await status.getByRole('link').getAttribute('href'))!
    const id = href.split('/').pop()!

    const draft = await api<Doc<'faqs'>>('admin', 'GET', `/api/faqs/${id}?draft=true&depth=0`)
    expect(draft.status).toBe(200)
    expect(draft.json._status).toBe('draft')
    expect(draft.json.question).toBe('マイナ 暗証番号 忘れた')
    expect(draft.json.alternatives?.map((a) => a.text)).toContain('マイナの暗証番号を忘れた')
    expect(draft.json.operatorNotes).toContain('ギャップ分析')
    // Not public: anonymous readers get nothing, not even by id.
    expect((await api(null, 'GET', `/api/faqs/${id}?depth=0`)).status).toBeGreaterThanOrEqual(400)
    const publicList = await api<List<'faqs'>>(null, 'GET', `/api/faqs?where[id][equals]=${id}&depth=0`)
    expect(publicList.status).toBe(200)
    expect(publicList.json.totalDocs).toBe(0)

    // The draft opens in the editor for the supervisor's colleagues (here, the admin's view of the link target).
    await page.reload()
    await page
      .locator('tr[data-cluster]')
      .first()
      .getByRole('button', { name: /FAQ下書きを作成/ })
      .click()
    await page
      .locator('tr[data-cluster]')
      .first()
      .getByRole('status')
      .getByText('作成済み')
      .waitFor({ timeout: 30_000 })
  })

  it('city staff read both views but cannot draft; operators see neither', async () => {
    const city = await signIn('cityViewer')
    await city.goto(`${kotae.url}/admin/gap`)
    await city.locator('tr[data-cluster]').first().waitFor()
    expect(await city.getByRole('button', { name: /FAQ下書きを作成/ }).count()).toBe(0)
    await city.goto(`${kotae.url}/admin/dashboard`)
    await city.getByTestId('dashboard-summary').waitFor()

    const operator = await signIn('operator')
    for (const view of ['gap', 'dashboard']) {
      await operator.goto(`${kotae.url}/admin/${view}`)
      await operator.getByText('だけが見られます').waitFor()
      expect(await operator.locator('tr[data-cluster], [data-testid="dashboard-summary"]').count()).toBe(0)
    }
    expect((await api(null, 'GET', '/api/gap')).status).toBe(401)
  })
})

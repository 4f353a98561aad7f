/**
 * The official-source watch seen by an editor, in real Chromium on a real `npm start` (SQLite,
 * port 3856; an official page served on 127.0.0.1:3858). `npm run sources:check` (the command
 * line, on the running server's database) reads the page, then a changed version of it; the FAQ
 * citing it shows 「出典が更新されました（3か所）」 with the old and new passages on its edit screen
 * and in 見直し期限の確認, until the editor marks it 確認済み. The server itself runs with the watch
 * off, as by default: the network guard sees nothing leave the machine.
 */
import { execFile } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'

import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'
import { lexical } from '@kotae/cms/test/setup/lexical'

import { signInToAdmin } from '../support/adminSignIn'
import type { OpenChange } from '@kotae/cms/src/sourceWatch/changedEndpoint'
import { type Created, kotaeApi, type List } from '../support/kotaeApi'
import { REPO_ROOT, startKotae, type RunningKotae } from '../support/kotaeServer'

const PORT = 3856
const PAGE_PORT = 3858
const PASSWORD = 'kotae-source-watch-1'
const email = (who: string) => `${who}@watch.example.test`
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

const BEFORE = [
  'カード本体の有効期限は、発行時に18歳以上の方は発行日から10回目の誕生日までです。',
  '電子証明書の有効期限は、年齢に関係なく発行日から5回目の誕生日までです。',
  '更新の手続きは市民課の窓口で行います。',
  '封書は転送不要郵便です。',
  '有効期限通知書は有効期限の2～3か月前を目安に届きます。',
]
// Three passages: one sentence changed, one removed, one added.
const AFTER = [
  'カード本体の有効期限は、発行時に18歳以上の方は発行日から10回目の誕生日までです。',
  '電子証明書の有効期限は、発行日から5回目の誕生日までです。',
  '更新の手続きは市民課の窓口で行います。',
  '有効期限通知書は有効期限の2～3か月前を目安に届きます。',
  'オンラインでの更新はできません。',
]
let body = BEFORE
const page = () =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>有効期限｜東広島市</title></head><body><header><nav>くらし・手続き</nav></header><main><h1>マイナンバーカードの有効期限</h1>${body.map((p) => `<p>${p}</p>`).join('')}</main><footer>〒739-8601 東広島市西条栄町8番29号</footer></body></html>`
const official = http.createServer((req, res) => {
  if (req.url === '/kurashi/mynumber/kigen.html')
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end(page())
  else res.writeHead(404).end()
})

let kotae: RunningKotae
let browser: Browser
let faqId: number
let sourceId: number
const { api, registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })

/**
 * `npm run sources:check` as an administrator runs it on the server, for this one source, reading
 * a page on loopback (asynchronously: the page is served by this process).
 */
const sourcesCheck = async () =>
  (
    await promisify(execFile)(
      process.execPath,
      [
        '--conditions=production',
        '--import',
        'tsx',
        'scripts/sources-check.ts',
        '--only',
        String(sourceId),
        '--allow-private-network',
      ],
      {
        cwd: path.join(REPO_ROOT, 'cms'),
        env: {
          ...process.env,
          KOTAE_SOURCE_WATCH: 'on',
          KOTAE_SQLITE_PATH: path.join(kotae.dataDir, 'kotae.db'),
          PAYLOAD_SECRET: 'kotae-e2e-secret-0123456789',
          DATABASE_URL: '',
          KOTAE_DISABLE_JOBS: '1',
          KOTAE_SERVER_URL: '',
        },
        encoding: 'utf8',
      },
    )
  ).stdout

beforeAll(async () => {
  await new Promise<void>((resolve) => official.listen(PAGE_PORT, '127.0.0.1', resolve))
  kotae = await startKotae({ port: PORT })
  browser = await launchChromium()
  await registerStaff([{ who: 'editor', name: 'editor' }], { signIn: true })
  const category = (await api<List<'categories'>>('editor', 'GET', '/api/categories?limit=1&depth=0')).json
    .docs[0]!.id
  const source = await api<Created<'sources'>>('editor', 'POST', '/api/sources', {
    title: 'マイナンバーカードの有効期限（東広島市）',
    publisher: '東広島市',
    url: `http://127.0.0.1:${PAGE_PORT}/kurashi/mynumber/kigen.html`,
    checkedAt: '2026-11-24',
    slug: 'e2e-watch-source',
  })
  expect(source.status, JSON.stringify(source.json)).toBe(201)
  sourceId = source.json.doc.id
  const faq = await api<Created<'faqs'>>('editor', 'POST', '/api/faqs?draft=true', {
    question: '電子証明書の有効期限は？（出典の確認）',
    shortAnswer: '発行日から5回目の誕生日までです。',
    answer: lexical('電子証明書は発行日から5回目の誕生日までです。'),
    category,
    sources: [sourceId],
    slug: 'e2e-watch-faq',
    reviewBy: '2027-05-31',
  })
  expect(faq.status, JSON.stringify(faq.json)).toBe(201)
  faqId = faq.json.doc.id
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
  await new Promise<void>((resolve) => official.close(() => resolve()))
})

describe('a changed official page, seen by an editor', () => {
  it('sources:check stores the page, then finds the change and flags the citing FAQ', async () => {
    expect(await sourcesCheck()).toMatch(
      /1 sources on 1 hosts in [\d.]+ s: 0 unchanged, 0 changed, 1 checked for the first time, 0 failed/u,
    )
    body = AFTER
    expect(await sourcesCheck()).toContain(
      `changed  source ${sourceId} http://127.0.0.1:${PAGE_PORT}/kurashi/mynumber/kigen.html: 3 passage(s); flagged 1 FAQ(s), 0 guide(s)`,
    )
  }, 600_000)

  it('見直し期限の確認 lists the change with its FAQ', async () => {
    const tab = await signInToAdmin(browser, kotae.url, email('editor'), PASSWORD)
    await tab.goto(`${kotae.url}/admin/review-due`)
    const summary = tab.locator('summary', {
      hasText: '出典が更新されました（3か所）：マイナンバーカードの有効期限（東広島市）',
    })
    await summary.waitFor()
    await summary.click()
    await tab.getByRole('link', { name: '電子証明書の有効期限は？（出典の確認）' }).waitFor()
    await tab.context().close()
  })

  it('the FAQ edit screen shows 「出典が更新されました（3か所）」 with old and new passages until 確認済み; axe finds no violation', async () => {
    const tab = await signInToAdmin(browser, kotae.url, email('editor'), PASSWORD)
    await tab.goto(`${kotae.url}/admin/collections/faqs/${faqId}`)
    const panel = tab.getByRole('region', { name: '出典の更新' })
    await panel.getByRole('heading', { name: '出典が更新されました（3か所）' }).waitFor({ timeout: 60_000 })
    expect(await panel.locator('del').allTextContents()).toEqual([
      '電子証明書の有効期限は、年齢に関係なく発行日から5回目の誕生日までです。',
      '封書は転送不要郵便です。',
    ])
    expect(await panel.locator('ins').allTextContents()).toEqual([
      '電子証明書の有効期限は、発行日から5回目の誕生日までです。',
      'オンラインでの更新はできません。',
    ])
    const axe = await new AxeBuilder({ page: tab })
      .include('section[aria-label="出典の更新"]')
      .withTags(WCAG)
      .analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    )
    await panel.getByRole('button', { name: '確認済みにする' }).click()
    await tab.getByText('「マイナンバーカードの有効期限（東広島市）」の更新を確認済みにしました。').waitFor()
    expect(await tab.getByRole('heading', { name: /出典が更新されました/u }).count()).toBe(0)
    expect(
      (await api<{ docs: OpenChange[] }>('editor', 'GET', `/api/sources/changed?faq=${faqId}`)).json.docs,
    ).toEqual([])
    await tab.context().close()
  })
})

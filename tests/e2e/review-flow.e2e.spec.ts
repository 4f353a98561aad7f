/**
 * Issue #21: the editor → reviewer flow in Chromium, through the admin as staff use it. An editor
 * asks for review; the reviewer lands on 承認待ち with a count in the menu, sends it back with
 * 「差し戻す」 and a reason (by keyboard); the editor reads the reason, fixes and asks again; the
 * reviewer publishes. Then the CSV round trip with a draft present: one edited row re-imported as
 * the editor sends only that FAQ to the reviewer's queue. The server runs under TZ=UTC and the
 * staff's browsers in Japan time: the version breadcrumb (drawn on the server) must say JST as the
 * browser does. Each role lands on its own first screen, /admin draws one header, and axe checks
 * the FAQ list and edit screens and the send-back dialog (violations that belong to Payload itself
 * are listed in decision 0035 and left out here by their exact rule and element, so a new one of
 * ours still fails).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { signInToAdmin } from '../support/adminSignIn'
import { type Created, type Doc, kotaeApi, type List } from '../support/kotaeApi'
import { REPO_ROOT, startKotae, type RunningKotae } from '../support/kotaeServer'

/** Its own port (P and P+1 for the site); REVIEW_FLOW_E2E_PORT moves it. */
const PORT = Number(process.env.REVIEW_FLOW_E2E_PORT ?? 3822)
const PASSWORD = 'kotae-review-flow-1'
const email = (who: string) => `${who.toLowerCase()}@review.example`
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const REASON = '出典の確認日が古いため、公式ページで確かめて更新してください。'
/** The staff's PCs are in Japan; the server is not (started with TZ=UTC below). */
const STAFF_ZONE = 'Asia/Tokyo'

let kotae: RunningKotae
let browser: Browser
let faqId: number
/** The FAQ whose row the CSV round trip edits. */
let importedId: number
const { api, login, registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })

beforeAll(async () => {
  // A machine in UTC: every date the admin shows must still be Japan time (the server sets its own zone).
  kotae = await startKotae({ port: PORT, env: { TZ: 'UTC' } })
  browser = await launchChromium()
  await registerStaff([
    { who: 'editor', name: '編集 花子' },
    { who: 'reviewer', name: '承認 太郎' },
    { who: 'operator', name: 'オペ 一郎' },
    { who: 'supervisor', name: 'SV 次郎' },
    { who: 'cityViewer', name: '市 三郎' },
  ])
  await login('editor')
  // The editor's draft: a copy of a seeded FAQ's content under a new question (filling a rich-text answer is not what this spec is about).
  const seeded = (
    await api<List<'faqs'>>('admin', 'GET', '/api/faqs?limit=1&depth=0&where[audience][equals]=public')
  ).json.docs[0]!
  const draft = await api<Created<'faqs'>>('editor', 'POST', '/api/faqs?draft=true&depth=0', {
    question: 'レビューの流れを確かめる質問ですか？',
    shortAnswer: '確認中の短い回答です。',
    answer: seeded.answer,
    category: seeded.category,
    sources: seeded.sources,
    reviewBy: '2027-03-31',
    _status: 'draft',
  })
  expect(draft.status, JSON.stringify(draft.json)).toBe(201)
  faqId = draft.json.doc.id
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

const signIn = (who: string) =>
  signInToAdmin(browser, kotae.url, email(who), PASSWORD, { timezoneId: STAFF_ZONE })
const edit = async (page: Page, id: number = faqId) => {
  await page.goto(`${kotae.url}/admin/collections/faqs/${id}`)
  await page.locator('#field-reviewState').waitFor()
  // Under load the page hydrates late, and Payload's lock notice comes with it: wait for the page to settle.
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
  // Payload keeps its edit lock for a while after the last person left: take over, as staff would (「引き継ぐ」).
  const takeOver = page.locator('#document-locked-take-over')
  if (
    await takeOver.waitFor({ timeout: 5000 }).then(
      () => true,
      () => false,
    )
  ) {
    await takeOver.click()
    await page.locator('#document-locked').waitFor({ state: 'detached', timeout: 10_000 })
  }
}
/** Leave the FAQ before closing the window, so Payload releases its edit lock (else the next person gets 「編集中」). */
async function done(page: Page) {
  await page.goto(`${kotae.url}/admin/my-faqs`)
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.waitForTimeout(500)
  await page.context().close()
}
/** Payload's select (react-select): open it and pick the option by its label. */
async function choose(page: Page, field: string, label: string) {
  for (let attempt = 0; ; attempt++) {
    await page.locator(`#field-${field} .rs__control`).click()
    const option = page.locator('.rs__option', { hasText: label }).first()
    // The menu closes when the form re-renders (after a take-over): open it again.
    if (
      await option.waitFor({ timeout: 5000 }).then(
        () => true,
        () => attempt >= 3,
      )
    ) {
      await option.click()
      return
    }
  }
}
/**
 * Wait until 「差し戻す」 has stayed the same element for two seconds. Under load the edit screen
 * draws its custom components once more after it looks loaded (a new form state from the server):
 * the button and its dialog are replaced. The dialog comes back open with its reason
 * (`useKeptDialog`), but a key pressed during the swap is lost. Seen after `networkidle` too, so
 * the test waits for the element itself to stay.
 */
async function settled(page: Page) {
  for (let attempt = 0; attempt < 15; attempt++) {
    const handle = await page.locator('#action-send-back').elementHandle()
    await page.waitForTimeout(2000)
    if (await handle?.evaluate((el) => el.isConnected)) return
  }
  throw new Error('「差し戻す」 was drawn again and again for 30 s')
}
/**
 * 「差し戻す」 by keyboard: focus and Enter, again until the dialog opens with the focus in its reason
 * box (the button is drawn by the server before React has hydrated the page, and a key pressed
 * before then does nothing; a late redraw replaces an open dialog, see `settled`).
 */
async function openSendBack(page: Page) {
  const dialog = page.getByRole('dialog', { name: '差し戻す' })
  const reasonBox = dialog.getByLabel('差し戻し理由（必須）')
  for (let attempt = 0; attempt < 10; attempt++) {
    // A late lock notice would take the Enter (its first button leaves the page): take over first.
    const takeOver = page.locator('#document-locked-take-over')
    if (await takeOver.isVisible()) {
      await takeOver.click()
      await page.locator('#document-locked').waitFor({ state: 'detached', timeout: 10_000 })
    }
    await settled(page)
    await page.locator('#action-send-back').focus()
    await page.keyboard.press('Enter')
    const opened = await dialog.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    )
    if (opened && (await reasonBox.evaluate((el) => el === document.activeElement))) return dialog
    if (opened)
      console.log(`「差し戻す」: the dialog was redrawn as it opened (attempt ${attempt}); opening it again`)
    if (await dialog.isVisible()) await page.keyboard.press('Escape')
  }
  throw new Error('「差し戻す」 did not open its dialog')
}
/** 「下書きを保存」 and the toast it brings (sonner). */
async function saveDraft(page: Page): Promise<string> {
  await page.locator('#action-save-draft').click()
  const toast = page.locator('[data-sonner-toast]').last()
  await toast.waitFor({ timeout: 30_000 })
  return (await toast.textContent()) ?? ''
}
const reviewState = async () =>
  (await api<Doc<'faqs'>>('admin', 'GET', `/api/faqs/${faqId}?draft=true&depth=0`)).json

describe('each role’s first screen, one header', () => {
  for (const [who, path, heading] of [
    ['operator', '/admin/desk', null],
    ['supervisor', '/admin/supervisor', '本日の状況'],
    ['cityViewer', '/admin/dashboard', 'ダッシュボード'],
    ['editor', '/admin/my-faqs', '編集中のFAQ'],
    ['reviewer', '/admin/review-queue', null],
  ] as const) {
    it(`${who} lands on ${path}`, async () => {
      const page = await signIn(who)
      await page.waitForURL((u) => u.pathname === path, { timeout: 60_000 })
      if (heading) await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
      expect(await page.getByText('このページは').count()).toBe(0)
      expect(await page.locator('header.app-header').count()).toBe(1)
      await page.context().close()
    })
  }

  it('the administrator’s /admin draws one header and one menu', async () => {
    const page = await signIn('admin')
    await page.goto(`${kotae.url}/admin`)
    await page.locator('.dashboard').first().waitFor()
    expect(await page.locator('header.app-header').count()).toBe(1)
    expect(await page.locator('nav[aria-label="Kotae"]').count()).toBe(1)
    await page.context().close()
  })
})

describe('editor → 承認待ち → send back with a reason → fix → 承認待ち → publish', () => {
  it('the editor has no 「変更内容を公開」 and asks for review', async () => {
    const page = await signIn('editor')
    await edit(page)
    expect(await page.locator('#action-save').count()).toBe(0)
    expect(await page.getByRole('button', { name: '変更内容を公開' }).count()).toBe(0)
    await choose(page, 'reviewState', '承認待ち')
    expect(await saveDraft(page)).not.toMatch(/エラー|できません/)
    expect(await reviewState()).toMatchObject({ reviewState: 'in_review', _status: 'draft' })
    await done(page)
  })

  it('the reviewer lands on 承認待ち with its count, who asked and when', async () => {
    const page = await signIn('reviewer')
    await page.waitForURL((u) => u.pathname === '/admin/review-queue')
    expect(await page.getByTestId('nav-review-queue').textContent()).toBe('承認待ち（1件）')
    const row = page.getByTestId('review-queue').locator('tbody tr')
    expect(await row.count()).toBe(1)
    const cells = await row.locator('td').allTextContents()
    expect(cells[1]).toBe('レビューの流れを確かめる質問ですか？')
    expect(cells[2]).toBe('編集 花子')
    expect(cells[3]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/)
    await done(page)
  })

  it('the reviewer sends it back with 「差し戻す」, by keyboard: the dialog refuses no reason, takes one, and it goes back to the editor', async () => {
    const page = await signIn('reviewer')
    await edit(page)
    const button = page.locator('#action-send-back')
    const dialog = page.getByRole('dialog', { name: '差し戻す' })
    const reasonBox = dialog.getByLabel('差し戻し理由（必須）')
    await openSendBack(page)
    expect(await reasonBox.evaluate((el) => el === document.activeElement)).toBe(true)
    // Esc closes it and gives the focus back to the button: the dialog's close event does it, a
    // task after the dialog is hidden (a failed CI run at load 10–15 read the focus in between).
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await expect
      .poll(() => button.evaluate((el) => el === document.activeElement), { timeout: 5000 })
      .toBe(true)
    // No reason: said in the dialog, the focus back in the box, nothing sent.
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await dialog.getByRole('alert').textContent()).toBe(
      '差し戻すときは、差し戻し理由を書いてください。編集者に表示されます。',
    )
    expect(await reasonBox.evaluate((el) => el === document.activeElement)).toBe(true)
    expect((await reviewState()).reviewState).toBe('in_review')
    await page.keyboard.type(REASON)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page
      .getByRole('status')
      .filter({ hasText: '差し戻しました。' })
      .first()
      .waitFor({ timeout: 30_000 })
    expect(await reviewState()).toMatchObject({ reviewState: 'draft', sendBackReason: REASON })
    const log = await api<List<'audit-log'>>(
      'admin',
      'GET',
      `/api/audit-log?where[docId][equals]=${faqId}&where[action][equals]=sendBack&depth=0`,
    )
    expect(log.json.docs.map((d) => [d.userEmail, d.note])).toEqual([[email('reviewer'), REASON]])
    // The form now holds the saved draft: 承認状態 下書き, and no 「差し戻す」 any more.
    expect(await page.locator('#field-reviewState').textContent()).toContain('下書き')
    expect(await button.count()).toBe(0)
    await done(page)
  })

  it('the editor reads the reason in their list and on the FAQ, fixes it and asks again', async () => {
    const page = await signIn('editor')
    await page.waitForURL((u) => u.pathname === '/admin/my-faqs')
    const row = page
      .getByTestId('work-list')
      .locator('tbody tr', { hasText: 'レビューの流れを確かめる質問ですか？' })
    expect(await row.locator('td').nth(2).textContent()).toBe('差し戻し')
    expect(await row.textContent()).toContain(REASON)
    expect(await row.textContent()).toContain('承認 太郎')
    await edit(page)
    await page.locator('#field-sendBackReason').waitFor()
    expect(await page.locator('#field-sendBackReason').inputValue()).toBe(REASON)
    expect(await page.locator('#field-sendBackReason').isEditable()).toBe(false)
    await page.locator('#field-shortAnswer').fill('公式ページで確かめた短い回答です。')
    await choose(page, 'reviewState', '承認待ち')
    await saveDraft(page)
    await expect.poll(async () => (await reviewState()).reviewState, { timeout: 15_000 }).toBe('in_review')
    expect((await reviewState()).sendBackReason ?? null).toBeNull()
    await done(page)
  })

  it('the reviewer publishes it', async () => {
    const page = await signIn('reviewer')
    await page.waitForURL((u) => u.pathname === '/admin/review-queue')
    expect(await page.getByTestId('nav-review-queue').textContent()).toBe('承認待ち（1件）')
    expect(
      await page
        .getByTestId('review-queue')
        .getByRole('link', { name: 'レビューの流れを確かめる質問ですか？' })
        .getAttribute('href'),
    ).toBe(`/admin/collections/faqs/${faqId}`)
    await edit(page)
    await page.locator('#action-save').waitFor()
    await page.locator('#action-save').click()
    await expect
      .poll(async () => (await api(null, 'GET', `/api/faqs/${faqId}?depth=0`)).status, { timeout: 30_000 })
      .toBe(200)
    const live = (await api<Doc<'faqs'>>(null, 'GET', `/api/faqs/${faqId}?depth=0`)).json
    expect(live).toMatchObject({ _status: 'published', shortAnswer: '公式ページで確かめた短い回答です。' })
    await page.goto(`${kotae.url}/admin/review-queue`)
    expect(await page.getByTestId('nav-review-queue').textContent()).toBe('承認待ち（0件）')
    await done(page)
  })
})

/**
 * `npm run <script>` (the README's command) on this run's database, as staff run it on the server.
 * Not spawnSync: a blocked test process would reuse a keep-alive socket the server has closed meanwhile.
 */
async function runCli(script: string, args: string[]): Promise<{ status: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '-s', script, '--', ...args], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        KOTAE_SQLITE_PATH: path.join(kotae.dataDir, 'kotae.db'),
        DATABASE_URL: '',
        PAYLOAD_SECRET: 'kotae-e2e-secret-0123456789',
        KOTAE_SERVER_URL: '',
      },
    })
    return { status: 0, output: stdout + stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { status: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

describe('the CSV round trip with a draft present', () => {
  it('an export with an incomplete draft, one edited row re-imported as the editor: only that FAQ goes to 承認待ち, in the reviewer’s queue', async () => {
    // An editor's draft with nothing but its question: it used to crash the export.
    const incomplete = await api('editor', 'POST', '/api/faqs?draft=true&depth=0', {
      question: 'CSVの往復のあいだも残る書きかけの質問ですか？',
      _status: 'draft',
    })
    expect(incomplete.status, JSON.stringify(incomplete.json)).toBe(201)
    const file = path.join(kotae.dataDir, 'faqs.csv')
    const exported = await runCli('content:export-csv', ['--out', file])
    expect(exported.status, exported.output).toBe(0)
    let csv = fs.readFileSync(file, 'utf8')
    expect(csv).toContain('CSVの往復のあいだも残る書きかけの質問ですか？')

    // One published FAQ's question, edited as a clerk would in Excel.
    const live = (
      await api<List<'faqs'>>(
        'admin',
        'GET',
        `/api/faqs?limit=100&depth=0&where[_status][equals]=published&where[id][not_equals]=${faqId}`,
      )
    ).json.docs
    const target = live.find((f) => f.question.endsWith('ですか？') && csv.split(f.question).length === 2)
    expect(target).toBeDefined()
    importedId = target!.id
    const question = target!.question.replace(/ですか？$/, 'でしょうか？')
    csv = csv.replace(target!.question, question)
    fs.writeFileSync(file, csv)
    const imported = await runCli('content:import-csv', [file, '--as', email('editor')])
    expect(imported.status, imported.output).toBe(0)

    const inReview = (
      await api<List<'faqs'>>(
        'admin',
        'GET',
        '/api/faqs?draft=true&depth=0&limit=100&where[reviewState][equals]=in_review',
      )
    ).json
    expect(inReview.totalDocs).toBe(1)
    expect(inReview.docs.map((f) => [f.id, f.question])).toEqual([[importedId, question]])
    const log = await api<List<'audit-log'>>(
      'admin',
      'GET',
      `/api/audit-log?where[docId][equals]=${importedId}&where[action][equals]=submit&depth=0`,
    )
    expect(log.json.docs.map((d) => d.userEmail)).toEqual([email('editor')])

    const page = await signIn('reviewer')
    await page.waitForURL((u) => u.pathname === '/admin/review-queue')
    expect(await page.getByTestId('nav-review-queue').textContent()).toBe('承認待ち（1件）')
    const rows = page.getByTestId('review-queue').locator('tbody tr')
    expect(await rows.count()).toBe(1)
    expect((await rows.locator('td').allTextContents())[1]).toBe(question)
    await done(page)
  }, 600_000)
})

describe('dates in Japan time on a server whose machine is in UTC', () => {
  it('the version breadcrumb (drawn by the server) shows the version’s JST time, as the versions list does', async () => {
    const version = (
      await api<{ docs: { id: string | number; updatedAt: string }[] }>(
        'admin',
        'GET',
        `/api/faqs/versions?where[parent][equals]=${faqId}&sort=-updatedAt&limit=1&depth=0`,
      )
    ).json.docs[0]!
    const at = (timeZone: string) =>
      new Intl.DateTimeFormat('ja-JP', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(version.updatedAt))
    const page = await signIn('reviewer')
    await page.goto(`${kotae.url}/admin/collections/faqs/${faqId}/versions`)
    // Payload writes 読み込み中... until its date library has loaded in the browser.
    await expect
      .poll(async () => (await page.locator('table tbody').textContent()) ?? '', { timeout: 30_000 })
      .toContain(at(STAFF_ZONE))
    await page.goto(`${kotae.url}/admin/collections/faqs/${faqId}/versions/${version.id}`)
    const crumbs = page.locator('.step-nav')
    await crumbs.getByText(at(STAFF_ZONE)).first().waitFor({ timeout: 30_000 })
    expect(await crumbs.textContent()).not.toContain(at('UTC'))
    await done(page)
  })
})

/**
 * Violations that come from Payload's own components, not from Kotae's configuration or code: rule
 * and the element they name (decision 0035 says why each is Payload's and what would work around
 * it). Anything else axe finds on these screens fails.
 */
const PAYLOAD_OWNED: [rule: string, element: RegExp][] = [
  ['button-name', /\.clickable-arrow/], // list pagination arrows, icon only
  ['label', /^#_R_\w+_$/], // list row selection checkboxes (aria-label="")
  ['aria-hidden-focus', /\.rs__indicators/], // react-select's clear/dropdown indicators: focusable inside aria-hidden
  ['aria-input-field-name', /\.ContentEditable__root/], // the Lexical editor's role=textbox has no name
  ['button-name', /\.popup-button/], // 「…」 document menu and the array clipboard menu, icon only
  ['button-name', /\.date-time-picker__clear-button/], // the date picker's clear button, icon only
  ['label', /^#react-select-.*-input$/], // react-select's input is not tied to the field label
  ['label', /(^|react-datepicker__input-container > )input\[value=/], // react-datepicker's input is not tied to the field label
  ['aria-command-name', /\.locked/], // the list's lock icon on a document someone has open (role=button, no name)
  ['list', /\.doc-tabs__tabs/], // the document tabs: <ul> with non-<li> children
  ['label-content-name-mismatch', /aria-label="バージョン"/], // the バージョン tab's aria-label hides its count
  ['nested-interactive', /\.rs__multi-value/], // sortable multi-value chips (dnd-kit role=button) holding a remove button
]

/** Violations as `rule element`, and those of them that are not Payload's own. */
async function axeViolations(page: Page, include?: string): Promise<{ all: string[]; ours: string[] }> {
  const builder = new AxeBuilder({ page }).withTags(WCAG)
  const r = await (include ? builder.include(include) : builder).analyze()
  const all = r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`))
  const ours = all.filter((line) => {
    const [rule, ...rest] = line.split(' ')
    return !PAYLOAD_OWNED.some(([r, element]) => r === rule && element.test(rest.join(' ')))
  })
  return { all, ours }
}

describe('axe on the FAQ list and the FAQ edit screen: no violation from Kotae’s own code', () => {
  it('the FAQ list, the edit screen (with the readability panel), the send-back dialog, 承認待ち and 編集中のFAQ', async () => {
    const page = await signIn('reviewer')
    await page.goto(`${kotae.url}/admin/collections/faqs`)
    await page.locator('table tbody tr').first().waitFor()
    const list = await axeViolations(page)
    await edit(page)
    await page.locator('.ContentEditable__root').first().waitFor()
    const form = await axeViolations(page)
    // The 「差し戻す」 dialog, open on the FAQ the CSV import sent to review.
    await edit(page, importedId)
    await openSendBack(page)
    const dialog = await axeViolations(page, '.kotae-send-back__dialog')
    await page.keyboard.press('Escape')
    await page.goto(`${kotae.url}/admin/review-queue`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const queue = await axeViolations(page, '.gutter')
    await page.goto(`${kotae.url}/admin/my-faqs`)
    await page.getByRole('heading', { name: '編集中のFAQ', level: 1 }).waitFor()
    const work = await axeViolations(page, '.gutter')
    // Printed so the Payload-owned list in decision 0035 can be checked against a run.
    console.log(
      `axe, Payload-owned: list ${list.all.length - list.ours.length}, edit ${form.all.length - form.ours.length}`,
    )
    expect({
      list: list.ours,
      form: form.ours,
      dialog: dialog.ours,
      queue: queue.ours,
      work: work.ours,
    }).toEqual({
      list: [],
      form: [],
      dialog: [],
      queue: [],
      work: [],
    })
    await page.context().close()
  })
})

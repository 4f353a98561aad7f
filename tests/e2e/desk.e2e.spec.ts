/**
 * The operator desk (応対デスク) end to end: a real Kotae (`npm start` on its own copy of the seeded
 * database), real Chromium, and a real SMTP server in this process standing in for the city's mail
 * server.
 */
import type { AddressInfo } from 'node:net'

import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import type { LookupResponse } from '@kotae/cms/src/desk/types'
import { signInOnPage } from '../support/adminSignIn'
import { type ApiErrors, type Created, type Doc, kotaeApi, type List } from '../support/kotaeApi'
import { phoneContext } from '../support/phone'
import { startKotae, type RunningKotae } from '../support/kotaeServer'

const PORT = 3193
type Mail = { to: string[]; raw: string }
const received: Mail[] = []
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = ''
    stream.on('data', (c: Buffer) => (raw += c.toString('utf8')))
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
      callback()
    })
  },
})

let kotae: RunningKotae
let kotaeEnv: Record<string, string>
let browser: Browser
const PASSWORD = 'kotae-desk-pass-1'
const email = (who: string) => `${who}@desk.example.test`

const { api, login, registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })
const faqBySlug = async (slug: string) =>
  (await api<List<'faqs'>>('admin', 'GET', `/api/faqs?where[slug][equals]=${slug}&depth=0&limit=1`)).json
    .docs[0]!
const usageCount = async (id: number) =>
  (await api<Doc<'faqs'>>('operator', 'GET', `/api/faqs/${id}?depth=0`)).json.usageCount
const countCalls = async () =>
  (await api<List<'calls'>>('admin', 'GET', '/api/calls?limit=1&depth=0')).json.totalDocs

const callBody = (overrides: Partial<Doc<'calls'>> = {}) => ({
  talkStartedAt: '2026-11-24T01:00:00.000Z',
  talkEndedAt: '2026-11-24T01:03:00.000Z',
  channel: 'direct',
  callerType: 'self',
  summary: '暗証番号を忘れた方に再設定の手続きを案内した。',
  outcome: 'resolved',
  ...overrides,
})

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const smtpPort = (smtp.server.address() as AddressInfo).port
  kotaeEnv = { KOTAE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, KOTAE_ESCALATION_TO: 'shiminka@city.example' }
  kotae = await startKotae({ port: PORT, env: kotaeEnv })
  browser = await launchChromium()
  // The first user becomes the system administrator, who adds the operator and the reviewer.
  await registerStaff([{ who: 'operator' }, { who: 'reviewer' }], { signIn: true })
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

async function signIn(context: BrowserContext, who: 'operator' | 'reviewer'): Promise<Page> {
  const page = await context.newPage()
  await signInOnPage(page, kotae.url, email(who), PASSWORD)
  return page
}

describe('operator desk', () => {
  it('an operator searches, marks two FAQs used and saves the call once (double click); usage counts rise; no layout shift; axe finds nothing', async () => {
    // npm start built the lookup index before it said it was running (no cold first lookup).
    expect(kotae.output()).toMatch(/lookup index ready: \d+ documents/)
    expect(kotae.output().indexOf('lookup index ready')).toBeLessThan(
      kotae.output().indexOf('Kotae is running'),
    )

    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 900 } })
    const page = await signIn(context, 'operator')
    await page.goto(`${kotae.url}/admin/desk`)
    await page.waitForSelector('#desk-query')
    // The field takes the focus once the desk has hydrated (later on a loaded machine).
    await page.waitForFunction(() => document.activeElement?.id === 'desk-query', undefined, {
      timeout: 15_000,
    })

    // Every layout shift from here on, including those right after a key press.
    await page.evaluate(() => {
      const w = window as unknown as { __shifts: { value: number; nodes: string[] }[] }
      w.__shifts = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; sources?: { node?: Element }[] }[]) {
          w.__shifts.push({
            value: e.value,
            nodes: (e.sources ?? []).map((s) =>
              s.node ? `${s.node.nodeName}#${s.node.id}.${s.node.className}` : '?',
            ),
          })
        }
      }).observe({ type: 'layout-shift', buffered: false })
    })
    const formTop = await page.locator('#desk-form-title').evaluate((el) => el.getBoundingClientRect().top)

    const lookup = page.waitForResponse(
      (r) => r.url().includes('/api/lookup') && r.url().includes(encodeURIComponent('わすれた')),
    )
    await page.locator('#desk-query').pressSequentially('マイナの暗証番号わすれた', { delay: 40 })
    const body = (await (await lookup).json()) as {
      candidates: { id: string; kind: string; docId: number }[]
    }
    await page.waitForSelector('[role="option"]')
    await page.waitForTimeout(300)

    // Calm while typing: nothing moved while the results came in.
    const shifts = await page.evaluate(
      () => (window as unknown as { __shifts: { value: number; nodes: string[] }[] }).__shifts,
    )
    expect(
      shifts.reduce((a, b) => a + b.value, 0),
      JSON.stringify(shifts),
    ).toBeLessThan(0.001)
    expect(await page.locator('#desk-form-title').evaluate((el) => el.getBoundingClientRect().top)).toBe(
      formTop,
    )
    const faqIndexes = body.candidates.flatMap((c, i) => (c.kind === 'faq' ? [i] : []))
    expect(faqIndexes.length).toBeGreaterThanOrEqual(2)
    const [first, second] = [body.candidates[faqIndexes[0]!]!, body.candidates[faqIndexes[1]!]!]
    const before = [await usageCount(first.docId), await usageCount(second.docId)]

    // Keyboard only: ↓ to the first FAQ, Enter; ↓ to the second, Enter.
    for (let i = 0; i < faqIndexes[0]!; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    for (let i = faqIndexes[0]!; i < faqIndexes[1]!; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.kotae-desk__form ol li').count()).toBe(2)

    // WCAG 2.1 AA with results shown.
    const axe = await new AxeBuilder({ page })
      .include('.kotae-desk')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze()
    expect(
      axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([])

    const callsBefore = await countCalls()
    await page.locator('#desk-summary').fill('暗証番号の再設定について案内した（e2e 机上テスト）。')
    await page.locator('.kotae-desk__form button[type="submit"]').dblclick()
    // A save takes a few seconds on a loaded machine (the call's hooks update the rollups).
    await expect
      .poll(() => page.locator('.kotae-desk__form [role="status"]').textContent(), { timeout: 20_000 })
      .toContain('保存しました')
    await new Promise((r) => setTimeout(r, 1000)) // a late second request would land by now
    expect(await countCalls()).toBe(callsBefore + 1)
    const saved = (await api<List<'calls'>>('admin', 'GET', '/api/calls?limit=1&depth=0&sort=-createdAt'))
      .json.docs[0]!
    expect(saved.faqsUsed).toEqual([first.docId, second.docId])
    expect(saved.queries).toContain('マイナの暗証番号わすれた')
    expect([await usageCount(first.docId), await usageCount(second.docId)]).toEqual([
      before[0]! + 1,
      before[1]! + 1,
    ])

    // Keyboard only, the focus stays visible: Tab from 「記録を保存」 lands on 「市民課へエスカレーション」,
    // which draws an outline (an underline alone is what the link always has).
    await page.locator('.kotae-desk__form button[type="submit"]').focus()
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement
      const cs = getComputedStyle(el)
      return { text: el.textContent, outline: cs.outlineStyle, width: Number.parseFloat(cs.outlineWidth) }
    })
    expect(focused.text).toBe('市民課へエスカレーション')
    expect(focused.outline).not.toBe('none')
    expect(focused.width).toBeGreaterThan(0)
    await context.close()
  })

  it('a save while the server is down keeps the record on screen, says so, and stores it once when the server is back', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 900 } })
    const page = await signIn(context, 'operator')
    await page.goto(`${kotae.url}/admin/desk`)
    await page.waitForSelector('#desk-query')
    await page.locator('#desk-query').pressSequentially('電子証明書 更新', { delay: 20 })
    await page.locator('#desk-summary').fill('電子証明書の更新方法を案内した（サーバー再起動中の保存）。')
    // The save's progress (role=status) and its errors (role=alert), as one text.
    const status = async () =>
      (
        await page
          .locator('.kotae-desk__form [role="status"], .kotae-desk__form [role="alert"]')
          .allTextContents()
      ).join(' ')
    const before = await countCalls()

    // The server goes away mid-shift, with the same data kept for its restart.
    await kotae.stop()
    await page.locator('.kotae-desk__form button[type="submit"]').click()
    await expect.poll(status, { timeout: 15_000 }).toContain('サーバーに接続できない')
    expect(await page.locator('#desk-summary').inputValue()).toContain('サーバー再起動中の保存')
    expect(await page.locator('.kotae-desk__form button[type="submit"]').isEnabled()).toBe(true)

    kotae = await startKotae({ port: PORT, env: kotaeEnv, dataDir: kotae.dataDir })
    // Resent on its own (at most 30 s apart), with the same request id.
    await expect.poll(status, { timeout: 60_000 }).toContain('保存しました')
    await login('admin')
    expect(await countCalls()).toBe(before + 1)
    const saved = (await api<List<'calls'>>('admin', 'GET', '/api/calls?limit=1&depth=0&sort=-createdAt'))
      .json.docs[0]!
    expect(saved.summary).toContain('サーバー再起動中の保存')
    await context.close()
  })

  it('a record whose save failed survives a reload of the desk, and is saved once from there', async () => {
    await login('operator')
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 900 } })
    const page = await signIn(context, 'operator')
    await page.goto(`${kotae.url}/admin/desk`)
    await page.waitForSelector('#desk-query')
    await page.locator('#desk-summary').fill('転出の手続きについて案内した（再読み込みの前に入力）。')
    // The save's progress (role=status) and its errors (role=alert), as one text.
    const status = async () =>
      (
        await page
          .locator('.kotae-desk__form [role="status"], .kotae-desk__form [role="alert"]')
          .allTextContents()
      ).join(' ')
    const before = await countCalls()
    // The browser cannot reach the server for this one save.
    await page.route('**/api/calls', (route) => route.abort('connectionrefused'), { times: 1 })
    await page.locator('.kotae-desk__form button[type="submit"]').click()
    await expect.poll(status).toContain('サーバーに接続できない')

    await page.reload()
    await page.waitForSelector('#desk-query')
    await expect.poll(status).toContain('保存されていない記録を復元しました')
    expect(await page.locator('#desk-summary').inputValue()).toContain('再読み込みの前に入力')
    await page.locator('.kotae-desk__form button[type="submit"]').click()
    await expect.poll(status).toContain('保存しました')
    expect(await countCalls()).toBe(before + 1)
    // Saved: nothing is restored any more.
    await page.reload()
    await page.waitForSelector('#desk-query')
    expect(await page.locator('#desk-summary').inputValue()).toBe('')
    await context.close()
  })

  it('「市民課へエスカレーション」 after a save opens an escalation that carries the saved call (its id, category, masked summary)', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 900 } })
    const page = await signIn(context, 'operator')
    await page.goto(`${kotae.url}/admin/desk`)
    await page.waitForSelector('#desk-query')
    const category = page.locator('#desk-category')
    const categoryLabel = (await category.locator('option').nth(1).textContent()) ?? ''
    await category.selectOption({ index: 1 })
    await page
      .locator('#desk-summary')
      .fill('山田さん（090-3333-4444）から、施設に入所中の親のカードの受け取りについて。')
    await page.locator('.kotae-desk__form button[type="submit"]').click()
    await expect
      .poll(() => page.locator('.kotae-desk__form [role="status"]').textContent(), { timeout: 20_000 })
      .toContain('保存しました')
    const saved = (await api<List<'calls'>>('admin', 'GET', '/api/calls?limit=1&depth=0&sort=-createdAt'))
      .json.docs[0]!

    // Keyboard: the link right after the save carries that call.
    const link = page.getByRole('link', { name: '市民課へエスカレーション' })
    await link.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/admin\/collections\/escalations\/create/)
    const summary = page.locator('#field-summary')
    await summary.waitFor({ timeout: 60_000 })
    await expect
      .poll(() => summary.inputValue(), { timeout: 20_000 })
      .toContain('施設に入所中の親のカードの受け取り')
    const text = await summary.inputValue()
    expect(text).toContain(categoryLabel)
    expect(text).toContain(`No.${saved.id}`)
    expect(text).not.toContain('090-3333-4444')
    expect(text).not.toContain('山田')
    await expect(page.getByText(`問い合わせ No.${saved.id}`).first().isVisible()).resolves.toBe(true)

    // Saved as it is, the escalation is tied to the call.
    await page.locator('#action-save').click()
    await page.waitForURL((u) => !u.pathname.endsWith('/create'), { timeout: 30_000 })
    const esc = (
      await api<List<'escalations'>>('admin', 'GET', '/api/escalations?limit=1&depth=0&sort=-createdAt')
    ).json.docs[0]!
    expect(esc.call).toBe(saved.id)
    expect(esc.summary).toContain('施設に入所中の親のカードの受け取り')
    await context.close()
  })

  it('a failed save puts the focus on the field the server refused, or on the error message, and keeps what was typed', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 900 } })
    const page = await signIn(context, 'operator')
    await page.goto(`${kotae.url}/admin/desk`)
    await page.waitForSelector('#desk-query')
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement
        return {
          id: el?.id ?? '',
          role: el?.getAttribute('role') ?? '',
          text: el?.textContent ?? '',
          tag: el?.tagName,
        }
      })
    const before = await countCalls()
    // A real refusal: the server keeps a phone number to 30 characters; the operator typed a note in it.
    await page.locator('#desk-outcome').selectOption('callback')
    await page.locator('#desk-summary').fill('折り返しのご希望（フォーカスの確認）。')
    await page.locator('#desk-name').fill('テスト')
    const phone = '090-0000-0000（日中は職場 03-0000-0000 へ）'
    await page.locator('#desk-phone').fill(phone)
    await page.locator('.kotae-desk__form button[type="submit"]').focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.locator('.kotae-desk__form [role="alert"]').textContent(), { timeout: 20_000 })
      .toContain('保存できませんでした')
    await expect.poll(focused).toMatchObject({ id: 'desk-phone' })
    expect(await page.locator('.kotae-desk__form [role="alert"]').textContent()).toContain('電話番号')
    expect(await page.locator('#desk-phone').inputValue()).toBe(phone)
    expect(await page.locator('#desk-summary').inputValue()).toBe('折り返しのご希望（フォーカスの確認）。')

    // The server cannot be reached: the focus goes to the message, which says so.
    await page.locator('#desk-phone').fill('090-0000-0000')
    await page.route('**/api/calls', (route) => route.abort('connectionrefused'), { times: 1 })
    await page.locator('.kotae-desk__form button[type="submit"]').focus()
    await page.keyboard.press('Enter')
    await expect.poll(focused, { timeout: 20_000 }).toMatchObject({ role: 'alert' })
    expect((await focused()).text).toContain('サーバーに接続できない')
    expect(await page.locator('#desk-summary').inputValue()).toBe('折り返しのご希望（フォーカスの確認）。')
    // Resent on its own, it is stored once.
    await expect
      .poll(() => page.locator('.kotae-desk__form [role="status"]').textContent(), { timeout: 30_000 })
      .toContain('保存しました')
    expect(await countCalls()).toBe(before + 1)
    await context.close()
  })

  it('at phone width (390 px) the primary actions of the desk are at least 44 × 44 CSS px', async () => {
    const context = await phoneContext(browser)
    const page = await signIn(context, 'operator')
    await page.goto(`${kotae.url}/admin/desk`)
    await page.waitForSelector('#desk-query')
    const boxes: Record<string, { width: number; height: number } | null> = {
      記録を保存: await page.locator('.kotae-desk__form button[type="submit"]').boundingBox(),
      市民課へエスカレーション: await page
        .getByRole('link', { name: '市民課へエスカレーション' })
        .boundingBox(),
      通話開始: await page.getByRole('button', { name: '通話開始' }).boundingBox(),
    }
    for (const [name, box] of Object.entries(boxes)) {
      expect(box, name).not.toBeNull()
      expect(box!.width, `${name} ${JSON.stringify(box)}`).toBeGreaterThanOrEqual(44)
      expect(box!.height, `${name} ${JSON.stringify(box)}`).toBeGreaterThanOrEqual(44)
    }
    await context.close()
  })

  it('past calls in the lookup show masked summaries only, in the API and on the desk', async () => {
    const pin = await faqBySlug('pin-forgot')
    const seeded = await api(
      'operator',
      'POST',
      '/api/calls',
      callBody({
        faqsUsed: [pin.id],
        summary: '山田さん（090-1234-5678）から暗証番号を忘れたとの問い合わせ。',
        talkStartedAt: '2026-11-29T01:00:00.000Z',
        talkEndedAt: '2026-11-29T01:02:00.000Z',
      }),
    )
    expect(seeded.status, JSON.stringify(seeded.json)).toBe(201)
    const { json } = await api<LookupResponse>(
      'operator',
      'GET',
      `/api/lookup?q=${encodeURIComponent('暗証番号 忘れた')}`,
    )
    const summaries = json.pastCalls.map((p) => p.summary)
    expect(summaries.length).toBeGreaterThan(0)
    expect(summaries.some((s) => s.includes('暗証番号を忘れた'))).toBe(true)
    for (const s of summaries) {
      expect(s).not.toMatch(/090-?1234-?5678|1234-?5678/)
      expect(s).not.toContain('山田')
    }
    expect(JSON.stringify(json)).not.toContain('1234-5678')

    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 900 } })
    const page = await signIn(context, 'operator')
    await page.goto(`${kotae.url}/admin/desk`)
    // Text committed by an IME arrives as one input event without a key press: the timer starts too.
    await page.locator('#desk-query').focus()
    await page.keyboard.insertText('暗証番号 忘れた')
    await page.waitForSelector('.kotae-desk__detail li')
    await page.getByRole('button', { name: '通話終了' }).waitFor()
    const text = (await page.locator('.kotae-desk').textContent()) ?? ''
    expect(text).toContain('暗証番号を忘れた')
    expect(text).not.toContain('1234-5678')
    expect(text).not.toContain('山田')
    await context.close()
  })

  it('an operator cannot read callback contact fields; a reviewer can', async () => {
    const created = await api<Created<'calls'>>(
      'operator',
      'POST',
      '/api/calls',
      callBody({
        outcome: 'callback',
        callback: { name: '佐藤花子', phone: '082-420-0000', preferredTime: '午後' },
      }),
    )
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const id = created.json.doc.id
    expect(JSON.stringify(created.json)).not.toContain('082-420-0000')
    const asOperator = await api('operator', 'GET', `/api/calls/${id}`)
    expect(asOperator.status).toBe(200)
    expect(JSON.stringify(asOperator.json)).not.toContain('082-420-0000')
    expect(JSON.stringify(asOperator.json)).not.toContain('佐藤花子')
    const list = await api('operator', 'GET', `/api/calls?where[id][equals]=${id}`)
    expect(JSON.stringify(list.json)).not.toContain('082-420-0000')
    const asReviewer = await api<Doc<'calls'>>('reviewer', 'GET', `/api/calls/${id}`)
    expect(asReviewer.json.callback?.phone).toBe('082-420-0000')
  })

  it('an escalation reaches the SMTP server, masked; the reviewer turns the answer into a FAQ draft', async () => {
    const callDoc = await api<Created<'calls'>>(
      'operator',
      'POST',
      '/api/calls',
      callBody({ outcome: 'escalated', summary: '施設に入所中の親の電子証明書を代理で更新できるか。' }),
    )
    expect(callDoc.status).toBe(201)
    const mailsBefore = received.length
    const esc = await api<Created<'escalations'>>('operator', 'POST', '/api/escalations', {
      call: callDoc.json.doc.id,
      summary: '代理人による電子証明書の更新の必要書類は？ 連絡先 090-1111-2222',
      urgency: 'high',
    })
    expect(esc.status, JSON.stringify(esc.json)).toBe(201)
    const escId = esc.json.doc.id
    // This escalation's own mail: the one after those of earlier tests (sent before their saves answered).
    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(mailsBefore)
    const mail = received[mailsBefore]!
    expect(mail.to).toEqual(['shiminka@city.example'])
    expect(mail.raw).not.toContain('090-1111-2222')

    const answered = await api('reviewer', 'PATCH', `/api/escalations/${escId}`, {
      status: 'answered',
      answer: '代理人による更新には照会書兼回答書が必要です。詳しくは市民課にお問い合わせください。',
    })
    expect(answered.status, JSON.stringify(answered.json)).toBe(200)
    const draft = await api<{ faq: number; created: boolean }>(
      'reviewer',
      'POST',
      `/api/escalations/${escId}/draft-faq`,
    )
    expect(draft.status, JSON.stringify(draft.json)).toBe(201)
    const faq = await api<Doc<'faqs'>>('reviewer', 'GET', `/api/faqs/${draft.json.faq}?draft=true&depth=0`)
    expect(faq.json._status).toBe('draft')
    expect(faq.json.shortAnswer).toBe('代理人による更新には照会書兼回答書が必要です。')
    expect(
      (await api<Doc<'escalations'>>('reviewer', 'GET', `/api/escalations/${escId}?depth=0`)).json.faqDraft,
    ).toBe(draft.json.faq)
    // Not public: a draft is not readable without signing in.
    expect((await api(null, 'GET', `/api/faqs/${draft.json.faq}`)).status).not.toBe(200)
  })

  it('bad input over HTTP gets a field error and stores nothing', async () => {
    const pin = await faqBySlug('pin-forgot')
    const before = await countCalls()
    const cases: [ReturnType<typeof callBody>, string][] = [
      [callBody({ talkEndedAt: '2026-11-24T00:59:00.000Z' }), 'talkEndedAt'],
      [callBody({ faqsUsed: [pin.id, 987654] }), 'faqsUsed'],
      [callBody({ summary: 'あ'.repeat(5_000) }), 'summary'],
    ]
    for (const [body, field] of cases) {
      const res = await api<ApiErrors>('operator', 'POST', '/api/calls', body)
      expect(res.status, field).toBe(400)
      const paths = res.json.errors.flatMap((e) => e.data?.errors ?? []).map((e) => e.path)
      expect(paths, field).toContain(field)
    }
    // A body over the API's 1 MB limit is refused before it is read (cms/src/http/bodyLimit.ts).
    const huge = await api<ApiErrors>(
      'operator',
      'POST',
      '/api/calls',
      callBody({ summary: 'あ'.repeat(1_000_000) }),
    )
    expect(huge.status).toBe(413)
    expect(huge.json.errors[0]?.message).toMatch(/over 1048576 bytes/)
    expect(await countCalls()).toBe(before)
  })

  it("the server's log of this run holds none of the personal data typed into it", () => {
    // Written after the restart above, so this server saw all of them (summaries, callback, escalation).
    for (const personal of ['090-1234-5678', '山田', '佐藤花子', '082-420-0000', '090-1111-2222'])
      expect(kotae.output(), personal).not.toContain(personal)
    expect(kotae.output()).toContain('Kotae is running') // the log of this server was read, not an empty one
  })
})

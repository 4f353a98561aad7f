/**
 * Call transcripts end to end: a real Kotae (`npm start`, its own seeded SQLite copy,
 * port 3861), the transcript imported with `npm run import:transcripts` as the city would, real
 * Chromium. A supervisor opens the call, sees its masked transcript turn by turn, accepts two
 * suggested FAQs, and the FAQs' usage counts rise. Another operator cannot read the transcript
 * (API). A supervisor uploads a second call's transcript in the admin (a bad file beside it:
 * nothing written); its operator accepts the suggestions in the desk after the call; the
 * supervisor's 読み上げ確認 lists the fee the operator read out wrong.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { signInToAdmin } from '../support/adminSignIn'
import type { CallTranscriptResponse } from '@kotae/cms/src/transcripts/endpoint'
import { type Created, type Doc, kotaeApi, type List } from '../support/kotaeApi'
import { REPO_ROOT, startKotae, type RunningKotae } from '../support/kotaeServer'

const PORT = 3861
const PASSWORD = 'kotae-transcripts-pass-1'
const email = (who: string) => `${who}@transcripts.example.test`

let kotae: RunningKotae
let browser: Browser
let callId: number
let call2Id: number
let faqs: Doc<'faqs'>[]
const { api, registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })
const cue = (s: number) => `00:00:${String(s).padStart(2, '0')}.000`

beforeAll(async () => {
  kotae = await startKotae({ port: PORT })
  browser = await launchChromium()
  await registerStaff(
    [
      { who: 'supervisor', name: 'supervisor' },
      { who: 'operator', name: 'operator' },
      { who: 'operator2', role: 'operator', name: 'operator2' },
    ],
    { signIn: true },
  )
  // Two published FAQs whose short answers the operator reads out.
  const list = (
    await api<List<'faqs'>>(
      'supervisor',
      'GET',
      '/api/faqs?limit=10&depth=0&where[_status][equals]=published&where[slug][in]=card-renewal-how,lost-fee',
    )
  ).json.docs
  faqs = [list.find((f) => f.slug === 'card-renewal-how')!, list.find((f) => f.slug === 'lost-fee')!].filter(
    Boolean,
  )
  expect(faqs).toHaveLength(2)
  const now = Date.now()
  const call = await api<Created<'calls'>>('operator', 'POST', '/api/calls', {
    talkStartedAt: new Date(now - 600_000).toISOString(),
    talkEndedAt: new Date(now - 300_000).toISOString(),
    channel: 'direct',
    callerType: 'self',
    summary: '更新と紛失の問い合わせ。',
    outcome: 'resolved',
    telephonyCallId: 'E2E-TR-1',
  })
  expect(call.status, JSON.stringify(call.json)).toBe(201)
  callId = call.json.doc.id
  // The second call: nothing marked used yet; its transcript comes through the admin upload.
  const call2 = await api<Created<'calls'>>('operator', 'POST', '/api/calls', {
    talkStartedAt: new Date(now - 240_000).toISOString(),
    talkEndedAt: new Date(now - 120_000).toISOString(),
    channel: 'direct',
    callerType: 'self',
    summary: '紛失の問い合わせ。',
    outcome: 'resolved',
    telephonyCallId: 'E2E-TR-2',
  })
  expect(call2.status, JSON.stringify(call2.json)).toBe(201)
  call2Id = call2.json.doc.id
  const vtt = [
    'WEBVTT',
    '',
    `${cue(1)} --> ${cue(4)}`,
    '<v オペレーター>お電話ありがとうございます。マイナンバーカードコールセンターです。',
    '',
    `${cue(5)} --> ${cue(9)}`,
    '<v お客様>山田花子と申します。電話番号は090-4821-7365です。',
    '',
    `${cue(10)} --> ${cue(14)}`,
    `<v お客様>${faqs[0]!.question}`,
    '',
    `${cue(15)} --> ${cue(20)}`,
    `<v オペレーター>はい、${faqs[0]!.shortAnswer}`,
    '',
    `${cue(21)} --> ${cue(25)}`,
    `<v お客様>それと、${faqs[1]!.question}`,
    '',
    `${cue(26)} --> ${cue(31)}`,
    `<v オペレーター>${faqs[1]!.shortAnswer}`,
    '',
  ].join('\n')
  const file = path.join(kotae.dataDir, 'E2E-TR-1.vtt')
  fs.writeFileSync(file, vtt)
  const imported = spawnSync('npm', ['run', '-s', 'import:transcripts', '--', file], {
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
  expect(imported.status, imported.stdout + imported.stderr).toBe(0)
  expect(imported.stdout).toContain('通話ID 1')
}, 900_000)
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

describe('transcripts', () => {
  it('a supervisor sees the masked transcript turn by turn, accepts two suggested FAQs, and their usage counts rise', async () => {
    const page = await signInToAdmin(browser, kotae.url, email('supervisor'), PASSWORD)
    await page.goto(`${kotae.url}/admin/collections/calls/${callId}`)
    const turns = page.getByTestId('transcript-turns').locator('li')
    await expect.poll(() => turns.count(), { timeout: 60_000 }).toBe(6)
    expect(await turns.evaluateAll((els) => els.map((e) => e.getAttribute('data-speaker')))).toEqual([
      'operator',
      'caller',
      'caller',
      'operator',
      'caller',
      'operator',
    ])
    const text = await page.getByTestId('transcript-turns').innerText()
    expect(text).toContain('［電話番号］')
    expect(text).not.toContain('090-4821-7365')
    expect(text).not.toContain('山田花子')

    for (const faq of faqs) {
      const button = page.getByRole('button', { name: `使用したFAQに追加：${faq.question}` })
      await button.click()
      await expect.poll(() => button.innerText(), { timeout: 20_000 }).toBe('追加しました')
    }
    const stored = await api<Doc<'calls'>>('supervisor', 'GET', `/api/calls/${callId}?depth=0`)
    expect(stored.json.faqsUsed).toEqual(faqs.map((f) => f.id))
    for (const faq of faqs) {
      const after = await api<Doc<'faqs'>>('supervisor', 'GET', `/api/faqs/${faq.id}?depth=0`)
      expect([faq.id, after.json.usageCount]).toEqual([faq.id, (faq.usageCount ?? 0) + 1])
    }
    await page.context().close()
  }, 180_000)

  it('the call’s own operator reads the transcript; another operator cannot', async () => {
    const own = await api<CallTranscriptResponse>('operator', 'GET', `/api/call-transcript?call=${callId}`)
    expect(own.status).toBe(200)
    expect(own.json.transcript?.segments).toHaveLength(6)
    const other = await api('operator2', 'GET', `/api/call-transcript?call=${callId}`)
    expect(other.status).toBe(404)
    const list = await api<List<'transcripts'>>('operator2', 'GET', '/api/transcripts?depth=0')
    expect([list.status, list.json.docs]).toEqual([200, []])
  })

  it('a supervisor uploads transcripts in the admin: a bad file is named with its line and nothing is written; the good file alone is imported, and again changes nothing', async () => {
    const lost = faqs[1]!
    // The operator reads the fee out wrong (1,500円 for 1,000円): for the 読み上げ確認 below.
    const wrong = lost.shortAnswer.replace('1,000円', '1,500円')
    expect(wrong).not.toBe(lost.shortAnswer)
    const good = {
      name: 'E2E-TR-2.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from(
        [
          'WEBVTT',
          '',
          `${cue(1)} --> ${cue(5)}`,
          `<v お客様>${lost.question}`,
          '',
          `${cue(6)} --> ${cue(12)}`,
          `<v オペレーター>はい、${wrong}`,
          '',
          `${cue(13)} --> ${cue(16)}`,
          '<v お客様>分かりました。ありがとうございました。',
          '',
        ].join('\n'),
      ),
    }
    const bad = {
      name: 'bad.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from('WEBVTT\n\n00:00:05.000 --> 00:00:02.000\n<v お客様>あの\n'),
    }
    const page = await signInToAdmin(browser, kotae.url, email('supervisor'), PASSWORD)
    await page.goto(`${kotae.url}/admin/collections/transcripts`)
    const form = page.getByTestId('transcript-upload')
    await form.getByLabel('取り込むファイル').setInputFiles([good, bad])
    await form.getByRole('button', { name: '確認して取り込む' }).click()
    const errors = page.getByTestId('transcript-upload-errors')
    await expect
      .poll(() => errors.innerText().catch(() => ''), { timeout: 60_000 })
      .toContain('bad.vtt（3 行目）')
    const stored = async () =>
      (
        await api<List<'transcripts'>>(
          'supervisor',
          'GET',
          '/api/transcripts?depth=0&where[transcriptKey][equals]=E2E-TR-2',
        )
      ).json.docs
    expect(await stored()).toEqual([])

    await form.getByLabel('取り込むファイル').setInputFiles([good])
    // Keyboard: the submit button is reached and pressed without the mouse.
    await form.getByRole('button', { name: '確認して取り込む' }).focus()
    await page.keyboard.press('Enter')
    const status = page.getByRole('status').filter({ hasText: '取り込みました' })
    await expect.poll(() => status.innerText().catch(() => ''), { timeout: 60_000 }).toContain('新規 1 件')
    const docs = await stored()
    expect(docs.map((d) => [d.call, d.linkMethod])).toEqual([[call2Id, 'call-id']])
    await form.getByLabel('取り込むファイル').setInputFiles([good])
    await form.getByRole('button', { name: '確認して取り込む' }).click()
    await expect
      .poll(() => status.innerText().catch(() => ''), { timeout: 60_000 })
      .toContain('変更なし 1 件')
    expect(await stored()).toEqual(docs)
    await page.context().close()
  }, 180_000)

  it('in the desk after the call, the operator sees the suggestions of their own call and saves only what they accept', async () => {
    const lost = faqs[1]!
    const page = await signInToAdmin(browser, kotae.url, email('operator'), PASSWORD)
    await page.goto(`${kotae.url}/admin/desk`)
    const section = page.getByTestId('desk-transcripts')
    const calls = section.getByRole('button', { name: /の通話：/ })
    await expect.poll(() => calls.count(), { timeout: 60_000 }).toBe(2)
    await calls.first().click() // the newest import: E2E-TR-2
    const panel = page.getByTestId('desk-transcript-suggestions')
    const accept = panel.getByRole('button', { name: `使用したFAQに追加：${lost.question}` })
    await expect.poll(() => accept.count(), { timeout: 60_000 }).toBe(1)
    expect(await panel.innerText()).toContain('根拠：対応者「はい、')
    const draft = panel.getByLabel('要旨の下書き（編集できます）')
    expect(await draft.inputValue()).toContain(lost.question)
    // Shown, not saved: the call is as the operator logged it.
    const before = (await api<Doc<'calls'>>('operator', 'GET', `/api/calls/${call2Id}?depth=0`)).json
    expect([before.summary, before.faqsUsed]).toEqual(['紛失の問い合わせ。', []])

    await accept.click()
    await expect.poll(() => accept.innerText(), { timeout: 20_000 }).toBe('追加しました')
    await draft.fill('カード紛失後の再交付の手数料について案内した。')
    await panel.getByRole('button', { name: '要旨・用件・結果を記録に反映' }).click()
    await expect
      .poll(() => panel.getByRole('status').innerText(), { timeout: 20_000 })
      .toContain('記録に反映しました')
    const after = (await api<Doc<'calls'>>('operator', 'GET', `/api/calls/${call2Id}?depth=0`)).json
    expect([after.summary, after.faqsUsed]).toEqual([
      'カード紛失後の再交付の手数料について案内した。',
      [lost.id],
    ])
    await page.context().close()
  }, 180_000)

  it('読み上げ確認: the supervisor sees the call where the fee read out differs from the FAQ, with both lines; an operator may not', async () => {
    const lost = faqs[1]!
    const page = await signInToAdmin(browser, kotae.url, email('supervisor'), PASSWORD)
    await page.goto(`${kotae.url}/admin/readout-check`)
    const rows = page.getByTestId('readout-rows').locator('tbody tr')
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(1)
    const row = await rows.first().innerText()
    expect(row).toContain(lost.question)
    expect(row).toContain('手数料：「1,500円」→「1,000円」')
    expect(row).toContain(`はい、${lost.shortAnswer.replace('1,000円', '1,500円')}`)
    expect(row).toContain('紛失などによる再交付は1,000円（電子証明書なしは800円）です。')
    await page.context().close()
    expect((await api('operator', 'GET', '/api/readout-check')).status).toBe(403)
  }, 180_000)
})

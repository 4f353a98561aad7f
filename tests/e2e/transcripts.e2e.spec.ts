/**
 * Call transcripts end to end (issue #16): a real Kotae (`npm start`, fresh SQLite, port 3861), the
 * transcript imported with `npm run import:transcripts` as the city would, real Chromium. A
 * supervisor opens the call, sees its masked transcript turn by turn, accepts two suggested FAQs,
 * and the FAQs' usage counts rise. Another operator cannot read the transcript (API).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signInToAdmin } from '../support/adminSignIn'
import { launchBrowser } from '../support/browser'
import { kotaeApi } from '../support/kotaeApi'
import { REPO_ROOT, startKotae, type RunningKotae } from '../support/kotaeServer'

const PORT = 3861
const PASSWORD = 'kotae-transcripts-pass-1'
const email = (who: string) => `${who}@transcripts.example.test`

let kotae: RunningKotae
let browser: Browser
let callId: number
let faqs: { id: number; question: string; shortAnswer: string; usageCount: number }[]
const { api, registerStaff } = kotaeApi({ url: () => kotae.url, email, password: PASSWORD })
const cue = (s: number) => `00:00:${String(s).padStart(2, '0')}.000`

beforeAll(async () => {
  kotae = await startKotae({ port: PORT })
  browser = await launchBrowser()
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
    await api('supervisor', 'GET', '/api/faqs?limit=200&depth=0&where[_status][equals]=published&sort=slug')
  ).json.docs as { id: number; slug: string; question: string; shortAnswer: string; usageCount: number }[]
  faqs = [list.find((f) => f.slug === 'card-renewal-how')!, list.find((f) => f.slug === 'lost-fee')!].filter(
    Boolean,
  )
  expect(faqs).toHaveLength(2)
  const now = Date.now()
  const call = await api('operator', 'POST', '/api/calls', {
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
    const stored = await api('supervisor', 'GET', `/api/calls/${callId}?depth=0`)
    expect(stored.json.faqsUsed).toEqual(faqs.map((f) => f.id))
    for (const faq of faqs) {
      const after = await api('supervisor', 'GET', `/api/faqs/${faq.id}?depth=0`)
      expect([faq.id, after.json.usageCount]).toEqual([faq.id, faq.usageCount + 1])
    }
    await page.context().close()
  }, 180_000)

  it('the call’s own operator reads the transcript; another operator cannot', async () => {
    const own = await api('operator', 'GET', `/api/call-transcript?call=${callId}`)
    expect(own.status).toBe(200)
    expect(own.json.transcript.segments).toHaveLength(6)
    const other = await api('operator2', 'GET', `/api/call-transcript?call=${callId}`)
    expect(other.status).toBe(404)
    const list = await api('operator2', 'GET', '/api/transcripts?depth=0')
    expect([list.status, list.json.docs]).toEqual([200, []])
  })
})

/**
 * Reports end to end: a real Kotae (`npm start` on its own copy of the seeded database) with a
 * seeded month (October 2026: synthetic calls, PBX records and escalations,
 * cms/scripts/seed-report-data.ts). City staff download the XLSX, both CSVs and the PDF over HTTP;
 * every figure checked is compared with computeReport over the same seeded records (XLSX read with
 * exceljs, PDF text with unpdf). The admin page shows the month and offers the downloads.
 * Supervisors and city staff only.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { loadValidContent } from '@kotae/content'
import {
  computeReport,
  type CallLogRecord,
  type EscalationRecord,
  type Report,
  type TelephonyRecord,
} from '@kotae/analytics'
import ExcelJS from 'exceljs'
import type { Browser } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { syntheticRecords, type SyntheticInput } from '@kotae/cms/src/seed/syntheticCalls'
import { REPO_ROOT, startKotae, type RunningKotae } from '../support/kotaeServer'

const PORT = 3195
const PASSWORD = 'kotae-reports-pass-1'
const email = (who: string) => `${who}@reports.example.test`
const CALLS = 1200

let kotae: RunningKotae
let browser: Browser
let expected: Report
const tokens: Record<string, string> = {}

async function api(who: string | null, method: string, url: string, body?: unknown): Promise<Response> {
  const send = () =>
    fetch(`${kotae.url}${url}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(who ? { Authorization: `JWT ${tokens[who]}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  try {
    return await send()
  } catch (e) {
    // A kept-alive socket the server closed while the seeding ran: a GET may simply be sent again.
    if (method !== 'GET') throw e
    return send()
  }
}
async function login(who: string) {
  const res = await api(null, 'POST', '/api/users/login', { email: email(who), password: PASSWORD })
  expect(res.status).toBe(200)
  tokens[who] = ((await res.json()) as { token: string }).token
}
async function download(who: string, query: string): Promise<{ res: Response; body: Buffer }> {
  const res = await api(who, 'GET', `/api/reports/2026-10?${query}`)
  return { res, body: Buffer.from(await res.arrayBuffer()) }
}
/** Means summed in another order differ in the last bits: compare to 12 significant digits. */
const rounded = (v: unknown): unknown =>
  typeof v === 'number'
    ? Number(v.toPrecision(12))
    : Array.isArray(v)
      ? v.map(rounded)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]))
        : v
const pct = (rate: number | null) => (rate === null ? '' : (rate * 100).toFixed(1))
const one = (v: number | null) => (v === null ? '' : (Math.round(v * 10) / 10).toFixed(1))

beforeAll(async () => {
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-reports-')), 'kotae.db')
  kotae = await startKotae({ port: PORT, env: { KOTAE_SQLITE_PATH: dbFile } })
  browser = await launchChromium()
  const first = await api(null, 'POST', '/api/users/first-register', {
    email: email('admin'),
    password: PASSWORD,
    roles: ['admin'],
  })
  expect(first.status).toBeLessThan(300)
  await login('admin')
  for (const role of ['supervisor', 'cityViewer', 'operator'] as const) {
    const res = await api('admin', 'POST', '/api/users', {
      email: email(role),
      password: PASSWORD,
      roles: [role],
      name: role,
    })
    expect(res.status, await res.clone().text()).toBe(201)
    await login(role)
  }
  // The seeded month, written into the running server's database by the seeding script.
  const out = execFileSync(
    process.execPath,
    [
      '--conditions=production',
      '--import',
      'tsx',
      'cms/scripts/seed-report-data.ts',
      '--period',
      '2026-10',
      '--calls',
      String(CALLS),
      '--seed',
      '11',
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        KOTAE_SQLITE_PATH: dbFile,
        PAYLOAD_SECRET: 'kotae-e2e-secret-0123456789',
        DATABASE_URL: '',
        KOTAE_DISABLE_JOBS: '1',
      },
      encoding: 'utf8',
    },
  )
  const input = JSON.parse(
    out
      .trim()
      .split('\n')
      .findLast((l) => l.startsWith('{"start"'))!,
  ) as SyntheticInput
  const calls: CallLogRecord[] = []
  const telephony: TelephonyRecord[] = []
  const escalations: EscalationRecord[] = []
  for (const r of syntheticRecords(input)) {
    if (r.call) calls.push(r.call)
    telephony.push(r.telephony)
    if (r.escalation) escalations.push(r.escalation)
  }
  // The seeded database holds content/city.yaml: the report counts with its hours and call-center rules.
  const { city } = await loadValidContent()
  const { queues, ...rules } = city.callCenter
  const options = {
    hours: { hours: city.hours, yearEndClosure: city.yearEndClosure, closedDates: city.closedDates },
    queues: queues.length ? queues : null,
    ...rules,
  }
  expected = computeReport({
    period: { kind: 'month', year: 2026, month: 10 },
    calls,
    telephony,
    escalations,
    options,
  })
  expect(expected.offered! + expected.outOfHours.offered!).toBe(CALLS) // in hours + out of hours
})

afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

describe('report downloads', () => {
  it('XLSX: the 概要 sheet carries computeReport’s figures as numbers, with the period in 和暦 and 西暦', async () => {
    const { res, body } = await download('cityViewer', 'format=xlsx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('kotae-report-2026-10.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(body as unknown as ExcelJS.Buffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '集計ルール',
      '概要',
      '時間別',
      '用件別',
      'FAQ利用',
      '付録 時間帯別',
      '付録 曜日別',
      '付録 サービスレベル・放棄',
      '付録 エスカレーション',
    ])
    const ws = wb.getWorksheet('概要')!
    expect(String(ws.getCell('A1').value)).toContain('令和8年10月（2026年10月）')
    const v = new Map<string, unknown>()
    for (const sheet of [ws, wb.getWorksheet('付録 サービスレベル・放棄')!])
      sheet.eachRow((row) => v.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(v.get('受付時間外の入電件数')).toBe(expected.outOfHours.offered)
    expect(v.get('入電件数')).toBe(expected.offered)
    expect(v.get('応答件数')).toBe(expected.answered)
    expect(v.get('放棄呼件数')).toBe(expected.abandoned.count)
    expect(v.get('応答率')).toBeCloseTo(expected.answerRate!, 12)
    expect(v.get('一次完了率')).toBeCloseTo(expected.firstContactResolutionRate!, 12)
    expect(v.get('平均応答時間（ASA）')).toBeCloseTo(expected.asaSeconds!, 9)
    expect(v.get('平均処理時間（AHT）')).toBeCloseTo(expected.ahtSeconds!, 9)
    expect(v.get('エスカレーション件数')).toBe(expected.escalations.count)
  })

  it('CSV in UTF-8 with BOM and in Shift_JIS: the same 概要 lines', async () => {
    const utf8 = await download('supervisor', 'format=csv&encoding=utf-8-bom')
    expect(utf8.res.headers.get('content-type')).toContain('utf-8')
    expect([...utf8.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const sjis = await download('supervisor', 'format=csv&encoding=shift_jis')
    expect(sjis.res.headers.get('content-type')).toContain('Shift_JIS')
    const texts = [utf8.body.subarray(3).toString('utf8'), new TextDecoder('shift_jis').decode(sjis.body)]
    expect(texts[1]).toBe(texts[0])
    const line = (label: string) =>
      texts[0]!
        .split('\r\n')
        .find((l) => l.startsWith(`${label},`))!
        .split(',')[1]
    expect(texts[0]).toContain('令和8年10月（2026年10月）')
    expect(line('入電件数')).toBe(String(expected.offered))
    expect(line('応答件数')).toBe(String(expected.answered))
    expect(line('応答率')).toBe(pct(expected.answerRate))
    expect(line('サービスレベル（20秒以内応答）')).toBe(pct(expected.serviceLevel.rate))
    expect(line('平均通話時間（ATT）')).toBe(one(expected.attSeconds))
  })

  it('PDF (A4, printed by Chromium): its text has the period and computeReport’s figures', async () => {
    const { res, body } = await download('supervisor', 'format=pdf')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(body.subarray(0, 5).toString()).toBe('%PDF-')
    const pdf = await getDocumentProxy(new Uint8Array(body))
    const page = await pdf.getPage(1)
    const [w, h] = [page.view[2]!, page.view[3]!]
    expect([Math.round(w), Math.round(h)]).toEqual([595, 842]) // A4 in points
    const { text } = await extractText(pdf, { mergePages: true })
    // NFKC: Noto CJK maps some kanji to their Kangxi radical code points (⽉ for 月) in the PDF's text.
    const flat = text.normalize('NFKC').replace(/\s+/g, '')
    const has = (s: string) => expect(flat).toContain(s.normalize('NFKC'))
    has('令和8年10月（2026年10月）')
    has(`入電件数${expected.offered}件`)
    has(`応答件数${expected.answered}件`)
    has(`放棄呼件数${expected.abandoned.count}件`)
    has(`応答率${pct(expected.answerRate)}%`)
    has(`一次完了率${pct(expected.firstContactResolutionRate)}%`)
    has(`平均応答時間（ASA）${one(expected.asaSeconds)}秒`)
    has(`平均処理時間（AHT）${one(expected.ahtSeconds)}秒`)
    has(`エスカレーション件数${expected.escalations.count}件`)
    has(
      `合計（受付時間内）${expected.offered}${expected.answered}${expected.abandoned.count}${expected.abandoned.short}${expected.meta.counts.calls}`,
    )
    has('改善提案（定例会用）')
    has('時間帯別の件数')
    has('平均処理時間（秒）')
    expect(flat).not.toContain('（秒）（秒）')
    has('集計ルール')
    has('年末年始の休み12月29日')
  })

  it('JSON has every KPI key; only report readers get any of it', async () => {
    const { res, body } = await download('cityViewer', 'format=json')
    const json = JSON.parse(body.toString('utf8'))
    expect(res.status).toBe(200)
    for (const key of [
      'offered',
      'answered',
      'abandoned',
      'answerRate',
      'firstContactResolutionRate',
      'serviceLevel',
      'asaSeconds',
      'attSeconds',
      'ahtSeconds',
      'byHalfHour',
      'byWeekday',
      'byTopic',
      'faqUsage',
      'escalations',
    ])
      expect(rounded(json[key]), key).toEqual(
        rounded(JSON.parse(JSON.stringify(expected[key as keyof Report]))),
      )
    expect((await api('operator', 'GET', '/api/reports/2026-10?format=csv')).status).toBe(403)
    expect((await api(null, 'GET', '/api/reports/2026-10?format=csv')).status).toBe(401)
    expect((await api('supervisor', 'GET', '/api/reports/2026-13?format=csv')).status).toBe(400)
    expect((await api('supervisor', 'GET', '/api/reports/2026-10?format=docx')).status).toBe(400)
  })
})

describe('the reports page (/admin/reports)', () => {
  it('shows the month’s KPIs and charts to city staff and downloads the CSV', async () => {
    const context = await browser.newContext({
      locale: 'ja-JP',
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    })
    await context.addCookies([{ name: 'payload-token', value: tokens.cityViewer!, url: kotae.url }])
    const page = await context.newPage()
    await page.goto(`${kotae.url}/admin/reports?period=2026-10`)
    await page.getByRole('heading', { name: '令和8年10月（2026年10月）' }).waitFor()
    const row = page.getByRole('row', { name: /^入電件数/ })
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe(String(expected.offered))
    expect(await page.locator('svg[role="img"]').count()).toBe(3)
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV（UTF-8・BOM付き）' }).click(),
    ])
    const saved = fs.readFileSync((await file.path())!)
    expect([...saved.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    await context.close()
  })

  it('on a phone (390 px): a month without records is said in words (no downloads); the page keeps its width, the summary table scrolls in its own box', async () => {
    const context = await browser.newContext({
      locale: 'ja-JP',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    await context.addCookies([{ name: 'payload-token', value: tokens.cityViewer!, url: kotae.url }])
    const page = await context.newPage()
    await page.goto(`${kotae.url}/admin/reports?period=2026-10`)
    await page.getByRole('heading', { name: '令和8年10月（2026年10月）' }).waitFor()
    // A month before the first record: said in words, and no links that would download an error.
    await page.goto(`${kotae.url}/admin/reports?period=2024-04`)
    await page.getByRole('heading', { name: 'レポート（月次・年度）' }).waitFor()
    expect(await page.getByRole('note').textContent()).toContain('より前のため、データがありません')
    expect(await page.getByRole('link', { name: 'CSV（UTF-8・BOM付き）' }).count()).toBe(0)

    await page.goto(`${kotae.url}/admin/reports?period=2026-10`)
    await page.getByRole('heading', { name: '令和8年10月（2026年10月）' }).waitFor()
    // A wider page would make the phone zoom the whole page out (the summary alone needs ~610 px).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    const region = page.getByRole('region', { name: '概要' })
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    await context.close()
  })
})

/**
 * The inquiry-log export (docs/calls-export.md), through the REST handler as the admin's download
 * uses it and through `npm run export:calls`, on SQLite and PostgreSQL: the documented columns,
 * masked text only, no call-back contact, the formula guard, Shift_JIS both ways, XLSX cells,
 * paging, the refusals and the 操作履歴 entry.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { decodeBytes } from '@kotae/content/csv/encoding'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { CALLS_EXPORT_HEADER } from '../src/callsExport/columns'
import { readCallPages } from '../src/callsExport/read'
import { sqlOf } from '../src/db/sql'
import {
  createReferences,
  createRoleUsers,
  faqData,
  restRequest,
  startPayload,
  type TestUser,
} from './helpers'
import { runScript } from './setup/runScript'

let payload: Payload
let users: Record<Role, TestUser>
const tokens: Partial<Record<Role, string>> = {}
let pinCall: { id: number; summary: string; queries: string[] }
let tmp: string

const jst = (date: string, time: string) => new Date(`${date}T${time}+09:00`).toISOString()
const FORMULA = "=cmd|' /C calc'!A0"
const CONTACT = {
  name: '山田太郎',
  phone: '090-9999-8888',
  preferredTime: '平日の午前中（自宅 03-5555-1234）',
}

beforeAll(async () => {
  payload = await startPayload()
  users = await createRoleUsers(payload)
  for (const role of ['operator', 'editor', 'supervisor', 'reviewer', 'cityViewer'] as const) {
    tokens[role] = (
      await payload.login({
        collection: 'users',
        data: { email: users[role].email, password: 'correct horse battery' },
      })
    ).token
  }
  const refs = await createReferences(payload)
  const faq = (
    await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'cert-expiry' }), _status: 'published' } as never,
    })
  ).id
  const call = async (startedAt: string, data: Record<string, unknown>) =>
    payload.create({
      collection: 'calls',
      data: {
        talkStartedAt: startedAt,
        talkEndedAt: new Date(Date.parse(startedAt) + 125_400).toISOString(),
        channel: 'direct',
        callerType: 'self',
        summary: '案内しました。',
        outcome: 'resolved',
        ...data,
      } as never,
    })
  const created = await call(jst('2026-10-05', '10:00:00'), {
    summary: '暗証番号は4649だと言われた。\n折り返しは090-1234-5678へ。①の書類を案内。',
    queries: ['暗証番号 忘れた 4649', '-2+3'],
    callback: CONTACT,
    category: refs.category,
    faqsUsed: [faq],
    channel: 'transfer-shiminka',
    holdSeconds: 30,
    afterCallWorkSeconds: 60,
    outcome: 'callback',
    telephonyCallId: '@SUM(1)',
  })
  pinCall = { id: Number(created.id), summary: created.summary, queries: created.queries ?? [] }
  await call(jst('2026-10-20', '14:00:00'), { summary: FORMULA })
  await call(jst('2026-10-31', '23:59:59'), { summary: '月末の最後の記録' })
  await call(jst('2026-10-31', '23:59:59'), { summary: '同じ時刻のもう一件' })
  await call(jst('2026-11-01', '00:00:00'), { summary: '翌月の記録' })
  await call(jst('2026-09-30', '23:59:59'), { summary: '前月の記録' })
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-calls-export-'))
})
afterAll(async () => {
  await payload?.destroy()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

async function download(
  role: Role | null,
  query: string,
): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const res = await handleEndpoints({
    config: payload.config,
    request: restRequest('GET', `/api/calls-export?${query}`, role ? tokens[role] : undefined),
  })
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  }
}
const rowsOf = (text: string): string[][] => parse(text, { relax_column_count: false })
const OCTOBER = 'from=2026-10-01&to=2026-10-31'

describe('the inquiry-log export', () => {
  it('writes the documented columns, one row per call of the JST days asked, oldest first', async () => {
    const res = await download('cityViewer', `${OCTOBER}&format=csv`)
    expect(res.status).toBe(200)
    expect(res.type).toBe('text/csv; charset=utf-8')
    expect(res.disposition).toBe('attachment; filename="kotae-calls-2026-10-01_2026-10-31.csv"')
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = rowsOf(res.bytes.subarray(3).toString('utf8'))
    expect(rows[0]).toEqual(CALLS_EXPORT_HEADER)
    // Every header is explained in the city's document, and the document names no other column.
    const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/calls-export.md'), 'utf8')
    const documented = [...doc.matchAll(/^\| (\S[^|]*?) \| /gm)]
      .map((m) => m[1])
      .filter((h) => h !== '列' && h !== '---')
    expect(documented).toEqual(CALLS_EXPORT_HEADER)
    expect(rows.slice(1).map((r) => r[11])).toEqual([
      expect.any(String),
      `'${FORMULA}`,
      '月末の最後の記録',
      '同じ時刻のもう一件',
    ])
    const first = Object.fromEntries(CALLS_EXPORT_HEADER.map((h, i) => [h, rows[1]![i]]))
    expect(first).toMatchObject({
      記録番号: String(pinCall.id),
      '通話開始（日本時間）': '2026-10-05 10:00:00',
      '通話終了（日本時間）': '2026-10-05 10:02:05',
      '通話時間（秒）': '125',
      '保留（秒）': '30',
      '後処理（秒）': '60',
      入電経路: '市民課から転送',
      相談者: '本人',
      用件: '更新',
      使用したFAQ: 'cert-expiry',
      結果: '折り返し',
      電話システムの通話ID: "'@SUM(1)",
      '個人情報の消去日時（日本時間）': '',
    })
    expect(rows[3]![1]).toBe('2026-10-31 23:59:59')
  })

  it('writes the stored, masked text only and never the call-back contact', async () => {
    // What was stored is masked already (the calls hook, decision 0026): check it, then the file.
    expect(pinCall.summary).not.toContain('4649')
    expect(pinCall.summary).not.toContain('090-1234-5678')
    expect(pinCall.queries.join(' ')).not.toContain('4649')
    for (const format of ['csv', 'xlsx']) {
      const res = await download('supervisor', `${OCTOBER}&format=${format}`)
      const text = format === 'csv' ? res.bytes.toString('utf8') : await xlsxText(res.bytes)
      for (const secret of [
        '4649',
        '090-1234-5678',
        CONTACT.name,
        CONTACT.phone,
        '平日の午前中',
        '03-5555-1234',
      ])
        expect(text, `${format}: ${secret}`).not.toContain(secret)
    }
    const rows = rowsOf(
      (await download('supervisor', `${OCTOBER}&format=csv`)).bytes.subarray(3).toString('utf8'),
    )
    // One record per line: the summary's line break is written \n; ① folded to （1）, as in the FAQ CSV.
    expect(rows[1]![11]).toBe(pinCall.summary.replace('\n', '\\n').replace('①', '（1）'))
    expect(rows[1]![10]).toBe(pinCall.queries.join(';'))
    expect(rows[1]![10]!.startsWith("'")).toBe(false)
  })

  it('guards formula-looking cells in CSV and stores them as text cells in XLSX', async () => {
    const res = await download('reviewer', `${OCTOBER}&format=xlsx`)
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.bytes as never)
    const ws = wb.getWorksheet('対応履歴')!
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(CALLS_EXPORT_HEADER)
    expect(ws.rowCount).toBe(5)
    const formula = ws.getRow(3).getCell(12)
    expect([formula.type, formula.value]).toEqual([ExcelJS.ValueType.String, FORMULA])
    const started = ws.getRow(2).getCell(2)
    expect(started.type).toBe(ExcelJS.ValueType.Date)
    // Excel's dates have no zone: the cell holds the Japan wall time.
    expect((started.value as Date).toISOString()).toBe('2026-10-05T10:00:00.000Z')
    expect(ws.getRow(2).getCell(4).value).toBe(125)
    expect(ws.getRow(2).getCell(14).value).toBe('@SUM(1)')
  })

  it('writes Shift_JIS (cp932) that reads back to the same rows as UTF-8', async () => {
    const sjis = await download('supervisor', `${OCTOBER}&format=csv&encoding=shift_jis`)
    expect(sjis.type).toBe('text/csv; charset=Shift_JIS')
    expect(sjis.disposition).toContain('kotae-calls-2026-10-01_2026-10-31-sjis.csv')
    expect(sjis.bytes[0]).not.toBe(0xef)
    const decoded = decodeBytes(sjis.bytes, 'auto')
    expect([decoded.encoding, decoded.broken]).toEqual(['shift_jis', false])
    const utf8 = (await download('supervisor', `${OCTOBER}&format=csv`)).bytes.subarray(3).toString('utf8')
    expect(rowsOf(decoded.text)).toEqual(rowsOf(utf8))
  })

  it('is refused to operators, FAQ editors and anyone not signed in, on the server', async () => {
    expect((await download('operator', `${OCTOBER}&format=csv`)).status).toBe(403)
    expect((await download('editor', `${OCTOBER}&format=xlsx`)).status).toBe(403)
    expect((await download(null, `${OCTOBER}&format=csv`)).status).toBe(401)
  })

  it('names the bad option, refuses to before from, and says when the days hold no call', async () => {
    const errors = async (query: string) => {
      const res = await download('supervisor', query)
      return {
        status: res.status,
        errors: JSON.parse(res.bytes.toString('utf8')).errors as { field?: string; message: string }[],
      }
    }
    expect((await errors(`${OCTOBER}&format=pdf`)).errors.map((e) => e.field)).toEqual(['format'])
    expect((await errors('from=2026-10-01&to=2026-02-31&format=csv')).errors).toEqual([
      { field: 'to', message: '2026-02-31 はありえない日付です' },
    ])
    expect((await errors('from=2026-10-31&to=2026-10-01&format=csv')).errors).toEqual([
      { field: 'to', message: '終了日（2026-10-01）が開始日（2026-10-31）より前です' },
    ])
    expect((await errors(`${OCTOBER}&format=csv&encoding=latin1`)).errors.map((e) => e.field)).toEqual([
      'encoding',
    ])
    const empty = await errors('from=2026-08-01&to=2026-08-31&format=csv')
    expect(empty).toEqual({
      status: 404,
      errors: [{ message: '2026-08-01〜2026-08-31 に記録された問い合わせはありません。' }],
    })
  })

  it('writes each download to the 操作履歴 with the user, the days and the count, never the content', async () => {
    await download('cityViewer', 'from=2026-11-01&to=2026-11-01&format=xlsx')
    const entries = await payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'export' } },
      sort: '-createdAt',
      depth: 0,
      limit: 1,
    })
    const entry = entries.docs[0]!
    expect(entry).toMatchObject({
      collectionSlug: 'calls',
      docId: '2026-11-01..2026-11-01',
      title: '対応履歴の書き出し（2026-11-01〜2026-11-01、xlsx、1件）',
      user: users.cityViewer.id,
      userEmail: users.cityViewer.email,
    })
    // Refused and empty requests write nothing.
    const before = (await payload.count({ collection: 'audit-log', where: { action: { equals: 'export' } } }))
      .totalDocs
    await download('operator', `${OCTOBER}&format=csv`)
    await download('supervisor', 'from=2026-08-01&to=2026-08-31&format=csv')
    expect(
      (await payload.count({ collection: 'audit-log', where: { action: { equals: 'export' } } })).totalDocs,
    ).toBe(before)
  })

  it('pages through the calls without losing or repeating one at a page edge', async () => {
    const range = {
      start: Date.parse(jst('2026-09-01', '00:00:00')),
      end: Date.parse(jst('2026-12-01', '00:00:00')),
    }
    const pages: number[][] = []
    for await (const page of readCallPages(sqlOf(payload), range, 2)) pages.push(page.map((r) => r.id))
    const all: number[] = []
    for await (const page of readCallPages(sqlOf(payload), range)) all.push(...page.map((r) => r.id))
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2])
    expect(pages.flat()).toEqual(all)
    expect(new Set(all).size).toBe(6)
  })

  it('runs as `npm run export:calls`, writing the file only when there is something to write', async () => {
    const out = path.join(tmp, 'october.csv')
    const ok = await runScript('export-calls', [
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--format',
      'csv',
      '--encoding',
      'shift_jis',
      '--out',
      out,
    ])
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain('export:calls: 4 calls 2026-10-01..2026-10-31')
    const viaApi = (await download('supervisor', `${OCTOBER}&format=csv&encoding=shift_jis`)).bytes
    expect(fs.readFileSync(out).equals(viaApi)).toBe(true)
    const system = await payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'export' } }, { userEmail: { equals: 'system' } }] },
      depth: 0,
    })
    expect(system.docs.map((d) => d.title)).toEqual([
      '対応履歴の書き出し（2026-10-01〜2026-10-31、csv、4件）',
    ])

    const empty = await runScript('export-calls', [
      '--from',
      '2026-08-01',
      '--to',
      '2026-08-31',
      '--format',
      'xlsx',
      '--out',
      path.join(tmp, 'august.xlsx'),
    ])
    expect(empty.code).toBe(1)
    expect(empty.err).toContain(
      'export:calls: 2026-08-01〜2026-08-31 に記録された問い合わせはありません。ファイルは作りませんでした。',
    )
    expect(fs.readdirSync(tmp)).toEqual(['october.csv'])

    // The options are those of the download (checked above); the command names them with --.
    const bad = await runScript('export-calls', [
      '--from',
      '2026-10-31',
      '--to',
      '2026-10-01',
      '--format',
      'csv',
    ])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--to: 終了日（2026-10-01）が開始日（2026-10-31）より前です')
    expect(bad.err).toContain('usage: npm run export:calls')
  })
})

/** Every cell of every sheet, as text. */
async function xlsxText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as never)
  const parts: string[] = []
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void parts.push(String(cell.value)))))
  return parts.join('\n')
}

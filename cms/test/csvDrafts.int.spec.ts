/**
 * The FAQ CSV round trip with the drafts editors really leave behind: an empty draft, a
 * blank 言い換え row, an answer cut short. Export writes them and says which rows are incomplete;
 * import takes an incomplete 下書き row as a draft, writes only the rows that changed, as the person
 * who ran it; formula-looking text is stored as text and defused in every export.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { faqCsvText, readFaqCsv, type CityIdentity, type FaqCsvRecord } from '@kotae/content/csv/index'

import { cityIdentity, exportFaqCsv, readFaqRecords } from '../scripts/export-csv'
import { importFaqCsv } from '../scripts/import-csv'
import type { Faq } from '../src/payload-types'
import { runScript } from './setup/runScript'
import { faqData, type TestUser } from './helpers'
import { startWithStaff, type References } from './setup/staffAndReferences'
import type { Role } from '../src/access/roles'

// This file imports FAQs in its own process too: with the CSV import's settings (its npm script's),
// set before the Payload config is read (vi.hoisted runs ahead of the imports).
vi.hoisted(() => {
  process.env.KOTAE_SQLITE_TRANSACTIONS = 'on'
})

let payload: Payload, users: Record<Role, TestUser>, refs: References
let city: CityIdentity

beforeAll(async () => {
  ;({ payload, users, refs } = await startWithStaff())
  city = await cityIdentity()
  // Complete, published entries beside the drafts.
  for (let i = 1; i <= 3; i++) {
    await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: `complete-${i}`, question: `完成した質問${i}ですか？` }),
        _status: 'published',
      } as never,
    })
  }
  // Drafts as the system (seed, an old admin) left them: no title at all, and a blank 言い換え row.
  await payload.create({
    collection: 'faqs',
    data: { slug: 'empty-draft', _status: 'draft' } as never,
    draft: true,
  })
  await payload.create({
    collection: 'faqs',
    data: {
      slug: 'blank-alternative',
      question: '言い換えが空の下書きですか？',
      alternatives: [{ text: '' }, { text: null }, { text: 'いいかえ' }],
      _status: 'draft',
    } as never,
    draft: true,
  })
})
afterAll(() => payload?.destroy())

const rowsById = (bytes: Uint8Array) => new Map(readFaqCsv(bytes, { city }).rows.map((r) => [r.id, r]))

describe('CSV export with incomplete drafts', () => {
  it('writes every FAQ, the incomplete drafts too, and names the incomplete rows', async () => {
    const { bytes, count, incomplete } = await exportFaqCsv(payload, { city })
    expect(count).toBe(5)
    const read = readFaqCsv(bytes, { city })
    expect(read.problems).toEqual([])
    const rows = rowsById(bytes)
    expect(rows.get('empty-draft')).toMatchObject({
      question: '',
      shortAnswer: '',
      answer: '',
      category: '',
      sources: [],
      reviewBy: '',
      status: 'draft',
      alternatives: [],
    })
    expect(rows.get('blank-alternative')).toMatchObject({
      question: '言い換えが空の下書きですか？',
      alternatives: ['いいかえ'],
      status: 'draft',
    })
    expect(incomplete.map((i) => i.id).sort()).toEqual(['blank-alternative', 'empty-draft'])
    expect(incomplete.find((i) => i.id === 'empty-draft')!.columns).toEqual([
      '質問',
      '短い回答',
      '回答',
      'カテゴリ',
      '出典',
      '確認期限',
    ])
  })
})

/** Records as file bytes (UTF-8 with BOM), through the one writer. */
const bytesOf = (records: FaqCsvRecord[]) => Buffer.from(`\ufeff${faqCsvText(records).text}`, 'utf8')
const latest = async (slug: string) =>
  (
    await payload.find({
      collection: 'faqs',
      where: { slug: { equals: slug } },
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0] as Faq | undefined
const versionCount = async () =>
  (await payload.findVersions({ collection: 'faqs', limit: 1, overrideAccess: true })).totalDocs
const auditOf = async (slug: string) => {
  const doc = await latest(slug)
  const log = await payload.find({
    collection: 'audit-log',
    where: { docId: { equals: String(doc!.id) } },
    sort: '-createdAt',
    limit: 50,
    depth: 0,
    overrideAccess: true,
  })
  return log.docs
}

describe('CSV import: changed rows only, as the person who ran it', () => {
  it('re-importing the whole export changes nothing; one edited answer changes exactly that FAQ, recorded as the editor', async () => {
    const editor = (await payload.findByID({
      collection: 'users',
      id: users.editor.id,
      overrideAccess: true,
    })) as never
    const records = await readFaqRecords(payload, city)
    const before = await versionCount()
    const same = await importFaqCsv(payload, bytesOf(records), { city, user: editor })
    expect(same).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: records.length })
    expect(await versionCount()).toBe(before)

    const edited = records.map((r) =>
      r.id === 'complete-2' ? { ...r, answer: '書き換えた回答です。窓口でお手続きください。' } : r,
    )
    const result = await importFaqCsv(payload, bytesOf(edited), { city, user: editor })
    expect(result).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: records.length - 1 })
    expect(await versionCount()).toBe(before + 1)
    expect(await latest('complete-2')).toMatchObject({ reviewState: 'in_review', _status: 'draft' })
    for (const slug of ['complete-1', 'complete-3'])
      expect(await latest(slug)).toMatchObject({ reviewState: 'approved', _status: 'published' })
    const [entry] = await auditOf('complete-2')
    expect(entry).toMatchObject({ action: 'submit', userEmail: users.editor.email, user: users.editor.id })

    // The same file again: the row still says 公開, the entry is 承認待ち from the last import, nothing to write.
    expect(await importFaqCsv(payload, bytesOf(edited), { city, user: editor })).toMatchObject({
      ok: true,
      updated: 0,
      unchanged: records.length,
    })
    expect(await versionCount()).toBe(before + 1)
  })

  it('an incomplete 下書き row comes in as a draft and is reported; a 承認待ち row with the same gaps is refused, nothing written', async () => {
    const editor = (await payload.findByID({
      collection: 'users',
      id: users.editor.id,
      overrideAccess: true,
    })) as never
    const records = await readFaqRecords(payload, city)
    const base = records.find((r) => r.id === 'complete-1')!
    const draft: FaqCsvRecord = {
      ...base,
      id: 'new-incomplete',
      question: '作りかけの質問ですか？',
      shortAnswer: '',
      answer: '',
      category: '',
      sources: [],
      reviewBy: '',
      status: 'draft',
      alternatives: [],
    }
    const result = await importFaqCsv(payload, bytesOf([...records, draft]), { city, user: editor })
    expect(result).toMatchObject({
      ok: true,
      created: 1,
      updated: 0,
      incomplete: [{ id: 'new-incomplete', columns: ['短い回答', '回答', 'カテゴリ', '出典', '確認期限'] }],
    })
    expect(await latest('new-incomplete')).toMatchObject({
      question: '作りかけの質問ですか？',
      reviewState: 'draft',
      _status: 'draft',
      category: null,
    })
    expect((await auditOf('new-incomplete'))[0]).toMatchObject({
      action: 'create',
      userEmail: users.editor.email,
    })

    const before = await versionCount()
    const refused = await importFaqCsv(
      payload,
      bytesOf([
        { ...draft, id: 'new-in-review', question: '承認待ちの作りかけですか？', status: 'in_review' },
        { ...base, id: 'past-review', question: '期限切れですか？', reviewBy: '2026-01-31' },
        { ...draft, id: 'no-title', question: '' },
      ]),
      { city, user: editor },
    )
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.problems.map((p) => `${p.line}:${p.column}`)).toEqual([
      '2:短い回答',
      '2:回答',
      '2:カテゴリ',
      '2:出典',
      '2:確認期限',
    ])
    // Once the format is valid, the rules of a write: a past review date and a missing title are listed together.
    const second = await importFaqCsv(
      payload,
      bytesOf([
        { ...base, id: 'past-review', question: '期限切れですか？', reviewBy: '2026-01-31' },
        { ...draft, id: 'no-title', question: '' },
      ]),
      { city, user: editor },
    )
    expect(second).toMatchObject({
      ok: false,
      problems: [
        { line: 2, column: '確認期限', message: expect.stringContaining('過ぎています') },
        { line: 3, column: '質問', message: expect.stringContaining('下書きでも質問') },
      ],
    })
    expect(await versionCount()).toBe(before)
  })

  it('the empty draft and the blank 言い換え draft of the database survive a full round trip unchanged', async () => {
    const editor = (await payload.findByID({
      collection: 'users',
      id: users.editor.id,
      overrideAccess: true,
    })) as never
    const { bytes } = await exportFaqCsv(payload, { city })
    const before = await versionCount()
    const result = await importFaqCsv(payload, bytes, { city, user: editor })
    expect(result).toMatchObject({ ok: true, created: 0, updated: 0 })
    expect(await versionCount()).toBe(before)
  })

  it("a formula in a text cell is stored as text and defused (a leading ') in the export", async () => {
    const editor = (await payload.findByID({
      collection: 'users',
      id: users.editor.id,
      overrideAccess: true,
    })) as never
    const formula = "=cmd|' /C calc'!A0"
    const records = await readFaqRecords(payload, city)
    const base = records.find((r) => r.id === 'complete-1')!
    // A hand-made file: the formula as a spreadsheet user would type it, no guard.
    const header = faqCsvText([]).text
    const row = faqCsvText([
      {
        ...base,
        id: 'formula-row',
        question: 'FORMULA_Q',
        alternatives: ['FORMULA_ALT'],
        shortAnswer: 'FORMULA_SHORT',
        status: 'draft',
      },
    ]).text.split('\r\n')[1]!
    const raw = `${header}${row.replace('FORMULA_Q', `"${formula}"`).replace('FORMULA_ALT', `"+${formula}"`).replace('FORMULA_SHORT', `"@SUM(1)"`)}\r\n`
    const result = await importFaqCsv(payload, Buffer.from(raw, 'utf8'), { city, user: editor })
    expect(result).toMatchObject({ ok: true, created: 1 })
    expect(await latest('formula-row')).toMatchObject({
      question: formula,
      shortAnswer: '@SUM(1)',
      alternatives: [expect.objectContaining({ text: `+${formula}` })],
    })

    const { bytes } = await exportFaqCsv(payload, { city })
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    // No cell of any line starts with what a spreadsheet runs (quoted or not).
    for (const line of lines) expect(line).not.toMatch(/(^|,)"?[=+@]/)
    const exported = lines.find((l) => l.includes(',formula-row,'))!
    expect(exported).toContain(`,'${formula},'+${formula},'@SUM(1),`)
    // and reads back as the same text (the guard is taken off)
    expect(rowsById(bytes).get('formula-row')).toMatchObject({
      question: formula,
      alternatives: [`+${formula}`],
      shortAnswer: '@SUM(1)',
    })
  })
})

describe('import-csv --as', () => {
  it('is required, and must name a user who may write FAQs', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-csv-as-')), 'faqs.csv')
    fs.writeFileSync(file, (await exportFaqCsv(payload, { city })).bytes)
    const before = await versionCount()
    const missing = await runScript('import-csv', [file])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('--as <取り込む人のメールアドレス>')
    const unknown = await runScript('import-csv', [file, '--as', 'nobody@example.test'])
    expect(unknown).toMatchObject({
      code: 2,
      err: expect.stringContaining('nobody@example.test というユーザーは登録されていません'),
    })
    const operator = await runScript('import-csv', [file, '--as', users.operator.email])
    expect(operator).toMatchObject({ code: 2, err: expect.stringContaining('FAQを書き込む権限がありません') })
    const ok = await runScript('import-csv', [file, '--as', users.reviewer.email])
    expect(ok.code).toBe(0)
    expect(ok.out).toContain(`（${users.reviewer.email} として記録）`)
    expect(await versionCount()).toBe(before)
  }, 300_000) // four child processes, each loading Payload
})

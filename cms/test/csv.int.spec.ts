import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadValidContent, type ContentBundle, type Faq as ContentFaq } from '@kotae/content'
import {
  faqCsvText,
  readFaqCsv,
  type CityIdentity,
  type FaqCsvRecord,
  type FaqCsvRow,
} from '@kotae/content/csv/index'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { cityIdentity, exportFaqCsv, readFaqRecords } from '../scripts/export-csv'
import { importFaqCsv } from '../scripts/import-csv'
import type { Faq } from '../src/payload-types'
import type { User } from '../src/payload-types'
import { seedContent } from '../src/seed/seedContent'
import { freshDatabaseEnv } from './setup/freshDatabase'
import { npmScriptEnv, runScript as runTestScript } from './setup/runScript'
import { startPayload } from './helpers'

// This file imports FAQs in its own process too: with the CSV import's settings (its npm script's),
// set before the Payload config is read (vi.hoisted runs ahead of the imports).
vi.hoisted(() => {
  process.env.KOTAE_SQLITE_TRANSACTIONS = 'on'
})

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-csv-'))

/** Entries that exercise every escape of the format, beside a slice of the real corpus. */
const fixture = (over: Partial<ContentFaq>): ContentFaq => ({
  id: 'csv-fixture',
  question: 'CSVの確認用の質問ですか？',
  alternatives: ['確認その1', '確認その2', '確認その3'],
  shortAnswer: '確認用の短い回答です。',
  answer: '確認用の回答です。',
  category: 'general',
  tags: [],
  audience: 'public',
  sources: ['jpki-faq'],
  facts: [],
  bring: [],
  related: [],
  reviewBy: '2027-05-31',
  locale: 'ja',
  needsReview: false,
  status: 'published',
  file: 'fixture.md',
  ...over,
})
const fixtures: ContentFaq[] = [
  fixture({
    id: 'csv-fixture-tricky',
    question: 'カードの「有効期限」、いつまで？"確認"したい',
    alternatives: [
      'a;b のように区切る',
      '-ではじまる言い換え',
      '=SUM(1)',
      'バック\\スラッシュ',
      '1,000円ですか',
    ],
    shortAnswer: '回答は, ; " を含みます。',
    answer:
      'まず結論です。手数料は1,000円です。\n\n- 本人確認書類\n- 通知書\n\n「注意」: "引用" と ; と , を含みます。',
    category: 'pin',
    sources: ['jpki-faq', 'hh-pin'],
    audience: 'operator',
    status: 'draft',
    needsReview: true,
    operatorNotes: '料金は要確認。',
    tags: ['CSV'],
    facts: ['VAL-01'],
  }),
  fixture({
    id: 'csv-fixture-tricky-en',
    question: 'Until when is my card valid, "really"?',
    alternatives: ['card expiry', 'valid until'],
    shortAnswer: 'See the answer, please.',
    answer: 'Check the date on the card.',
    locale: 'en',
    translationOf: 'csv-fixture-tricky',
    related: ['csv-fixture-tricky'],
  }),
  fixture({ id: 'csv-fixture-kishu', question: '①と②の違いは？ｶｰﾄﾞの㈱', answer: '手順①、手順②。' }),
]

let payload: Payload
let city: CityIdentity
let seededIds: string[]
/** Who imports: import-csv runs as a named editor (--as). */
let editor: User
const EDITOR = 'csv-editor@example.test'
/** Three child processes each load Payload (create the user, import, export): slow on a busy machine. */
const CHILD_PROCESSES_TIMEOUT = 300_000

/** An empty database of this project's kind with the editor who imports into it. */
async function freshDatabaseWithEditor(): Promise<Record<string, string>> {
  const env = await freshDatabaseEnv()
  const made = await runTestScript('test/setup/createUser.ts', [EDITOR, 'editor'], env)
  expect(made.err).toBe('')
  expect(made.code).toBe(0)
  return env
}

/** The real categories and sources, 20 Japanese FAQs and their translations, and the fixtures. */
function slice(bundle: ContentBundle): ContentBundle {
  const ja = bundle.faqs.filter((f) => f.locale === 'ja').slice(0, 20)
  const ids = new Set(ja.map((f) => f.id))
  const en = bundle.faqs.filter((f) => f.locale === 'en' && f.translationOf && ids.has(f.translationOf))
  return { ...bundle, faqs: [...ja, ...en, ...fixtures], guides: [] }
}

beforeAll(async () => {
  payload = await startPayload()
  const seeded = slice(await loadValidContent())
  seededIds = seeded.faqs.map((f) => f.id)
  await seedContent(payload, seeded)
  city = await cityIdentity()
  editor = (await payload.create({
    collection: 'users',
    data: { email: EDITOR, password: 'correct horse battery', roles: ['editor'], name: 'CSV担当' } as never,
  })) as User
})
afterAll(async () => {
  await payload?.destroy()
})

/** Runs one of the scripts in a child process, as `npm run content:…-csv` does. */
function runScript(
  script: 'export-csv' | 'import-csv',
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', `scripts/${script}.ts`, ...args],
      {
        cwd: cmsDir,
        env: { ...process.env, ...npmScriptEnv(script), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.on('exit', (code) => resolve({ code, out, err }))
  })
}

const rowsOf = (bytes: Uint8Array): FaqCsvRecord[] => {
  const read = readFaqCsv(bytes, { city })
  expect(read.problems).toEqual([])
  return read.rows.map(({ line: _line, ...r }: FaqCsvRow) => r)
}
/** Import never publishes: what was 公開 comes back 承認待ち. */
const asImported = (r: FaqCsvRecord): FaqCsvRecord => ({
  ...r,
  status: r.status === 'draft' ? 'draft' : 'in_review',
})

async function counts() {
  return {
    faqs: (await payload.count({ collection: 'faqs', overrideAccess: true })).totalDocs,
    versions: (await payload.findVersions({ collection: 'faqs', limit: 1, overrideAccess: true })).totalDocs,
    audit: (await payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs,
    categories: (await payload.count({ collection: 'categories', overrideAccess: true })).totalDocs,
  }
}

describe('CSV export', () => {
  it('exports every FAQ, one line each, 機種依存文字 folded', async () => {
    const { bytes, count, warnings } = await exportFaqCsv(payload, { city })
    expect(count).toBe(seededIds.length)
    expect(warnings).toEqual([])
    const rows = rowsOf(bytes)
    expect(rows.map((r) => r.id).sort()).toEqual([...seededIds].sort())
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toHaveLength(seededIds.length + 2)
    const tricky = rows.find((r) => r.id === 'csv-fixture-tricky')!
    expect(tricky).toMatchObject({
      audience: 'operator',
      status: 'draft',
      needsReview: true,
      sources: ['jpki-faq', 'hh-pin'],
      alternatives: fixtures[0]!.alternatives,
    })
    expect(tricky.answer).toContain('- 本人確認書類')
    expect(rows.find((r) => r.id === 'csv-fixture-tricky-en')).toMatchObject({
      locale: 'en',
      translationOf: 'csv-fixture-tricky',
      related: ['csv-fixture-tricky'],
      status: 'published',
    })
    expect(rows.find((r) => r.id === 'csv-fixture-kishu')!.question).toBe(
      '（1）と（2）の違いは？カードの(株)',
    )
  })
})

describe('CSV round trip into an empty database', () => {
  it(
    'export → import (UTF-8) → export gives the same entries, all as drafts',
    async () => {
      const fileA = path.join(tmp, 'a.csv')
      fs.writeFileSync(fileA, (await exportFaqCsv(payload, { city })).bytes)
      const env = await freshDatabaseWithEditor()

      const imported = await runScript('import-csv', [fileA, '--as', EDITOR], env)
      expect(imported.err).not.toMatch(/行目/)
      expect(imported.code).toBe(0)
      expect(imported.out).toContain(`新規 ${seededIds.length} 件`)
      expect(imported.out).toMatch(/カテゴリ \d+ 件と出典 \d+ 件を content\/ から作成/)

      const fileB = path.join(tmp, 'b.csv')
      const exported = await runScript('export-csv', ['--out', fileB], env)
      expect(exported.code).toBe(0)
      const a = rowsOf(fs.readFileSync(fileA))
      const b = rowsOf(fs.readFileSync(fileB))
      expect(b).toEqual(a.map(asImported))
      expect(b.some((r) => r.status === 'published')).toBe(false)
    },
    CHILD_PROCESSES_TIMEOUT,
  )

  it(
    'a Shift_JIS export imports (detected) and exports back the same',
    async () => {
      const { bytes } = await exportFaqCsv(payload, { city, encoding: 'shift_jis' })
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false)
      const fileS = path.join(tmp, 's.csv')
      fs.writeFileSync(fileS, bytes)
      const env = await freshDatabaseWithEditor()
      const imported = await runScript('import-csv', [fileS, '--as', EDITOR], env)
      expect(imported.code).toBe(0)
      expect(imported.out).toContain('Shift_JIS')

      const fileT = path.join(tmp, 't.csv')
      expect((await runScript('export-csv', ['--out', fileT, '--encoding', 'shift_jis'], env)).code).toBe(0)
      const back = fs.readFileSync(fileT)
      expect(readFaqCsv(back, { city }).encoding).toBe('shift_jis')
      expect(rowsOf(back)).toEqual(rowsOf(bytes).map(asImported))
    },
    CHILD_PROCESSES_TIMEOUT,
  )
})

describe('CSV import', () => {
  /** A's export as text with a change to some rows, as bytes. */
  async function exportedText(): Promise<{ records: FaqCsvRecord[] }> {
    return { records: await readFaqRecords(payload, city) }
  }
  const bytesOf = (records: FaqCsvRecord[]) => Buffer.from(`\ufeff${faqCsvText(records).text}`, 'utf8')

  it('a bad file writes nothing and names every bad row and column (and the CLI exits 1)', async () => {
    const { records } = await exportedText()
    const bad = records.slice(0, 5).map((r) => ({ ...r }))
    bad[0]!.shortAnswer = 'あ'.repeat(81)
    bad[2]!.category = 'no-such-category'
    bad[3]!.id = bad[1]!.id
    bad.push({
      ...records[5]!,
      id: 'new-entry-1',
      question: '新しい質問ですか？',
      sources: ['no-such-source'],
    })
    const before = await counts()
    const result = await importFaqCsv(payload, bytesOf(bad), { city, user: editor })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([
      { line: 2, column: '短い回答', message: '81文字あります。80文字以内にしてください。' },
      { line: 4, column: 'カテゴリ', message: 'カテゴリ「no-such-category」は登録されていません。' },
      { line: 5, column: 'ID', message: `ID「${bad[1]!.id}」が3行目と重複しています。` },
      { line: 7, column: '出典（1つ目）', message: '出典「no-such-source」は登録されていません。' },
    ])
    expect(await counts()).toEqual(before)

    const file = path.join(tmp, 'bad.csv')
    fs.writeFileSync(file, bytesOf(bad))
    const cli = await runScript('import-csv', [file, '--as', EDITOR], {})
    expect(cli.code).toBe(1)
    expect(cli.err).toContain('2行目 「短い回答」: 81文字あります。80文字以内にしてください。')
    expect(cli.err).toContain('4件の問題があります。何も書き込んでいません。')
    expect(await counts()).toEqual(before)
  })

  it('a failure part-way through the writes leaves nothing behind (one transaction)', async () => {
    const { records } = await exportedText()
    const fresh = records.slice(0, 4).map((r, i) => ({
      ...r,
      id: `part-way-${i}`,
      question: `途中で失敗する質問${i}ですか？`,
      related: i > 0 ? ['part-way-0'] : [],
      translationOf: undefined,
      locale: 'ja' as const,
    }))
    const file = bytesOf([...fresh, { ...records[0]!, shortAnswer: '既存の項目にも書きます。' }])
    const before = await counts()
    await expect(
      importFaqCsv(payload, file, {
        city,
        user: editor,
        afterWrite: (n) => {
          if (n === 5) throw new Error('simulated failure after the fifth write')
        },
      }),
    ).rejects.toThrow('simulated failure')
    expect(await counts()).toEqual(before)

    const ok = await importFaqCsv(payload, file, { city, user: editor })
    expect(ok).toMatchObject({ ok: true, created: 4, updated: 1 })
    expect((await counts()).faqs).toBe(before.faqs + 4)
  })

  it.skipIf(Boolean(process.env.DATABASE_URL))(
    "SQLite without the import's transactions (KOTAE_SQLITE_TRANSACTIONS=off): the import refuses before writing anything",
    async () => {
      const { records } = await exportedText()
      const file = path.join(tmp, 'no-transactions.csv')
      fs.writeFileSync(file, bytesOf([{ ...records[0]!, shortAnswer: '取引なしでは書きません。' }]))
      const before = await counts()
      const cli = await runScript('import-csv', [file, '--as', EDITOR], { KOTAE_SQLITE_TRANSACTIONS: 'off' })
      expect(cli.code).toBe(1)
      expect(cli.err).toContain('KOTAE_SQLITE_TRANSACTIONS=on')
      expect(cli.err).toContain('何も書き込んでいません')
      expect(await counts()).toEqual(before)
    },
  )

  it('over an existing published entry: a new draft; the published version stays live; fields the CSV lacks are kept', async () => {
    const { records } = await exportedText()
    const en = records.find((r) => r.id === 'csv-fixture-tricky-en')!
    const tricky = records.find((r) => r.id === 'csv-fixture-tricky')!
    const result = await importFaqCsv(
      payload,
      bytesOf([
        { ...en, question: 'Until when is my card valid? (edited)' },
        { ...tricky, shortAnswer: '書き換えた短い回答です。' },
      ]),
      { city, user: editor },
    )
    expect(result).toMatchObject({ ok: true, created: 0, updated: 2 })

    const where = { slug: { equals: 'csv-fixture-tricky-en' } }
    const live = (await payload.find({ collection: 'faqs', where, draft: false, overrideAccess: true }))
      .docs[0] as Faq
    expect(live).toMatchObject({ question: en.question, _status: 'published' })
    const latest = (await payload.find({ collection: 'faqs', where, draft: true, overrideAccess: true }))
      .docs[0] as Faq
    expect(latest).toMatchObject({
      question: 'Until when is my card valid? (edited)',
      _status: 'draft',
      reviewState: 'in_review',
    })

    const trickyDoc = (
      await payload.find({
        collection: 'faqs',
        where: { slug: { equals: 'csv-fixture-tricky' } },
        draft: true,
        overrideAccess: true,
      })
    ).docs[0] as Faq
    expect(trickyDoc).toMatchObject({
      shortAnswer: '書き換えた短い回答です。',
      operatorNotes: '料金は要確認。',
      tags: ['CSV'],
      facts: ['VAL-01'],
      _status: 'draft',
      reviewState: 'draft',
    })
  })
})

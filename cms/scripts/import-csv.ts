/**
 * `npm run content:import-csv -- <file> --as <email> [--encoding auto|utf8|shift_jis]`: FAQs from a
 * CSV in the documented format (docs/decisions/0010-faq-csv.md) into the configured database, as
 * drafts, written by the named user (an editor, reviewer or admin): the audit log names that person.
 *
 * - Every row is validated first (zod, content/src/csv); if any row is bad, every problem is
 *   printed with its line and column and nothing is written.
 * - Only rows that differ from what is stored are written: each row and the stored entry are
 *   compared as the cells an export would write (faqCsvCells), so re-importing an export with one
 *   edited answer changes that one FAQ and sends only it to review.
 * - A 下書き row may be incomplete (no answer, category, source or review date yet): it comes in as
 *   a draft and is named in the report. It still needs a question (the title) when it is written.
 *   承認待ち and 公開 rows must be complete and their review date not past, as in the CMS.
 * - Nothing is published: a new ID becomes a new draft; a known ID gets a new draft version (its
 *   published version, if any, stays live until a reviewer publishes the draft). 状態 公開 and
 *   承認待ち come in as 承認待ち, 下書き as 下書き. Fields the CSV does not carry (tags, operator
 *   notes, what to bring, facts) keep their stored values.
 * - Categories and sources are referenced by id. One missing from the database but defined in
 *   content/categories.yaml or content/sources.yaml is created from that file, so a file exported
 *   from one Kotae imports into an empty one.
 * - All writes are one database transaction: a failure part-way leaves nothing behind.
 *
 * Static imports only and no top-level await (see scripts/seed.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { loadContent, type Category as ContentCategory, type Source as ContentSource } from '@kotae/content'
import {
  faqCsvCells,
  formatCsvProblem,
  missingForReview,
  parseEncodingName,
  readFaqCsv,
  type CityIdentity,
  type CsvEncoding,
  type CsvEncodingOption,
  type CsvProblem,
  type FaqCsvRecord,
  type FaqCsvRow,
  type IncompleteRow,
} from '@kotae/content/csv/index'
import { FAQ_CSV_FIELDS, type FaqCsvField } from '@kotae/content/faq/index'
import { createLocalReq, type Payload, type PayloadRequest, type TypedUser } from 'payload'

import { CONTENT_WRITERS, hasRole } from '../src/access/roles'
import {
  FAQ_STORED_FIELDS,
  faqLinksToPayload,
  faqToPayload,
  storable,
  type FaqData,
  type FaqStoredField,
} from '../src/faq'
import { tokyoToday } from '../src/hooks/reviewReadiness'
import { richTextOf } from '../src/lib/markdown'
import { getMigratedPayload } from '../src/lib/payload'
import { categoryToPayload, sourceToPayload } from '../src/seed/references'
import type { User } from '../src/payload-types'
import { callerPath, cityIdentity, formatIncomplete, readFaqRecords } from './export-csv'

export type ImportOptions = {
  city: CityIdentity
  /** Who imports (an editor, reviewer or admin): every write is theirs, in the audit log too. */
  user: User
  /** Default: `auto`. */
  encoding?: CsvEncodingOption
  /** Categories and sources that may be created when the database lacks them (content/). Default: none. */
  referenceData?: { categories: ContentCategory[]; sources: ContentSource[] }
  /** Called after each FAQ write, inside the transaction (tests use it to fail part-way). */
  afterWrite?: (written: number) => void | Promise<void>
}

export type ImportResult =
  | {
      ok: true
      encoding: CsvEncoding
      created: number
      updated: number
      unchanged: number
      createdReferences: string[]
      incomplete: IncompleteRow[]
    }
  | { ok: false; encoding: CsvEncoding; problems: CsvProblem[] }

/** What the import says beyond the CSV format's own messages. */
const importMsg = {
  questionForDraft: '下書きでも質問（タイトル）は必要です。入力してください。',
  reviewByPast: (date: string, today: string) =>
    `確認期限（${date}）が過ぎています（今日は${today}）。承認待ち・公開の行は今日以降の日付にしてください。`,
  notAWriter: (email: string) =>
    `${email} にはFAQを書き込む権限がありません（FAQ編集者・承認者・システム管理者のみ取り込めます）。`,
  noSuchUser: (email: string) =>
    `${email} というユーザーは登録されていません。管理画面に登録されたメールアドレスを --as に指定してください。`,
}

/** The user `--as` names, if they may write FAQs; otherwise the reason, in Japanese. */
export async function importingUser(
  payload: Payload,
  email: string,
): Promise<{ user: User } | { error: string }> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: email.trim().toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const user = docs[0] as User | undefined
  if (!user) return { error: importMsg.noSuchUser(email) }
  if (!hasRole(user, ...CONTENT_WRITERS)) return { error: importMsg.notAWriter(email) }
  return { user }
}

type Ref = { id: number; slug?: string | null }

/** The entry fields a row carries and the import writes (id and state are the import's own, links a second pass). */
const CSV_STORED_FIELDS = FAQ_CSV_FIELDS.filter((f): f is FaqCsvField & FaqStoredField =>
  (FAQ_STORED_FIELDS as readonly string[]).includes(f),
)

/**
 * Runs `write` in one transaction, through Payload's transaction API (`payload.db.beginTransaction`,
 * `req.transactionID` on every local API call, commit or roll back). Payload's PostgreSQL adapter
 * has transactions; its SQLite adapter only when configured with `transactionOptions`, which Payload
 * does not recommend for a server (one writer at a time: long transactions lock out the desks), so
 * only this import's process turns them on (KOTAE_SQLITE_TRANSACTIONS=on, set by its npm script).
 */
async function inTransaction<T>(
  payload: Payload,
  user: User,
  write: (req: PayloadRequest) => Promise<T>,
): Promise<T> {
  const id = await payload.db.beginTransaction()
  if (id === null)
    throw new Error(
      'import-csv: the database opened no transaction, so the import could be left half written. On SQLite, run it with KOTAE_SQLITE_TRANSACTIONS=on (npm run content:import-csv sets it).',
    )
  const req = await createLocalReq({ user: { ...user, collection: 'users' } as TypedUser }, payload)
  req.transactionID = id
  try {
    const result = await write(req)
    await payload.db.commitTransaction(id)
    return result
  } catch (error) {
    await payload.db.rollbackTransaction(id)
    throw error
  }
}

/** The slugs → ids of a collection. */
async function slugMap(
  payload: Payload,
  collection: 'categories' | 'sources' | 'faqs',
  req?: PayloadRequest,
): Promise<Map<string, number>> {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    draft: collection === 'faqs',
    req,
    select: { slug: true },
  })
  return new Map((docs as Ref[]).filter((d) => d.slug).map((d) => [d.slug!, d.id]))
}

/** Validates the file against the database; writes only if every row is valid. */
export async function importFaqCsv(
  payload: Payload,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportResult> {
  const [categories, sources, faqs] = await Promise.all([
    slugMap(payload, 'categories'),
    slugMap(payload, 'sources'),
    slugMap(payload, 'faqs'),
  ])
  const spareCategories = new Map(
    (options.referenceData?.categories ?? []).filter((c) => !categories.has(c.id)).map((c) => [c.id, c]),
  )
  const spareSources = new Map(
    (options.referenceData?.sources ?? []).filter((s) => !sources.has(s.id)).map((s) => [s.id, s]),
  )
  const read = readFaqCsv(bytes, {
    city: options.city,
    encoding: options.encoding,
    known: {
      categories: new Set([...categories.keys(), ...spareCategories.keys()]),
      sources: new Set([...sources.keys(), ...spareSources.keys()]),
      faqs: new Set(faqs.keys()),
    },
  })
  if (read.problems.length) return { ok: false, encoding: read.encoding, problems: read.problems }

  // Only rows that differ from the stored entry, compared as the cells an export writes. A row
  // still marked 公開 over an entry already 承認待ち is what the import made of it: unchanged.
  const line = (r: FaqCsvRecord) => faqCsvCells(r).cells.join('\u0000')
  const stored = new Map((await readFaqRecords(payload, options.city)).map((r) => [r.id, line(r)]))
  const changed = read.rows.filter(({ line: _line, ...row }: FaqCsvRow) => {
    const was = stored.get(row.id)
    return was !== line(row) && !(row.status === 'published' && was === line({ ...row, status: 'in_review' }))
  })
  const problems: CsvProblem[] = []
  const incomplete: IncompleteRow[] = []
  const today = tokyoToday()
  for (const row of changed) {
    const missing = missingForReview(row)
    if (row.question === '')
      problems.push({ line: row.line, column: '質問', message: importMsg.questionForDraft })
    if (row.status !== 'draft' && row.reviewBy !== '' && row.reviewBy < today)
      problems.push({
        line: row.line,
        column: '確認期限',
        message: importMsg.reviewByPast(row.reviewBy, today),
      })
    if (missing.length) incomplete.push({ line: row.line, id: row.id, columns: missing })
  }
  if (problems.length) return { ok: false, encoding: read.encoding, problems }

  const richText = await richTextOf(payload)
  return inTransaction(payload, options.user, async (req) => {
    const createdReferences: string[] = []
    // Reference data the rows need and only content/ defines, created as `npm run seed` would.
    for (const row of changed) {
      const c = spareCategories.get(row.category)
      if (c && !categories.has(c.id)) {
        const doc = await payload.create({
          collection: 'categories',
          data: { ...categoryToPayload(c), slug: c.id },
          depth: 0,
          req,
        })
        categories.set(c.id, doc.id)
        createdReferences.push(`categories/${c.id}`)
      }
      for (const id of row.sources) {
        const s = spareSources.get(id)
        if (s && !sources.has(s.id)) {
          const doc = await payload.create({
            collection: 'sources',
            data: { ...sourceToPayload(s), slug: s.id },
            depth: 0,
            req,
          })
          sources.set(s.id, doc.id)
          createdReferences.push(`sources/${s.id}`)
        }
      }
    }

    const ctx = { richText, ids: { categories, sources, faqs } }
    const data = (row: FaqCsvRow): FaqData => ({
      ...faqToPayload(row, CSV_STORED_FIELDS, ctx),
      // Import never publishes: a row exported as 公開 asks a reviewer to publish it again.
      reviewState: row.status === 'draft' ? 'draft' : 'in_review',
      _status: 'draft',
    })
    const links = (row: FaqCsvRow) => faqLinksToPayload(row, ctx)
    const hasLinks = (row: FaqCsvRow) => row.related.length > 0 || row.translationOf !== undefined

    let written = 0
    const wrote = async () => {
      written += 1
      await options.afterWrite?.(written)
    }
    // New entries first (links to other new entries come in the second pass), then every row
    // that is not complete yet: existing entries get exactly one new draft version.
    const created = new Set<string>()
    for (const row of changed) {
      if (faqs.has(row.id)) continue
      const doc = await payload.create({
        collection: 'faqs',
        data: storable({ ...data(row), ...(hasLinks(row) ? {} : links(row)), slug: row.id }),
        draft: true,
        depth: 0,
        req,
      })
      faqs.set(row.id, doc.id)
      created.add(row.id)
      await wrote()
    }
    for (const row of changed) {
      if (created.has(row.id) && !hasLinks(row)) continue
      const body = created.has(row.id) ? links(row) : { ...data(row), ...links(row) }
      await payload.update({
        collection: 'faqs',
        id: faqs.get(row.id)!,
        data: storable({ ...body, _status: 'draft' }),
        draft: true,
        depth: 0,
        req,
      })
      await wrote()
    }
    return {
      ok: true as const,
      encoding: read.encoding,
      created: created.size,
      updated: changed.length - created.size,
      unchanged: read.rows.length - changed.length,
      createdReferences,
      incomplete,
    }
  })
}

async function main(): Promise<number> {
  let parsed: { values: { encoding?: string; as?: string }; positionals: string[] }
  try {
    parsed = parseArgs({
      options: { encoding: { type: 'string' }, as: { type: 'string' } },
      allowPositionals: true,
    })
  } catch (error) {
    console.error(`import-csv: ${(error as Error).message}`)
    parsed = { values: {}, positionals: [] }
  }
  const encoding = parseEncodingName(parsed.values.encoding ?? 'auto')
  if (parsed.positionals.length !== 1 || encoding === undefined || !parsed.values.as) {
    console.error(
      'usage: npm run content:import-csv -- <file.csv> --as <取り込む人のメールアドレス> [--encoding auto|utf8|shift_jis]',
    )
    return 2
  }
  const file = callerPath(parsed.positionals[0]!)
  if (!fs.existsSync(file)) {
    console.error(`import-csv: ${file} が見つかりません。`)
    return 2
  }
  try {
    const contentDir = process.env.KOTAE_CONTENT_DIR || undefined
    const city = await cityIdentity(contentDir)
    const bundle = await loadContent(contentDir)
    const payload = await getMigratedPayload()
    const who = await importingUser(payload, parsed.values.as)
    if ('error' in who) {
      await payload.destroy()
      console.error(`import-csv: ${who.error}`)
      return 2
    }
    const result = await importFaqCsv(payload, fs.readFileSync(file), {
      city,
      user: who.user,
      encoding,
      referenceData: { categories: bundle.categories, sources: bundle.sources },
    })
    await payload.destroy()
    const label = result.encoding === 'utf8' ? 'UTF-8' : 'Shift_JIS'
    if (!result.ok) {
      for (const p of result.problems) console.error(formatCsvProblem(p))
      console.error(
        `import-csv: ${path.basename(file)}（${label}）に${result.problems.length}件の問題があります。何も書き込んでいません。`,
      )
      return 1
    }
    if (result.createdReferences.length) {
      const count = (kind: string) => result.createdReferences.filter((r) => r.startsWith(`${kind}/`)).length
      console.log(
        `import-csv: データベースになかったカテゴリ ${count('categories')} 件と出典 ${count('sources')} 件を content/ から作成しました。`,
      )
    }
    if (result.incomplete.length) {
      console.log(
        `import-csv: 未完成の下書きとして取り込んだ行が ${result.incomplete.length} 件あります（承認待ちにする前に入力してください）:`,
      )
      for (const row of result.incomplete) console.log(`  ${formatIncomplete(row)}`)
    }
    console.log(
      `import-csv: ${path.basename(file)}（${label}）: 新規 ${result.created} 件、既存FAQの新しい下書き ${result.updated} 件、変更なし ${result.unchanged} 件（${parsed.values.as} として記録）。公開はしていません（承認者が公開します）。`,
    )
    return 0
  } catch (error) {
    console.error(error)
    console.error('import-csv: 途中で失敗したため、何も書き込んでいません。')
    return 1
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().then((code) => process.exit(code))
}

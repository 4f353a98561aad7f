/**
 * `npm run content:export-csv -- [--out file] [--encoding utf8|shift_jis]`: every FAQ of the
 * configured database (SQLite file or DATABASE_URL) as one CSV in the documented format
 * (docs/decisions/0010-faq-csv.md, content/README.md). UTF-8 with BOM by default.
 *
 * Each FAQ is exported as its latest version, what editors see in the admin: an entry with an
 * unpublished draft is exported as that draft (状態 下書き or 承認待ち). A draft may be incomplete
 * (no answer yet, even no question, a blank 言い換え row): it is written with those cells empty
 * (blank 言い換え dropped) and named in the report, so that nobody imports it expecting a whole FAQ.
 *
 * Static imports only and no top-level await (see scripts/seed.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { formatProblem, loadContent } from '@kotae/content'
import { faqToCsvRecord } from '@kotae/content/faq/index'
import {
  formatCsvProblem,
  missingForReview,
  parseEncodingName,
  writeFaqCsv,
  type CityIdentity,
  type CsvEncoding,
  type FaqCsvRecord,
  type IncompleteRow,
  type WriteResult,
} from '@kotae/content/csv/index'
import type { Payload } from 'payload'

import { faqFromPayload, slugsOf } from '../src/faq'
import type { Category, Faq, Source } from '../src/payload-types'
import { markdownOf } from '../src/lib/markdown'
import { getMigratedPayload } from '../src/lib/payload'

/** The city the file is for, from content/city.yaml (or KOTAE_CONTENT_DIR). */
export async function cityIdentity(contentDir?: string): Promise<CityIdentity> {
  const bundle = await loadContent(contentDir)
  if (!bundle.city) {
    const cityProblems = bundle.problems.filter((p) => p.file === 'city.yaml').map(formatProblem)
    throw new Error(`content/city.yaml is missing or invalid:\n${cityProblems.join('\n')}`)
  }
  return { localGovernmentCode: bundle.city.localGovernmentCode, name: bundle.city.name }
}

/** Every FAQ (latest version) as a CSV record: Japanese first, then English, each by id. */
export async function readFaqRecords(payload: Payload, city: CityIdentity): Promise<FaqCsvRecord[]> {
  return (await readFaqEntries(payload, city)).map((e) => e.record)
}

/** A stored FAQ as a CSV record, with whether its stored 言い換え had blank rows (dropped). */
type ExportedFaq = { record: FaqCsvRecord; blankAlternatives: boolean }

/**
 * Every FAQ (latest version) as a record. A draft is stored unvalidated (Payload skips required
 * fields on drafts), so every field may be missing: it becomes an empty cell, never a crash.
 */
async function readFaqEntries(payload: Payload, city: CityIdentity): Promise<ExportedFaq[]> {
  const markdown = await markdownOf(payload)
  const all = { depth: 0, pagination: false, overrideAccess: true } as const
  const [faqs, categories, sources] = await Promise.all([
    payload.find({ collection: 'faqs', ...all, draft: true }).then((r) => r.docs as Faq[]),
    payload.find({ collection: 'categories', ...all }).then((r) => r.docs as Category[]),
    payload.find({ collection: 'sources', ...all }).then((r) => r.docs as Source[]),
  ])
  const links = { categories: slugsOf(categories), sources: slugsOf(sources), faqs: slugsOf(faqs) }

  return faqs
    .map((f): ExportedFaq => {
      const entry = faqFromPayload(f, { markdown, links })
      return {
        record: faqToCsvRecord(entry, city),
        blankAlternatives: entry.alternatives.some((a) => a.trim() === ''),
      }
    })
    .sort(({ record: a }, { record: b }) =>
      a.locale === b.locale ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.locale === 'ja' ? -1 : 1,
    )
}

export type ExportResult = WriteResult & {
  count: number
  /** Drafts written with empty cells a review needs (or blank 言い換え rows dropped), by line. */
  incomplete: IncompleteRow[]
}

/** The database's FAQs as CSV bytes, with the warnings (characters written as 〓, cells too long for Excel) and the incomplete drafts. */
export async function exportFaqCsv(
  payload: Payload,
  options: { city: CityIdentity; encoding?: CsvEncoding },
): Promise<ExportResult> {
  const entries = await readFaqEntries(payload, options.city)
  const incomplete = entries.flatMap(({ record, blankAlternatives }, i): IncompleteRow[] => {
    const columns = [...missingForReview(record), ...(blankAlternatives ? (['言い換え'] as const) : [])]
    return columns.length ? [{ line: i + 2, id: record.id, columns }] : []
  })
  return {
    ...writeFaqCsv(
      entries.map((e) => e.record),
      options.encoding ?? 'utf8',
    ),
    count: entries.length,
    incomplete,
  }
}

/** The report line for an incomplete row, in Japanese for the staff who read it. */
export const formatIncomplete = (row: IncompleteRow): string =>
  `${row.line}行目（ID ${row.id}）: ${row.columns.map((c) => (c === '言い換え' ? '空の言い換え（書き出していません）' : `「${c}」が未入力`)).join('、')}`

/** Paths on the command line are the caller's (npm runs scripts from the package folder). */
export const callerPath = (file: string): string => path.resolve(process.env.INIT_CWD ?? process.cwd(), file)

async function main(): Promise<number> {
  let values: { out?: string; encoding?: string }
  try {
    values = parseArgs({ options: { out: { type: 'string' }, encoding: { type: 'string' } } }).values
  } catch (error) {
    console.error(
      `export-csv: ${(error as Error).message}\nusage: npm run content:export-csv -- [--out file.csv] [--encoding utf8|shift_jis]`,
    )
    return 2
  }
  const encoding = parseEncodingName(values.encoding ?? 'utf8')
  if (encoding === undefined || encoding === 'auto') {
    console.error(`export-csv: --encoding must be utf8 or shift_jis (got "${values.encoding}")`)
    return 2
  }
  const out = callerPath(values.out ?? 'kotae-faqs.csv')
  try {
    const city = await cityIdentity(process.env.KOTAE_CONTENT_DIR || undefined)
    const payload = await getMigratedPayload()
    const { bytes, warnings, count, incomplete } = await exportFaqCsv(payload, { city, encoding })
    await payload.destroy()
    fs.writeFileSync(out, bytes)
    for (const w of warnings) console.error(`export-csv: 注意: ${formatCsvProblem(w)}`)
    if (incomplete.length) {
      console.error(
        `export-csv: 未完成の下書きが ${incomplete.length} 件あります（空欄のまま書き出しました。承認待ち・公開にする前に入力してください）:`,
      )
      for (const row of incomplete) console.error(`  ${formatIncomplete(row)}`)
    }
    console.log(
      `export-csv: ${count} FAQs → ${out} (${encoding === 'utf8' ? 'UTF-8 with BOM' : 'Shift_JIS (cp932)'})`,
    )
    return 0
  } catch (error) {
    console.error(error)
    return 1
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().then((code) => process.exit(code))
}

/**
 * Reading a FAQ CSV: bytes → records, or every problem with its line and column. Nothing is
 * returned as valid unless the whole file is (imports are all-or-nothing).
 */
import { parse } from 'csv-parse/sync'

import { FAQ_CSV_HEADER, type FaqCsvColumn, type FaqCsvRow } from './columns'
import { decodeBytes, type CsvEncoding, type CsvEncodingOption } from './encoding'
import { decodeCell } from './escape'
import { msg } from './messages'
import { byLine, type CsvProblem } from './problems'
import { faqRowSchema, type CityIdentity } from './record'

/** Ids the rows may refer to besides each other (what the database already holds). */
export type KnownReferences = {
  categories: ReadonlySet<string>
  sources: ReadonlySet<string>
  /** FAQ ids already stored (for 関連FAQ and 翻訳元ID). */
  faqs: ReadonlySet<string>
}

export type ReadOptions = {
  /** Default: `auto` (BOM, then UTF-8 if valid, else Shift_JIS). */
  encoding?: CsvEncodingOption
  /** The city whose file this must be (content/city.yaml). */
  city: CityIdentity
  /** When given, categories, sources and linked FAQs must be among these (or, for FAQs, in the file). */
  known?: KnownReferences
}

export type ReadResult = { rows: FaqCsvRow[]; encoding: CsvEncoding; problems: CsvProblem[] }

type Raw = { cells: string[]; line: number }

/** Splits the text into records with csv-parse, noting each record's first line; CSV syntax errors become problems. */
function splitRecords(text: string): { records: Raw[]; problems: CsvProblem[] } {
  const records: Raw[] = []
  const problems: CsvProblem[] = []
  // on_record and on_skip are called in file order, so the line after the previous record's last
  // one is where the current record starts (a quoted cell may span lines).
  let lastLine = 0
  parse(text, {
    info: true,
    relax_column_count: true,
    skip_records_with_error: true,
    // With `info`, csv-parse hands on_record the { record, info } pair (its types say string[]).
    on_record: (value: unknown) => {
      const { record, info } = value as { record: string[]; info: { lines: number } }
      records.push({ cells: record, line: lastLine + 1 })
      lastLine = info.lines
      return null
    },
    on_skip: (error) => {
      if (!error) return
      const line = lastLine + 1
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') problems.push({ line, message: msg.unterminatedQuote })
      else if (error.code === 'INVALID_OPENING_QUOTE' || error.code === 'CSV_INVALID_CLOSING_QUOTE')
        problems.push({ line, message: msg.badQuote('') })
      else problems.push({ line, message: msg.parseError(error.message) })
      lastLine = (error as { lines?: number }).lines ?? line
    },
  })
  return { records, problems }
}

/** The column → index map from the header, or the problems with it. */
function readHeader(cells: string[]): { index: Map<FaqCsvColumn, number>; problems: CsvProblem[] } {
  const index = new Map<FaqCsvColumn, number>()
  const problems: CsvProblem[] = []
  const known = new Set<string>(FAQ_CSV_HEADER)
  cells.forEach((raw, i) => {
    const name = raw.trim()
    // Excel writes empty cells to the right of the table (a trailing comma, or more).
    if (name === '' && cells.slice(i).every((c) => c.trim() === '')) return
    if (!known.has(name)) problems.push({ line: 1, column: name, message: msg.unknownColumn(name) })
    else if (index.has(name as FaqCsvColumn))
      problems.push({ line: 1, column: name, message: msg.duplicateColumn(name) })
    else index.set(name as FaqCsvColumn, i)
  })
  for (const name of FAQ_CSV_HEADER)
    if (!index.has(name)) problems.push({ line: 1, column: name, message: msg.missingColumn(name) })
  return { index, problems }
}

/** Reads and validates a whole file. `problems` empty ⇔ every row is valid. */
export function readFaqCsv(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const decoded = decodeBytes(bytes, options.encoding ?? 'auto')
  const problems: CsvProblem[] = []
  const rows: FaqCsvRow[] = []
  const done = (): ReadResult => ({
    rows: problems.length ? [] : rows,
    encoding: decoded.encoding,
    problems: problems.sort(byLine),
  })

  if (decoded.text.trim() === '') {
    problems.push({ line: 1, message: msg.emptyFile })
    return done()
  }
  const { records, problems: syntax } = splitRecords(decoded.text)
  problems.push(...syntax)
  const [header, ...data] = records
  if (header?.line !== 1) {
    if (!problems.length) problems.push({ line: 1, message: msg.emptyFile })
    return done()
  }
  const { index, problems: headerProblems } = readHeader(header.cells)
  if (decoded.broken && header.cells.some((c) => c.includes('\ufffd')))
    headerProblems.unshift({ line: 1, message: msg.brokenEncoding })
  problems.push(...headerProblems)
  if (headerProblems.length) return done()

  const schema = faqRowSchema(options.city)
  let width = header.cells.length
  while (width > 0 && header.cells[width - 1]!.trim() === '') width--
  const idCell = index.get('ID')!
  // Ids of every row, valid or not, so that a bad row does not also make its id "unknown" to others.
  const idsInFile = new Map<string, number>()
  for (const raw of data) {
    const id = decodeCell(raw.cells[idCell] ?? '').trim()
    if (id === '') continue
    const first = idsInFile.get(id)
    if (first === undefined) idsInFile.set(id, raw.line)
    else problems.push({ line: raw.line, column: 'ID', message: msg.duplicateId(id, first) })
  }
  for (const raw of data) {
    // Excel leaves rows of empty cells (,,,,) below the data: they are not records.
    if (raw.cells.every((c) => c.trim() === '')) continue
    const widthOk = raw.cells.length >= width && raw.cells.slice(width).every((c) => c.trim() === '')
    if (decoded.broken && raw.cells.some((c) => c.includes('\ufffd'))) {
      const columns = widthOk
        ? FAQ_CSV_HEADER.filter((name) => raw.cells[index.get(name)!]!.includes('\ufffd'))
        : [undefined]
      for (const column of columns)
        problems.push({ line: raw.line, ...(column ? { column } : {}), message: msg.brokenEncoding })
      continue
    }
    if (!widthOk) {
      problems.push({ line: raw.line, message: msg.columnCount(raw.cells.length, width) })
      continue
    }
    const cells = Object.fromEntries(FAQ_CSV_HEADER.map((name) => [name, raw.cells[index.get(name)!]!]))
    const result = schema.safeParse(cells)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [column, item] = issue.path
        const where = typeof item === 'number' ? `（${item + 1}つ目）` : ''
        problems.push({ line: raw.line, column: `${String(column)}${where}`, message: issue.message })
      }
      continue
    }
    rows.push({ ...result.data, line: raw.line })
  }
  if (!data.length && !problems.length) problems.push({ line: 2, message: msg.noRows })
  problems.push(...crossCheck(rows, new Set(idsInFile.keys()), options.known))
  return done()
}

/** Checks across valid rows and against what is stored: duplicate questions, unknown references. */
function crossCheck(
  rows: FaqCsvRow[],
  idsInFile: ReadonlySet<string>,
  known: KnownReferences | undefined,
): CsvProblem[] {
  const problems: CsvProblem[] = []
  const firstByQuestion = new Map<string, number>()
  for (const row of rows) {
    const q = `${row.locale}\u0000${row.question}`
    const seenQ = row.question === '' ? undefined : firstByQuestion.get(q)
    if (seenQ !== undefined)
      problems.push({ line: row.line, column: '質問', message: msg.duplicateQuestion(seenQ) })
    else firstByQuestion.set(q, row.line)

    if (row.translationOf !== undefined && row.locale !== 'en')
      problems.push({ line: row.line, column: '翻訳元ID', message: msg.translationOfJa })
    if (row.translationOf === row.id)
      problems.push({ line: row.line, column: '翻訳元ID', message: msg.translationOfSelf })
    if (row.related.includes(row.id))
      problems.push({ line: row.line, column: '関連FAQ', message: msg.relatedSelf })
  }
  if (!known) return problems
  const isFaq = (id: string) => idsInFile.has(id) || known.faqs.has(id)
  for (const row of rows) {
    if (row.category !== '' && !known.categories.has(row.category))
      problems.push({ line: row.line, column: 'カテゴリ', message: msg.unknownCategory(row.category) })
    row.sources.forEach((s, i) => {
      if (!known.sources.has(s))
        problems.push({ line: row.line, column: `出典（${i + 1}つ目）`, message: msg.unknownSource(s) })
    })
    row.related.forEach((r, i) => {
      if (r !== row.id && !isFaq(r))
        problems.push({ line: row.line, column: `関連FAQ（${i + 1}つ目）`, message: msg.unknownFaq(r) })
    })
    if (row.translationOf && row.translationOf !== row.id && !isFaq(row.translationOf))
      problems.push({ line: row.line, column: '翻訳元ID', message: msg.unknownFaq(row.translationOf) })
  }
  return problems
}

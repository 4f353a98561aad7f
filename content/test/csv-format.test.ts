import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import {
  csvText,
  decodeCell,
  decodeListCell,
  encodeCell,
  encodeListCell,
  FAQ_CSV_HEADER,
  readFaqCsv,
  writeFaqCsv,
  type FaqCsvRecord,
} from '../src/csv/index'
import { CITY, csvBytes, known, record } from './csv-helpers'

const strip = (rows: (FaqCsvRecord & { line?: number })[]) => rows.map(({ line: _line, ...r }) => r)

/** Values that break naive CSV or escaping. */
const tricky = [
  'a,b',
  'say "hi"',
  'line1\nline2',
  'crlf\r\nend',
  'back\\slash',
  '\\n literally',
  'tab\there',
  'semi;colon',
  'ends with \\',
  '=SUM(A1)',
  '+81',
  '- list item',
  '@mention',
  '　全角スペース',
  '～ 1,000円（税込）',
]

describe('cell escaping', () => {
  it.each(tricky)('one value round-trips: %j', (value) => {
    const cell = encodeCell(value)
    expect(cell).not.toMatch(/[\r\n\t]/)
    expect(decodeCell(cell)).toBe(value.replace(/\r\n/g, '\n'))
  })

  it('a list round-trips, with ; inside a value', () => {
    const values = ['a;b', 'c\\;d', '-e', 'f\ng']
    const cell = encodeListCell(values)
    expect(cell).toBe('a\\;b;c\\\\\\;d;-e;f\\ng')
    expect(decodeListCell(cell)).toEqual(values)
    expect(csvText([[encodeListCell(['-x', 'y'])]])).toBe("'-x;y\r\n")
    expect(decodeListCell("'-x;y")).toEqual(['-x', 'y'])
    expect(decodeListCell('\\-x;y')).toEqual(['-x', 'y'])
  })

  it("cells Excel would read as formulas start with a ' (the one CSV writer's guard), taken off on reading", () => {
    for (const v of ['=1+1', '+81', '-x', '@x', '- a Markdown list']) {
      const written = csvText([[encodeCell(v)]])
      expect(written).toBe(`'${v}\r\n`)
      expect(decodeCell(written.trimEnd())).toBe(v)
    }
    // Numbers and a minus inside are data, not formulas.
    expect(csvText([['1-2', '-5', '-12.5']])).toBe('1-2,-5,-12.5\r\n')
    // A value that starts with ' itself reads back as written; so does the \ guard of older files.
    for (const v of ["'=1+1", "'quoted", "'"])
      expect(decodeCell(csvText([[encodeCell(v)]]).trimEnd())).toBe(v)
    expect(decodeCell('\\=1+1')).toBe('=1+1')
  })

  it('reads hand-typed cells leniently: unknown escapes and real line breaks stay', () => {
    expect(decodeCell('C:\\path\\x')).toBe('C:\\path\\x')
    expect(decodeCell('a\r\nb')).toBe('a\nb')
    expect(decodeListCell(' a ; ;b ')).toEqual(['a', 'b'])
  })
})

describe('write then read', () => {
  const records = [
    record(),
    record({
      id: 'tricky',
      question: tricky.slice(0, 3).join(' ').replace(/\n/g, ' '),
      alternatives: tricky.filter((t) => !t.includes('\r')).map((t) => t.trim()),
      answer: tricky.join('\n'),
      sources: ['hh-pin', 'jpki-faq'],
      status: 'in_review',
      audience: 'operator',
      related: ['pin-forgot', 'stored-faq'],
      needsReview: true,
    }),
    record({
      id: 'pin-forgot-en',
      question: 'I forgot my PIN. What should I do?',
      alternatives: ['forgot PIN', 'PIN reset'],
      shortAnswer: 'Reset it at the counter.',
      answer: 'Go to the counter.',
      locale: 'en',
      translationOf: 'pin-forgot',
      status: 'draft',
    }),
  ]
  const expected = strip(records.map((r) => ({ ...r, answer: r.answer.replace(/\r\n/g, '\n') })))

  it('UTF-8: BOM, CRLF, header in row 1, one record per line, commas quoted', () => {
    const { bytes, warnings } = writeFaqCsv(records)
    expect(warnings).toEqual([])
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    const lines = text.split('\r\n')
    expect(lines).toHaveLength(records.length + 2) // the last CRLF ends the last record
    expect(lines.at(-1)).toBe('')
    expect(lines[0]).toBe(FAQ_CSV_HEADER.join(','))
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(lines[2]).toContain('"a,b')
    expect(lines[2]).toContain('""hi""')

    const read = readFaqCsv(bytes, { city: CITY, known })
    expect(read.problems).toEqual([])
    expect(read.encoding).toBe('utf8')
    expect(strip(read.rows)).toEqual(expected)
    expect(read.rows.map((r) => r.line)).toEqual([2, 3, 4])
  })

  it('Shift_JIS (cp932): no BOM, the same records back', () => {
    const { bytes } = writeFaqCsv(records, 'shift_jis')
    expect(bytes[0]).not.toBe(0xef)
    expect(iconv.decode(bytes, 'cp932').split('\r\n')[0]).toBe(FAQ_CSV_HEADER.join(','))
    const read = readFaqCsv(bytes, { city: CITY, known })
    expect(read.problems).toEqual([])
    expect(read.encoding).toBe('shift_jis')
    expect(strip(read.rows)).toEqual(expected)
  })

  it('UTF-8 without BOM is read too, and --encoding forces the reading', () => {
    const { bytes } = writeFaqCsv(records)
    const noBom = bytes.subarray(3)
    expect(strip(readFaqCsv(noBom, { city: CITY, known }).rows)).toEqual(expected)
    const sjis = writeFaqCsv(records, 'shift_jis').bytes
    expect(readFaqCsv(sjis, { city: CITY, known, encoding: 'shift_jis' }).rows).toHaveLength(3)
    const forcedWrong = readFaqCsv(sjis, { city: CITY, known, encoding: 'utf8' })
    expect(forcedWrong.rows).toEqual([])
    expect(forcedWrong.problems[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('文字コードが壊れています'),
    })
  })

  it('reads what Excel writes back: 2027/5/31, a code without leading zeros, Alt+Enter line breaks, empty rows, columns in another order', () => {
    const city = { localGovernmentCode: '012025', name: '函館市' }
    const header = [...FAQ_CSV_HEADER].reverse()
    const cells: Record<string, string> = {
      全国地方公共団体コード: '12025',
      ID: 'x-1',
      地方公共団体名: '函館市',
      質問: 'カードの更新はいつですか？',
      言い換え: '更新いつ;きげん',
      短い回答: '10回目の誕生日までです。',
      回答: '"一行目\r\n二行目"',
      カテゴリ: 'renewal',
      出典: 'jpki-faq',
      確認期限: '2027/5/31',
      状態: '下書き',
      公開範囲: '一般公開',
      言語: 'ja',
      翻訳元ID: '',
      関連FAQ: '',
      要確認: '',
    }
    // Excel's extra empty columns on the right (header and rows) and empty rows below
    const text = `${header.join(',')},,\r\n${header.map((h) => cells[h]).join(',')},,\r\n${','.repeat(header.length + 1)}\r\n\r\n`
    const read = readFaqCsv(iconv.encode(text, 'cp932'), { city, known })
    expect(read.problems).toEqual([])
    expect(read.rows).toEqual([
      expect.objectContaining({
        localGovernmentCode: '012025',
        reviewBy: '2027-05-31',
        answer: '一行目\n二行目',
        needsReview: false,
        line: 2,
      }),
    ])
  })
})

describe('the format is the one documented', () => {
  it('starts with the 自治体標準オープンデータセット columns, then the FAQ', () => {
    expect(FAQ_CSV_HEADER.slice(0, 11)).toEqual([
      '全国地方公共団体コード',
      'ID',
      '地方公共団体名',
      '質問',
      '言い換え',
      '短い回答',
      '回答',
      'カテゴリ',
      '出典',
      '確認期限',
      '状態',
    ])
  })

  it('labels coded values in Japanese', () => {
    const text = writeFaqCsv([
      record({ status: 'draft', audience: 'operator', needsReview: true }),
    ]).bytes.toString('utf8')
    expect(text.split('\r\n')[1]!.split(',').slice(10)).toEqual([
      '下書き',
      'オペレーターのみ',
      'ja',
      '',
      '',
      'はい',
    ])
  })

  it('a file with only the header has no rows to import', () => {
    const read = readFaqCsv(csvBytes(`${FAQ_CSV_HEADER.join(',')}\r\n`), { city: CITY, known })
    expect(read.problems).toEqual([{ line: 2, message: 'データの行がありません。' }])
  })
})

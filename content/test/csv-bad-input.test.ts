import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import {
  FAQ_CSV_HEADER,
  faqCsvText,
  formatCsvProblem,
  missingForReview,
  readFaqCsv,
  type CsvProblem,
  type FaqCsvRecord,
} from '../src/csv/index'
import { CITY, csvBytes, known, record } from './csv-helpers'

/** A valid file of three rows (lines 2–4) as text, for a case to break. */
const goodText = (extra: Partial<FaqCsvRecord>[] = []) =>
  faqCsvText([
    record(),
    record({ id: 'second', question: '二つ目の質問ですか？', related: ['pin-forgot'] }),
    record({ id: 'third', question: '三つ目の質問ですか？', sources: ['jpki-faq'] }),
    ...extra.map((e, i) => record({ id: `extra-${i}`, question: `追加の質問${i}ですか？`, ...e })),
  ]).text

const lines = (text: string) => text.split('\r\n')
const replaceLine = (text: string, index: number, change: (line: string) => string) => {
  const l = lines(text)
  l[index] = change(l[index]!)
  return l.join('\r\n')
}
/** Replaces cell `column` of data line `index` (1 = first data row) in a file whose cells hold no quotes. */
const setCell = (text: string, index: number, column: string, value: string) =>
  replaceLine(text, index, (line) => {
    const cells = line.split(',')
    cells[FAQ_CSV_HEADER.indexOf(column as (typeof FAQ_CSV_HEADER)[number])] = value
    return cells.join(',')
  })

const read = (bytes: Buffer | string) =>
  readFaqCsv(typeof bytes === 'string' ? csvBytes(bytes) : bytes, { city: CITY, known })

const cases: {
  name: string
  file: () => Buffer | string
  problem: CsvProblem | (Partial<CsvProblem> & { message: string })
}[] = [
  {
    name: 'missing column',
    file: () => replaceLine(goodText(), 0, (l) => l.replace(',要確認', '')),
    problem: { line: 1, column: '要確認', message: '見出しに列「要確認」がありません。' },
  },
  {
    name: 'unknown column',
    file: () => replaceLine(goodText(), 0, (l) => l.replace('短い回答', '短い答え')),
    problem: { line: 1, column: '短い答え', message: expect.stringContaining('この形式の列ではありません') },
  },
  {
    name: 'duplicate column',
    file: () => replaceLine(goodText(), 0, (l) => l.replace('回答,カテゴリ', '回答,質問')),
    problem: { line: 1, column: '質問', message: '見出しに列「質問」が2回あります。' },
  },
  {
    name: 'a row with too few columns (an unquoted comma split it… or a cell was lost)',
    file: () => replaceLine(goodText(), 2, (l) => l.replace(',いいえ', '')),
    problem: { line: 3, message: expect.stringContaining('列の数が15です（16列必要です）') },
  },
  {
    name: 'a row with too many columns (a comma not quoted)',
    file: () => setCell(goodText(), 1, '質問', '1,000円ですか？'),
    problem: { line: 2, message: expect.stringContaining('列の数が17です') },
  },
  {
    name: 'unterminated quote',
    file: () => setCell(goodText(), 2, '質問', '"閉じない質問ですか？'),
    problem: { line: 3, message: expect.stringContaining('閉じられていません') },
  },
  {
    name: 'quote inside an unquoted value',
    file: () => setCell(goodText(), 3, '質問', '途中に"引用"がある'),
    problem: { line: 4, message: expect.stringContaining('「"」の使い方が正しくありません') },
  },
  {
    name: 'raw HTML in the answer (the site would drop it)',
    file: () => setCell(goodText(), 2, '回答', '<div>窓口で申請します。</div>'),
    problem: {
      line: 3,
      column: '回答',
      message: expect.stringContaining('HTMLタグ 「<div>」、「</div>」 はサイトに表示されません'),
    },
  },
  {
    name: 'duplicate id',
    file: () => setCell(goodText(), 3, 'ID', 'pin-forgot'),
    problem: { line: 4, column: 'ID', message: 'ID「pin-forgot」が2行目と重複しています。' },
  },
  {
    name: 'duplicate question',
    file: () => setCell(goodText(), 2, '質問', '暗証番号を忘れました。どうすればよいですか？'),
    problem: { line: 3, column: '質問', message: '同じ質問が2行目にもあります。' },
  },
  {
    name: 'unknown category',
    file: () => setCell(goodText(), 2, 'カテゴリ', 'no-such'),
    problem: { line: 3, column: 'カテゴリ', message: 'カテゴリ「no-such」は登録されていません。' },
  },
  {
    name: 'unknown source',
    file: () => setCell(goodText(), 1, '出典', 'hh-pin;gone'),
    problem: { line: 2, column: '出典（2つ目）', message: '出典「gone」は登録されていません。' },
  },
  {
    name: 'no source',
    file: () => setCell(goodText(), 1, '出典', ''),
    problem: { line: 2, column: '出典', message: expect.stringContaining('出典を1つ以上') },
  },
  {
    name: 'unknown related FAQ',
    file: () => setCell(goodText(), 2, '関連FAQ', 'third;nowhere'),
    problem: {
      line: 3,
      column: '関連FAQ（2つ目）',
      message: 'FAQ「nowhere」はこのファイルにもデータベースにもありません。',
    },
  },
  {
    name: 'unknown translationOf',
    file: () => goodText([{ locale: 'en', translationOf: 'nowhere' }]),
    problem: { line: 5, column: '翻訳元ID', message: expect.stringContaining('「nowhere」') },
  },
  {
    name: 'translationOf on a Japanese row',
    file: () => setCell(goodText(), 2, '翻訳元ID', 'pin-forgot'),
    problem: { line: 3, column: '翻訳元ID', message: '翻訳元IDは言語が「en」の行だけに入力します。' },
  },
  {
    name: 'short answer too long',
    file: () => setCell(goodText(), 2, '短い回答', 'あ'.repeat(81)),
    problem: { line: 3, column: '短い回答', message: '81文字あります。80文字以内にしてください。' },
  },
  {
    name: 'question too long',
    file: () => setCell(goodText(), 1, '質問', 'い'.repeat(201)),
    problem: { line: 2, column: '質問', message: '201文字あります。200文字以内にしてください。' },
  },
  {
    name: 'phrasing too long',
    file: () => setCell(goodText(), 1, '言い換え', `a;${'う'.repeat(201)}`),
    problem: {
      line: 2,
      column: '言い換え（2つ目）',
      message: '201文字あります。200文字以内にしてください。',
    },
  },
  {
    name: 'empty answer',
    file: () => setCell(goodText(), 3, '回答', ''),
    problem: { line: 4, column: '回答', message: expect.stringContaining('入力が必要です') },
  },
  {
    name: 'bad id',
    file: () => setCell(goodText(), 1, 'ID', 'PIN_Forgot'),
    problem: {
      line: 2,
      column: 'ID',
      message: expect.stringContaining('「PIN_Forgot」はIDとして使えません'),
    },
  },
  {
    name: 'bad date',
    file: () => setCell(goodText(), 1, '確認期限', '令和9年5月31日'),
    problem: { line: 2, column: '確認期限', message: expect.stringContaining('日付として読めません') },
  },
  {
    name: 'no such date',
    file: () => setCell(goodText(), 2, '確認期限', '2027-02-30'),
    problem: { line: 3, column: '確認期限', message: '「2027-02-30」は存在しない日付です。' },
  },
  {
    name: 'bad status',
    file: () => setCell(goodText(), 1, '状態', 'published'),
    problem: {
      line: 2,
      column: '状態',
      message: expect.stringContaining('「下書き」、「承認待ち」、「公開」'),
    },
  },
  {
    name: 'bad audience',
    file: () => setCell(goodText(), 1, '公開範囲', '職員'),
    problem: {
      line: 2,
      column: '公開範囲',
      message: expect.stringContaining('「一般公開」、「オペレーターのみ」'),
    },
  },
  {
    name: 'bad locale',
    file: () => setCell(goodText(), 1, '言語', '日本語'),
    problem: { line: 2, column: '言語', message: expect.stringContaining('「ja」、「en」') },
  },
  {
    name: 'bad yes/no',
    file: () => setCell(goodText(), 1, '要確認', '要'),
    problem: { line: 2, column: '要確認', message: expect.stringContaining('「はい」、「いいえ」') },
  },
  {
    name: "another city's code",
    file: () => setCell(goodText(), 1, '全国地方公共団体コード', '131016'),
    problem: {
      line: 2,
      column: '全国地方公共団体コード',
      message: expect.stringContaining('この自治体（342122）のものではありません'),
    },
  },
  {
    name: "another city's name",
    file: () => setCell(goodText(), 2, '地方公共団体名', '千代田区'),
    problem: {
      line: 3,
      column: '地方公共団体名',
      message: expect.stringContaining('「千代田区」はこの自治体'),
    },
  },
  {
    name: 'a code that is not one',
    file: () => setCell(goodText(), 1, '全国地方公共団体コード', 'abc'),
    problem: { line: 2, column: '全国地方公共団体コード', message: expect.stringContaining('6桁の数字') },
  },
  {
    name: 'empty file',
    file: () => Buffer.alloc(0),
    problem: { line: 1, message: 'ファイルが空です。1行目に見出しが必要です。' },
  },
  {
    name: 'broken UTF-8 (a byte lost in the middle of a character)',
    file: () => {
      const bytes = csvBytes(goodText())
      const at = bytes.indexOf(Buffer.from('二つ目', 'utf8'))
      return Buffer.concat([bytes.subarray(0, at + 1), bytes.subarray(at + 2)])
    },
    problem: { line: 3, column: '質問', message: expect.stringContaining('文字コードが壊れています') },
  },
  {
    name: 'broken Shift_JIS (a lead byte with no second byte)',
    file: () => {
      const bytes = iconv.encode(goodText(), 'cp932')
      const at = bytes.indexOf(iconv.encode('三つ目', 'cp932'))
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([0x81, 0x2c]), bytes.subarray(at)])
    },
    problem: { line: 4, message: expect.stringContaining('文字コードが壊れています') },
  },
]

describe('bad input: every problem named by line and column, no row returned', () => {
  it('the unbroken file is valid', () => {
    expect(read(goodText()).problems).toEqual([])
  })

  it.each(cases)('$name', ({ file, problem }) => {
    const result = read(file())
    expect(result.rows).toEqual([])
    expect(result.problems).toContainEqual(expect.objectContaining(problem))
  })

  it('reports every bad row of a file at once, in line order', () => {
    let text = goodText([{}, {}])
    text = setCell(text, 1, '短い回答', 'あ'.repeat(90))
    text = setCell(text, 3, 'カテゴリ', 'nope')
    text = setCell(text, 5, 'ID', 'second')
    text = setCell(text, 5, '確認期限', '2027-13-01')
    const result = read(text)
    expect(result.rows).toEqual([])
    expect(result.problems.map(formatCsvProblem)).toEqual([
      '2行目 「短い回答」: 90文字あります。80文字以内にしてください。',
      '4行目 「カテゴリ」: カテゴリ「nope」は登録されていません。',
      '6行目 「ID」: ID「second」が3行目と重複しています。',
      '6行目 「確認期限」: 「2027-13-01」は存在しない日付です。',
    ])
  })

  it('names the line where an unterminated quote starts even after multi-line cells', () => {
    let text = setCell(goodText(), 1, '回答', '"一行目\r\n二行目"')
    text = setCell(text, 3, '質問', '"閉じない')
    const result = read(text)
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringContaining('閉じられていません') }),
    ])
  })
})

describe('incomplete drafts', () => {
  const gaps: Partial<FaqCsvRecord> = {
    question: '',
    shortAnswer: '',
    answer: '',
    category: '',
    sources: [],
    reviewBy: '',
  }
  it('a 下書き row may leave the columns a review needs empty, and says which', () => {
    const result = read(faqCsvText([record({ ...gaps, status: 'draft' })]).text)
    expect(result.problems).toEqual([])
    expect(result.rows).toHaveLength(1)
    expect(missingForReview(result.rows[0]!)).toEqual([
      '質問',
      '短い回答',
      '回答',
      'カテゴリ',
      '出典',
      '確認期限',
    ])
  })
  it('a 承認待ち or 公開 row may not: each empty column is named', () => {
    for (const status of ['in_review', 'published'] as const) {
      const result = read(faqCsvText([record({ ...gaps, status })]).text)
      expect(result.problems.map((p) => p.column)).toEqual([
        '質問',
        '短い回答',
        '回答',
        'カテゴリ',
        '出典',
        '確認期限',
      ])
      expect(result.problems[1]!.message).toBe(
        '入力が必要です（状態が「下書き」の行だけは空のまま取り込めます）。',
      )
    }
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'

import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { TelephonyRecordSchema } from '../src/records'
import { hashCaller } from '../src/pii'
import {
  createCallerHasher,
  importTelephonyCsv,
  parseTelephonyCsv,
  readTelephonyCsv,
  validateTelephonyCsv,
} from '../src/telephony/index.node.ts'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const file = (name: string) => path.join(dir, name)
const mapping = JSON.parse(fs.readFileSync(file('telephony-mapping.json'), 'utf8'))

const expectedRecords = [
  {
    callId: 'P001',
    queue: 'マイナンバー',
    offeredAt: '2026-10-01T00:00:00.000Z',
    answeredAt: '2026-10-01T00:00:10.000Z',
    abandonedAt: null,
    endedAt: '2026-10-01T00:05:10.000Z',
    agent: 'op-a',
    wrapUpEndedAt: '2026-10-01T00:06:10.000Z',
  },
  {
    callId: 'P002',
    queue: 'マイナンバー',
    offeredAt: '2026-10-01T00:15:00.000Z',
    answeredAt: null,
    abandonedAt: '2026-10-01T00:15:03.000Z',
    endedAt: '2026-10-01T00:15:03.000Z',
    agent: null,
    wrapUpEndedAt: null,
  },
  {
    callId: 'P003',
    queue: 'マイナンバー',
    offeredAt: '2026-10-15T14:50:00.000Z',
    answeredAt: '2026-10-15T14:50:15.000Z',
    abandonedAt: null,
    endedAt: '2026-10-15T15:10:00.000Z',
    agent: 'op-c',
    wrapUpEndedAt: '2026-10-15T15:12:00.000Z',
  },
  {
    callId: 'P004',
    queue: '予約専用',
    offeredAt: '2026-10-31T14:55:00.000Z',
    answeredAt: '2026-10-31T14:55:08.000Z',
    abandonedAt: null,
    endedAt: '2026-10-31T15:20:00.000Z',
    agent: 'op-a',
    wrapUpEndedAt: null,
  },
  {
    callId: 'P005',
    queue: 'マイナンバー',
    offeredAt: '2026-10-01T00:05:00.000Z',
    answeredAt: '2026-10-01T00:05:00.000Z',
    abandonedAt: null,
    endedAt: '2026-10-01T00:10:00.000Z',
    agent: '髙橋, 花子',
    wrapUpEndedAt: null,
  },
]

describe('parseTelephonyCsv: the same calls in three encodings', () => {
  for (const [name, encoding] of [
    ['telephony-good.utf8.csv', 'utf-8'],
    ['telephony-good.utf8-bom.csv', 'utf-8'],
    ['telephony-good.sjis.csv', 'shift_jis'],
  ] as const) {
    it(`${name} (auto-detected)`, async () => {
      const r = await parseTelephonyCsv(fs.readFileSync(file(name)), mapping)
      expect(r).toMatchObject({ ok: true, rows: 5, encoding })
      if (!r.ok) return
      expect(r.records).toEqual(expectedRecords)
      for (const rec of r.records) expect(TelephonyRecordSchema.safeParse(rec).success).toBe(true)
    })

    it(`${name} streamed in 5-byte chunks (BOM and characters split) with the encoding named`, async () => {
      const stream = fs.createReadStream(file(name), { highWaterMark: 5 })
      const r = await parseTelephonyCsv(stream, { ...mapping, encoding })
      expect(r.ok && r.records).toEqual(expectedRecords)
    })
  }

  it('text already decoded', async () => {
    const r = await parseTelephonyCsv(fs.readFileSync(file('telephony-good.utf8-bom.csv'), 'utf8'), mapping)
    expect(r.ok && r.records).toEqual(expectedRecords)
  })

  it('quote-free lines, split without csv-parse, read as csv-parse reads them (LF, CRLF, empty lines, a bare LF in a CRLF file, errors after a quoted cell)', async () => {
    const header = '通話ID,キュー,着信日時,応答日時,放棄日時,終話日時,オペレーターID,後処理終了日時'
    const p1 =
      'P001,マイナンバー,2026/10/01 09:00:00,2026/10/01 09:00:10,,2026/10/01 09:05:10,op-a,2026/10/01 09:06:10'
    const p2 = 'P002,マイナンバー,2026/10/01 09:15:00,,2026/10/01 09:15:03,2026/10/01 09:15:03,,'
    const bad = 'P009,マイナンバー,2026/10/01 25:00:00,,,,,'
    const quotedRow = '"P003\n改行",マイナンバー,2026/10/01 09:20:00,,,,,'
    const texts = [
      `${header}\n${p1}\n\n${p2}\n`,
      `${header}\r\n${p1}\r\n\r\n${p2}`,
      `${header}\r\n${p1}\n${p2}\r\n`,
      `${header}\n${p1}\n${bad}\n${quotedRow}\n\n${bad.replace('P009', 'P010')}\n`,
    ]
    // The same file with its first cell quoted is read by csv-parse from the first line on.
    const byCsvParse = (t: string) => parseTelephonyCsv(t.replace('通話ID', '"通話ID"'), mapping)
    for (const text of texts) expect(await parseTelephonyCsv(text, mapping)).toEqual(await byCsvParse(text))
    // Chunk boundaries anywhere (inside a line, between \r and \n, inside a character) change nothing.
    const inChunks = (t: string, size: number) => {
      const bytes = Buffer.from(t)
      const chunks: Buffer[] = []
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size))
      return Readable.from(chunks)
    }
    for (const text of texts)
      for (const size of [1, 2, 5, 17])
        expect(await parseTelephonyCsv(inChunks(text, size), mapping), `${size}-byte chunks`).toEqual(
          await parseTelephonyCsv(text, mapping),
        )
    const [lf, crlf, , errors] = await Promise.all(texts.map((t) => parseTelephonyCsv(t, mapping)))
    expect(lf!.ok && lf!.records).toEqual(expectedRecords.slice(0, 2))
    expect(crlf).toEqual(lf)
    expect(!errors!.ok && errors!.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'bad-time'],
      [7, 'bad-time'],
    ])
  })

  it('an empty file has no header; a header alone has no records', async () => {
    expect(await parseTelephonyCsv(Buffer.alloc(0), mapping)).toMatchObject({
      ok: false,
      errors: [{ code: 'no-header', row: null }],
    })
    const header = fs.readFileSync(file('telephony-good.utf8.csv'), 'utf8').split('\n')[0]!
    expect(await parseTelephonyCsv(Buffer.from(header), mapping)).toEqual({
      ok: true,
      records: [],
      rows: 0,
      encoding: 'utf-8',
    })
  })

  it('a PBX without call ids gets stable ids from queue and offer time', async () => {
    const { callId: _, ...columns } = mapping.columns
    const text =
      'キュー,着信日時,応答日時\nq,2026/10/01 09:00:00,\nq,2026/10/01 09:00:00,\nq,2026/10/01 09:01:00,2026/10/01 09:01:05\n'
    const r = await parseTelephonyCsv(text, {
      ...mapping,
      columns: {
        ...columns,
        abandonedAt: undefined,
        endedAt: undefined,
        agent: undefined,
        wrapUpEndedAt: undefined,
      },
    })
    expect(r.ok && r.records.map((x) => x.callId)).toEqual([
      'q@2026-10-01T00:00:00.000Z',
      'q@2026-10-01T00:00:00.000Z#2',
      'q@2026-10-01T00:01:00.000Z',
    ])
  })

  it('a mapped caller column is handed over as callerNumber (for hashing); unmapped, there is none', async () => {
    const text =
      '通話ID,着信日時,応答日時,発信者番号\nA1,2026/10/01 09:00:00,2026/10/01 09:00:05,090-1234-5678\nA2,2026/10/01 09:01:00,,非通知\nA3,2026/10/01 09:02:00,,-\n'
    const cols = { callId: '通話ID', offeredAt: '着信日時', answeredAt: '応答日時' }
    const r = await parseTelephonyCsv(text, { ...mapping, columns: { ...cols, caller: '発信者番号' } })
    expect(r.ok && r.records.map((x) => x.callerNumber)).toEqual(['090-1234-5678', '非通知', null])
    const plain = await parseTelephonyCsv(text, { ...mapping, columns: cols })
    expect(plain.ok && plain.records.every((x) => !('callerNumber' in x))).toBe(true)
  })

  it('other timestamp formats and zones', async () => {
    const text =
      'id,offered,answered\na,2026-10-01T09:00:00,2026-10-01T00:00:30Z\nb,2026-10-01 09:00:00.250,\n'
    const iso = await parseTelephonyCsv(text, {
      columns: { callId: 'id', offeredAt: 'offered', answeredAt: 'answered' },
    })
    expect(iso.ok && iso.records.map((r) => [r.offeredAt, r.answeredAt])).toEqual([
      ['2026-10-01T00:00:00.000Z', '2026-10-01T00:00:30.000Z'],
      ['2026-10-01T00:00:00.250Z', null],
    ])
    const epoch = await parseTelephonyCsv('id,o,a\nx,1790000000,1790000012\n', {
      columns: { callId: 'id', offeredAt: 'o', answeredAt: 'a' },
      timestamps: { format: 'epoch-seconds', timeZone: 'UTC' },
    })
    expect(epoch.ok && epoch.records[0]!.answeredAt).toBe(new Date(1790000012000).toISOString())
    // US Eastern: EDT (−4) in July, EST (−5) in December.
    const ny = await parseTelephonyCsv('id\to\ta\nx\t07/04/2026 12:00\t\ny\t12/04/2026 12:00\t\n', {
      delimiter: '\t',
      columns: { callId: 'id', offeredAt: 'o', answeredAt: 'a' },
      timestamps: { format: 'MM/dd/yyyy HH:mm', timeZone: 'America/New_York' },
    })
    expect(ny.ok && ny.records.map((r) => r.offeredAt)).toEqual([
      '2026-07-04T16:00:00.000Z',
      '2026-12-04T17:00:00.000Z',
    ])
  })
})

describe('importTelephonyCsv: flat memory, two passes, batches only for a clean file', () => {
  it('hands every record over in batches', async () => {
    const batches: number[] = []
    const r = await importTelephonyCsv(
      () => fs.createReadStream(file('telephony-good.sjis.csv')),
      mapping,
      (b) => void batches.push(b.length),
      { batchSize: 2 },
    )
    expect(r).toEqual({ ok: true, count: 5, encoding: 'shift_jis' })
    expect(batches).toEqual([2, 2, 1])
  })

  it('never calls back for a bad file', async () => {
    let called = 0
    const r = await importTelephonyCsv(
      () => fs.createReadStream(file('telephony-bad.utf8.csv')),
      mapping,
      () => void called++,
    )
    expect(r.ok).toBe(false)
    expect(called).toBe(0)
  })

  it('one pass inside a transaction: batches stop at the first bad row and the caller is told what to roll back', async () => {
    const good: number[] = []
    expect(
      await importTelephonyCsv(
        () => fs.createReadStream(file('telephony-good.utf8.csv')),
        mapping,
        (b) => void good.push(b.length),
        { validateFirst: false },
      ),
    ).toEqual({ ok: true, count: 5, encoding: 'utf-8' })
    expect(good).toEqual([5])
    let opened = 0
    const bad = await importTelephonyCsv(
      () => {
        opened++
        return fs.createReadStream(file('telephony-bad.utf8.csv'))
      },
      mapping,
      () => {},
      { validateFirst: false, batchSize: 1 },
    )
    expect(opened).toBe(1)
    expect(bad).toMatchObject({ ok: false, delivered: 1, errorCount: 13 })
  })

  it('validateTelephonyCsv reads a Readable of strings too', async () => {
    const text = fs.readFileSync(file('telephony-good.utf8.csv'), 'utf8')
    expect(await validateTelephonyCsv(Readable.from([text.slice(0, 50), text.slice(50)]), mapping)).toEqual({
      ok: true,
      rows: 5,
      encoding: 'utf-8',
    })
  })
})

describe('encodings the file does not match', () => {
  it('Shift_JIS read as UTF-8: every row with undecodable bytes, with its column', async () => {
    const r = await parseTelephonyCsv(fs.readFileSync(file('telephony-good.sjis.csv')), {
      ...mapping,
      encoding: 'utf-8',
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const undecodable = r.errors.filter((e) => e.code === 'invalid-bytes')
    // Every line has Japanese text: header and all five rows (line 5 is blank).
    expect([...new Set(undecodable.map((e) => e.row))]).toEqual([1, 2, 3, 4, 6, 7])
    expect(
      undecodable.every(
        (e) => typeof e.column === 'string' && e.column.length > 0 && e.message.includes('読めない'),
      ),
    ).toBe(true)
    expect(r.errors.filter((e) => e.code === 'missing-column').map((e) => e.column)).toContain('着信日時')
  })

  it('damaged UTF-8 (a byte lost in the middle of a character) is UTF-8 with that row named, not Shift_JIS garbage', async () => {
    const good = fs.readFileSync(file('telephony-good.utf8.csv'))
    const at = good.indexOf(Buffer.from('短時間放棄')) + 1
    const damaged = Buffer.concat([good.subarray(0, at), good.subarray(at + 1)])
    const r = await parseTelephonyCsv(damaged, mapping)
    expect(r).toMatchObject({ ok: false, encoding: 'utf-8' })
    expect(
      !r.ok && [...new Set(r.errors.filter((e) => e.code === 'invalid-bytes').map((e) => e.row))],
    ).toEqual([3])
  })

  it('neither UTF-8 nor Shift_JIS (UTF-16 from Excel "Unicode text"): unknown encoding, no records', async () => {
    const text = fs.readFileSync(file('telephony-good.utf8.csv'), 'utf8')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
    const r = await parseTelephonyCsv(utf16, mapping)
    expect(r).toMatchObject({ ok: false, encoding: 'unknown' })
    expect(!r.ok && r.errors[0]).toMatchObject({
      row: null,
      code: 'unknown-encoding',
      message: expect.stringContaining('文字コードを判別できません'),
    })
    expect(!r.ok && r.errors.find((e) => e.code === 'unknown-encoding' && e.row !== null)).toMatchObject({
      row: 1,
    })
  })
})

describe('readTelephonyCsv: one pass for an importer that stages rows and checks ids itself', () => {
  it('hands over every row in file order: good rows with their record, bad rows with their call id', async () => {
    const seen: [number, string | null, string | null][] = []
    const r = await readTelephonyCsv(
      fs.readFileSync(file('telephony-bad.utf8.csv')),
      mapping,
      (record, line, callId) => void seen.push([line, record?.callId ?? null, callId]),
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    // The reader leaves duplicate ids to the caller: line 6 (B01 again) is a good row here.
    expect(r.errors.map((e) => e.code)).not.toContain('duplicate-call-id')
    expect(r.errorCount).toBe(12)
    expect(seen).toEqual([
      [2, 'B01', 'B01'],
      [3, null, 'B02'],
      [4, null, 'B03'],
      [5, null, 'B04'],
      [6, 'B01', 'B01'],
      [7, null, null],
      [8, null, 'B07'],
      [9, null, 'B08'],
      [10, null, 'B09'],
      [11, null, 'B10'],
      [12, null, null],
      [13, null, 'B12\n改行入りID'],
      [15, null, 'B13'],
      [16, null, 'B14'],
    ])
  })

  it('a PBX without call ids: records come with callId "" for the caller to number', async () => {
    const columns = { queue: 'キュー', offeredAt: '着信日時', answeredAt: '応答日時' }
    const ids: (string | undefined)[] = []
    const r = await readTelephonyCsv(
      'キュー,着信日時,応答日時\nq,2026/10/01 09:00:00,\nq,2026/10/01 09:00:00,\n',
      { ...mapping, columns },
      (rec) => void ids.push(rec?.callId),
    )
    expect(r).toEqual({ ok: true, rows: 2, encoding: 'utf-8' })
    expect(ids).toEqual(['', ''])
  })

  it("ids: 'reader' keeps the in-memory checks", async () => {
    const r = await readTelephonyCsv(fs.readFileSync(file('telephony-bad.utf8.csv')), mapping, () => {}, {
      ids: 'reader',
    })
    expect(!r.ok && r.errorCount).toBe(13)
  })

  it('waits for the callback (backpressure of the staging table)', async () => {
    const order: string[] = []
    await readTelephonyCsv(fs.readFileSync(file('telephony-good.utf8.csv')), mapping, async (rec) => {
      order.push(`start ${rec!.callId}`)
      await new Promise((done) => setTimeout(done, 1))
      order.push(`end ${rec!.callId}`)
    })
    expect(order.slice(0, 4)).toEqual(['start P001', 'end P001', 'start P002', 'end P002'])
  })
})

describe('createCallerHasher: hashCaller for a million rows', () => {
  it('gives the same hash as hashCaller for every way of writing a number, and none for 非通知', async () => {
    const salt = 'telephony-test-salt-0123456789'
    const hash = createCallerHasher(salt)
    for (const n of [
      '090-1234-5678',
      '０９０－１２３４－５６７８',
      '+81 90 1234 5678',
      '03-1111-2222',
      '+1 415 555 0100',
      '非通知',
      '',
    ]) {
      expect(hash(n), n).toBe(await hashCaller(n, salt))
      expect(hash(n), `${n} (cached)`).toBe(await hashCaller(n, salt))
    }
    expect(hash('090-1234-5678')).toBe(hash('09012345678'))
    expect(hash('非通知')).toBeUndefined()
    expect(createCallerHasher(new TextEncoder().encode(salt))('090-1234-5678')).toBe(hash('090-1234-5678'))
    expect(() => createCallerHasher('short')).toThrow(RangeError)
  })
})

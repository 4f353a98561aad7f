import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { compileTimestampParser, parseTelephonyMapping } from '../src/telephony'
import { parseTelephonyCsv } from '../src/telephony/index.node.ts'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const mapping = JSON.parse(fs.readFileSync(path.join(dir, 'telephony-mapping.json'), 'utf8'))
const bad = fs.readFileSync(path.join(dir, 'telephony-bad.utf8.csv'))

describe('a CSV with every kind of bad row', () => {
  it('lists each with its line and column, and returns no records', async () => {
    const r = await parseTelephonyCsv(bad, mapping)
    expect(r.ok).toBe(false)
    expect('records' in r).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '着信日時', 'bad-time'],
      [4, '応答日時', 'answer-before-offer'],
      [5, '終話日時', 'end-before-answer'],
      [6, '通話ID', 'duplicate-call-id'],
      [7, '通話ID', 'missing-value'],
      [8, '着信日時', 'missing-value'],
      [9, '放棄日時', 'answered-and-abandoned'],
      [10, '後処理終了日時', 'wrap-up-before-end'],
      [11, '放棄日時', 'abandon-before-offer'],
      [12, null, 'column-count'],
      [13, '応答日時', 'bad-time'],
      [15, '着信日時', 'bad-time'],
      [16, '終話日時', 'end-before-offer'],
    ])
    expect(r.rows).toBe(14) // lines 2–16, one row on two lines
    expect(r.errorCount).toBe(13)
    const dup = r.errors.find((e) => e.code === 'duplicate-call-id')!
    expect(dup).toMatchObject({ field: 'callId', value: 'B01' })
    expect(dup.message).toContain('2 行目')
    expect(r.errors[0]).toMatchObject({
      field: 'offeredAt',
      value: '2026/10/01 25:00:00',
      message: expect.stringContaining('日時を読み取れません'),
    })
  })

  it('maxErrors keeps the first errors and counts all', async () => {
    const r = await parseTelephonyCsv(bad, mapping, { maxErrors: 2 })
    expect(!r.ok && [r.errors.length, r.errorCount]).toEqual([2, 13])
  })

  it('a missing mapped column is named on line 1, and the other columns are still checked', async () => {
    const text = bad.toString('utf8').replace('応答日時', '応答時刻')
    const r = await parseTelephonyCsv(text, mapping)
    expect(!r.ok && r.errors[0]).toMatchObject({
      row: 1,
      column: '応答日時',
      field: 'answeredAt',
      code: 'missing-column',
    })
    expect(!r.ok && r.errors[0]!.message).toContain('見出し行')
  })

  it('CSV syntax errors carry their line', async () => {
    const r = await parseTelephonyCsv(
      '通話ID,キュー,着信日時,応答日時\nA,q,2026/10/01 09:00:00,\n"B"x,q,2026/10/01 09:00:00,\n',
      {
        ...mapping,
        columns: { callId: '通話ID', queue: 'キュー', offeredAt: '着信日時', answeredAt: '応答日時' },
      },
    )
    expect(!r.ok && r.errors.map((e) => [e.row, e.code])).toEqual([[3, 'csv-syntax']])
  })

  it('a bad mapping fails like a bad file', async () => {
    const r = await parseTelephonyCsv(bad, {
      ...mapping,
      timestamps: { format: 'yyyy/MM/dd hh:mm', timeZone: 'Mars/Olympus' },
    })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['bad-mapping'])
    expect(!r.ok && r.errors[0]!.message).toContain('timeZone')
  })
})

describe('mapping JSON', () => {
  it('validates with every problem named', () => {
    expect(parseTelephonyMapping({ columns: { offeredAt: 'a', answeredAt: 'b' } })).toMatchObject({
      ok: true,
      mapping: { encoding: 'auto', delimiter: ',', defaultQueue: 'default' },
    })
    const r = parseTelephonyMapping({
      encoding: 'euc-jp',
      columns: { offeredAt: 'a', answeredAt: 'a', callerName: 'x' },
    })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.problems.join('\n')).toMatch(/encoding/)
    expect(!r.ok && r.problems.join('\n')).toMatch(/callerName|unrecognized/i)
    expect(parseTelephonyMapping({ columns: { offeredAt: 'a', answeredAt: 'a' } })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('mapped to both')],
    })
    expect(parseTelephonyMapping('{nope')).toMatchObject({ ok: false })
    expect(
      parseTelephonyMapping({
        columns: { offeredAt: 'a', answeredAt: 'b' },
        timestamps: { format: 'yy/MM/dd HH:mm' },
      }),
    ).toMatchObject({ ok: false })
  })
})

describe('timestamp parsers', () => {
  const jst = compileTimestampParser('yyyy/MM/dd HH:mm:ss')
  it('range-check every field', () => {
    expect(jst('2026/10/01 09:00:00')).toBe(Date.parse('2026-10-01T00:00:00Z'))
    expect(jst('2026/10/1 9:00')).toBe(Date.parse('2026-10-01T00:00:00Z'))
    expect(jst('2028/02/29 09:00:00')).toBe(Date.parse('2028-02-29T00:00:00Z'))
    for (const bad of [
      '2026/04/31 09:00:00',
      '2026/02/29 09:00:00',
      '2100/02/29 09:00:00',
      '2026/13/01 09:00:00',
      '2026/10/01 24:00:00',
      '2026/10/01 09:60:00',
      '2026/10/01 09:00:61',
      '2026-10-01 09:00:00',
      '',
    ])
      expect(jst(bad), bad).toBeNaN()
    expect(compileTimestampParser('yyyy年M月d日 H時mm分')('2026年10月1日 9時05分')).toBe(
      Date.parse('2026-10-01T00:05:00Z'),
    )
    expect(compileTimestampParser('yyyyMMddHHmmss', '+00:00')('20261001090000')).toBe(
      Date.parse('2026-10-01T09:00:00Z'),
    )
    expect(compileTimestampParser('yyyy-MM-ddTHH:mm:ss.SSS')('2026-10-01T09:00:00.5')).toBe(
      Date.parse('2026-10-01T00:00:00.500Z'),
    )
    expect(() => compileTimestampParser('yy/MM/dd HH:mm')).toThrow()
    expect(() => compileTimestampParser('yyyy/MM/dd')).toThrow(/HH|H/)
  })
})

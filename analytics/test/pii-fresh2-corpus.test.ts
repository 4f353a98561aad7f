import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { FRESH, FRESH2, locate, loadCorpus, TUNING_SETS, type CorpusRow } from '../bench/pii.bench'

// The shape of the second fresh corpus (test/pii-fresh2.{dev,test}.jsonl), checked
// WITHOUT running the masker on it: it was written before any masker run and is not scored here.
// Lines, labels and splits only: every value found where it belongs, each category present often
// enough in both splits, public numbers and the city hall's address never labelled.

const here = path.dirname(fileURLToPath(import.meta.url))
const content = path.join(here, '../../content')

/** Numbers the knowledge base publishes (content/city.yaml, content/faqs): they must stay. */
const PUBLISHED_NUMBERS = [
  '0120-95-0178',
  '082-420-0925',
  '0570-783-578',
  '082-420-0011',
  '050-3818-1250',
  '0570-064-738',
  '0120-601-785',
  '0120-0178-26',
  '0120-0178-27',
]
/** The city hall's published address (content/city.yaml, counters); must stay. */
const PUBLISHED_ADDRESS = ['〒739-8601', '東広島市西条栄町8番29号']

// Full-width ASCII to half width, one character for one so offsets still hold (NFKC would not promise that).
const fold = (t: string) =>
  t.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/　/g, ' ')
// A published number written any way: up to two separators between its digits.
const publishedNumberRe = new RegExp(
  String.raw`(?<!\d)(?:${PUBLISHED_NUMBERS.map((p) => p.replace(/\D/g, '').split('').join(String.raw`[\s().・ー-]{0,2}`)).join('|')})(?!\d)`,
  'g',
)
// The city hall's address or postal code however written: 8番29号, 8-29, 8の29.
const publishedAddressRe = /(?<!\d)739-8601(?!\d)|西条栄町\s*の?\s*8\s*(?:番|-|の)\s*29号?/g
const matches = (re: RegExp, text: string) =>
  [...fold(text).matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
const publicNumbers = (text: string) => matches(publishedNumberRe, text)
const publicAddresses = (text: string) => matches(publishedAddressRe, text)

const CATEGORIES = {
  secret: (r: CorpusRow) => r.expected.some((e) => e.kind === 'secret'),
  myNumber: (r: CorpusRow) => r.expected.some((e) => e.kind === 'myNumber'),
  cardNumber: (r: CorpusRow) => r.expected.some((e) => e.kind === 'cardNumber'),
  phone: (r: CorpusRow) => r.expected.some((e) => e.kind === 'phone'),
  name: (r: CorpusRow) => r.expected.some((e) => e.kind === 'name'),
  address: (r: CorpusRow) => r.expected.some((e) => e.kind === 'address' || e.kind === 'postalCode'),
  birthDate: (r: CorpusRow) => r.expected.some((e) => e.kind === 'birthDate'),
  email: (r: CorpusRow) => r.expected.some((e) => e.kind === 'email'),
  publicNumber: (r: CorpusRow) => publicNumbers(r.text).length > 0,
  publicAddress: (r: CorpusRow) => publicAddresses(r.text).length > 0,
  hardNegative: (r: CorpusRow) =>
    r.expected.length === 0 && publicNumbers(r.text).length === 0 && publicAddresses(r.text).length === 0,
} satisfies Record<string, (r: CorpusRow) => boolean>

const dev = loadCorpus(FRESH2.dev)
const test = loadCorpus(FRESH2.test)
const all = [...dev, ...test]

describe('the second fresh corpus (test/pii-fresh2.*.jsonl): labels and splits, not scored', () => {
  it('parses with the corpus schema, every file the bench reads included', () => {
    for (const f of [...TUNING_SETS, FRESH.dev, FRESH.test, FRESH2.dev, FRESH2.test])
      expect(loadCorpus(f).length, f).toBeGreaterThan(0)
  })

  it('has at least 360 snippets of 20 to 200 characters, about half in each split, none repeated', () => {
    expect(all.length).toBeGreaterThanOrEqual(360)
    expect(Math.abs(dev.length - test.length)).toBeLessThanOrEqual(all.length * 0.05)
    for (const r of all) expect([...r.text].length, r.text).toBeGreaterThanOrEqual(20)
    for (const r of all) expect([...r.text].length, r.text).toBeLessThanOrEqual(200)
    expect(new Set(all.map((r) => r.text)).size).toBe(all.length)
  })

  it('finds every labelled value in its line, spans not overlapping, no span with spaces at its ends', () => {
    for (const r of all) {
      const spans = locate(r).sort((a, b) => a.start - b.start)
      for (const [i, s] of spans.entries()) {
        const value = r.text.slice(s.start, s.end)
        expect(value, r.text).toBe(value.trim())
        if (i > 0) expect(s.start, `overlap in ${r.text}`).toBeGreaterThanOrEqual(spans[i - 1]!.end)
      }
    }
  })

  it('labels no part of a published number or of the city hall address', () => {
    for (const r of all) {
      const spans = locate(r)
      for (const p of [...publicNumbers(r.text), ...publicAddresses(r.text)])
        expect(
          spans.filter((s) => s.start < p.end && p.start < s.end),
          `${r.text.slice(p.start, p.end)} in ${r.text}`,
        ).toEqual([])
    }
  })

  it('checks against numbers and an address the knowledge base really publishes', () => {
    const files = [
      path.join(content, 'city.yaml'),
      ...fs
        .readdirSync(path.join(content, 'faqs'), { recursive: true, encoding: 'utf8' })
        .map((f) => path.join(content, 'faqs', f)),
    ]
    const published = files
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.md'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')
    for (const p of [...PUBLISHED_NUMBERS, ...PUBLISHED_ADDRESS]) expect(published, p).toContain(p)
  })

  it.each(Object.keys(CATEGORIES) as (keyof typeof CATEGORIES)[])(
    'has enough %s lines in total and in each split',
    (k) => {
      const n = (rows: CorpusRow[]) => rows.filter(CATEGORIES[k]).length
      expect(n(all), 'total').toBeGreaterThanOrEqual(30)
      expect(n(dev), 'dev').toBeGreaterThanOrEqual(12)
      expect(n(test), 'test').toBeGreaterThanOrEqual(12)
    },
  )
})

import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'
import { z } from 'zod'

// The format of the third fresh corpus (test/pii-fresh3.{dev,test}.jsonl), checked WITHOUT the masker:
// this file imports nothing from src/pii (nor the bench, which does), so the corpus stays unscored
// until its one planned run. Lines, labels and the split only.

const here = path.dirname(fileURLToPath(import.meta.url))
const files = { dev: path.join(here, 'pii-fresh3.dev.jsonl'), test: path.join(here, 'pii-fresh3.test.jsonl') }

// The masker's kinds (PII_KINDS in src/pii), written out here because importing them would import the masker.
const KINDS = [
  'secret',
  'myNumber',
  'cardNumber',
  'phone',
  'email',
  'postalCode',
  'birthDate',
  'address',
  'name',
] as const
const rowSchema = z.strictObject({
  text: z.string().min(1),
  expected: z.array(z.strictObject({ kind: z.enum(KINDS), value: z.string().min(1) })),
})
type Row = z.infer<typeof rowSchema>

/** Every line of a split, parsed; an error names the file and line. */
function read(file: string): Row[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      let json: unknown
      try {
        json = JSON.parse(line)
      } catch (e) {
        throw new Error(`${file}:${n}: not JSON (${(e as Error).message})`)
      }
      const row = rowSchema.safeParse(json)
      if (!row.success)
        throw new Error(
          `${file}:${n}: ${row.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
        )
      return row.data
    })
}

/** Where the scorer will find each value: its first occurrence not used yet, in list order (as bench/pii.bench.ts). */
function spans(row: Row): { start: number; end: number }[] {
  const used: { start: number; end: number }[] = []
  for (const e of row.expected) {
    let from = 0
    for (;;) {
      const at = row.text.indexOf(e.value, from)
      if (at < 0) throw new Error(`"${e.value}" not in "${row.text}"`)
      if (!used.some((u) => u.start === at)) {
        used.push({ start: at, end: at + e.value.length })
        break
      }
      from = at + 1
    }
  }
  return used.sort((a, b) => a.start - b.start)
}

// The split is a fixed function of the text, so no line can move between halves after it is read.
const splitOf = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest()[0]! % 2 === 0 ? 'dev' : 'test'

/** Numbers the knowledge base publishes (content/city.yaml, FAQs): lines may quote them, never label them. */
const PUBLISHED = [
  '0120950178',
  '0824200925',
  '0570783578',
  '0824200011',
  '05038181250',
  '0120601785',
  '0120017826',
  '0120017827',
  '0570064738',
  '81367340170',
]
const digitsOf = (s: string) =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '')

const rows = { dev: read(files.dev), test: read(files.test) }
const all = [...rows.dev, ...rows.test]

describe('the third fresh corpus (test/pii-fresh3.*.jsonl): format only, never scored here', () => {
  it('parses, every line in the split its sha256 gives, no line twice', () => {
    for (const split of ['dev', 'test'] as const)
      for (const r of rows[split]) expect(splitOf(r.text), r.text).toBe(split)
    expect(new Set(all.map((r) => r.text)).size).toBe(all.length)
  })

  it('finds every labelled value in its line, spans not overlapping and not starting or ending in a space', () => {
    for (const r of all) {
      const found = spans(r)
      for (const [i, s] of found.entries()) {
        const value = r.text.slice(s.start, s.end)
        expect(value, r.text).toBe(value.trim())
        if (i > 0) expect(s.start, `overlap in ${r.text}`).toBeGreaterThanOrEqual(found[i - 1]!.end)
      }
    }
  })

  it('labels no published number', () => {
    for (const r of all)
      for (const e of r.expected) {
        const d = digitsOf(e.value)
        if (d.length >= 10)
          expect(
            PUBLISHED.some((p) => d.includes(p)),
            `${e.value} in ${r.text}`,
          ).toBe(false)
      }
  })

  it('is large enough: 360 lines, 50 with nothing to mask, every kind in both splits', () => {
    expect(all.length).toBeGreaterThanOrEqual(360)
    expect(all.filter((r) => r.expected.length === 0).length).toBeGreaterThanOrEqual(50)
    for (const kind of KINDS)
      for (const split of ['dev', 'test'] as const)
        expect(
          rows[split].filter((r) => r.expected.some((e) => e.kind === kind)).length,
          `${kind} ${split}`,
        ).toBeGreaterThan(0)
  })
})

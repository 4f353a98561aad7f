import { createHash } from 'node:crypto'
import fs from 'node:fs'

import { describe, expect, it } from 'vitest'
import { z } from 'zod'

// The format of a fresh masking corpus (test/pii-freshN.{dev,test}.jsonl), checked WITHOUT the masker:
// this file imports nothing from src/pii (nor the bench, which does), so a corpus stays unscored
// until its one planned run. Lines, labels and the split only. Each corpus's test file calls
// `describeFreshCorpusFormat` with its files and sizes.

// The masker's kinds (PII_KINDS in src/pii), written out here because importing them would import the masker.
export const KINDS = [
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
export type Kind = (typeof KINDS)[number]

const rowSchema = z.strictObject({
  text: z.string().min(1),
  expected: z.array(z.strictObject({ kind: z.enum(KINDS), value: z.string().min(1) })),
})
export type Row = z.infer<typeof rowSchema>

/** Every line of a split, parsed; an error names the file and line. */
export function readCorpus(file: string): Row[] {
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
export function labelSpans(row: Row): { start: number; end: number }[] {
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
export const splitOf = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest()[0]! % 2 === 0 ? 'dev' : 'test'

/** Numbers the knowledge base publishes (content/city.yaml, FAQs): lines may quote them, never label them. */
export const PUBLISHED = [
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
export const digitsOf = (s: string) =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '')

/** The city hall's address and postal code (content/city.yaml): quoted, never labelled, however written. */
const isCityHall = (value: string) =>
  digitsOf(value).includes('7398601') || /西条栄町\s*(8番29号|8-29|８番２９号|８－２９)/.test(value)

export interface FreshCorpus {
  /** How the titles name it, e.g. 'the fourth fresh corpus (test/pii-fresh4.*.jsonl)'. */
  title: string
  files: { dev: string; test: string }
  /** Fewest lines, both splits together. */
  minLines: number
  /** Fewest lines with nothing to mask. */
  minEmpty: number
  /** Fewest lines holding a kind, both splits together, for the kinds a corpus is weighted to. */
  minLinesWith?: Partial<Record<Kind, number>>
}

/** The format checks of one fresh corpus: lines, labels, the split and its sizes; never the masker. */
export function describeFreshCorpusFormat(corpus: FreshCorpus) {
  const rows = { dev: readCorpus(corpus.files.dev), test: readCorpus(corpus.files.test) }
  const all = [...rows.dev, ...rows.test]

  describe(`${corpus.title}: format only, never scored here`, () => {
    it('parses, every line in the split its sha256 gives, no line twice', () => {
      for (const split of ['dev', 'test'] as const)
        for (const r of rows[split]) expect(splitOf(r.text), r.text).toBe(split)
      expect(new Set(all.map((r) => r.text)).size).toBe(all.length)
    })

    it('finds every labelled value in its line, spans not overlapping and not starting or ending in a space', () => {
      for (const r of all) {
        const found = labelSpans(r)
        for (const [i, s] of found.entries()) {
          const value = r.text.slice(s.start, s.end)
          expect(value, r.text).toBe(value.trim())
          if (i > 0) expect(s.start, `overlap in ${r.text}`).toBeGreaterThanOrEqual(found[i - 1]!.end)
        }
      }
    })

    it("labels no published number and not the city hall's address", () => {
      for (const r of all)
        for (const e of r.expected) {
          const d = digitsOf(e.value)
          if (d.length >= 10)
            expect(
              PUBLISHED.some((p) => d.includes(p)),
              `${e.value} in ${r.text}`,
            ).toBe(false)
          expect(isCityHall(e.value), `${e.value} in ${r.text}`).toBe(false)
        }
    })

    const weighted = Object.entries(corpus.minLinesWith ?? {})
      .map(([kind, n]) => `${n} with ${kind}`)
      .join(', ')
    it(`is large enough: ${corpus.minLines} lines, ${corpus.minEmpty} with nothing to mask${weighted ? `, ${weighted}` : ''}, every kind in both splits`, () => {
      expect(all.length).toBeGreaterThanOrEqual(corpus.minLines)
      expect(all.filter((r) => r.expected.length === 0).length).toBeGreaterThanOrEqual(corpus.minEmpty)
      for (const [kind, n] of Object.entries(corpus.minLinesWith ?? {}))
        expect(
          all.filter((r) => r.expected.some((e) => e.kind === kind)).length,
          kind,
        ).toBeGreaterThanOrEqual(n)
      for (const kind of KINDS)
        for (const split of ['dev', 'test'] as const)
          expect(
            rows[split].filter((r) => r.expected.some((e) => e.kind === kind)).length,
            `${kind} ${split}`,
          ).toBeGreaterThan(0)
    })
  })
}

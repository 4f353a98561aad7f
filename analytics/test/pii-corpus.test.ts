import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { score } from '../bench/pii.bench'
import { maskPii, type PiiKind } from '../src/pii'

type Row = { text: string; expected: { kind: PiiKind; value: string }[] }
const rows = fs
  .readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'pii-corpus.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row)

describe('the labelled corpus', () => {
  it('reaches precision and recall of at least 0.95', () => {
    const per = score(rows)
    const sum = Object.values(per).reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 })
    expect(sum.tp / (sum.tp + sum.fp)).toBeGreaterThanOrEqual(0.95)
    expect(sum.tp / (sum.tp + sum.fn)).toBeGreaterThanOrEqual(0.95)
  })
  it('lets no My Number, phone number or e-mail through', () => {
    for (const row of rows) {
      const out = maskPii(row.text).text
      for (const e of row.expected.filter((x) => ['myNumber', 'phone', 'email'].includes(x.kind))) expect(out, row.text).not.toContain(e.value)
    }
  })
})

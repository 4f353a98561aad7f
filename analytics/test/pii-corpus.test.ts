import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { loadCorpus, prf, score, total } from '../bench/pii.bench'
import { maskPii } from '../src/pii'

const rows = loadCorpus()

describe('tuning set 1 (test/pii-tuning-1.jsonl, the masker was tuned on it)', () => {
  it('has at least 200 snippets, negatives included, every expected value taken from its text', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200)
    expect(rows.filter((r) => r.expected.length === 0).length).toBeGreaterThanOrEqual(100)
    for (const r of rows) for (const e of r.expected) expect(r.text, e.value).toContain(e.value)
  })

  it('reaches precision and recall of at least 0.95 overall, exact spans', () => {
    const { precision, recall } = prf(total(score(rows).exact))
    expect(precision).toBeGreaterThanOrEqual(0.95)
    expect(recall).toBeGreaterThanOrEqual(0.95)
  })

  it('lets no My Number, phone number or e-mail address through', () => {
    for (const row of rows) {
      const out = maskPii(row.text).text
      for (const e of row.expected)
        if (['myNumber', 'phone', 'email'].includes(e.kind)) expect(out, row.text).not.toContain(e.value)
    }
  })

  it('is idempotent on every snippet', () => {
    for (const row of rows) {
      const once = maskPii(row.text).text
      expect(maskPii(once).text, row.text).toBe(once)
    }
  })
})

describe.each(['pii-tuning-2.jsonl', 'pii-tuning-3.jsonl'])(
  'tuning set %s (written after the masker, then tuned on)',
  (file) => {
    const later = loadCorpus(path.join(path.dirname(fileURLToPath(import.meta.url)), file))
    it('reaches precision and recall of at least 0.95 overall, exact spans, and lets no number or e-mail through', () => {
      const { precision, recall } = prf(total(score(later).exact))
      expect(precision).toBeGreaterThanOrEqual(0.95)
      expect(recall).toBeGreaterThanOrEqual(0.95)
      for (const row of later) {
        const out = maskPii(row.text).text
        for (const e of row.expected)
          if (['myNumber', 'phone', 'email'].includes(e.kind)) expect(out, row.text).not.toContain(e.value)
      }
    })
  },
)

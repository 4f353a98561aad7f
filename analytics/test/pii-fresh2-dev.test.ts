import { describe, expect, it } from 'vitest'

import {
  FRESH2,
  KEEP,
  loadCorpus,
  negativesUntouched,
  prf,
  publicKept,
  score,
  total,
} from '../bench/pii.bench'
import { maskPii, PII_KINDS } from '../src/pii'

// Floors on the second fresh corpus's DEV split (test/pii-fresh2.dev.jsonl), a little below
// the figures it reached after the changes it informed (1.000 for every kind): at most one miss or
// false alarm per kind (0.95, or one span of a small kind), 0.98 overall. Masked with the allow-list
// the CMS builds from content/. The fresh2 TEST split, scored once in round two, is tuning data since
// round three (test/pii-round3-floors.test.ts).
const rows = loadCorpus(FRESH2.dev)
const s = score(rows, KEEP)
const floor = (spans: number) => Math.min(0.95, 1 - 1 / spans)

describe('the second fresh dev split (test/pii-fresh2.dev.jsonl), masked with the allow-list from content/', () => {
  it('has at least 200 snippets and spans of every kind', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200)
    for (const k of PII_KINDS)
      expect(s.exact[k].tp + s.exact[k].fn, k).toBeGreaterThanOrEqual(k === 'postalCode' ? 5 : 15)
  })

  it.each(PII_KINDS)(
    'keeps %s at precision and recall of at least 0.95 (one span for a small kind), exact spans',
    (k) => {
      const { precision, recall } = prf(s.exact[k])
      expect(recall, `${k} recall`).toBeGreaterThanOrEqual(floor(s.exact[k].tp + s.exact[k].fn))
      expect(precision, `${k} precision`).toBeGreaterThanOrEqual(floor(s.exact[k].tp + s.exact[k].fp))
    },
  )

  it('keeps overall precision and recall of at least 0.98, exact spans', () => {
    const { precision, recall } = prf(total(s.exact))
    expect(precision).toBeGreaterThanOrEqual(0.98)
    expect(recall).toBeGreaterThanOrEqual(0.98)
  })

  it('keeps every number the knowledge base publishes readable and every line with nothing to mask unchanged', () => {
    const pub = publicKept(rows)
    expect(pub.total).toBeGreaterThanOrEqual(15)
    expect(pub.lost).toEqual([])
    const neg = negativesUntouched(rows)
    expect(neg.untouched).toBe(neg.total)
  })

  it('keeps the city hall’s address and postal code however written, and masks nothing else of those lines', () => {
    const hall = rows.filter((r) => /西条栄町|739-?8601|７３９/.test(r.text))
    expect(hall.length).toBeGreaterThanOrEqual(10)
    for (const r of hall) {
      const out = maskPii(r.text, KEEP).text
      for (const kept of ['西条栄町', '8601', '８６０１'])
        if (r.text.includes(kept) && !r.expected.some((e) => e.value.includes(kept)))
          expect(out, r.text).toContain(kept)
    }
  })

  it('lets no PIN, My Number, card number, phone number or e-mail address through, and is idempotent', () => {
    for (const row of rows) {
      const once = maskPii(row.text, KEEP).text
      for (const e of row.expected)
        if (['secret', 'myNumber', 'cardNumber', 'phone', 'email'].includes(e.kind))
          expect(once, row.text).not.toContain(e.value)
      expect(maskPii(once, KEEP).text, row.text).toBe(once)
    }
  })
})

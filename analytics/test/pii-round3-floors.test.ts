import path from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  FRESH,
  FRESH2,
  FRESH3,
  KEEP,
  loadCorpus,
  negativesUntouched,
  prf,
  publicKept,
  score,
  total,
} from '../bench/pii.bench'
import { maskPii, PII_KINDS } from '../src/pii'

// Floors on the splits tuned on in round three (decision 0044): the two fresh test splits, each read
// once in its own round, and the fresh3 DEV split; a little below what they reached (one miss or false
// alarm per kind, 0.98 overall), masked with the allow-list from content/. The held-out fresh3 TEST
// split is never read here.
const floor = (spans: number) => Math.min(0.95, 1 - 1 / spans)

describe.each([FRESH.test, FRESH2.test, FRESH3.dev])('tuned on in round three: %s', (file) => {
  const rows = loadCorpus(file)
  const s = score(rows, KEEP)

  it.each(PII_KINDS)('keeps %s at precision and recall of at least 0.95 (one span for a small kind)', (k) => {
    const c = s.exact[k]
    if (c.tp + c.fn === 0) return
    const { precision, recall } = prf(c)
    expect(recall, `${k} recall`).toBeGreaterThanOrEqual(floor(c.tp + c.fn))
    expect(precision, `${k} precision`).toBeGreaterThanOrEqual(floor(c.tp + c.fp))
  })

  it('keeps overall precision and recall of at least 0.98, every public number, and the negatives but one', () => {
    const { precision, recall } = prf(total(s.exact))
    expect(precision).toBeGreaterThanOrEqual(0.98)
    expect(recall).toBeGreaterThanOrEqual(0.98)
    expect(publicKept(rows).lost).toEqual([])
    const neg = negativesUntouched(rows)
    // at most one: 「受付番号 4821-5530-1176」 in the fresh test split has a check digit that verifies (README, Limits)
    expect(neg.untouched, path.basename(file)).toBeGreaterThanOrEqual(neg.total - 1)
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

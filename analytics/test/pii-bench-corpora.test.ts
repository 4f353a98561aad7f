import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { corpusRuns, FRESH4, TUNING_FILES, TUNING_SETS } from '../bench/pii.bench'

// Which corpora `npm run bench:pii` reads: every tuning set by default; one file alone with --corpus.
const files = (runs: { file: string }[]) => runs.map((r) => r.file)

describe('bench:pii corpora', () => {
  it('scores every tuning set by default: the tuning-N sets and both halves of the four fresh corpora', () => {
    const runs = corpusRuns({})
    expect(files(runs)).toEqual(TUNING_FILES)
    expect(TUNING_FILES).toHaveLength(11)
    expect(TUNING_FILES).toContain(FRESH4.test)
    // the tuning-N sets label public numbers as personal: scored without the allow-list
    for (const r of runs) expect(r.options.keepPhones === undefined).toBe(TUNING_SETS.includes(r.file))
  })

  it('scores any corpus alone with --corpus, with the allow-list, and names a missing file', () => {
    const runs = corpusRuns({ corpus: path.relative(process.cwd(), FRESH4.test) })
    expect(files(runs)).toEqual([FRESH4.test])
    expect(runs[0]!.options.keepPhones?.length).toBeGreaterThan(0)
    expect(() => corpusRuns({ corpus: 'test/pii-nothing.jsonl' })).toThrow(
      /--corpus: no file .*pii-nothing\.jsonl/,
    )
  })
})

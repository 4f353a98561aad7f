import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { corpusRuns, FRESH, FRESH2, FRESH3, HELD_OUT, TUNING_SETS } from '../bench/pii.bench'

// Which corpora `npm run bench:pii` reads: the held-out test split only when asked for, never by default.
const files = (runs: { file: string }[]) => runs.map((r) => r.file)
const always = () => true

describe('bench:pii corpora', () => {
  it('scores every tuning set and the fresh3 dev split by default, never a held-out split', () => {
    const runs = files(corpusRuns({}, always))
    expect(runs).toEqual([...TUNING_SETS, FRESH.dev, FRESH.test, FRESH2.dev, FRESH2.test, FRESH3.dev])
    for (const f of HELD_OUT) expect(runs).not.toContain(f)
    expect(files(corpusRuns({ split: 'dev' }, always))).toEqual(runs)
  })

  it('scores the fresh3 dev split alone with --dev, and nothing held out', () => {
    expect(files(corpusRuns({ devOnly: true }, always))).toEqual([FRESH3.dev])
  })

  it('reads the held-out test split only with --split test, and then alone', () => {
    expect(files(corpusRuns({ split: 'test' }, always))).toEqual([FRESH3.test])
    expect(() => corpusRuns({ corpus: FRESH3.test })).toThrow(
      /held-out test split: score it only with --split test/,
    )
    expect(() => corpusRuns({ corpus: path.relative(process.cwd(), FRESH3.test) })).toThrow(/held-out/)
    expect(files(corpusRuns({ corpus: FRESH3.test, split: 'test' }))).toEqual([FRESH3.test])
    expect(files(corpusRuns({ corpus: FRESH2.test }))).toEqual([FRESH2.test]) // read before: tuning data now
  })

  it('runs without the fresh3 files until they exist', () => {
    const none = () => false
    expect(files(corpusRuns({}, none))).toEqual([
      ...TUNING_SETS,
      FRESH.dev,
      FRESH.test,
      FRESH2.dev,
      FRESH2.test,
    ])
    expect(() => corpusRuns({ split: 'test' }, none)).toThrow(/no held-out test split/)
  })
})

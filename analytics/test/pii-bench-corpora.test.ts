import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { corpusRuns, FRESH, FRESH2, FRESH3, FRESH4, HELD_OUT, TUNING_SETS } from '../bench/pii.bench'

// Which corpora `npm run bench:pii` reads: the held-out test split only when asked for, never by default.
const files = (runs: { file: string }[]) => runs.map((r) => r.file)
const always = () => true

describe('bench:pii corpora', () => {
  it('scores every tuning set and the fresh4 dev split by default, never a held-out split', () => {
    const runs = files(corpusRuns({}, always))
    expect(runs).toEqual([
      ...TUNING_SETS,
      FRESH.dev,
      FRESH.test,
      FRESH2.dev,
      FRESH2.test,
      FRESH3.dev,
      FRESH3.test,
      FRESH4.dev,
    ])
    for (const f of HELD_OUT) expect(runs).not.toContain(f)
    expect(files(corpusRuns({ split: 'dev' }, always))).toEqual(runs)
  })

  it('scores the fresh4 dev split alone with --dev, and nothing held out', () => {
    expect(files(corpusRuns({ devOnly: true }, always))).toEqual([FRESH4.dev])
  })

  it('reads the held-out test split only with --split test, and then alone', () => {
    expect(HELD_OUT).toEqual([FRESH4.test])
    expect(files(corpusRuns({ split: 'test' }, always))).toEqual([FRESH4.test])
    expect(() => corpusRuns({ corpus: FRESH4.test })).toThrow(
      /held-out test split: score it only with --split test/,
    )
    expect(() => corpusRuns({ corpus: path.relative(process.cwd(), FRESH4.test) })).toThrow(/held-out/)
    expect(files(corpusRuns({ corpus: FRESH4.test, split: 'test' }))).toEqual([FRESH4.test])
    expect(files(corpusRuns({ corpus: FRESH3.test }))).toEqual([FRESH3.test]) // read in round three: tuning data now
  })

  it('runs without the fresh4 files until they exist', () => {
    const noFresh4 = (file: string) => !file.includes('pii-fresh4')
    expect(files(corpusRuns({}, noFresh4))).toEqual([
      ...TUNING_SETS,
      FRESH.dev,
      FRESH.test,
      FRESH2.dev,
      FRESH2.test,
      FRESH3.dev,
      FRESH3.test,
    ])
    expect(() => corpusRuns({ split: 'test' }, noFresh4)).toThrow(/no held-out test split/)
  })
})

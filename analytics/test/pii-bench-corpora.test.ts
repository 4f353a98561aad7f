import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { CURRENT, corpusRuns, FRESH_CORPORA, FRESH3, HELD_OUT, TUNING_SETS } from '../bench/pii.bench'

// Which corpora `npm run bench:pii` reads: the held-out test split only when asked for, never by default.
const files = (runs: { file: string }[]) => runs.map((r) => r.file)
const always = () => true
const earlier = FRESH_CORPORA.slice(0, -1).flatMap((c) => [c.dev, c.test])

describe('bench:pii corpora', () => {
  it('scores every tuning set, both halves of the earlier fresh corpora and the current dev split by default, never a held-out split', () => {
    const runs = files(corpusRuns({}, always))
    expect(runs).toEqual([...TUNING_SETS, ...earlier, CURRENT.dev])
    expect(runs).toContain(path.join(path.dirname(CURRENT.dev), 'pii-fresh13.test.jsonl'))
    for (const f of HELD_OUT) expect(runs).not.toContain(f)
    expect(files(corpusRuns({ split: 'dev' }, always))).toEqual(runs)
  })

  it('scores the current dev split alone with --dev, and nothing held out', () => {
    expect(files(corpusRuns({ devOnly: true }, always))).toEqual([CURRENT.dev])
  })

  it('reads the held-out test split only with --split test, and then alone', () => {
    expect(HELD_OUT).toEqual([CURRENT.test])
    expect(path.basename(CURRENT.test)).toBe('pii-fresh14.test.jsonl')
    expect(files(corpusRuns({ split: 'test' }, always))).toEqual([CURRENT.test])
    expect(() => corpusRuns({ corpus: CURRENT.test })).toThrow(
      /held-out test split: score it only with --split test/,
    )
    expect(() => corpusRuns({ corpus: path.relative(process.cwd(), CURRENT.test) })).toThrow(/held-out/)
    expect(files(corpusRuns({ corpus: CURRENT.test, split: 'test' }))).toEqual([CURRENT.test])
    expect(files(corpusRuns({ corpus: FRESH3.test }))).toEqual([FRESH3.test]) // read in round three: tuning data now
  })

  it('runs without the current round’s files until they exist', () => {
    const noCurrent = (file: string) => !file.includes('pii-fresh14')
    expect(files(corpusRuns({}, noCurrent))).toEqual([...TUNING_SETS, ...earlier])
    expect(() => corpusRuns({ split: 'test' }, noCurrent)).toThrow(/no held-out test split/)
  })
})

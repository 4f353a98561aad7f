/**
 * The corpora the masker's tagger learns from (`npm run train:masker -w @kotae/analytics`) and is judged
 * on left out (`npm run bench:pii-loco`): the project's own SYNTHETIC labelled corpora only, the three
 * tuning-N sets and both halves of the fresh corpora (fabricated snippets written for the project; no
 * real person's data). Never a call log, a transcript or anything else from production: no personal
 * information trains a model (a city rule).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { KEEP, loadCorpus, locate, type CorpusRow } from '../../bench/pii.bench'
import { findPii } from '../pii/mask'
import { syntheticRows } from './masker-synthetic'
import { foldWidth, hidePlaceholders } from '../pii/fold'
import { ruleLabels } from '../pii/tagger/model'
import { TRAIN_DEFAULTS, type TrainingLine } from '../pii/tagger/train'
import type { MaskOptions } from '../pii/types'

const test = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test')

export type Corpus = {
  name: string
  files: string[]
  options: MaskOptions
  fresh: boolean
  /** One half of a fresh corpus only (the other held out): its LOCO fold is summed apart. */
  partial?: boolean
  /** Lines made by a generator instead of read from files (`masker-synthetic.ts`). */
  generated?: () => CorpusRow[]
}

/**
 * Every labelled corpus, both halves of a fresh corpus together. The tuning-N sets label public numbers
 * as personal, so their rule features are taken without the allow-list, the fresh ones with it (as
 * `bench:pii` scores them).
 */
export const CORPORA: Corpus[] = [
  ...[1, 2, 3].map((n) => ({
    name: `tuning-${n}`,
    files: [`${test}/pii-tuning-${n}.jsonl`],
    options: {},
    fresh: false,
  })),
  ...['', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].map((n) => ({
    name: `fresh${n || '1'}`,
    files: [`${test}/pii-fresh${n}.dev.jsonl`, `${test}/pii-fresh${n}.test.jsonl`],
    options: KEEP,
    fresh: true,
  })),
  // template lines for the classes the tagger missed most (secrets and names); never left out, always trained on
  { name: 'synthetic', files: [], options: {}, fresh: false, generated: () => syntheticRows() },
]

/**
 * Corpora tried and not trained on (yet): `bench:pii-loco --with NAME` adds one to every fold's training
 * and scores it as a fold of its own (a dev half alone, `partial`, is summed apart from the complete
 * corpora). fresh13's DEV half (tuning data since round thirteen): tried as fresh12's dev half was in
 * round twelve (decision 0081), which trains with its test half since round thirteen (decision 0083), as
 * fresh11 since round twelve and fresh10 since round eleven; the current round's TEST half is held out and
 * never trains (a test checks it).
 */
export const CANDIDATES: Corpus[] = [
  {
    name: 'fresh13-dev',
    files: [`${test}/pii-fresh13.dev.jsonl`],
    options: KEEP,
    fresh: true,
    partial: true,
  },
]

export const rowsOf = (c: Corpus): CorpusRow[] => c.generated?.() ?? c.files.flatMap((f) => loadCorpus(f))

/**
 * Corpus rows as the tagger reads them: width-folded, placeholders blanked, the labelled spans, and
 * (`withRules`: when training reads them) the rules' findings (the rules alone, with the corpus's
 * options) as labels.
 */
export const trainingLines = (rows: CorpusRow[], options: MaskOptions, withRules: boolean): TrainingLine[] =>
  rows.map((r) => ({
    text: hidePlaceholders(foldWidth(r.text)),
    spans: locate(r),
    rules: withRules
      ? ruleLabels(r.text.length, findPii(r.text, { ...options, tagger: null }))
      : new Uint8Array(r.text.length),
  }))

export const corpusLines = (
  corpora: readonly Corpus[],
  withRules = TRAIN_DEFAULTS.ruleDropout < 1,
): TrainingLine[] => corpora.flatMap((c) => trainingLines(rowsOf(c), c.options, withRules))

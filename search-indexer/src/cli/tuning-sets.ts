/**
 * The tuning data: which halves of which question sets (tests/eval) the learned parts of the
 * ranking (`train:ranker`, `train:confidence`, and the FAQs' earlier phrasings of
 * `train:asked-before`) may be fitted on. A set's test half joins once it
 * has been read at the end of a round (decisions 0027, 0041): it can no longer say whether a
 * change generalizes, so it serves better as training data. The golden test half stays out (it
 * is the no-regression check), and so does the test half of a set still held out. A set whose
 * file is not there yet (a new round being written) is skipped. Node only.
 */
import fs from 'node:fs'
import path from 'node:path'

import { type GoldenQuestion, type GoldenSplit, parseGoldenJsonl } from '../eval/golden'

export type TuningSet = { file: string; splits: readonly GoldenSplit[] }

/** In-scope sets (each question has an FAQ that answers it). */
export const IN_SCOPE_TUNING: readonly TuningSet[] = [
  { file: 'golden.jsonl', splits: ['dev'] },
  { file: 'colloquial.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial2.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial3.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial4.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial5.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial6.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial7.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial8.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial9.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial10.jsonl', splits: ['dev', 'test'] },
  { file: 'colloquial11.jsonl', splits: ['dev', 'test'] },
  // Round twelve: dev half printed once (decision 0077), tuned on from decision 0080; test half
  // read once (decision 0080), tuned on from decision 0082.
  { file: 'colloquial12.jsonl', splits: ['dev', 'test'] },
  // Round thirteen's dev half only: printed once before it joined (decision 0082). Its test half was
  // read once at the end of that round (0082, last section) and joins at the next refit.
  { file: 'colloquial13.jsonl', splits: ['dev'] },
]

/** Off-topic sets (no FAQ answers them). */
export const OFF_TOPIC_TUNING: readonly TuningSet[] = [
  { file: 'offtopic.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic2.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic3.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic4.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic5.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic6.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic7.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic8.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic9.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic10.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic11.jsonl', splits: ['dev', 'test'] },
  // Round twelve's test half: read once (decision 0080), tuned on from decision 0082.
  { file: 'offtopic12.jsonl', splits: ['dev', 'test'] },
  { file: 'offtopic13.jsonl', splits: ['dev'] },
]

/** A short label for logs and generated files: `golden dev, colloquial dev+test, …`. */
export const describeTuning = (sets: readonly TuningSet[], dir: string): string =>
  sets
    .filter((s) => fs.existsSync(path.join(dir, s.file)))
    .map((s) => `${path.basename(s.file, '.jsonl')} ${s.splits.join('+')}`)
    .join(', ')

/** The questions of the sets' named halves, in file order (files not there are skipped). */
export function loadTuning(sets: readonly TuningSet[], dir: string): GoldenQuestion[] {
  return sets.flatMap((s) => {
    const file = path.join(dir, s.file)
    if (!fs.existsSync(file)) return []
    return parseGoldenJsonl(fs.readFileSync(file, 'utf8'), s.file).filter((q) => s.splits.includes(q.split))
  })
}

/**
 * How callers asked for each FAQ, from in-scope tuning questions: each question is a phrasing of
 * every FAQ it names (the "asked before" channel, engine/asked-before.ts), once, in file order;
 * FAQ ids sorted. `without`: set files left out, so that a set's figures say how the channel does
 * on words it was not built from (`eval:content --leave-set-out`, the training CLIs).
 */
export function askedBeforeOf(
  sets: readonly TuningSet[],
  dir: string,
  without: readonly string[] = [],
): Record<string, string[]> {
  const byFaq = new Map<string, string[]>()
  for (const q of loadTuning(
    sets.filter((s) => !without.includes(s.file)),
    dir,
  )) {
    for (const id of q.relevant) {
      const list = byFaq.get(id) ?? []
      if (!list.includes(q.query)) list.push(q.query)
      byFaq.set(id, list)
    }
  }
  return Object.fromEntries([...byFaq.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * Ranking quality floors on the tuning data (tests/eval, tuning-sets.ts), so that a change that
 * makes the first answer worse for how people really ask fails CI. Each set is ranked on an index
 * whose "asked before" channel was learned without it (leave-set-out.ts; decision 0048): with its
 * own questions in the index every question would find itself and no floor could fail. Floors sit
 * a little below the figures measured when they were set (search-indexer README), for the desk's
 * ranking and the site's. The golden test split and held-out test halves are never read here.
 */
import { describe, expect, it } from 'vitest'

import { leaveSetOut } from '../src/cli/leave-set-out'
import { toJudgement } from '../src/eval/golden'
import { evaluateRanking } from '../src/eval/metrics'
import { rankedIds } from '../src/eval/ranked-ids'

/** Floors per ranking and set: [P@1, success@3]. */
const FLOORS = {
  desk: {
    'golden.jsonl': [0.91, 0.95],
    'colloquial.jsonl': [0.83, 0.92],
    'colloquial2.jsonl': [0.83, 0.95],
    'colloquial3.jsonl': [0.7, 0.85],
    'colloquial4.jsonl': [0.7, 0.87],
  },
  site: {
    'golden.jsonl': [0.9, 0.94],
    'colloquial.jsonl': [0.83, 0.92],
    'colloquial2.jsonl': [0.83, 0.95],
    'colloquial3.jsonl': [0.7, 0.85],
    'colloquial4.jsonl': [0.69, 0.87],
  },
} as const

describe.each(['desk', 'site'] as const)(
  '%s ranking on the tuning data, each set left out of the channel',
  async (ranking) => {
    // As eval:content scores them: the desk's FAQs in the question's language; the site's saved index
    // as the search island asks it (FAQs and guides; a guide first is a miss).
    const { content, sets } = await leaveSetOut({}, ranking)
    const ranked = rankedIds(content, ranking)

    it.each(Object.entries(FLOORS[ranking]))(
      '%s: P@1 and success@3 stay above their floors',
      (file, [p1, s3]) => {
        const set = sets.find((s) => s.file === file)
        expect(set, file).toBeDefined()
        const m = evaluateRanking(set!.questions.map(toJudgement), (q) => ranked(set!.index, q))
        expect(m.p1).toBeGreaterThanOrEqual(p1)
        expect(m.success3).toBeGreaterThanOrEqual(s3)
      },
    )
  },
)

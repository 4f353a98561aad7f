/**
 * The engine answers every dev question of tests/eval exactly as recorded in rankings.json: the same
 * top 10 in the same order, with the same best passage, and scores, coverage and confidence equal to
 * 1e-9 (relative). It guards changes to the engine that must not change rankings. If content, the
 * questions, the analyzer or the weights changed on purpose, `npm run rankings:record` rewrites the
 * fixture (and the diff shows which answers moved).
 */
import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { RANKINGS_FILE, currentRankings, parseHit, type RecordedAnswer, type Rankings } from './rankings'

const recorded = JSON.parse(fs.readFileSync(RANKINGS_FILE, 'utf8')) as Rankings
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))

/** The answer with each number replaced by the recorded one where the two agree to 1e-9. */
function aligned(now: RecordedAnswer, then: RecordedAnswer | undefined): RecordedAnswer {
  if (!then) return now
  const hits = now.hits.map((hit, i) => {
    const was = then.hits[i]
    if (was === undefined) return hit
    const [a, b] = [parseHit(hit), parseHit(was)]
    return a.at === b.at && close(a.score, b.score) && close(a.coverage, b.coverage) ? was : hit
  })
  return {
    ...now,
    confidence: close(now.confidence, then.confidence) ? then.confidence : now.confidence,
    hits,
  }
}

describe('rankings of the dev questions', async () => {
  const now = await currentRankings()
  it.each(['desk', 'site'] as const)('%s: every answer as recorded', (ranking) => {
    expect(now[ranking].length).toBe(recorded[ranking].length)
    expect(now[ranking].length).toBeGreaterThan(200)
    for (const [i, answer] of now[ranking].entries())
      expect(aligned(answer, recorded[ranking][i]), answer.id).toEqual(recorded[ranking][i])
  })
})

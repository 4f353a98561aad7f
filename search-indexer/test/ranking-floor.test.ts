/**
 * Ranking quality floors on the DEV splits (tests/eval), so that a change that makes the first
 * answer worse for how people really ask fails CI. Floors sit a little below the figures measured
 * when they were set (search-indexer README), for the desk's ranking and the site's. The test
 * splits are never read here.
 */
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { EVAL_DIR, loadContentIndex, loadSiteIndex } from '../src/cli/content-index'
import { parseGoldenJsonl, toJudgement } from '../src/eval/golden'
import { evaluateRanking } from '../src/eval/metrics'

const dev = (file: string) => parseGoldenJsonl(fs.readFileSync(path.join(EVAL_DIR, file), 'utf8'), file).filter((q) => q.split === 'dev')

/** Floors per ranking and set: [P@1, success@3]. */
const FLOORS = {
  desk: { 'golden.jsonl': [0.91, 0.95], 'colloquial.jsonl': [0.83, 0.92] },
  site: { 'golden.jsonl': [0.9, 0.94], 'colloquial.jsonl': [0.83, 0.92] },
} as const

describe.each(['desk', 'site'] as const)('%s ranking on the dev splits', async (ranking) => {
  const { content, index } = ranking === 'desk' ? await loadContentIndex() : await loadSiteIndex()
  const original = new Map(content.faqs.filter((f) => f.translationOf).map((f) => [f.id, f.translationOf as string]))
  const rank = (q: string) => [...new Set(index.search(q, { limit: 10, kinds: ['faq'] }).map((h) => original.get(h.id) ?? h.id))]

  it.each(Object.entries(FLOORS[ranking]))('%s: P@1 and success@3 stay above their floors', (file, [p1, s3]) => {
    const m = evaluateRanking(dev(file).map(toJudgement), rank)
    expect(m.p1).toBeGreaterThanOrEqual(p1)
    expect(m.success3).toBeGreaterThanOrEqual(s3)
  })
})

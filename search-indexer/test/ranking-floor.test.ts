/**
 * Ranking quality floors on the DEV splits (tests/eval), so that a change that makes the first
 * answer worse for how people really ask fails CI. Floors sit a little below the figures measured
 * when they were set (search-indexer README), for the desk's ranking and the site's. The test
 * splits are never read here.
 */
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { queryLocale } from '../src/analyzer/language'
import { EVAL_DIR, loadContentIndex, loadSiteIndex } from '../src/cli/content-index'
import { loadSerializedIndex, serializeIndex } from '../src/engine/persist'
import { parseGoldenJsonl, toJudgement } from '../src/eval/golden'
import { evaluateRanking } from '../src/eval/metrics'

const dev = (file: string) =>
  parseGoldenJsonl(fs.readFileSync(path.join(EVAL_DIR, file), 'utf8'), file).filter((q) => q.split === 'dev')

/** Floors per ranking and set: [P@1, success@3]. */
const FLOORS = {
  desk: { 'golden.jsonl': [0.91, 0.95], 'colloquial.jsonl': [0.83, 0.92], 'colloquial2.jsonl': [0.83, 0.95] },
  site: { 'golden.jsonl': [0.9, 0.94], 'colloquial.jsonl': [0.83, 0.92], 'colloquial2.jsonl': [0.83, 0.95] },
} as const

describe.each(['desk', 'site'] as const)('%s ranking on the dev splits', async (ranking) => {
  // As eval:content scores them: the desk's FAQs in the question's language; the site's saved index
  // as the search island asks it (FAQs and guides; a guide first is a miss).
  const loaded = ranking === 'desk' ? await loadContentIndex() : await loadSiteIndex()
  const index = ranking === 'desk' ? loaded.index : loadSerializedIndex(serializeIndex(loaded.index))
  const original = new Map(
    loaded.content.faqs.filter((f) => f.translationOf).map((f) => [f.id, f.translationOf as string]),
  )
  const key = (h: { kind: string; id: string }) =>
    h.kind === 'faq' ? (original.get(h.id) ?? h.id) : `${h.kind}:${h.id}`
  const rank = (q: string) => [
    ...new Set(
      (ranking === 'desk'
        ? index.search(q, { limit: 10, kinds: ['faq'], locale: queryLocale(q) })
        : index.search(q, { limit: 10, kinds: ['faq', 'guide'] })
      ).map(key),
    ),
  ]

  it.each(Object.entries(FLOORS[ranking]))(
    '%s: P@1 and success@3 stay above their floors',
    (file, [p1, s3]) => {
      const m = evaluateRanking(dev(file).map(toJudgement), rank)
      expect(m.p1).toBeGreaterThanOrEqual(p1)
      expect(m.success3).toBeGreaterThanOrEqual(s3)
    },
  )
})

/**
 * The engine's exact answers to every dev question of tests/eval (golden, colloquial, colloquial2,
 * offtopic, offtopic2),
 * for the fixture `rankings.json` (`npm run rankings:record`) and the test that compares with it
 * (rankings.test.ts). Two rankings: the desk's (operator index in memory, FAQs in the question's
 * language) and the site's (public index saved and restored, FAQs and guides, no filter). Per
 * question: how sure, and the top 10 with score, best passage and coverage. A change to the engine
 * that is meant to keep rankings (a refactor, a new data structure) must leave all of it equal.
 */
import fs from 'node:fs'
import path from 'node:path'

import { queryLocale } from '../src/analyzer/language'
import { EVAL_DIR, loadContentIndex, loadSiteIndex } from '../src/cli/content-index'
import { loadSerializedIndex, serializeIndex } from '../src/engine/persist'
import type { SearchIndex, SearchOptions } from '../src/engine/search-index'
import { parseGoldenJsonl } from '../src/eval/golden'

export const RANKINGS_FILE = path.join(import.meta.dirname, 'rankings.json')
const SETS = ['golden.jsonl', 'colloquial.jsonl', 'colloquial2.jsonl', 'offtopic.jsonl', 'offtopic2.jsonl']

/**
 * One hit as `id#passage score[ coverage]`: a guide's id with `guide:` before it, passage -1 when
 * it has none, coverage only when below 1. Kept short: 2 × 429 answers of 10 hits.
 */
export type RecordedHit = string
/** `id`: the question's id in tests/eval (g001, c001, o001). */
export type RecordedAnswer = { id: string; confidence: number; hits: RecordedHit[] }
export type Rankings = { desk: RecordedAnswer[]; site: RecordedAnswer[] }

/** Ten significant digits: the test compares to 1e-9 (relative), far below any ranking decision. */
const round = (x: number) => Number(x.toPrecision(10))
const hitText = (key: string, passage: number, score: number, coverage: number): RecordedHit =>
  `${key.replace(/^faq:/u, '')}#${passage} ${round(score)}${coverage < 1 ? ` ${round(coverage)}` : ''}`
/** The parts of a {@link RecordedHit}: key and passage as one string, then the numbers. */
export function parseHit(hit: RecordedHit): { at: string; score: number; coverage: number } {
  const [at = '', score = 'NaN', coverage = '1'] = hit.split(' ')
  return { at, score: Number(score), coverage: Number(coverage) }
}

function answers(index: SearchIndex, options: (query: string) => SearchOptions): RecordedAnswer[] {
  const out: RecordedAnswer[] = []
  for (const set of SETS) {
    const dev = parseGoldenJsonl(fs.readFileSync(path.join(EVAL_DIR, set), 'utf8'), set).filter(
      (q) => q.split === 'dev',
    )
    for (const { id, query } of dev) {
      const a = index.answer(query, { limit: 10, ...options(query) })
      const hits = a.hits.map((h) =>
        hitText(`${h.kind}:${h.id}`, h.passage?.index ?? -1, h.score, h.coverage),
      )
      out.push({ id, confidence: round(a.confidence), hits })
    }
  }
  return out
}

export async function currentRankings(): Promise<Rankings> {
  const desk = (await loadContentIndex()).index
  const site = loadSerializedIndex(serializeIndex((await loadSiteIndex()).index))
  return {
    desk: answers(desk, (query) => ({ kinds: ['faq'], locale: queryLocale(query) })),
    site: answers(site, () => ({})),
  }
}

/** One answer per line, so a changed ranking shows as a one-line diff. */
export function formatRankings(r: Rankings): string {
  const lines = (list: RecordedAnswer[]) => list.map((a) => `    ${JSON.stringify(a)}`).join(',\n')
  return `{\n  "desk": [\n${lines(r.desk)}\n  ],\n  "site": [\n${lines(r.site)}\n  ]\n}\n`
}

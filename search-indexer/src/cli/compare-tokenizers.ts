/**
 * Compares word segmenters on the eval sets: Intl.Segmenter vs kuromoji, each with and without
 * character bigrams, and bigrams alone. Prints one line per variant and set.
 *   npm run compare:tokenizers -- --eval-dir <folder> [--json] [--golden-only]
 * Reads <folder>/{localgovfaq,stackfaq} (the external sets, in the format search-indexer/README.md
 * describes; KOTAE_EVAL_DIR works too), and the dev split of Kotae's golden set
 * (tests/eval/golden.jsonl) over the project's content. With --golden-only no folder is needed.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { SearchIndexOptions } from '../engine/search-index'
import { UsageError } from '../errors'
import { parseFaqJsonl, parseQueriesJsonl } from '../eval/dataset'
import { runEval } from '../eval/run'
import { parseGoldenJsonl, toJudgement } from '../eval/golden'
import { meanMetrics, metricCells, queryMetrics, roundMetrics } from '../eval/metrics'
import { originalOf } from '../eval/ranked-ids'
import { DEFAULT_GOLDEN, loadContentIndex } from './content-index'
import { loadKuromojiSegmenter } from '../node-only/kuromoji-segmenter'

const json = process.argv.includes('--json')
const goldenOnly = process.argv.includes('--golden-only')
const dirAt = process.argv.indexOf('--eval-dir')
const root = (dirAt >= 0 ? process.argv[dirAt + 1] : undefined) ?? process.env.KOTAE_EVAL_DIR ?? ''
if (!goldenOnly && !root) {
  console.error(
    new UsageError(
      'usage: npm run compare:tokenizers -- --eval-dir <folder holding localgovfaq/ and stackfaq/> [--json] [--golden-only]',
    ).message,
  )
  process.exit(2)
}

const t0 = performance.now()
const kuromojiSurface = await loadKuromojiSegmenter('surface')
const kuromojiBasic = await loadKuromojiSegmenter('basic')
const loadMs = performance.now() - t0

const variants: [string, SearchIndexOptions][] = [
  ['segmenter words + bigrams (default)', {}],
  ['segmenter words only', { weights: { grams: 0 } }],
  ['bigrams only', { words: false, weights: { grams: 1 } }],
  ['kuromoji surface + bigrams', { segmenter: kuromojiSurface }],
  ['kuromoji surface only', { segmenter: kuromojiSurface, weights: { grams: 0 } }],
  ['kuromoji base forms + bigrams', { segmenter: kuromojiBasic }],
]
const rows: unknown[] = []
if (!json) console.log(`kuromoji dictionaries loaded in ${loadMs.toFixed(0)} ms`)
for (const set of goldenOnly ? [] : ['localgovfaq', 'stackfaq']) {
  const dir = path.join(root, set)
  const faqs = parseFaqJsonl(
    fs.readFileSync(path.join(dir, 'faq.jsonl'), 'utf8'),
    path.join(dir, 'faq.jsonl'),
  )
  const queries = parseQueriesJsonl(
    fs.readFileSync(path.join(dir, 'queries.dev.jsonl'), 'utf8'),
    path.join(dir, 'queries.dev.jsonl'),
  )
  if (!json)
    console.log(
      `\n${set}: ${faqs.length} FAQs, ${queries.length} dev queries\n${'variant'.padEnd(36)}${metricCells()}${'build ms'.padStart(10)}${'ms/q'.padStart(8)}`,
    )
  for (const [name, opts] of variants) {
    const r = runEval(faqs, queries, opts)
    rows.push({
      set,
      variant: name,
      ...roundMetrics(r.kotae),
      buildMs: Math.round(r.buildMs),
      msPerQuery: Math.round(r.queryMs * 10) / 10,
    })
    if (!json)
      console.log(
        `${name.padEnd(36)}${metricCells(r.kotae)}${r.buildMs.toFixed(0).padStart(10)}${r.queryMs.toFixed(1).padStart(8)}`,
      )
  }
}
{
  const golden = parseGoldenJsonl(fs.readFileSync(DEFAULT_GOLDEN, 'utf8'), DEFAULT_GOLDEN).filter(
    (q) => q.split === 'dev',
  )
  if (!json)
    console.log(
      `\ngolden dev: ${golden.length} questions over the project's content (operator ranking)\n${'variant'.padEnd(36)}${metricCells()}${'build ms'.padStart(10)}${'ms/q'.padStart(8)}`,
    )
  for (const [name, opts] of variants) {
    const t0 = performance.now()
    const { content, index } = await loadContentIndex(opts)
    const buildMs = performance.now() - t0
    const original = originalOf(content)
    const t1 = performance.now()
    const m = meanMetrics(
      golden.map((q) =>
        queryMetrics(
          [...new Set(index.search(q.query, { limit: 10, kinds: ['faq'] }).map((h) => original(h.id)))],
          toJudgement(q),
        ),
      ),
    )
    const msPerQuery = (performance.now() - t1) / golden.length
    rows.push({
      set: 'golden-dev',
      variant: name,
      ...roundMetrics(m),
      buildMs: Math.round(buildMs),
      msPerQuery: Math.round(msPerQuery * 10) / 10,
    })
    if (!json)
      console.log(
        `${name.padEnd(36)}${metricCells(m)}${buildMs.toFixed(0).padStart(10)}${msPerQuery.toFixed(1).padStart(8)}`,
      )
  }
}
if (json) console.log(JSON.stringify(rows))

/**
 * npm run eval -- --faq <faq.jsonl> --queries <queries.jsonl> [--k 10] [--json]
 *
 * Prints P@1, success@3, P@5, MRR@10, nDCG@5, nDCG@10, Recall@5 and Recall@10 for Kotae's ranking,
 * for the plain BM25 baseline (raw character bigrams) and for the peer a team would pick instead
 * (MiniSearch with an Intl.Segmenter tokenizer, eval/minisearch-peer.ts), all in the same run.
 * `--json` prints exactly one object: {"queries": n, "kotae": {...}, "bm25": {...}, "peer": {...}}.
 * A malformed file line exits 1 with its file:line.
 */

import { EvalFileError, UsageError } from '../errors'
import { parseFaqJsonl, parseQueriesJsonl } from '../eval/dataset'
import { metricCells, roundMetrics } from '../eval/metrics'
import { runEval } from '../eval/run'
import { parseCommandLine, wholeNumberOption } from './commandLine'
import { readEvalFile } from './readEvalFile'

const USAGE = 'usage: npm run eval -- --faq <faq.jsonl> --queries <queries.jsonl> [--k 10] [--json]'

function main(argv: string[]): void {
  const { values } = parseCommandLine(
    {
      args: argv,
      options: {
        faq: { type: 'string' },
        queries: { type: 'string' },
        k: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    },
    USAGE,
  )
  if (values.help) {
    console.log(USAGE)
    return
  }
  if (!values.faq || !values.queries) throw new UsageError(`--faq and --queries are required\n${USAGE}`)
  const k = wholeNumberOption(values.k, 'k', [10, 1000], USAGE, 'MRR@10 and Recall@10 need 10')

  const faqs = parseFaqJsonl(readEvalFile(values.faq), values.faq)
  const queries = parseQueriesJsonl(readEvalFile(values.queries), values.queries)
  const result = runEval(faqs, queries, {}, k)

  if (values.json) {
    console.log(
      JSON.stringify({
        queries: result.queries,
        kotae: roundMetrics(result.kotae),
        bm25: roundMetrics(result.bm25),
        peer: roundMetrics(result.peer),
      }),
    )
    return
  }
  console.log(
    `${faqs.length} FAQs (${values.faq}), ${queries.length} queries (${values.queries}), ranked to depth ${k}`,
  )
  console.log(`index build ${result.buildMs.toFixed(0)} ms, ${result.queryMs.toFixed(1)} ms per query`)
  const pad = (s: string, n: number) => s.padEnd(n)
  console.log(`${pad('', 12)}${metricCells()}`)
  for (const [name, m] of [
    ['kotae', result.kotae],
    ['bm25', result.bm25],
    ['minisearch', result.peer],
  ] as const) {
    console.log(`${pad(name, 12)}${metricCells(m)}`)
  }
  const ratio = (base: number) => (base > 0 ? result.kotae.mrr10 / base : Number.NaN).toFixed(2)
  console.log(
    `MRR@10 kotae / bm25 = ${ratio(result.bm25.mrr10)}; kotae / minisearch = ${ratio(result.peer.mrr10)}`,
  )
}

try {
  main(process.argv.slice(2))
} catch (error) {
  if (error instanceof EvalFileError || error instanceof UsageError) {
    console.error(`eval: ${error.message}`)
    process.exit(1)
  }
  throw error
}

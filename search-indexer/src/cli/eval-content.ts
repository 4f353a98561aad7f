/**
 * npm run eval:content -- [--golden tests/eval/golden.jsonl] [--split dev|test|all] [--k 10] [--json] [--misses]
 *
 * Kotae's operator ranking (as `npm run ask`) over the project's own content, scored on the golden
 * set: P@1, P@5, MRR@10, nDCG@5, Recall@5 and Recall@10 per split (dev, test, all), with the plain
 * bigram-BM25 baseline over question + answer for reference. A hit on an English translation counts
 * as the Japanese FAQ it translates (`translationOf`). `--json` prints one object:
 * {"faqs": n, "splits": {"dev": {"queries", "kotae": {...}, "bm25": {...}}, "test": {...}, "all": {...}}}.
 * Each split also carries `success5`: the share of questions with at least one correct answer in the
 * top 5 (Recall@5 counts every listed answer, which the label audit made stricter; see tests/eval).
 * `--misses` lists the questions whose first candidate is not relevant (tune on dev only).
 * A malformed line or an unknown FAQ id exits 1 naming the file and line.
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'

import { EvalFileError, UsageError } from '../errors'
import { Bm25Baseline } from '../eval/bm25-baseline'
import { GOLDEN_SPLITS, checkGoldenIds, parseGoldenJsonl, toJudgement, type GoldenQuestion } from '../eval/golden'
import { METRIC_LABELS, METRIC_NAMES, evaluateRanking, meanMetrics, queryMetrics, roundMetrics, type Metrics } from '../eval/metrics'
import { DEFAULT_GOLDEN, loadContentIndex } from './content-index'

const USAGE = 'usage: npm run eval:content -- [--golden <golden.jsonl>] [--split dev|test|all] [--k 10] [--json] [--misses]'

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new EvalFileError(file, 0, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? (error as Error).message})`)
  }
}

async function main(argv: string[]): Promise<void> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        golden: { type: 'string', default: DEFAULT_GOLDEN },
        split: { type: 'string', default: 'all' },
        k: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        misses: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`)
  }
  if (values.help) {
    console.log(USAGE)
    return
  }
  const k = Number(values.k)
  if (!Number.isInteger(k) || k < 10 || k > 100) throw new UsageError(`--k must be an integer from 10 to 100 (MRR@10 and Recall@10 need 10)\n${USAGE}`)
  const wanted = values.split === 'all' ? [...GOLDEN_SPLITS, 'all'] : [values.split]
  if (!wanted.every((s) => s === 'all' || (GOLDEN_SPLITS as readonly string[]).includes(s))) throw new UsageError(`--split must be dev, test or all\n${USAGE}`)

  const file = values.golden
  const golden = parseGoldenJsonl(readFile(file), file)
  const { content, index } = await loadContentIndex()
  if (content.problems.length > 0) console.error(`eval:content: content has ${content.problems.length} problem(s) (npm run content:check); scoring what loaded`)
  const faqIds = new Set(content.faqs.map((f) => f.id))
  checkGoldenIds(golden, faqIds, file)

  // An English FAQ is a translation of a Japanese one: the operator reads the same answer, so a hit
  // on it counts as its original (and each answer counts once).
  const original = new Map(content.faqs.filter((f) => f.translationOf).map((f) => [f.id, f.translationOf as string]))
  const rank = (query: string): string[] => [...new Set(index.search(query, { limit: k, kinds: ['faq'] }).map((h) => original.get(h.id) ?? h.id))]
  const baseline = new Bm25Baseline(content.faqs.map((f) => ({ id: f.id, question: f.question, answer: f.answer })))

  const ranked = new Map<string, string[]>()
  const t0 = performance.now()
  for (const q of golden) ranked.set(q.id, rank(q.query))
  const msPerQuery = (performance.now() - t0) / golden.length

  const splits: Record<string, { queries: number; kotae: Metrics; bm25: Metrics; success5: { kotae: number; bm25: number } }> = {}
  const anyIn5 = (r: readonly string[], q: GoldenQuestion) => r.slice(0, 5).some((id) => q.relevant.includes(id))
  const share = (qs: GoldenQuestion[], hit: (q: GoldenQuestion) => boolean) => (qs.length ? Math.round((qs.filter(hit).length / qs.length) * 1000) / 1000 : 0)
  for (const split of wanted) {
    const qs = golden.filter((q) => split === 'all' || q.split === split)
    const judgements = qs.map(toJudgement)
    splits[split] = {
      queries: qs.length,
      kotae: meanMetrics(judgements.map((j) => queryMetrics(ranked.get(j.id) ?? [], j))),
      bm25: evaluateRanking(judgements, (q) => baseline.rank(q, k)),
      success5: { kotae: share(qs, (q) => anyIn5(ranked.get(q.id) ?? [], q)), bm25: share(qs, (q) => anyIn5(baseline.rank(q.query, 5), q)) },
    }
  }

  if (values.json) {
    const out: Record<string, unknown> = {}
    for (const [s, r] of Object.entries(splits)) out[s] = { queries: r.queries, kotae: roundMetrics(r.kotae), bm25: roundMetrics(r.bm25), success5: r.success5 }
    console.log(JSON.stringify({ faqs: faqIds.size, splits: out }))
    return
  }
  console.log(`golden set ${file}: ${golden.length} questions; ${content.faqs.length} FAQs (operator ranking, FAQs only); ${msPerQuery.toFixed(1)} ms per query`)
  console.log(`${''.padEnd(16)}${'queries'.padStart(8)}${METRIC_NAMES.map((m) => METRIC_LABELS[m].padStart(10)).join('')}`)
  for (const [s, r] of Object.entries(splits)) {
    for (const [name, m] of [['kotae', r.kotae], ['bm25', r.bm25]] as const) {
      console.log(`${`${s} ${name}`.padEnd(16)}${String(r.queries).padStart(8)}${METRIC_NAMES.map((x) => m[x].toFixed(3).padStart(10)).join('')}`)
    }
  }
  console.log(`success@5 (at least one correct answer in the top 5): ${Object.entries(splits).map(([s, r]) => `${s} kotae ${r.success5.kotae.toFixed(3)} / bm25 ${r.success5.bm25.toFixed(3)}`).join('; ')}`)
  if (values.misses) printMisses(golden.filter((q) => wanted.includes('all') || wanted.includes(q.split)), ranked)
}

function printMisses(questions: GoldenQuestion[], ranked: Map<string, string[]>): void {
  console.log('\nfirst candidate not relevant (id split style: query → expected; got top 5):')
  for (const q of questions) {
    const r = ranked.get(q.id) ?? []
    if (r[0] !== undefined && q.relevant.includes(r[0])) continue
    const at = r.findIndex((id) => q.relevant.includes(id))
    console.log(`${q.id} ${q.split} ${q.style}: ${q.query} → ${q.relevant.join(', ')} (rank ${at >= 0 ? at + 1 : '-'}); got ${r.slice(0, 5).join(', ') || '(nothing)'}`)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof EvalFileError || error instanceof UsageError) {
    console.error(`eval:content: ${error.message}`)
    process.exit(1)
  }
  throw error
})

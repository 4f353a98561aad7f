/**
 * npm run eval:content -- [--set golden|colloquial|…|colloquial14] [--golden <file>] [--split dev|test]
 *                         [--ranking desk|site] [--k 10] [--json] [--misses] [--leave-set-out]
 *
 * Kotae's ranking over the project's own content, scored on its question sets (tests/eval):
 * `golden.jsonl` (tidy-to-colloquial, 176), `colloquial.jsonl` and `colloquial2.jsonl` (callers' own
 * words: dialect, kana, typos, rambling), `offtopic.jsonl` and `offtopic2.jsonl` (questions no FAQ answers). Per set: P@1, success@3, P@5,
 * MRR@10, nDCG@5, nDCG@10, Recall@5, Recall@10 for Kotae, for the plain bigram-BM25 baseline and for
 * the MiniSearch peer (eval/minisearch-peer.ts), all over the same FAQs; for the off-topic set, the
 * share that gets no sure answer. A hit on an English translation counts as its original.
 *
 * Evaluation hygiene: the default split is `dev` (tune on it). The `test` split is printed only when
 * asked for with `--split test`, and never with `--misses` (which lists the dev questions whose first
 * candidate is wrong). `--ranking desk` (default) is the operator ranking as `npm run ask` and the
 * desk use it; `site` is the public index the static site ships (public FAQs, no operator notes).
 * A tuning question is also a FAQ's earlier phrasing (the asked-before channel, decision 0048) and
 * finds itself; `--leave-set-out` scores each set on an index whose channel was learned without that
 * set's file, which is the honest figure for tuning data.
 * `--json` prints one object:
 * {"faqs", "ranking", "split", "sets": {"golden": {"queries", "kotae", "bm25", "peer", "unsure"}, ...},
 *  "offtopic": {"offtopic": {"queries", "unsure"}, "offtopic2": {...}}}; `unsure` is the share that gets
 * no sure answer (confidence.ts).
 * A malformed line or an unknown FAQ id exits 1 naming the file and line.
 */
import fs from 'node:fs'
import path from 'node:path'

import { EvalFileError, UsageError } from '../errors'
import { Bm25Baseline } from '../eval/bm25-baseline'
import {
  GOLDEN_SPLITS,
  checkGoldenIds,
  parseGoldenJsonl,
  toJudgement,
  type GoldenQuestion,
  type GoldenSplit,
} from '../eval/golden'
import {
  evaluateRanking,
  meanMetrics,
  metricCells,
  queryMetrics,
  roundMetrics,
  type Metrics,
} from '../eval/metrics'
import { MiniSearchPeer } from '../eval/minisearch-peer'
import { originalOf, rankedIds, searchOptions } from '../eval/ranked-ids'
import { offtopicSetsToPrint } from '../eval/test-reads'
import { loadSerializedIndex, serializeIndex } from '../engine/persist'
import type { SearchIndex } from '../engine/search-index'
import { EVAL_DIR, loadContentIndex, loadSiteIndex } from './content-index'
import { parseCommandLine, wholeNumberOption } from './commandLine'
import { readEvalFile } from './readEvalFile'
import { askedBeforeOf, IN_SCOPE_TUNING } from './tuning-sets'

const USAGE =
  'usage: npm run eval:content -- [--set golden|colloquial|colloquial2|colloquial3|colloquial4|colloquial5|colloquial6|colloquial7|colloquial8|colloquial9|colloquial10|colloquial11|colloquial12|colloquial13|colloquial14] [--golden <file.jsonl>] [--split dev|test] [--ranking desk|site] [--k 10] [--json] [--misses] [--leave-set-out]'
/** The question sets scored by default, by name (files in tests/eval). */
const SETS: Record<string, string> = {
  golden: 'golden.jsonl',
  colloquial: 'colloquial.jsonl',
  colloquial2: 'colloquial2.jsonl',
  colloquial3: 'colloquial3.jsonl',
  colloquial4: 'colloquial4.jsonl',
  colloquial5: 'colloquial5.jsonl',
  colloquial6: 'colloquial6.jsonl',
  colloquial7: 'colloquial7.jsonl',
  colloquial8: 'colloquial8.jsonl',
  colloquial9: 'colloquial9.jsonl',
  colloquial10: 'colloquial10.jsonl',
  colloquial11: 'colloquial11.jsonl',
  colloquial12: 'colloquial12.jsonl',
  colloquial13: 'colloquial13.jsonl',
  colloquial14: 'colloquial14.jsonl',
}
/** The off-topic sets (questions no FAQ answers), each reported on its own. */
const OFFTOPIC: Record<string, string> = {
  offtopic: 'offtopic.jsonl',
  offtopic2: 'offtopic2.jsonl',
  offtopic3: 'offtopic3.jsonl',
  offtopic4: 'offtopic4.jsonl',
  offtopic5: 'offtopic5.jsonl',
  offtopic6: 'offtopic6.jsonl',
  offtopic7: 'offtopic7.jsonl',
  offtopic8: 'offtopic8.jsonl',
  offtopic9: 'offtopic9.jsonl',
  offtopic10: 'offtopic10.jsonl',
  offtopic11: 'offtopic11.jsonl',
  offtopic12: 'offtopic12.jsonl',
  offtopic13: 'offtopic13.jsonl',
  offtopic14: 'offtopic14.jsonl',
}

const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : 0)

type SetResult = { queries: number; kotae: Metrics; bm25: Metrics; peer: Metrics; unsure: number }

function parseCli(argv: string[]) {
  const { values } = parseCommandLine(
    {
      args: argv,
      options: {
        set: { type: 'string', multiple: true },
        golden: { type: 'string' },
        split: { type: 'string', default: 'dev' },
        ranking: { type: 'string', default: 'desk' },
        k: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        misses: { type: 'boolean', default: false },
        'leave-set-out': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    },
    USAGE,
  )
  const k = wholeNumberOption(values.k, 'k', [10, 100], USAGE, 'MRR@10 and Recall@10 need 10')
  if (!(GOLDEN_SPLITS as readonly string[]).includes(values.split))
    throw new UsageError(
      `--split must be dev or test (the test split is read only when asked for by name)\n${USAGE}`,
    )
  if (values.split === 'test' && values.misses)
    throw new UsageError(
      `--misses lists dev questions only: looking at test misses would tune on the test split\n${USAGE}`,
    )
  if (values.split === 'test' && !values.set?.length && !values.golden)
    throw new UsageError(
      `--split test reads the sets named with --set (a held-out round is read once, by name)\n${USAGE}`,
    )
  if (values.ranking !== 'desk' && values.ranking !== 'site')
    throw new UsageError(`--ranking must be desk or site\n${USAGE}`)
  const unknown = (values.set ?? []).filter((s) => !(s in SETS))
  if (unknown.length)
    throw new UsageError(
      `unknown --set ${unknown.join(', ')} (known: ${Object.keys(SETS).join(', ')})\n${USAGE}`,
    )
  const files: [string, string][] = values.golden
    ? [[path.basename(values.golden, '.jsonl'), values.golden]]
    : (values.set?.length ? values.set : Object.keys(SETS))
        .map((s): [string, string] => [s, path.join(EVAL_DIR, SETS[s] ?? '')])
        .filter(([name, file]) => values.set?.includes(name) || fs.existsSync(file))
  return {
    k,
    split: values.split as GoldenSplit,
    ranking: values.ranking as 'desk' | 'site',
    json: values.json,
    misses: values.misses,
    leaveSetOut: values['leave-set-out'],
    help: values.help,
    files,
    custom: Boolean(values.golden),
  }
}

async function main(argv: string[]): Promise<void> {
  const cli = parseCli(argv)
  if (cli.help) {
    console.log(USAGE)
    return
  }
  const sets = cli.files.map(([name, file]) => ({
    name,
    file,
    questions: parseGoldenJsonl(readEvalFile(file), file),
  }))
  const printed = offtopicSetsToPrint(
    cli.split,
    cli.files.map(([name]) => name),
    Object.keys(OFFTOPIC),
  )
  const offtopicSets = Object.entries(OFFTOPIC)
    .map(([name, file]) => [name, path.join(EVAL_DIR, file)] as const)
    .filter(([name, file]) => !cli.custom && printed.includes(name) && fs.existsSync(file))
    .map(([name, file]) => ({
      name,
      file,
      questions: parseGoldenJsonl(readEvalFile(file), file).filter((q) => q.split === cli.split),
    }))

  // The site's ranking is scored on the index as the browser has it (saved, then restored) and as
  // the search island asks it (FAQs and guides together, no language filter): a guide ranked first
  // is what the citizen sees first, so it counts as a miss.
  // With --leave-set-out, each set is scored on an index whose FAQs' earlier phrasings (the asked
  // before channel) were learned without that set's file: its questions are not in the index, so
  // the figure says how the channel does on words it never saw, as a new caller's would be.
  const load = async (askedBefore?: Record<string, string[]>) => {
    const loaded =
      cli.ranking === 'desk' ? await loadContentIndex({ askedBefore }) : await loadSiteIndex({ askedBefore })
    const index = cli.ranking === 'desk' ? loaded.index : loadSerializedIndex(serializeIndex(loaded.index))
    return { content: loaded.content, index }
  }
  const loaded = await load()
  const content = loaded.content
  const indexFor = async (file: string): Promise<SearchIndex> =>
    cli.leaveSetOut
      ? (await load(askedBeforeOf(IN_SCOPE_TUNING, EVAL_DIR, [path.basename(file)]))).index
      : loaded.index
  if (content.problems.length > 0)
    console.error(
      `eval:content: content has ${content.problems.length} problem(s) (npm run content:check); scoring what loaded`,
    )
  const faqIds = new Set(content.faqs.map((f) => f.id))
  for (const s of sets) checkGoldenIds(s.questions, faqIds, s.file)

  // A translation's hit counts as its original; the desk and the site ask as they do (ranked-ids.ts).
  const original = originalOf(content)
  const rank = rankedIds(content, cli.ranking, cli.k)
  const sure = (index: SearchIndex, query: string) =>
    index.answer(query, { limit: 1, ...searchOptions(cli.ranking, query) }).sure
  const baselineDocs = content.faqs.map((f) => ({ id: f.id, question: f.question, answer: f.answer }))
  const baseline = new Bm25Baseline(baselineDocs)
  const peer = new MiniSearchPeer(baselineDocs)
  const peerRank = (query: string) => [...new Set(peer.rank(query, cli.k).map(original))]
  const bm25Rank = (query: string) => [...new Set(baseline.rank(query, cli.k).map(original))]

  const results: Record<string, SetResult> = {}
  const ranked = new Map<GoldenQuestion, string[]>()
  let queries = 0
  const t0 = performance.now()
  for (const s of sets) {
    const qs = s.questions.filter((q) => q.split === cli.split)
    const index = await indexFor(s.file)
    for (const q of qs) ranked.set(q, rank(index, q.query))
    queries += qs.length
    const judgements = qs.map(toJudgement)
    results[s.name] = {
      queries: qs.length,
      kotae: meanMetrics(qs.map((q) => queryMetrics(ranked.get(q) ?? [], toJudgement(q)))),
      bm25: evaluateRanking(judgements, bm25Rank),
      peer: evaluateRanking(judgements, peerRank),
      unsure: share(qs.filter((q) => !sure(index, q.query)).length, qs.length),
    }
  }
  const msPerQuery = (performance.now() - t0) / Math.max(1, queries)
  const offtopic = offtopicSets.map((s) => ({
    ...s,
    unsure: s.questions.filter((q) => !sure(loaded.index, q.query)).length,
  }))
  const offtopicResult = Object.fromEntries(
    offtopic.map((s) => [
      s.name,
      { queries: s.questions.length, unsure: share(s.unsure, s.questions.length) },
    ]),
  )

  if (cli.json) {
    const out: Record<string, unknown> = {}
    for (const [name, r] of Object.entries(results))
      out[name] = {
        queries: r.queries,
        kotae: roundMetrics(r.kotae),
        bm25: roundMetrics(r.bm25),
        peer: roundMetrics(r.peer),
        unsure: r.unsure,
      }
    console.log(
      JSON.stringify({
        faqs: faqIds.size,
        ranking: cli.ranking,
        split: cli.split,
        sets: out,
        offtopic: offtopicResult,
      }),
    )
    return
  }
  console.log(
    `${cli.ranking} ranking, ${cli.split} split; ${content.faqs.length} FAQs; ${msPerQuery.toFixed(1)} ms per query${cli.leaveSetOut ? '; asked-before channel without the scored set' : ''}`,
  )
  console.log(`${''.padEnd(22)}${'queries'.padStart(8)}${metricCells()}`)
  for (const [name, r] of Object.entries(results)) {
    for (const [engine, m] of [
      ['kotae', r.kotae],
      ['bm25', r.bm25],
      ['minisearch', r.peer],
    ] as const) {
      console.log(`${`${name} ${engine}`.padEnd(22)}${String(r.queries).padStart(8)}${metricCells(m)}`)
    }
  }
  console.log(
    `no sure answer: ${Object.entries(results)
      .map(([name, r]) => `${name} ${(r.unsure * 100).toFixed(1)} %`)
      .join(', ')} (in scope: should be low)`,
  )
  for (const s of offtopic) {
    if (s.questions.length)
      console.log(
        `off-topic (${path.basename(s.file)}, ${cli.split}): ${s.unsure} of ${s.questions.length} get no sure answer (${((s.unsure / s.questions.length) * 100).toFixed(1)} %; should be high)`,
      )
  }
  if (cli.misses) printMisses([...ranked.entries()])
}

function printMisses(entries: [GoldenQuestion, string[]][]): void {
  console.log('\nfirst candidate not relevant (id style: query → expected; got top 5):')
  for (const [q, r] of entries) {
    if (r[0] !== undefined && q.relevant.includes(r[0])) continue
    const at = r.findIndex((id) => q.relevant.includes(id))
    console.log(
      `${q.id} ${q.style}: ${q.query} → ${q.relevant.join(', ')} (rank ${at >= 0 ? at + 1 : '-'}); got ${r.slice(0, 5).join(', ') || '(nothing)'}`,
    )
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof EvalFileError || error instanceof UsageError) {
    console.error(`eval:content: ${error.message}`)
    process.exit(1)
  }
  throw error
})

/**
 * npm run eval:transcripts -- [--split dev|test] [--count 300] [--json] [--misses]
 *
 * The transcript suggestions (transcripts/suggest.ts) on generated calls (transcripts/generate.ts):
 * precision and recall of the suggested FAQs against the FAQs the generator had the operator
 * answer with, micro-averaged over all calls; also the outcome's share right where the call had a
 * FAQ answer. The callers' words come from Kotae's question sets, one split only: `dev` (default,
 * seed 1) to tune on, `test` (seed 2) to read once at the end of a round of changes. `--misses`
 * (dev only) prints each wrong or missed FAQ with the turn it came from.
 */
import fs from 'node:fs'
import path from 'node:path'

import { UsageError } from '../errors'
import { parseGoldenJsonl } from '../eval/golden'
import { generateCalls } from '../transcripts/generate'
import { prepareFaqs, suggestFromTranscript } from '../transcripts/suggest'
import { EVAL_DIR, loadContentIndex } from './content-index'
import { parseCommandLine, wholeNumberOption } from './commandLine'

const USAGE = 'usage: npm run eval:transcripts -- [--split dev|test] [--count 300] [--json] [--misses]'

async function main(argv: string[]): Promise<void> {
  const { values } = parseCommandLine(
    {
      args: argv,
      options: {
        split: { type: 'string', default: 'dev' },
        count: { type: 'string', default: '300' },
        json: { type: 'boolean', default: false },
        misses: { type: 'boolean', default: false },
      },
    },
    USAGE,
  )
  const split = values.split
  if (split !== 'dev' && split !== 'test') throw new UsageError(`--split must be dev or test\n${USAGE}`)
  if (split === 'test' && values.misses)
    throw new UsageError('--misses lists dev calls only: the test split is read, not studied')
  const count = wholeNumberOption(values.count, 'count', [1, 100_000], USAGE)

  const { content, index } = await loadContentIndex()
  const faqs = content.faqs
    .filter((f) => !f.translationOf)
    .map((f) => ({ id: f.id, shortAnswer: f.shortAnswer, category: f.category }))
  const questions = ['golden.jsonl', 'colloquial.jsonl']
    .flatMap((f) => parseGoldenJsonl(fs.readFileSync(path.join(EVAL_DIR, f), 'utf8'), f))
    .filter((q) => q.split === split)
  const calls = generateCalls({ faqs, questions, seed: split === 'dev' ? 1 : 2, count })
  const prepared = prepareFaqs(faqs)

  let tp = 0
  let fp = 0
  let fn = 0
  let outcomeRight = 0
  let turns = 0
  const started = performance.now()
  const misses: string[] = []
  for (const call of calls) {
    turns += call.turns.length
    const s = suggestFromTranscript(call.turns, index, prepared)
    const got = new Set(s.faqs.map((f) => f.id))
    const want = new Set(call.used)
    for (const id of got) {
      if (want.has(id)) tp++
      else {
        fp++
        if (values.misses)
          misses.push(`${call.id} extra ${id}: ${s.faqs.find((f) => f.id === id)!.evidence.text}`)
      }
    }
    for (const id of want)
      if (!got.has(id)) {
        fn++
        if (values.misses) misses.push(`${call.id} missed ${id}`)
      }
    if (s.outcome === 'resolved') outcomeRight++
  }
  const ms = (performance.now() - started) / calls.length
  const precision = tp + fp ? tp / (tp + fp) : 1
  const recall = tp + fn ? tp / (tp + fn) : 1
  const result = {
    split,
    calls: calls.length,
    turns,
    faqsUsed: tp + fn,
    faqsInIndex: faqs.length,
    precision: Math.round(precision * 1000) / 1000,
    recall: Math.round(recall * 1000) / 1000,
    outcomeResolved: Math.round((outcomeRight / calls.length) * 1000) / 1000,
    msPerCall: Math.round(ms * 10) / 10,
  }
  if (values.json) console.log(JSON.stringify(result))
  else {
    console.log(
      `transcript suggestions, ${split} split: ${result.calls} generated calls (${turns} turns, ${result.faqsUsed} FAQs answered with; ${faqs.length} FAQs in the index)`,
    )
    console.log(`  precision ${result.precision}  recall ${result.recall}  (target ≥ 0.8 / ≥ 0.8)`)
    console.log(
      `  outcome suggested 'resolved': ${result.outcomeResolved} of calls (every generated call is answered)`,
    )
    console.log(`  ${result.msPerCall} ms per call`)
    for (const m of misses) console.log(`  ${m}`)
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof UsageError ? e.message : e)
  process.exit(1)
})

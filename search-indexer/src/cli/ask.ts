/**
 * npm run ask -- [--k 3] [--json] "<question>"      one question
 * npm run ask -- [--k 3] [--json] --queries file.jsonl   one question per line ({"query": "..."} or a JSON string)
 *
 * The operator ranking over the project's own content (loadContent from @kotae/content, operator
 * audience, synonyms from content): each candidate's id, question, short answer and full answer.
 * `--json` prints one line per question, in order: {"query", "candidates": [{"id","question","shortAnswer","answer"}]}.
 */
import { z } from 'zod'

import type { SearchDocument } from '../engine/document'
import type { SearchHit } from '../engine/search-index'
import { EvalFileError, UsageError } from '../errors'
import { parseJsonlLines } from '../eval/jsonl'
import { queryLocale } from '../analyzer/language'
import { loadContentIndex } from './content-index'
import { parseCommandLine, wholeNumberOption } from './commandLine'
import { readEvalFile } from './readEvalFile'

const USAGE =
  'usage: npm run ask -- [--k 3] [--json] "<question>"  |  npm run ask -- [--k 3] [--json] --queries file.jsonl'

function readQueries(file: string): string[] {
  // A line is a JSON string or {"query": "..."}; anything else is named by its line.
  return parseJsonlLines(readEvalFile(file), file, z.unknown(), 'a JSON string or {"query": "..."}').map(
    ({ value, line }) => {
      const query =
        typeof value === 'string'
          ? value
          : value && typeof value === 'object'
            ? (value as { query?: unknown }).query
            : undefined
      if (typeof query !== 'string')
        throw new EvalFileError(file, line, 'expected {"query": "..."} or a JSON string')
      return query
    },
  )
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(
    {
      args: argv,
      options: {
        k: { type: 'string', default: '3' },
        json: { type: 'boolean', default: false },
        queries: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    },
    USAGE,
  )
  if (values.help) {
    console.log(USAGE)
    return
  }
  const k = wholeNumberOption(values.k, 'k', [1, 100], USAGE)
  const questions = values.queries
    ? readQueries(values.queries)
    : positionals.length
      ? [positionals.join(' ')]
      : []
  if (questions.length === 0) throw new UsageError(`give a question or --queries <file>\n${USAGE}`)

  const { content, index } = await loadContentIndex()
  if (content.problems.length > 0)
    console.error(
      `ask: content has ${content.problems.length} problem(s) (npm run content:check); searching what loaded`,
    )

  for (const query of questions) {
    const hits = index.search(query, { limit: k, kinds: ['faq'], locale: queryLocale(query) })
    if (values.json) {
      console.log(JSON.stringify({ query, candidates: hits.map((h) => candidate(h.document)) }))
      continue
    }
    console.log(`\n? ${query}`)
    if (hits.length === 0) console.log('  (no candidates)')
    for (const [i, h] of hits.entries()) printHit(h, i + 1)
  }
}

const candidate = (d: SearchDocument) => ({
  id: d.id,
  question: d.question,
  shortAnswer: d.shortAnswer ?? '',
  answer: d.body ?? '',
})

function printHit(h: SearchHit, n: number): void {
  const d = h.document
  console.log(`\n${n}. ${d.id}  (score ${h.score.toFixed(2)})`)
  console.log(`   Q: ${d.question}`)
  console.log(`   A: ${d.shortAnswer ?? ''}`)
  console.log(`   why: ${h.explanation.summary || '-'}`)
  console.log(
    (d.body ?? '')
      .split('\n')
      .map((l) => `   | ${l}`)
      .join('\n'),
  )
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof EvalFileError) {
    console.error(`ask: ${error.message}`)
    process.exit(1)
  }
  throw error
})

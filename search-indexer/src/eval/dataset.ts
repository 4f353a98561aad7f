/**
 * Eval files (JSONL, one object per line): FAQs `{"id","question","answer"}` and judged queries
 * `{"id","query","relevant":[ids],"grades"?:{id:grade}}`. Parsing is pure (browser-safe); a
 * malformed line raises {@link EvalFileError} naming the file and the line number.
 */
import { z } from 'zod'

import { EvalFileError } from '../errors'
import type { SearchDocument } from '../engine/document'
import { parseNonEmptyJsonl } from './jsonl'
import type { Judgement } from './metrics'

export type EvalFaq = { id: string; question: string; answer: string }

const faqLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  question: z.string(),
  answer: z.string(),
})
const queryLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  query: z.string(),
  relevant: z.array(z.union([z.string(), z.number()]).transform(String)),
  grades: z.record(z.string(), z.number()).optional(),
})

export function parseFaqJsonl(text: string, file: string): EvalFaq[] {
  const lines = parseNonEmptyJsonl(text, file, faqLine, '{"id","question","answer"}')
  const seen = new Set<string>()
  for (const { value, line } of lines) {
    if (seen.has(value.id)) throw new EvalFileError(file, line, `duplicate id "${value.id}"`)
    seen.add(value.id)
  }
  return lines.map((l) => l.value)
}

export function parseQueriesJsonl(text: string, file: string): Judgement[] {
  return parseNonEmptyJsonl(text, file, queryLine, '{"id","query","relevant":[...],"grades"?}').map((l) => ({
    ...l.value,
  }))
}

/** An eval FAQ as a search document. */
export function evalFaqToDocument(faq: EvalFaq): SearchDocument {
  return { id: faq.id, kind: 'faq', question: faq.question, body: faq.answer }
}

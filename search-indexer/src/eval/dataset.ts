/**
 * Eval files (JSONL, one object per line): FAQs `{"id","question","answer"}` and judged queries
 * `{"id","query","relevant":[ids],"grades"?:{id:grade}}`. Parsing is pure (browser-safe); a
 * malformed line raises {@link EvalFileError} naming the file and the line number.
 */
import { z } from 'zod'

import { EvalFileError } from '../errors'
import type { SearchDocument } from '../engine/document'
import type { Judgement } from './metrics'

export type EvalFaq = { id: string; question: string; answer: string }

const faqLine = z.object({ id: z.union([z.string().min(1), z.number()]).transform(String), question: z.string(), answer: z.string() })
const queryLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  query: z.string(),
  relevant: z.array(z.union([z.string(), z.number()]).transform(String)),
  grades: z.record(z.string(), z.number()).optional(),
})

function parseJsonl<T>(text: string, file: string, schema: z.ZodType<T>, what: string): T[] {
  const out: T[] = []
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u)
  lines.forEach((line, i) => {
    if (!line.trim()) return
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch (error) {
      throw new EvalFileError(file, i + 1, `not valid JSON (${(error as Error).message})`)
    }
    const parsed = schema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const at = issue?.path.length ? `field "${issue.path.join('.')}"` : 'the line'
      throw new EvalFileError(file, i + 1, `${at}: ${issue?.message ?? 'invalid'} (expected ${what})`)
    }
    out.push(parsed.data)
  })
  if (out.length === 0) throw new EvalFileError(file, 0, 'has no lines')
  return out
}

export function parseFaqJsonl(text: string, file: string): EvalFaq[] {
  const faqs = parseJsonl(text, file, faqLine, '{"id","question","answer"}')
  const seen = new Set<string>()
  faqs.forEach((f, i) => {
    if (seen.has(f.id)) throw new EvalFileError(file, i + 1, `duplicate id "${f.id}"`)
    seen.add(f.id)
  })
  return faqs
}

export function parseQueriesJsonl(text: string, file: string): Judgement[] {
  return parseJsonl(text, file, queryLine, '{"id","query","relevant":[...],"grades"?}').map((q) => ({ ...q }))
}

/** An eval FAQ as a search document. */
export function evalFaqToDocument(faq: EvalFaq): SearchDocument {
  return { id: faq.id, kind: 'faq', question: faq.question, body: faq.answer }
}

/**
 * Kotae's own golden set (tests/eval/golden.jsonl): caller-style questions mapped to the FAQ ids
 * that answer them, split into `dev` (tune on it) and `test` (report only). Pure and browser-safe;
 * a malformed line raises {@link EvalFileError} naming the file and the line.
 */
import { z } from 'zod'

import { EvalFileError } from '../errors'
import type { Judgement } from './metrics'

export const GOLDEN_SPLITS = ['dev', 'test'] as const
export type GoldenSplit = (typeof GOLDEN_SPLITS)[number]
export const GOLDEN_STYLES = ['colloquial', 'hiragana', 'typo', 'rambling', 'dialect', 'elderly', 'foreign'] as const

const goldenLine = z
  .object({
    id: z.string().regex(/^g\d{3,}$/u, 'must look like g001'),
    split: z.enum(GOLDEN_SPLITS),
    style: z.enum(GOLDEN_STYLES),
    query: z.string().trim().min(1, 'must not be empty'),
    relevant: z.array(z.string().min(1)).min(1, 'needs at least one FAQ id'),
  })
  .strict()

export type GoldenQuestion = z.infer<typeof goldenLine> & { line: number }

/** Parses golden JSONL; duplicate ids and duplicate queries are errors too. */
export function parseGoldenJsonl(text: string, file: string): GoldenQuestion[] {
  const out: GoldenQuestion[] = []
  const ids = new Set<string>()
  const queries = new Set<string>()
  text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .forEach((line, i) => {
      if (!line.trim()) return
      let raw: unknown
      try {
        raw = JSON.parse(line)
      } catch (error) {
        throw new EvalFileError(file, i + 1, `not valid JSON (${(error as Error).message})`)
      }
      const parsed = goldenLine.safeParse(raw)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const at = issue?.path.length ? `field "${issue.path.join('.')}"` : 'the line'
        throw new EvalFileError(file, i + 1, `${at}: ${issue?.message ?? 'invalid'} (expected {"id","split","style","query","relevant":[FAQ ids]})`)
      }
      if (ids.has(parsed.data.id)) throw new EvalFileError(file, i + 1, `duplicate id "${parsed.data.id}"`)
      if (queries.has(parsed.data.query)) throw new EvalFileError(file, i + 1, `duplicate query "${parsed.data.query}"`)
      ids.add(parsed.data.id)
      queries.add(parsed.data.query)
      out.push({ ...parsed.data, line: i + 1 })
    })
  if (out.length === 0) throw new EvalFileError(file, 0, 'has no lines')
  return out
}

/** Every FAQ id the golden set names must exist; throws on the first line that names an unknown one. */
export function checkGoldenIds(questions: readonly GoldenQuestion[], faqIds: ReadonlySet<string>, file: string): void {
  for (const q of questions) {
    const missing = q.relevant.filter((id) => !faqIds.has(id))
    if (missing.length) throw new EvalFileError(file, q.line, `unknown FAQ id(s) ${missing.join(', ')} (not in content/faqs)`)
  }
}

export const toJudgement = (q: GoldenQuestion): Judgement => ({ id: q.id, query: q.query, relevant: [...q.relevant] })

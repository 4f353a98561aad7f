/**
 * Kotae's own question sets (tests/eval: golden.jsonl, colloquial.jsonl, offtopic.jsonl):
 * caller-style questions mapped to the FAQ ids that answer them, split into `dev` (tune on it) and
 * `test` (report only). An off-topic question has no FAQ (`relevant: []`). Pure and browser-safe;
 * a malformed line raises {@link EvalFileError} naming the file and the line.
 */
import { z } from 'zod'

import { EvalFileError } from '../errors'
import { parseNonEmptyJsonl } from './jsonl'
import type { Judgement } from './metrics'

export const GOLDEN_SPLITS = ['dev', 'test'] as const
export type GoldenSplit = (typeof GOLDEN_SPLITS)[number]
export const GOLDEN_STYLES = [
  'colloquial',
  'hiragana',
  'kana',
  'typo',
  'rambling',
  'two-part',
  'dialect',
  'elderly',
  'foreign',
  'off-topic',
] as const

const goldenLine = z
  .object({
    id: z
      .string()
      .regex(/^[gco]\d{3,}$/u, 'must look like g001 (golden), c001 (colloquial) or o001 (off-topic)'),
    split: z.enum(GOLDEN_SPLITS),
    style: z.enum(GOLDEN_STYLES),
    query: z.string().trim().min(1, 'must not be empty'),
    relevant: z.array(z.string().min(1)),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.style === 'off-topic' && q.relevant.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['relevant'],
        message: 'an off-topic question has no FAQ: must be []',
      })
    if (q.style !== 'off-topic' && q.relevant.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['relevant'],
        message: 'needs at least one FAQ id (or style "off-topic")',
      })
  })

export type GoldenQuestion = z.infer<typeof goldenLine> & { line: number }

/** Parses golden JSONL; duplicate ids and duplicate queries are errors too. */
export function parseGoldenJsonl(text: string, file: string): GoldenQuestion[] {
  const out: GoldenQuestion[] = []
  const ids = new Set<string>()
  const queries = new Set<string>()
  const expected = '{"id","split","style","query","relevant":[FAQ ids]}'
  for (const { value, line } of parseNonEmptyJsonl(text, file, goldenLine, expected)) {
    if (ids.has(value.id)) throw new EvalFileError(file, line, `duplicate id "${value.id}"`)
    if (queries.has(value.query)) throw new EvalFileError(file, line, `duplicate query "${value.query}"`)
    ids.add(value.id)
    queries.add(value.query)
    out.push({ ...value, line })
  }
  return out
}

/** Every FAQ id the golden set names must exist; throws on the first line that names an unknown one. */
export function checkGoldenIds(
  questions: readonly GoldenQuestion[],
  faqIds: ReadonlySet<string>,
  file: string,
): void {
  for (const q of questions) {
    const missing = q.relevant.filter((id) => !faqIds.has(id))
    if (missing.length)
      throw new EvalFileError(file, q.line, `unknown FAQ id(s) ${missing.join(', ')} (not in content/faqs)`)
  }
}

export const toJudgement = (q: GoldenQuestion): Judgement => ({
  id: q.id,
  query: q.query,
  relevant: [...q.relevant],
})

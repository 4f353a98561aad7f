/**
 * JSONL (one JSON value per line) as the eval and ask CLIs read it: a leading BOM and blank lines are
 * skipped; a line that is not JSON or does not fit `schema` raises {@link EvalFileError} naming the
 * file and the 1-based line number. Pure and browser-safe.
 */
import type { z } from 'zod'

import { EvalFileError } from '../errors'

export type JsonlLine<T> = { value: T; line: number }

/** Every non-blank line parsed with `schema`; `expected` describes a good line in the error message. */
export function parseJsonlLines<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  expected: string,
): JsonlLine<T>[] {
  const out: JsonlLine<T>[] = []
  text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .forEach((text, i) => {
      if (!text.trim()) return
      let raw: unknown
      try {
        raw = JSON.parse(text)
      } catch (error) {
        throw new EvalFileError(file, i + 1, `not valid JSON (${(error as Error).message})`)
      }
      const parsed = schema.safeParse(raw)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const at = issue?.path.length ? `field "${issue.path.join('.')}"` : 'the line'
        throw new EvalFileError(file, i + 1, `${at}: ${issue?.message ?? 'invalid'} (expected ${expected})`)
      }
      out.push({ value: parsed.data, line: i + 1 })
    })
  return out
}

/** The same, for files that must hold at least one line. */
export function parseNonEmptyJsonl<T>(...args: Parameters<typeof parseJsonlLines<T>>): JsonlLine<T>[] {
  const lines = parseJsonlLines(...args)
  if (lines.length === 0) throw new EvalFileError(args[1], 0, 'has no lines')
  return lines
}

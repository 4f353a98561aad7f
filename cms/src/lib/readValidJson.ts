import fs from 'node:fs'

import type { z } from 'zod'

/**
 * Reads a JSON file Kotae wrote (a backup's manifest, a purge certificate) and validates it:
 * throws `fail(message)` naming the file and, for a file of the wrong shape, each field's problem
 * on its own line, so that `restore` or a certificate check says exactly what is off.
 */
export function readValidJson<T>(
  file: string,
  schema: z.ZodType<T>,
  what: string,
  fail: (message: string) => Error,
): T {
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    throw fail(`${file} is not valid JSON: ${(e as Error).message}`)
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(top level)'}: ${i.message}`)
    throw fail(`${file} is not a valid ${what}:\n${issues.join('\n')}`)
  }
  return parsed.data
}

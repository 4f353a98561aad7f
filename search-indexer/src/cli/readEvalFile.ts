import fs from 'node:fs'

import { EvalFileError } from '../errors'

/** An eval file's text; an EvalFileError naming the file when it is missing or unreadable. */
export function readEvalFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new EvalFileError(
      file,
      0,
      code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? (error as Error).message})`,
    )
  }
}

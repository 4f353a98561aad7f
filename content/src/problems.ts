/** One thing wrong with a content file, named by file (relative to the content folder) and field. */
export type ContentProblem = { file: string; field?: string; message: string }

/** Thrown by {@link loadValidContent} when any file has a problem; carries every problem. */
export class ContentInvalidError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`${problems.length} problem(s) in content:\n${problems.map(formatProblem).join('\n')}`)
    this.name = 'ContentInvalidError'
  }
}

export const formatProblem = (p: ContentProblem): string => `${p.file}: ${p.field ?? '-'}: ${p.message}`

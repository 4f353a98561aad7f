/**
 * One thing wrong with the content: `file` is a path relative to the content folder
 * (e.g. `faqs/ja/pin-forgot.md`, `sources.yaml`); `field` is a dotted path inside it
 * (e.g. `sources.0`, `3.url`, `front matter`) when the problem is about one field.
 */
export type ContentProblem = { file: string; field?: string; message: string }

/** `file: field: message`, or `file: message` when the problem is about the whole file. */
export const formatProblem = (p: ContentProblem): string =>
  p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`

/** Thrown by `loadValidContent` when any file has a problem; carries every problem, not just the first. */
export class ContentInvalidError extends Error {
  readonly problems: ContentProblem[]

  constructor(problems: ContentProblem[]) {
    super(`${problems.length} problem(s) in content:\n${problems.map(formatProblem).join('\n')}`)
    this.name = 'ContentInvalidError'
    this.problems = problems
  }
}

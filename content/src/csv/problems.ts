/**
 * One thing wrong with a CSV file: the line it is on (1 = the header), the column by its header
 * name when the problem is one cell, and what is wrong.
 */
export type CsvProblem = { line: number; column?: string; message: string }

/** `5行目 「短い回答」: …` or `5行目: …`. */
export const formatCsvProblem = (p: CsvProblem): string =>
  p.column ? `${p.line}行目 「${p.column}」: ${p.message}` : `${p.line}行目: ${p.message}`

export const byLine = (a: CsvProblem, b: CsvProblem): number => a.line - b.line

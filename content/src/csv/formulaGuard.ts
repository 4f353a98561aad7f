/**
 * The formula guard for every CSV Kotae writes (OWASP "CSV Injection"): a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as
 * text instead of running it. A plain number (`-12.5`) is data, not a formula, and is left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/
const GUARDED = /^'[=+\-@\t\r]/

/** A cell as written: guarded when a spreadsheet would read it as a formula. */
export const guardFormula = (cell: string): string =>
  FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell

/** A cell as read back: the guard's `'` taken off (a hand-typed `'` before other text stays). */
export const unguardFormula = (cell: string): string => (GUARDED.test(cell) ? cell.slice(1) : cell)

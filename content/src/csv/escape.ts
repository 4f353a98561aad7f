/**
 * Cell escaping. The format keeps one record per line (機械判読性ルール), so a line break inside a
 * value is written as the two characters `\n`; a backslash itself as `\\`; a tab as `\t`. A list
 * cell joins its values with `;` and writes a `;` inside a value as `\;`. A `'` that starts a cell
 * is written `\'`, so it is never taken for the formula guard's: the CSV writer (text.ts) puts a
 * `'` before a cell Excel would read as a formula (a Markdown list starts with `- `), and decoding
 * takes it off again.
 *
 * Decoding is lenient for hand-edited files: any other `\x` stays as written, real line breaks
 * (Excel writes them for Alt+Enter inside a quoted cell) are kept as line breaks, and the `\`
 * guard of files written before the `'` one (`\=`, `\-`) still reads.
 */
import { unguardFormula } from './formulaGuard'

/** Escapes one value (no list separator handling). */
function escapeValue(value: string, inList: boolean): string {
  let out = ''
  for (const ch of value.replace(/\r\n?/g, '\n')) {
    if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === ';' && inList) out += '\\;'
    else out += ch
  }
  return out
}

/** A leading `'` escaped, so only the formula guard's `'` starts a cell. */
const escapeLeadingQuote = (cell: string): string => (cell.startsWith("'") ? `\\${cell}` : cell)

/** One text value as a cell (before the CSV writer's formula guard). */
export const encodeCell = (value: string): string => escapeLeadingQuote(escapeValue(value, false))

/** Several values as one cell, joined by `;`. */
export const encodeListCell = (values: readonly string[]): string =>
  escapeLeadingQuote(values.map((v) => escapeValue(v, true)).join(';'))

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  '\\': '\\',
  ';': ';',
  "'": "'",
  '=': '=',
  '+': '+',
  '-': '-',
  '@': '@',
}

/** Escapes back to characters; real CR LF / CR become LF. */
function unescapeCell(cell: string): string {
  let out = ''
  const text = cell.replace(/\r\n?/g, '\n')
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const next = text[i + 1]
    if (ch === '\\' && next !== undefined && next in ESCAPES) {
      out += ESCAPES[next]
      i++
    } else out += ch
  }
  return out
}

/** A cell as read (the formula guard's `'` still on) back to its value. */
export const decodeCell = (cell: string): string => unescapeCell(unguardFormula(cell))

/** A list cell back to its values: split on `;` not preceded by an escaping `\`; each trimmed; empty values dropped. */
export function decodeListCell(guarded: string): string[] {
  const cell = unguardFormula(guarded)
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!
    if (ch === '\\' && i + 1 < cell.length) {
      current += ch + cell[i + 1]
      i++
    } else if (ch === ';') {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts.map((p) => unescapeCell(p).trim()).filter((p) => p !== '')
}

/**
 * Cell escaping. The format keeps one record per line (機械判読性ルール), so a line break inside a
 * value is written as the two characters `\n`; a backslash itself as `\\`; a tab as `\t`. A list
 * cell joins its values with `;` and writes a `;` inside a value as `\;`. A cell that would start
 * with `=`, `+`, `-` or `@` gets a `\` in front, so that Excel shows it as text instead of
 * reading a formula (a Markdown list starts with `- `).
 *
 * Decoding is lenient for hand-edited files: any other `\x` stays as written, and real line
 * breaks (Excel writes them for Alt+Enter inside a quoted cell) are kept as line breaks.
 */

const FORMULA_START = /^[=+\-@]/

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

const guardFormula = (cell: string): string => (FORMULA_START.test(cell) ? `\\${cell}` : cell)

/** One text value as a cell. */
export const encodeCell = (value: string): string => guardFormula(escapeValue(value, false))

/** Several values as one cell, joined by `;`. */
export const encodeListCell = (values: readonly string[]): string => guardFormula(values.map((v) => escapeValue(v, true)).join(';'))

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', ';': ';', '=': '=', '+': '+', '-': '-', '@': '@' }

/** A cell back to its value; real CR LF / CR become LF. */
export function decodeCell(cell: string): string {
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

/** A list cell back to its values: split on `;` not preceded by an escaping `\`; each trimmed; empty values dropped. */
export function decodeListCell(cell: string): string[] {
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
  return parts.map((p) => decodeCell(p).trim()).filter((p) => p !== '')
}

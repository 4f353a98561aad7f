/**
 * Reads delimited text field by field, straight from the string or bytes: a month is a few million
 * fields, and a substring for each was a third of the report's JavaScript time. Two shapes:
 *  - FieldReader: lists SQLite joins with `group_concat`, fields split by ':', entries by ',';
 *  - CopyRows: the protocol messages of PostgreSQL's `COPY … TO STDOUT` (copyOut.ts), one row per
 *    CopyData message in COPY's text format: fields split by tab, `\N` for null.
 * Written by hand because a CSV parser builds a string per field, which is the cost avoided here.
 */

/** What FAQ-link counting reads from either shape. */
export interface Fields {
  more(): boolean
  number(): number
}
import { callerKey } from '@kotae/analytics'

const BACKSLASH = 92
const COLON = 58
const COMMA = 44
const TAB = 9
const NEWLINE = 10
const COPY_DATA = 0x64 // 'd'
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k)

/** COPY's text-format escapes (backslash sequences) back to their characters. */
const unescapeCopy = (s: string): string =>
  s.replace(/\\(.)/g, (_, c: string) => ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' })[c] ?? c)

/** The last 13 hex digits of s[from, end) as a number, or -1 when one is not hex (a loop per shape: this runs per call). */
function hexTailOfString(s: string, from: number, end: number): number {
  let key = 0
  for (let i = Math.max(from, end - 13); i < end; i++) {
    const c = s.charCodeAt(i) | 32 // lower case
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1
    if (v < 0) return -1
    key = key * 16 + v
  }
  return key
}
function hexTailOfBytes(b: Uint8Array, from: number, end: number): number {
  let key = 0
  for (let i = Math.max(from, end - 13); i < end; i++) {
    const c = b[i]! | 32
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1
    if (v < 0) return -1
    key = key * 16 + v
  }
  return key
}

export class FieldReader implements Fields {
  private i = 0

  constructor(private readonly s: string) {}

  /** Lists joined by `:` and `,`, from the one-value result of an aggregate query. */
  static ofList(rows: unknown[][]): FieldReader {
    const v = rows[0]?.[0]
    return new FieldReader(typeof v === 'string' ? v : '')
  }

  more(): boolean {
    return this.i < this.s.length
  }

  /** Whether the field just read ended with ':', i.e. its entry has another field. */
  followed(): boolean {
    return this.i > 0 && this.s.charCodeAt(this.i - 1) === COLON
  }

  /** The next field as a number (whole decimals fast, anything else by Number(); null is NaN). */
  number(): number {
    const { s } = this
    const start = this.i
    let n = 0
    let sign = 1
    let i = start
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c >= 48 && c <= 57) n = n * 10 + (c - 48)
      else if (c === 45 && i === start) sign = -1
      else if (c === COLON || c === COMMA) break
      else {
        let end = i
        while (end < s.length && s.charCodeAt(end) !== COLON && s.charCodeAt(end) !== COMMA) end++
        this.i = end + 1
        return Number(s.slice(start, end))
      }
    }
    this.i = i + 1
    return i === start ? Number.NaN : sign * n
  }

  /**
   * The last field of an entry, a caller hash's tail, as a key: its last 13 hex digits as a number
   * (52 bits; HMAC output is uniform), or for a tail that is not hex, the analytics package's 53-bit
   * string key of the tail (COPY's escapes undone first).
   */
  callerKey(): number {
    const { s } = this
    let end = this.i
    while (end < s.length && s.charCodeAt(end) !== COMMA) end++
    let key = hexTailOfString(s, this.i, end)
    if (key < 0) key = callerKey(s.slice(this.i, end))
    this.i = end + 1
    return key
  }
}

/**
 * Rows of a chunk of COPY protocol messages (whole messages, as copyOut pushes them), read in place:
 * no copy of the rows' bytes and no string per chunk. Messages other than CopyData (a notice
 * during the COPY) are skipped.
 */
export class CopyRows implements Fields {
  private i = 0
  /** End of the current row's message. */
  private end = 0

  constructor(private readonly b: Uint8Array) {}

  /** Moves to the next row; false at the end of the chunk. */
  more(): boolean {
    const { b } = this
    this.i = this.end
    while (this.i + 5 <= b.length) {
      const length =
        ((b[this.i + 1]! << 24) >>> 0) + (b[this.i + 2]! << 16) + (b[this.i + 3]! << 8) + b[this.i + 4]!
      const start = this.i + 5
      this.end = this.i + 1 + length
      if (b[this.i] === COPY_DATA) {
        this.i = start
        return true
      }
      this.i = this.end
    }
    return false
  }

  nextIsNull(): boolean {
    const { b, i } = this
    return b[i] === BACKSLASH && b[i + 1] === 78 && (b[i + 2] === TAB || b[i + 2] === NEWLINE)
  }

  skip(): void {
    const { b } = this
    let i = this.i
    while (i < this.end && b[i] !== TAB && b[i] !== NEWLINE) i++
    this.i = i + 1
  }

  /**
   * The next field as a number: plain decimals (`-12`, `301.5`) read in place, anything else (an
   * exponent, `NaN`) by Number(); null is NaN. A decimal with a fraction is its digits divided by a
   * power of ten: both exact below 2⁵³, so the quotient is the nearest double, as Number() gives.
   */
  number(): number {
    const { b } = this
    const start = this.i
    let n = 0
    let sign = 1
    let scale = -1 // digits after the point, -1 before it
    let i = start
    for (; i < this.end; i++) {
      const c = b[i]!
      if (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48)
        if (scale >= 0) scale++
      } else if (c === 45 && i === start) sign = -1
      else if (c === 46 && scale < 0 && i > start) scale = 0
      else if (c === TAB || c === NEWLINE) break
      else return this.slowNumber(start)
    }
    scale = Math.max(scale, 0)
    if (n > Number.MAX_SAFE_INTEGER || scale > 22) return this.slowNumber(start)
    this.i = i + 1
    return i === start ? Number.NaN : (sign * n) / POWERS_OF_TEN[scale]!
  }

  private slowNumber(start: number): number {
    const { b } = this
    let end = start
    while (end < this.end && b[end] !== TAB && b[end] !== NEWLINE) end++
    this.i = end + 1
    return Number(Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1'))
  }

  /** The row's last field, a caller hash's tail, as a key (as FieldReader.callerKey; COPY's escapes undone). */
  callerKey(): number {
    const { b } = this
    let end = this.i
    while (end < this.end && b[end] !== NEWLINE) end++
    let key = hexTailOfBytes(b, this.i, end)
    if (key < 0)
      key = callerKey(
        unescapeCopy(Buffer.from(b.buffer, b.byteOffset + this.i, end - this.i).toString('utf8')),
      )
    this.i = end + 1
    return key
  }
}

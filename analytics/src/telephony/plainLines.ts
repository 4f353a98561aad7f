/**
 * The quote-free lines of a CSV, split without csv-parse. Written by hand because csv-parse reads a
 * byte at a time through several method calls: it was the largest single cost of reading a
 * million-row PBX file (docs/decisions/0052). A line with no quote character and the file's one
 * line ending is exactly its cells split on the delimiter, which is all this does; from the first
 * line that is anything else (a quote, another line ending) on, the rest of the file is csv-parse's.
 */
export interface PlainLineSplitter {
  /**
   * Splits the complete plain lines of `text` (after what the last call left), handing each
   * non-empty one to `onLine` with its line number. Returns null while every line was plain; else
   * the text from the first line that is not, after one empty line per line before it (csv-parse,
   * skipping empty lines, then numbers lines as the file does). The caller parses everything after.
   */
  push(text: string): string | null
  /** The end of the file: its last line if it had no line ending (or, as push, the text for csv-parse). */
  end(): string | null
}

export function createPlainLineSplitter(
  delimiter: string,
  onLine: (cells: string[], line: number) => void,
): PlainLineSplitter {
  let carry = ''
  let line = 0
  /** The file's line ending, from its first line: \r\n (true) or \n (false). */
  let crlf: boolean | null = null
  const rest = (text: string) => (crlf ? '\r\n' : '\n').repeat(line) + text
  const plain = (text: string) => !text.includes('"') && !text.includes('\r')
  return {
    push(text) {
      const all = carry + text
      let from = 0
      for (let nl = all.indexOf('\n'); nl >= 0; nl = all.indexOf('\n', from)) {
        const cr = nl > from && all.charCodeAt(nl - 1) === 13
        crlf ??= cr
        const body = all.slice(from, cr ? nl - 1 : nl)
        if (cr !== crlf || !plain(body)) return rest(all.slice(from))
        line++
        if (body) onLine(body.split(delimiter), line)
        from = nl + 1
      }
      carry = all.slice(from)
      return null
    },
    end() {
      if (!carry) return null
      if (!plain(carry)) return rest(carry)
      onLine(carry.split(delimiter), line + 1)
      return null
    },
  }
}

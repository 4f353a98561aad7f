import { describe, expect, it } from 'vitest'

import { copyOut } from '../src/reports/copyOut'
import { CopyRows, FieldReader } from '../src/reports/fieldReader'

/** One protocol message: a code byte, a 4-byte length counting itself, the content. */
const message = (code: string, content: string | Buffer = '') => {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const head = Buffer.alloc(5)
  head[0] = code.charCodeAt(0)
  head.writeUInt32BE(body.length + 4, 1)
  return Buffer.concat([head, body])
}

const ROWS = [
  '1\t1790000000000\t1\t3\t301.5\t12.5\t0.25\tabcdef0123456789\n',
  '2\t-5\t0\t\\N\t-0.001\t\\N\t60\t\\N\n',
  '30\t7\t1\t12\t1e-05\t0\t0\ttab\\there\\\\x\n',
]
const BEFORE = message('H', Buffer.from([0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0]))
const AFTER = Buffer.concat([message('C', 'COPY 3\0'), message('Z', 'I')])

/**
 * Feeds `bytes` to the COPY stream's parser in the given pieces, as pg's socket would, and returns
 * what it pushed (the rows' messages) and what it handed back to pg (the bytes after the COPY).
 */
function parse(bytes: Buffer, cuts: number[]) {
  const stream = copyOut('COPY (SELECT 1) TO STDOUT') as unknown as {
    _parse(chunk: Buffer): unknown
    _detach(): void
    _buffer: { push(b: Buffer): void }
    push(b: Buffer | null): boolean
  }
  const pushed: Buffer[] = []
  const handed: Buffer[] = []
  let ended = false
  stream.push = (b) => {
    if (b === null) ended = true
    else pushed.push(Buffer.from(b))
    return true
  }
  stream._buffer = { push: (b) => handed.push(Buffer.from(b)) }
  let detached = false
  stream._detach = () => {
    detached = true
  }
  let at = 0
  for (const cut of [...cuts, bytes.length]) {
    if (detached) {
      // pg reads its socket again: the rest goes to it directly.
      handed.push(bytes.subarray(at))
      break
    }
    stream._parse(bytes.subarray(at, cut))
    at = cut
  }
  return { pushed, handed: Buffer.concat(handed), ended, detached }
}

/** The rows read back with CopyRows from the pushed chunks. */
function rowsOf(chunks: Buffer[]) {
  const out: unknown[][] = []
  for (const chunk of chunks)
    for (const r = new CopyRows(chunk); r.more(); ) {
      const nullable = <T>(read: () => T): T | null => {
        if (!r.nextIsNull()) return read()
        r.skip()
        return null
      }
      const row: unknown[] = [r.number(), r.number(), r.number()]
      row.push(nullable(() => r.number()))
      row.push(
        r.number(),
        nullable(() => r.number()),
        r.number(),
      )
      row.push(nullable(() => r.callerKey()))
      out.push(row)
    }
  return out
}

describe('COPY … TO STDOUT, read in place', () => {
  const bytes = Buffer.concat([
    BEFORE,
    message('d', ROWS[0]!),
    message('N', 'SNOTICE\0\0'),
    message('d', ROWS[1]!),
    message('d', ROWS[2]!),
    message('c'),
    AFTER,
  ])
  const expected = [
    [1, 1790000000000, 1, 3, 301.5, 12.5, 0.25, 0xdef0123456789],
    [2, -5, 0, null, -0.001, null, 60, null],
    [30, 7, 1, 12, 1e-5, 0, 0, new FieldReader('tab\there\\x').callerKey()],
  ]

  it('reads every row and hands pg what follows CopyDone, however the socket splits the bytes', () => {
    for (let a = 0; a <= bytes.length; a += 3)
      for (const b of [a, a + 1, a + 17, bytes.length]) {
        const cuts = [...new Set([a, Math.min(b, bytes.length)])].sort((x, y) => x - y)
        const { pushed, handed, ended } = parse(bytes, cuts)
        expect(rowsOf(pushed), `cut at ${cuts.join(', ')}`).toEqual(expected)
        expect(handed.equals(AFTER), `cut at ${cuts.join(', ')}`).toBe(true)
        expect(ended).toBe(true)
      }
  })

  it('an error in the middle: the rows before it are pushed, the error goes to pg', () => {
    const error = message('E', 'SERROR\0C22012\0Mdivision by zero\0\0')
    const failing = Buffer.concat([BEFORE, message('d', ROWS[0]!), error, message('Z', 'E')])
    for (const cut of [0, BEFORE.length + 3, BEFORE.length + 40, failing.length - 3]) {
      const { pushed, handed, ended, detached } = parse(failing, [cut])
      expect(rowsOf(pushed)).toEqual([expected[0]])
      expect(handed.equals(Buffer.concat([error, message('Z', 'E')]))).toBe(true)
      expect(detached).toBe(true)
      expect(ended).toBe(false) // the library reports the error to the stream's reader
    }
  })
})

describe('numbers read in place', () => {
  const read = (field: string) => {
    const r = new CopyRows(message('d', `${field}\n`))
    r.more()
    return r.number()
  }

  it('equal Number() for integers, decimals, exponents and extremes', () => {
    for (const f of [
      '0',
      '-0',
      '7',
      '-12',
      '301.5',
      '-0.001',
      '12.50',
      '0.1',
      '1e-05',
      '1.5e+300',
      '9007199254740993',
      '123456789.123456789',
      'NaN',
      'Infinity',
    ])
      expect(Object.is(read(f), Number(f)), f).toBe(true)
    expect(read('')).toBeNaN()
  })
})

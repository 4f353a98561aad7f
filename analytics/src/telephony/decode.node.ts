/**
 * Incremental decoding of CSV bytes: UTF-8 (with or without BOM) or Shift_JIS. Shift_JIS is decoded
 * as Windows-31J (cp932), the superset Windows and Excel write (①, ㈱, NEC/IBM extensions).
 *
 * 'auto': a UTF-8 BOM decides UTF-8. Otherwise ASCII passes through until the first chunk with a
 * byte ≥ 0x80, which the one detector (detectEncoding, the FAQ import's too) decides: UTF-8 (damaged
 * UTF-8 too: its bad bytes are reported by row), Shift_JIS, or unknown, which is decoded as UTF-8
 * with U+FFFD for the bad bytes so that every row they are in can be reported. A BOM also wins over
 * an explicit 'shift_jis'.
 */
import { detectEncoding } from '@kotae/content/csv/encoding'
import iconv from 'iconv-lite'

export type RequestedEncoding = 'utf-8' | 'shift_jis' | 'auto'
export type DetectedEncoding = 'utf-8' | 'shift_jis' | 'unknown'

interface Sink {
  write(chunk: Uint8Array): string
  end(): string
}

const utf8 = (): Sink => {
  const d = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })
  return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() }
}
const sjis = (): Sink => {
  const d = iconv.getDecoder('cp932')
  return { write: (c) => d.write(buf(c)), end: () => d.end() ?? '' }
}

const isAscii = (c: Uint8Array) => {
  for (let i = 0; i < c.length; i++) if (c[i]! >= 0x80) return false
  return true
}

export class CsvDecoder {
  encoding: DetectedEncoding | null = null
  private sink: Sink | null = null
  private head: Uint8Array | null = new Uint8Array(0)

  constructor(private readonly requested: RequestedEncoding) {}

  write(chunk: Uint8Array): string {
    if (this.head) {
      // Hold the first three bytes until the BOM question is settled.
      const joined = new Uint8Array(this.head.length + chunk.length)
      joined.set(this.head)
      joined.set(chunk, this.head.length)
      if (joined.length < 3) {
        this.head = joined
        return ''
      }
      this.head = null
      if (joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf) {
        this.choose('utf-8')
        return this.sink!.write(joined.subarray(3))
      }
      if (this.requested !== 'auto') this.choose(this.requested)
      chunk = joined
    }
    if (!this.sink) {
      if (isAscii(chunk)) return buf(chunk).toString('latin1')
      const detected = detectEncoding(chunk, true)
      this.choose(detected === 'utf8' || detected === 'damaged-utf8' ? 'utf-8' : detected)
    }
    return this.sink!.write(chunk)
  }

  end(): string {
    if (this.head) {
      // Fewer than three bytes in all.
      const rest = this.head
      this.head = null
      if (!this.sink) this.choose(this.requested === 'auto' ? 'utf-8' : this.requested)
      return this.sink!.write(rest) + this.sink!.end()
    }
    if (!this.sink) {
      this.encoding = this.requested === 'auto' ? 'utf-8' : this.requested
      return ''
    }
    return this.sink.end()
  }

  private choose(encoding: DetectedEncoding): void {
    this.encoding = encoding
    this.sink = encoding === 'shift_jis' ? sjis() : utf8()
  }
}

const buf = (c: Uint8Array) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)

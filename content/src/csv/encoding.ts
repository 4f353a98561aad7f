/**
 * Bytes ↔ text. Exports are UTF-8 with a BOM (Excel reads UTF-8 only with one) or Shift_JIS on
 * request; Shift_JIS is written and read as Windows-31J (cp932), the variant Excel writes.
 * Imports take UTF-8 with or without a BOM, or Shift_JIS: a BOM decides UTF-8; otherwise bytes
 * that are valid UTF-8 are UTF-8 (cp932 Japanese text is very rarely valid UTF-8); mostly-valid
 * UTF-8 with bad bytes is damaged UTF-8; anything else is read as cp932.
 */
import iconv from 'iconv-lite'

export type CsvEncoding = 'utf8' | 'shift_jis'
export type CsvEncodingOption = CsvEncoding | 'auto'

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** `utf8`, `utf-8`, `shift_jis`, `sjis`, `cp932` (any case) → the encoding; anything else → undefined. */
export function parseEncodingName(name: string): CsvEncodingOption | undefined {
  const n = name.toLowerCase().replace(/[-_]/g, '')
  if (n === 'utf8') return 'utf8'
  if (n === 'shiftjis' || n === 'sjis' || n === 'cp932' || n === 'windows31j') return 'shift_jis'
  if (n === 'auto') return 'auto'
  return undefined
}

/** Text → file bytes. Shift_JIS assumes the text is already folded (machineDependent.ts). */
export function encodeText(text: string, encoding: CsvEncoding): Buffer {
  return encoding === 'utf8' ? Buffer.concat([BOM, Buffer.from(text, 'utf8')]) : iconv.encode(text, 'cp932')
}

export type Decoded = {
  text: string
  encoding: CsvEncoding
  /** True when bytes did not decode (they are U+FFFD in `text`, so the rows they are in can be named). */
  broken: boolean
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** File bytes → text (without BOM). */
export function decodeBytes(bytes: Uint8Array, requested: CsvEncodingOption = 'auto'): Decoded {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasBom ? bytes.subarray(3) : bytes
  if (hasBom || requested === 'utf8' || (requested === 'auto' && strictUtf8(body) !== undefined)) {
    const strict = strictUtf8(body)
    if (strict !== undefined) return { text: strict, encoding: 'utf8', broken: false }
    return { text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body), encoding: 'utf8', broken: true }
  }
  if (requested === 'auto') {
    // Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file, not Shift_JIS: decoding it
    // as cp932 would turn every line into plausible-looking garbage.
    const loose = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body)
    let bad = 0
    let wide = 0
    for (const ch of loose) {
      if (ch === '\ufffd') bad++
      else if (ch.codePointAt(0)! >= 0x80) wide++
    }
    if (wide > bad * 4) return { text: loose, encoding: 'utf8', broken: true }
  }
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp932')
  return { text, encoding: 'shift_jis', broken: text.includes('\ufffd') }
}

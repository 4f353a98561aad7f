/**
 * Bytes ↔ text. Exports are UTF-8 with a BOM (Excel reads UTF-8 only with one) or Shift_JIS on
 * request; Shift_JIS is written and read as Windows-31J (cp932), the variant Excel writes.
 * Imports take UTF-8 with or without a BOM, or Shift_JIS: a BOM decides UTF-8; otherwise
 * detectEncoding decides (the one detector, also the PBX call-record import's), and what it cannot
 * place is read as cp932 with its bad bytes marked.
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
  return Buffer.concat([filePreamble(encoding), encodeChunk(text, encoding)])
}

/** What a file starts with before its text: the BOM for UTF-8, nothing for Shift_JIS. */
export const filePreamble = (encoding: CsvEncoding): Buffer => (encoding === 'utf8' ? BOM : Buffer.alloc(0))

/** A part of a file's text → bytes, no preamble: for files written a page of rows at a time (whole rows, so no character is cut). */
export const encodeChunk = (text: string, encoding: CsvEncoding): Buffer =>
  encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'cp932')

export type Decoded = {
  text: string
  encoding: CsvEncoding
  /** True when bytes did not decode (they are U+FFFD in `text`, so the rows they are in can be named). */
  broken: boolean
}

function strictUtf8(bytes: Uint8Array, partial = false): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: partial })
  } catch {
    return undefined
  }
}

const looseUtf8 = (bytes: Uint8Array, partial = false) =>
  new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes, { stream: partial })
const cp932 = (bytes: Uint8Array) =>
  iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932')

/**
 * The encoding of bytes without a BOM, for every CSV Kotae reads: valid UTF-8 is UTF-8 (cp932
 * Japanese text is very rarely valid UTF-8); mostly valid UTF-8 with a few bad bytes is damaged
 * UTF-8 (read as cp932 it would turn every line into plausible-looking garbage); what cp932 reads
 * is Shift_JIS; anything else (UTF-16, binary) is unknown. `partial`: the bytes are the start of a
 * longer file, so a character cut at their end is no fault.
 */
export function detectEncoding(
  bytes: Uint8Array,
  partial = false,
): 'utf8' | 'damaged-utf8' | 'shift_jis' | 'unknown' {
  if (strictUtf8(bytes, partial) !== undefined) return 'utf8'
  let bad = 0
  let wide = 0
  for (const ch of looseUtf8(bytes, partial)) {
    if (ch === '\ufffd') bad++
    else if (ch.codePointAt(0)! >= 0x80) wide++
  }
  if (wide > bad * 4) return 'damaged-utf8'
  const sjis = cp932(bytes)
  return (partial ? sjis.slice(0, -1) : sjis).includes('\ufffd') ? 'unknown' : 'shift_jis'
}

/** File bytes → text (without BOM). */
export function decodeBytes(bytes: Uint8Array, requested: CsvEncodingOption = 'auto'): Decoded {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasBom ? bytes.subarray(3) : bytes
  const detected =
    hasBom || requested === 'utf8' ? 'utf8' : requested === 'shift_jis' ? 'shift_jis' : detectEncoding(body)
  if (detected === 'utf8' || detected === 'damaged-utf8') {
    const strict = strictUtf8(body)
    return strict !== undefined
      ? { text: strict, encoding: 'utf8', broken: false }
      : { text: looseUtf8(body), encoding: 'utf8', broken: true }
  }
  const text = cp932(body)
  return { text, encoding: 'shift_jis', broken: text.includes('\ufffd') }
}

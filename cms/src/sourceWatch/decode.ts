/**
 * A fetched page's bytes → text. The charset is taken, in this order, from the Content-Type
 * header, a byte-order mark, or a `<meta charset>` / `<meta http-equiv>` in the first 2 KB; a page
 * that names none is placed by the repository's one encoding detector (`detectEncoding` of
 * @kotae/content: UTF-8 or Shift_JIS). UTF-8, Shift_JIS (read as cp932, what Japanese sites mean by
 * it) and EUC-JP are read, through iconv-lite; any other charset, or bytes the detector cannot
 * place or that do not decode, is an "unknown encoding" failure: comparing misread text would flag
 * every citing answer for nothing.
 */
import { detectEncoding } from '@kotae/content/csv/encoding'
import iconv from 'iconv-lite'

type PageEncoding = 'utf-8' | 'shift_jis' | 'euc-jp'

const NAMES: Record<string, PageEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  cp932: 'shift_jis',
  'windows-31j': 'shift_jis',
  ms_kanji: 'shift_jis',
  csshiftjis: 'shift_jis',
  'euc-jp': 'euc-jp',
  eucjp: 'euc-jp',
  'x-euc-jp': 'euc-jp',
  cseucpkdfmtjapanese: 'euc-jp',
}

const charsetIn = (text: string | null | undefined) =>
  /charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(text ?? '')?.[1]?.toLowerCase()

export type DecodeResult = { ok: true; text: string; encoding: PageEncoding } | { ok: false; detail: string }

export function decodePage(bytes: Buffer, contentType: string | null): DecodeResult {
  let declared = charsetIn(contentType)
  if (!declared && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) declared = 'utf-8'
  if (!declared) {
    // The meta tag is ASCII in every charset Kotae reads, so a latin1 view of the head finds it.
    const head = bytes.subarray(0, 2048).toString('latin1')
    declared =
      /<meta\s+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head)?.[1]?.toLowerCase() ??
      charsetIn(/<meta[^>]+http-equiv\s*=\s*["']?content-type[^>]*>/iu.exec(head)?.[0])
  }
  let encoding: PageEncoding
  if (declared) {
    const known = NAMES[declared]
    if (!known)
      return { ok: false, detail: `charset "${declared}" is not one Kotae reads (UTF-8, Shift_JIS, EUC-JP)` }
    encoding = known
  } else {
    const detected = detectEncoding(bytes)
    if (detected === 'unknown' || detected === 'damaged-utf8')
      return { ok: false, detail: 'no charset named and the bytes are neither UTF-8 nor Shift_JIS' }
    encoding = detected === 'utf8' ? 'utf-8' : 'shift_jis'
  }
  const text = iconv.decode(bytes, encoding === 'shift_jis' ? 'cp932' : encoding)
  if (text.includes('\ufffd')) return { ok: false, detail: `bytes that are not ${encoding}` }
  return { ok: true, text, encoding }
}

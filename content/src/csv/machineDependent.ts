/**
 * 機種依存文字 (platform-dependent characters) out of exported text.
 *
 * A character is safe when it is printable ASCII or a character of JIS X 0208 as Windows maps it
 * (cp932 rows 1–8 and 16–84): such text shows the same everywhere and converts to Shift_JIS without
 * loss. Everything else is unsafe: NEC special characters (①, ㈱, Ⅲ, ㍻), IBM extended kanji (髙,
 * 﨑), half-width katakana (ｶﾅ), characters Shift_JIS lacks (𠮷, emoji, é), and control
 * characters. No library draws this line (iconv-lite encodes the extensions without a word), so it
 * is checked here against iconv-lite's cp932 table.
 *
 * Unsafe text is folded in this order: circled numbers to （1）; NFKC when the result is safe (㈱ →
 * (株), ｶﾞ → ガ, Ⅲ → III, ㍻ → 平成); the table below (JIS-vs-Windows mapping twins, common IBM variant kanji); accents
 * dropped (é → e); otherwise 〓 (the geta mark), reported so that a person fixes the source.
 */
import iconv from 'iconv-lite'

/** Lead bytes of cp932 double-byte characters that belong to JIS X 0208 (rows 1–8, 16–84). */
const isJisLead = (b: number) =>
  (b >= 0x81 && b <= 0x84) || (b >= 0x88 && b <= 0x9f) || (b >= 0xe0 && b <= 0xea)

const safeCache = new Map<string, boolean>()

/** Whether one character (code point) may appear in an export. */
export function isSafeChar(ch: string): boolean {
  const cached = safeCache.get(ch)
  if (cached !== undefined) return cached
  let safe: boolean
  const cp = ch.codePointAt(0)!
  if (cp < 0x80) safe = cp >= 0x20 && cp <= 0x7e
  else {
    const bytes = iconv.encode(ch, 'cp932')
    // The round trip rules out characters iconv-lite maps lossily (¥ → 0x5C, 〜 → ?).
    safe = bytes.length === 2 && isJisLead(bytes[0]!) && iconv.decode(bytes, 'cp932') === ch
  }
  safeCache.set(ch, safe)
  return safe
}

/** Folds with no safe NFKC form: the JIS/Windows mapping twins and common IBM variant kanji. */
const TABLE: Record<string, string> = {
  '\u301c': '～', // 〜 WAVE DASH → FULLWIDTH TILDE (what Windows reads for the same JIS code)
  '\u2212': '－', // − MINUS SIGN
  '\u2014': '―', // — EM DASH → HORIZONTAL BAR
  '\u2016': '∥', // ‖
  '\u00a2': '￠',
  '\u00a3': '￡',
  '\u00ac': '￢',
  '\u00a5': '￥',
  '\u00b7': '・',
  '\u2013': '－', // – EN DASH
  '\u00a0': ' ', // no-break space
  髙: '高',
  﨑: '崎',
  德: '徳',
  濵: '濱',
  栁: '柳',
  瀨: '瀬',
  𠮷: '吉',
}

const isSafeText = (s: string) => [...s].every(isSafeChar)

/** The geta mark, written where nothing safe stands for a character. */
export const REPLACEMENT_CHAR = '〓'

export type Fold = { from: string; to: string }

/**
 * Text with every unsafe character folded; `folds` lists what changed (to report 〓 and to test).
 * Line breaks and tabs pass (the cell escaping writes them as `\n`, `\t`).
 */
export function foldMachineDependent(text: string): { text: string; folds: Fold[] } {
  const chars = [...text]
  let out = ''
  const folds: Fold[] = []
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    if (ch === '\n' || ch === '\t' || ch === '\r' || isSafeChar(ch)) {
      out += ch
      continue
    }
    // Half-width kana with a following (semi-)voiced mark fold together: ｶﾞ → ガ.
    let run = ch
    while (chars[i + 1] === '\uff9e' || chars[i + 1] === '\uff9f') run += chars[++i]!
    const to = foldOne(run)
    folds.push({ from: run, to })
    out += to
  }
  return { text: out, folds }
}

function foldOne(run: string): string {
  // ①…⑳ number the steps of a list: （1） keeps that reading where NFKC's bare 1 would not.
  const cp = run.codePointAt(0)!
  if (run.length === 1 && cp >= 0x2460 && cp <= 0x2473) return `（${cp - 0x2460 + 1}）`
  const nfkc = run.normalize('NFKC')
  if (nfkc !== '' && isSafeText(nfkc)) return nfkc
  const mapped = [...run].map((c) => TABLE[c] ?? c).join('')
  if (isSafeText(mapped)) return mapped
  const stripped = run.normalize('NFKD').replace(/\p{M}/gu, '')
  if (stripped !== '' && isSafeText(stripped)) return stripped
  return REPLACEMENT_CHAR
}

/** The unsafe characters in a text (for the import's warning and the tests). */
export const unsafeChars = (text: string): string[] =>
  [...text].filter((c) => c !== '\n' && c !== '\t' && c !== '\r' && !isSafeChar(c))

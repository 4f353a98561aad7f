// Half-width katakana (ｦ-ﾝ) to full width, one for one; ﾞ and ﾟ become the spacing marks ゛ ゜.
const HALF_KANA =
  'ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜'

/**
 * Folds half-width katakana (ｻﾄｳ) to full width, full-width ASCII (０-９, Ａ-Ｚ, ＠, （）, －, ．) to half width, dash variants to "-", the
 * ideographic space and the tab to " ", and a long-vowel mark typed between digits (090ー1234, a common IME slip)
 * to "-". Every replacement is one UTF-16 unit for one, so offsets in the folded text are offsets in
 * the original. (NFKC would fold more but can change the length, which would break the offsets.)
 */
export function foldWidth(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const code = ch.charCodeAt(0)
    if ((ch === 'ー' || ch === 'ｰ') && isDigit(text[i - 1]) && isDigit(text[i + 1])) out += '-'
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0)
    else if (code >= 0xff66 && code <= 0xff9f) out += HALF_KANA[code - 0xff66]!
    else if (ch === '･') out += '・'
    else if ('‐‑‒–—―−﹣'.includes(ch)) out += '-'
    else if (ch === '　' || ch === '\t') out += ' '
    else out += ch
  }
  return out
}

const isDigit = (ch: string | undefined) =>
  ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９'))

/** Digits only, e.g. for counting the digits of a phone number. Expects folded text. */
export const digitsOf = (s: string): string => s.replace(/\D/g, '')

/**
 * The placeholders of masked text, so that masking masked text changes nothing. Either bracket
 * width: detectors read width-folded text, where ［ ］ have become [ ].
 */
export const PLACEHOLDER =
  /[［[](?:暗証番号|個人番号|カード番号|電話番号|メール|郵便番号|生年月日|住所|氏名)[］\]]/g

/** Replaces placeholders with a filler no detector reads as a word, a digit or context (same length). */
export const hidePlaceholders = (text: string): string =>
  text.replace(PLACEHOLDER, (m) => '〓'.repeat(m.length))

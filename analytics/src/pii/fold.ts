/**
 * Folds full-width ASCII (０-９, Ａ-Ｚ, ＠, －) and dash variants to half width, one character
 * for one character, so offsets found in the folded text are offsets in the original.
 * (NFKC would also fold these but can change the length, which would break the offsets.)
 */
export function foldWidth(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0)
    else if (ch === 'ー' || ch === '‐' || ch === '‑' || ch === '–' || ch === '—' || ch === '―' || ch === '−') out += ch === 'ー' ? ch : '-'
    else if (ch === '　') out += ' '
    else out += ch
  }
  return out
}

/** Digits only, e.g. for counting the digits of a phone number. */
export const digitsOf = (s: string): string => s.replace(/\D/g, '')

import { blankAlso, unitFollows, valuesAfterCues } from './cue'
import { withoutPhones } from './phone'
import type { Detector, PiiFinding } from './types'

/*
 * Serial numbers of a caller's cards and certificates: the 在留カード / 特別永住者証明書 number, the
 * serial of an electronic certificate, a card number read out. They identify one person as surely
 * as a My Number does, but have no check digit and no fixed shape, so they are found after a cue word.
 */

// カード番号, 在留カード番号, カードの番号, 証明書の番号, 特別永住者証明書番号, シリアル番号, 製造番号, serial.
const CUE = /(?:カード|証明書)の?(?:番号|ナンバー|No\.?)|シリアル(?:番号|ナンバー|No\.?)?|製造番号|(?<![A-Za-z])serial(?: ?(?:number|no\.?))?/gi
// The reach ends at a sentence end, a line break or another label.
const STOP = /[。\n\r]|(?<=[一-龥々ァ-ヶー])(?<!カード|証明書)番号|電話|TEL|〒/
// A run of letters and digits, optionally grouped by single spaces or hyphens (1234 5678 9012 3456),
// not touching another letter or digit.
const SERIAL = /(?<![A-Za-z0-9])[A-Za-z0-9](?:[ -]?[A-Za-z0-9]){7,31}(?![A-Za-z0-9])/g
/**
 * The 在留カード number's shape (2 letters, 8 digits, 2 letters: AB12345678CD) is masked wherever it
 * stands: no word, code or amount in a call summary looks like it.
 */
const RESIDENCE_CARD = /(?<![A-Za-z0-9])[A-Z]{2}\d{8}[A-Z]{2}(?![A-Za-z0-9])/g

/**
 * After a card or certificate cue, within the cue's reach in the same sentence: a serial of at least
 * 8 letters and digits with at least one digit (「カード番号は16桁」 is a length and stays); and the
 * 在留カード shape anywhere.
 */
export const detectCardNumber: Detector = (folded, _options, others) => {
  if (!/\d/.test(folded)) return []
  const text = withoutPhones(folded) // a phone number is the phone detector's, also after カード番号
  const out: PiiFinding[] = []
  for (const m of text.matchAll(RESIDENCE_CARD)) out.push({ kind: 'cardNumber', start: m.index, end: m.index + m[0].length })
  const spans = valuesAfterCues(text, CUE, SERIAL, STOP, (m, start) => {
    const end = start + m[0].length
    if (!/\d/.test(m[0]) || (!/[A-Za-z]/.test(m[0]) && unitFollows(text, end))) return undefined
    return { start, end }
  }, blankAlso(text, others))
  for (const s of spans) out.push({ kind: 'cardNumber', ...s })
  return out
}

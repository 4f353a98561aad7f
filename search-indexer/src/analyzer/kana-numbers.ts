/**
 * Numbers and counters typed in kana (じゅうねん, よんけた, 12けた, なんかい, ななさい): read as the
 * FAQs write them (10年, 4桁, 12桁, 何回, 7歳), so the counted-number token (tokenize.ts) and the
 * words meet the content. Kana alone gives only hiragana bigrams, which meet nothing there.
 * A kana numeral counts only at a word's start (after a space, a mark, a digit or non-hiragana) and
 * when a particle, a mark or the end follows the counter, so words that hold the same kana
 * (ごかいして, いちじてき) stay as they are. Query only. Hand-written: a small numeral reader, which
 * no dependency of this package offers.
 */

/** Kana counter → the counter the FAQs write. */
const COUNTERS: Record<string, string> = {
  ねん: '年',
  さい: '歳',
  けた: '桁',
  かい: '回',
  かげつ: 'か月',
  じかん: '時間',
  じ: '時',
  にち: '日',
  まい: '枚',
  えん: '円',
}
/** Kana numeral pieces (with the sound changes before a counter: いっかい, はっさい, じゅっかい) → value. */
const DIGITS: Record<string, number> = {
  いち: 1,
  いっ: 1,
  に: 2,
  さん: 3,
  よん: 4,
  よ: 4,
  ご: 5,
  ろく: 6,
  ろっ: 6,
  なな: 7,
  しち: 7,
  はち: 8,
  はっ: 8,
  きゅう: 9,
  く: 9,
}
const UNITS: Record<string, number> = {
  じゅう: 10,
  じゅっ: 10,
  じっ: 10,
  ひゃく: 100,
  びゃく: 100,
  ぴゃく: 100,
}

const alt = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join('|')
const PIECE = alt([...Object.keys(DIGITS), ...Object.keys(UNITS)])
const COUNTER = alt(Object.keys(COUNTERS))
/** What may follow a counter: the end, a space or mark, or a particle. */
const AFTER =
  '(?=$|[\\s、。,.!?！？…〜~]|まで|から|くらい|ぐらい|ほど|って|の|が|を|に|は|で|も|と|へ|や|か|よ|ね|な|じゃ)'
const KANA_NUMBER = new RegExp(`(?<![\\p{Script=Hiragana}])((?:${PIECE})+|なん)(${COUNTER})${AFTER}`, 'gu')
const DIGIT_COUNTER = new RegExp(`([0-9]+) ?(${COUNTER})${AFTER}`, 'gu')
const PIECES = new RegExp(PIECE, 'gu')

/** A kana numeral's value (じゅうに → 12, にひゃくごじゅう → 250), or undefined if not one. */
export function readKanaNumeral(kana: string): number | undefined {
  let total = 0
  let pending: number | undefined
  let read = ''
  for (const m of kana.matchAll(PIECES)) {
    read += m[0]
    const unit = UNITS[m[0]]
    if (unit !== undefined) {
      total += (pending ?? 1) * unit
      pending = undefined
    } else {
      if (pending !== undefined) return undefined // two digits in a row (にさん) is not one number
      pending = DIGITS[m[0]]
    }
  }
  if (read !== kana) return undefined
  return total + (pending ?? 0)
}

export function kanaNumbersToDigits(text: string): string {
  return text
    .replace(DIGIT_COUNTER, (_, digits: string, counter: string) => `${digits}${COUNTERS[counter]}`)
    .replace(KANA_NUMBER, (whole, numeral: string, counter: string) => {
      if (numeral === 'なん') return `何${COUNTERS[counter]}`
      const value = readKanaNumeral(numeral)
      return value === undefined || value === 0 ? whole : `${value}${COUNTERS[counter]}`
    })
}

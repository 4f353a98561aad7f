/**
 * Okurigana folding: 申し込み / 申込み / 申込 → 申込, 引っ越し → 引越, 受け付け → 受付,
 * 問い合わせ先 → 問合先. Applied to documents and queries alike, before kana folding (so
 * katakana is never touched), which makes the variants produce the same tokens.
 *
 * Two rules, both on hiragana next to kanji:
 *  1. okurigana between two kanji is dropped (申し込 → 申込);
 *  2. okurigana right after a run of two or more kanji is dropped when a particle, a non-hiragana
 *     character or the end follows (申込みを → 申込を, 手続き。 → 手続。).
 * Particles (の が を に は へ と で も や か) are never treated as okurigana.
 */
const HAN = '\\p{Script=Han}'
/** One-kana okurigana (mostly the i- and e-rows of verb stems) and a few two-kana ones. */
const ONE_MID = 'いきぎしじちひびみりえけげせぜてねめれべっ'
const ONE_TRAIL = 'いきぎしじちひびみりえけげせてめれべ'
const TWO = 'わせ|もり|さえ|まり|らせ'
const PARTICLES = 'のがをにはへとでもやか'

const MID = new RegExp(`(?<=${HAN})(?:[${ONE_MID}]|${TWO})(?=${HAN})`, 'gu')
const TRAIL = new RegExp(
  `(?<=${HAN}${HAN})(?:[${ONE_TRAIL}]|${TWO})(?=$|[^\\p{Script=Hiragana}]|[${PARTICLES}])`,
  'gu',
)

/** Drops variable okurigana; see the module comment. Never throws. */
export function foldOkurigana(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text
  return text.replace(MID, '').replace(TRAIL, '')
}

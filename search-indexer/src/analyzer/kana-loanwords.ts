/**
 * Loanwords typed in hiragana (かーど, こーるせんたー, まいなぽーたる): a hiragana run holding the
 * long-vowel mark ー is read in katakana, as the FAQs write those words. The segmenter cuts such a run
 * into single kana, which index nothing (かーど gave no token at all), while it splits the katakana
 * run into its words (カードノ → カード|ノ); kana folding then makes both sides the same tokens.
 * Native words are seldom written with ー; when they are (そーなん), only their segmentation changes.
 * Query only. Hand-written: a one-line script mapping, no library needed.
 */
const HIRAGANA_RUN_WITH_MARK = /[\p{Script=Hiragana}ー]*[\p{Script=Hiragana}]ー[\p{Script=Hiragana}ー]*/gu

const toKatakana = (run: string): string =>
  run.replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))

export function hiraganaLoanwordsToKatakana(text: string): string {
  return text.replace(HIRAGANA_RUN_WITH_MARK, toKatakana)
}

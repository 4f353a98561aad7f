/**
 * Query-side rewriting of spoken western-Japan Japanese (Hiroshima, Kansai) into the standard
 * forms the FAQs are written in: 開いとる → 開いている, 分からん → 分からない, なくしてしもうた →
 * なくしてしまった, なんぼ → いくら, めげた → 壊れた. Callers speak this way; the answers do not.
 *
 * Hand-written rules rather than a model or a library: no npm package normalizes western-Japan
 * dialect, and a rule list is small, testable and explainable to the city. Each rule is anchored so
 * that it cannot fire inside a kana noun (ほけん, きかん, じかん stay as they are): negative 〜ん only
 * after ら/わ or in a few whole words, 〜けん only after a verb or adjective ending and before a
 * break. Works on NFKC-lowercased text (katakana kept), before filler stripping.
 */

type Rule = readonly [RegExp, string]

/** Where a clause ends: punctuation, a space, the end, or a sentence-final particle. */
const END = '(?=[\\s、。,.!?！？…ー〜~]|$|ね|よ|な|の|か|わ|けど|けえ|けん|じゃ)'

const RULES: readonly Rule[] = [
  // 〜しもうた / 〜てしもうた / 〜でしもうた / 〜てもうた (Kansai): 〜してしまった.
  [/([てで])しも[うお]た/gu, '$1しまった'],
  [/([てで])も[うお]た/gu, '$1しまった'],
  [/しも[うお]た/gu, 'してしまった'],
  [/([てで])しま[うお]た/gu, '$1しまった'],
  // 〜とる, 〜とった, 〜とらん (〜ている, 〜ていた, 〜ていない); 〜どる after ん (住んどる, 読んどる).
  [/とらん(?:かった)?/gu, 'ていない'],
  [/どらん(?:かった)?/gu, 'でいない'],
  [/とった/gu, 'ていた'],
  [/どった/gu, 'でいた'],
  [/とって(?=[\s、。,.!?！？]|$|も|から)/gu, 'ていて'],
  [/とる(?=[\s、。,.!?！？…]|$|ん|の|け|じゃ|よ|ね|か|が|人|方|とき|時|場合|うち)/gu, 'ている'],
  [/(?<=ん)どる(?=[\s、。,.!?！？…]|$|ん|の|け|じゃ|よ|ね|か|が|人|方|とき|時|場合|うち)/gu, 'でいる'],
  // 〜よる (progressive, Hiroshima): しよる → している; 待ちよる → 待ち (the stem is what is searched).
  [/しよる(?=[\s、。,.!?！？…]|$|ん|の|け|じゃ|よ|ね|か|が)/gu, 'している'],
  [/(?<=[きちみりびぎい])よる(?=[\s、。,.!?！？…]|$|ん|の|け|じゃ|よ|ね|か|が)/gu, ''],
  // おらん / おる (いない / いる).
  [/おらん/gu, 'いない'],
  // Negative 〜ん / 〜へん: 分からん, 要らん, 使わん, できん, できひん, 知らへん → 〜ない.
  [new RegExp(`([らわ])(?:ん|へん)${END}`, 'gu'), '$1ない'],
  [new RegExp(`(でき|こ|せ|し)(?:ひん|へん)${END}`, 'gu'), '$1ない'],
  [new RegExp(`できん${END}`, 'gu'), 'できない'],
  // 〜にゃいけん / 〜んといけん / 〜ないといけん: しないといけない (obligation).
  [/せにゃ(?:いけん|ならん|いかん)/gu, 'しなければならない'],
  [/([かさたなまらわがば])にゃ(?:いけん|ならん|いかん)/gu, '$1なければならない'],
  [/いけん(?=[\s、。,.!?！？…]|$|の|よ|ね|か|じゃ)/gu, 'いけない'],
  [/あかん/gu, 'だめ'],
  // 〜んさい (Hiroshima polite imperative: 来んさい → 来てください) and 〜んさる.
  [/んさい(?=[\s、。,.!?！？…]|$|よ|ね)/gu, 'てください'],
  // 〜けん / 〜けえ / 〜さかい (reason: から) after a verb, adjective or copula.
  [/(?<=[るたいだじゃんう])(?:けん|けえ|さかい)(?=[\s、。,.!?！？…]|$|ね|な|の|よ|ど|ど)/gu, 'から'],
  // Copula じゃ / や → だ at a clause end (保険証じゃないん is left alone: じゃない is standard).
  [/(?<!\p{Script=Hiragana})じゃ(?=[\s、。,.!?！？…]|$|けど|けえ|ろ|ね|よ)/gu, 'だ'],
  [/やけど/gu, 'だけど'],
  [/やねん|ねん(?=[\s、。,.!?！？…]|$|けど)/gu, 'んだ'],
  // Question endings: 〜んかね, 〜んかいね, 〜んかのう, 〜んじゃろか, 〜のん, 〜なん → の / か.
  [/ん(?:かいね|かいな|かね|かの[うお]|じゃろ(?:うか|か)?|やろ(?:うか|か)?)/gu, 'のか'],
  [/(?<=[るたいう])のん(?=[\s、。,.!?！？…]|$)/gu, 'の'],
  [/(?<=\p{Script=Han}|[いう])なん(?=[\s、。,.!?！？…]|$|じゃ|よ|かね)/gu, ''],
  // Words: なんぼ (いくら), めげた (壊れた, Hiroshima), ほんま (本当), ぶち/ばり (very), ええ (いい).
  [/なんぼ/gu, 'いくら'],
  [/めげ(?:た|とる|ている|てしまった)/gu, '壊れた'],
  [/ほんま/gu, '本当'],
  [
    /(?<![\p{Script=Hiragana}])(?:ぶち|ばり|でら)(?=[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}])/gu,
    '',
  ],
  [/(?<![\p{Script=Hiragana}])ええ(?=ん|の|か|よ|[\s、。?？]|$)/gu, 'いい'],
  // A bare 番号 with forgetting, mistyping or resetting is the PIN (番号忘れた, 番号打ち間違えた,
  // 4けたの番号をもう覚えておらん, 番号を直しに行く); 暗証番号, 個人番号, 電話番号 and マイナンバーの番号
  // (the 12-digit number) are left alone.
  [
    /(?<![暗証個人電話整理受付ー\p{Script=Katakana}]|マイナンバーの)番号(?=(?:を|が|は|も|なんか)?(?:もう)?(?:忘れ|わすれ|覚え|おぼえ|打ち間違|間違え|まちがえ|直し|なおし|リセット|再設定|ロック))/gu,
    '暗証番号',
  ],
  // ら抜き (来れる, 見れる, 出れる): the standard 来られる.
  [/(?<=[来見出寝着居])れ(?=る|ん|ない|ます|ません)/gu, 'られ'],
]

/** How many rewriting rules there are (docs/AI.md and the admin's AI page list it). */
export const DIALECT_RULE_COUNT = RULES.length

/** Rewrites western-Japan spoken forms to standard Japanese (NFKC-lowercased input). */
export function normalizeDialect(text: string): string {
  let out = text
  for (const [re, to] of RULES) out = out.replace(re, to)
  return out
}

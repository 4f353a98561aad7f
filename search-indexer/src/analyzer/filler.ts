/**
 * Query-side stripping of fillers and politeness: えーと, すみません, 〜したいんですけど, 教えてください,
 * 知りたいです … These words say nothing about the topic but share character bigrams with the
 * questions of many FAQs (教えてください appears in hundreds), so they add noise to the ranking.
 * Works on NFKC-lowercased text (katakana kept). If nothing would be left, the text is kept as is.
 */
const PATTERNS: RegExp[] = [
  // Interjections and openers.
  /(えー*っ*と|えっと|あの[ーう、]+|あのね|うーん|もしもし|すみません(が)?|すいません(が)?|恐れ入りますが|お尋ねします|お伺いします|質問(です|があります|なんですが))/gu,
  // "Please tell me" and its many forms.
  /(を|について|に関して|に関する事|に関すること)?(教えて|おしえて)(ください|下さい|くださいませんか|いただけますか|頂けますか|いただけませんか|頂けませんか|いただけないでしょうか|頂けないでしょうか|いただきたいです|頂きたいです|いただきたい|頂きたい|もらえますか|もらえませんか|ほしいです|欲しいです|ほしい|欲しい|くれ)?/gu,
  /(を|について)?(知りたい|しりたい|知りたく)(のですが|んですが|んですけど|のですけど|です|と思います|と思っています)?/gu,
  /(して|て)(欲しい|ほしい)(のですが|んですが|です)?/gu,
  /(を)?(お願い|おねがい)(します|いたします|致します|したいです|したい)/gu,
  // "What should I do", in standard and western (Hiroshima) forms: asked of every topic.
  /(どう|どうやって|何|なに)(したら|すれば|すりゃ|しよう)(いい|ええ|よい|良い|よろしい)?(んか|の|ん)?(ね|かね|かのう|でしょうか|じゃろうか)?/gu,
  // Western (Hiroshima) sentence endings: じゃけど, じゃけん, んじゃ, じゃろ.
  /(ん)?(じゃけど|じゃけん|じゃけえ|じゃろうか|じゃろ|じゃが)/gu,
  // Sentence endings that carry no topic.
  /(ん|の)(です|だ)(けど|けれど|けれども|が)?/gu,
  /(でしょうか|ですか|ますか|ませんか|ですが|ですけど|ですけれど|けれども|けど|だけど|かな|かしら|よね)/gu,
  /(ください|下さい)/gu,
  /(について|に関して)/gu,
]

/** Removes fillers and politeness from a (NFKC, lowercased) query. */
export function stripFillers(text: string): string {
  let out = text
  for (const re of PATTERNS) out = out.replace(re, ' ')
  out = out.replace(/\s+/gu, ' ').trim()
  return /[\p{L}\p{N}]/u.test(out) ? out : text
}

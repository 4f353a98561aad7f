/**
 * A query that only announces a question: ちょっとお伺いしたいんですけど, 質問があるんですが,
 * カードのことで聞きたいことがあって, 案内が来たんですけど. Callers open with it; it names at most a
 * topic, not what they want to know, so nothing a search finds for it is an answer (the FAQs'
 * earlier phrasings hold callers' stories, whose words an opener shares). One rule for the engine's
 * confidence (search-index.ts), the transcript suggestions and the gap analysis (suggest.ts).
 *
 * The shape, not a list of questions: greetings and fillers, then at most a topic (nouns joined by
 * の/と/や, ending in のことで, について, の件で, から …), then an announcing predicate (聞きたい,
 * 伺いたい, 質問がある, 相談がある, 電話しました, 案内が来た, 届いた …) and a sentence ending. Anything
 * else (a verb of the caller's own, a question word, a second sentence, どうすれば after the
 * predicate) is a real ask and the rule says no.
 */
import { prepareText } from './normalize'

/** Greetings and fillers that open a call (at the start, before the topic). */
// No filler ends in a drawn-out ー or 〜 and none is two others in a row (ええ is え twice): SEP
// takes those, so a run of fillers splits one way only. Two ways to split each あー (あー, or あ then
// ー) made a run of them exponential: 15 of 「あーー」 took 38 s before.
const FILLER =
  '(?:もしもし|すみません|すいません|すんません|あのう?|あのね|え[ー〜~]*っ*と|え|あ|はい|こんにちは|お忙しいところ|恐れ入ります(?:が)?|お世話になって(?:おります|います)|ちょっと|少し|すこし|実は|じつは)'
const SEP = '[、。,.!?！？\\s・…〜~ー]'
/** A noun: kanji, katakana, latin or digits (prepareText has folded okurigana: 手続き → 手続), maybe お/ご. */
const NOUN = '(?:[おご]?[\\p{Script=Han}\\p{Script=Katakana}ーa-z0-9]+)'
/**
 * A topic written in kana (まいなんばーかーどのことで, ほけんしょうについて). Hiragana also spells
 * particles and verbs, so a kana topic needs an explicit topic marker after it and holds no こと of
 * its own: かーどをなくしたことについて (a lost card) stays a real ask.
 */
const KANA_TOPIC = '(?:(?!こと)[ぁ-ゖー]){2,24}(?:のことで|のことについて|のけんで|について|にかんして)'
/** A topic: nouns joined by の/と/や, and how it is tied to the predicate. */
const TOPIC = `(?:${NOUN}(?:[のとや]${NOUN})*(?:の(?:こと|事|件)(?:で|について|に関して)?|について|に関して|に関する(?:こと|事)で|関係で|関連で|で|から|の|って)|${KANA_TOPIC})`
/** Asking verbs (stem), as in 聞きたい, お伺いしたい, 相談させていただきたい. */
const ASK =
  '(?:[おご]?(?:伺い|うかがい|聞き|きき|訊き|尋ね|たずね|確認|相談|質問|問い?合わせ|問合せ|電話|でんわ)(?:し|させていただき|させてもらい)?)'
const PREDICATE = [
  // 聞きたい(ことがある), お伺いしたいんですけど, 確認したいことがありまして, 聞きたくて電話しました
  `${ASK}(?:たい(?:(?:こと|事)(?:が|も)?(?:ある|あり(?:ます|まして)?|あって))?(?:と思(?:って|いまして|います))?|たくて(?:お?電話(?:しました|した))?)`,
  // 質問がある, 相談があって, お願いがあるんですが
  '(?:質問|相談|用件|お願い|問い?合わせ)(?:が|も)?(?:ある|あり(?:ます|まして)?|あって)',
  // 質問なんですけど, 相談です
  '(?:質問|相談)(?:なん|なの)?(?:です|だ|じゃ|や)?',
  // お電話しました, 電話したんですけど
  'お?(?:電話|でんわ)(?:しました|した|させていただきました)',
  // 案内が来たんですけど, 通知が届きまして
  '(?:案内|通知書?|お?知らせ|手紙|封筒|書類|郵便|はがき|ハガキ|葉書|文書)(?:が|も)?(?:来|き|届|とど)(?:た|て|まして|ました|いた|いて|きまして|きました)',
].join('|')
/** What ends the sentence: んですけど, のですが, んじゃけど, って, よ … */
const ENDING =
  '(?:ん|の)?(?:です|でして|だ|じゃ|や)?(?:けど|けれど(?:も)?|が|って|て|けえ|けぇ|けん)?(?:ね|よ|な|ねえ|のう)?'
const OPENING = `(?:${FILLER}|${SEP})*`

/** Fillers, maybe a topic, an announcing predicate: カードのことで聞きたいことがあって. */
const ANNOUNCES = new RegExp(`^${OPENING}(?:${TOPIC})?${OPENING}(?:${PREDICATE})${ENDING}${SEP}*$`, 'u')
/** A topic and a copula only: カードのことなんですけど (not カードです: no のこと/について). */
const TOPIC_ONLY = new RegExp(
  `^${OPENING}${NOUN}(?:[のとや]${NOUN})*(?:の(?:こと|事|件)|について|に関して)(?:なん|なの)?(?:です|だ|じゃ|や)${ENDING}${SEP}*$`,
  'u',
)

/**
 * The same shape in English (the desk and the site answer English too): a greeting, an announcing
 * predicate (I have a question, I'd like to ask, I'm calling), at most a short topic after about or
 * regarding, and nothing asked: a question word in the topic (about how to renew) makes it a real ask.
 */
const EN_OPENING = '(?:(?:hello|hi|good (?:morning|afternoon)|excuse me|sorry|um+|uh+|yes|so|well)[,.!]? ?)*'
const EN_PREDICATE =
  "(?:i (?:have|had|(?:have |'ve )?got) (?:a |one |some |a few |a quick )?(?:questions?|query|queries|inquiry|enquiry)|i(?:'d| would)? (?:like to |want to |wanted to )?ask(?: (?:a question|something|a few things|you something))?|(?:can|could|may) i ask(?: (?:a question|something|you something))?|i(?:'m| am) (?:calling|phoning|ringing))"
const EN_WORD =
  '(?!(?:how|what|when|where|why|which|who|whether|if|can|could|do|does|did|is|are|should|will|would|need|because|but|and)\\b)[a-z]+'
const EN_TOPIC = `(?: (?:about|regarding|concerning|on|with) (?:(?:my|the|a|an|our|his|her|their) )?${EN_WORD}(?: ${EN_WORD}){0,3})?`
const ANNOUNCES_EN = new RegExp(`^${EN_OPENING}${EN_PREDICATE}${EN_TOPIC}(?: please)?[.?!]*$`, 'u')

/** Longer than this (characters, prepared, without spaces), a query is not taken for an opener. */
const MAX_OPENER = 80

/**
 * Whether a query only announces a question: nothing asked beyond a topic word. The text is read
 * as the analyzer prepares it (NFKC, lowercase, okurigana folded: 手続き → 手続), without spaces.
 */
export function announcesOnly(text: string): boolean {
  const prepared = prepareText(typeof text === 'string' ? text : '')
  const t = prepared.replace(/\s+/gu, '')
  // An opener is short; the cap also bounds the regexes' work (a katakana ー is both a separator
  // and part of a noun, so a long run of it has several splits).
  if (t.length === 0 || t.length > MAX_OPENER) return false
  if (ANNOUNCES.test(t) || TOPIC_ONLY.test(t)) return true
  // English keeps its spaces (one between words) and reads ’ as an apostrophe.
  const words = prepared.replace(/[’‘]/gu, "'").replace(/\s+/gu, ' ').trim()
  return ANNOUNCES_EN.test(words)
}

/**
 * Generated-but-realistic call transcripts for measuring the suggestions (npm run eval:transcripts)
 * and the import's speed (npm run bench:transcripts). Seeded (@kotae/content/seededRandom): a seed
 * gives the same calls on every machine. Each call takes 1–3 of the labelled questions (Kotae's
 * golden and colloquial sets, one split only, so tuning on dev never sees a test question): the
 * caller asks in that question's words, the operator reads out the answer's short answer (whole,
 * cut to its first part, or, for some, answers in other words), between greetings, あいづち,
 * hold phrases, personal data already masked (［氏名］, as stored), small talk and recognition noise
 * (dropped characters, fillers). `used` is what the generator had the operator answer with.
 */
import { seededRandom } from '@kotae/content/seededRandom'

import { factsIn } from './readout'

export interface GeneratedTurn {
  speaker: 'operator' | 'caller'
  start: number
  end: number
  text: string
}
export interface GeneratedCall {
  id: string
  turns: GeneratedTurn[]
  used: string[]
  /** FAQs whose answer the operator read with one value changed (only with `contradictions`). */
  contradicted?: string[]
}
export interface GenerateInput {
  faqs: readonly { id: string; shortAnswer: string }[]
  /** Labelled questions: the caller's words and the FAQ that answers them (the first of `relevant`). */
  questions: readonly { query: string; relevant: readonly string[] }[]
  seed: number
  count: number
  /** About this many seconds per call (default 180). */
  seconds?: number
  /**
   * Share of read-out answers in which the operator says one value differently (a fee, a period, a
   * count: for the 読み上げ確認 check, readout.ts). 0 by default, and then no extra random number is
   * drawn, so the calls of a seed stay the same as before this option.
   */
  contradictions?: number
}

/** The answer with its first number-with-unit changed to a value the answer does not give. */
export function contradictOneValue(answer: string): string | null {
  const taken = new Set(factsIn(answer).map((f) => `${f.unit}:${f.value}`))
  let done = false
  const out = answer.replace(/(\d[\d,]*)(円|か月|ヶ月|年|日|回|桁)/gu, (m, n: string, unit: string) => {
    if (done) return m
    const v = Number(n.replace(/,/g, ''))
    const u = unit === 'ヶ月' ? 'か月' : unit
    const alt = [v * 2, v + 1, v + 3].find((x) => !taken.has(`${u}:${x}`))
    if (alt === undefined) return m
    done = true
    return `${n.includes(',') ? alt.toLocaleString('en-US') : alt}${unit}`
  })
  return done ? out : null
}

const GREETING = [
  'お電話ありがとうございます。マイナンバーカードコールセンターの［氏名］です。',
  'はい、マイナンバーカードコールセンターでございます。担当の［氏名］が承ります。',
]
const OPENERS = [
  'あ、もしもし。すみません、ちょっとお伺いしたいんですけど。',
  'あのー、マイナンバーカードのことで聞きたいことがあって。',
  'もしもし、えーと、市のほうから案内が来たんですけど。',
]
const ASK_NAME = [
  '恐れ入りますが、お名前をお伺いしてもよろしいでしょうか。',
  '念のため、お名前とお電話番号をお願いできますか。',
]
const GIVE_NAME = [
  '［氏名］です。電話番号は［電話番号］です。',
  'えっと、［氏名］と申します。',
  '名前は［氏名］で、番号は［電話番号］です。',
]
const LEADS = ['あと、', 'それと、', 'あ、それから', 'もう一つ聞きたいんですけど、', '']
const FILLERS = ['えーと、', 'あのー、', 'うーん、', '', '', '']
const HOLD = [
  '確認いたしますので、少々お待ちください。',
  'お調べしますので、このままお待ちいただけますか。',
  'はい、確認いたします。',
]
const ACK_OP = ['お待たせいたしました。', 'はい、', 'そちらはですね、', 'お答えいたします。']
const ACK_CALLER = [
  'あー、そうなんですね。',
  'なるほど、わかりました。',
  'はい、はい。',
  'そうですか、ありがとうございます。',
  'え、そうなんだ。',
]
const CHATTER = [
  '今日は寒いですね。',
  'いやー、最近なにかと手続きが多くて。',
  'ちょっと待ってください、メモしますので。',
  'すみません、いま外にいて聞こえづらくて。',
  'うちの母の分もあるんですけど、それはまた今度にします。',
  '前にも一度電話したんですけど、つながらなくて。',
]
const PARAPHRASE = [
  '詳しいことはお住まいの市区町村の窓口でご案内しております。',
  '手続きの方法はいくつかございますので、ご都合のよい方法をお選びください。',
  'その件は状況によって変わりますので、書類をご確認ください。',
]
const CLOSE_OP = ['ほかにご不明な点はございますか。', 'ほかにお困りのことはございませんか。']
const CLOSE_CALLER = ['いえ、大丈夫です。ありがとうございました。', 'はい、助かりました。']
const BYE = [
  'お電話ありがとうございました。失礼いたします。',
  '担当［氏名］が承りました。お電話ありがとうございました。',
]

export function generateCalls(input: GenerateInput): GeneratedCall[] {
  const rand = seededRandom(input.seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const shortOf = new Map(input.faqs.map((f) => [f.id, f.shortAnswer]))
  const usable = input.questions.filter((q) => q.relevant[0] && shortOf.has(q.relevant[0]))
  /** Speech recognition: now and then a character lost, a filler put in. */
  const noisy = (text: string) => {
    let out = ''
    for (const ch of text) {
      if (rand() < 0.03 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) continue
      out += ch
      if (ch === '、' && rand() < 0.3) out += pick(['えー、', 'まあ、', 'あの、'])
    }
    return out
  }
  const calls: GeneratedCall[] = []
  for (let n = 0; n < input.count; n++) {
    const turns: Omit<GeneratedTurn, 'start' | 'end'>[] = []
    const say = (speaker: GeneratedTurn['speaker'], text: string) => turns.push({ speaker, text })
    say('operator', pick(GREETING))
    say('caller', pick(OPENERS))
    say('operator', 'はい、どのようなご用件でしょうか。')
    if (rand() < 0.5) {
      say('operator', pick(ASK_NAME))
      say('caller', pick(GIVE_NAME))
    }
    const topics = 1 + Math.floor(rand() * rand() * 3)
    const used: string[] = []
    const contradicted: string[] = []
    for (let k = 0; k < topics * 4 && used.length < topics; k++) {
      const q = pick(usable)
      const faq = q.relevant[0]!
      if (used.includes(faq)) continue
      used.push(faq)
      say('caller', `${used.length > 1 ? pick(LEADS) : ''}${pick(FILLERS)}${noisy(q.query)}`)
      if (rand() < 0.5) say('operator', pick(HOLD))
      if (rand() < 0.25) say('caller', pick(CHATTER))
      const short = shortOf.get(faq)!
      const style = rand()
      // Whole (70%), its first part (15%: the caller cut in), or the answer in other words (15%).
      const firstPart = short
        .split(/(?<=[、。])/u)
        .slice(0, Math.max(1, Math.ceil(short.split(/(?<=[、。])/u).length / 2)))
        .join('')
      let readOut = style < 0.7 ? short : style < 0.85 ? firstPart : null
      if (readOut && input.contradictions && rand() < input.contradictions) {
        const changed = contradictOneValue(readOut)
        if (changed) {
          readOut = changed
          contradicted.push(faq)
        }
      }
      say('operator', readOut === null ? pick(PARAPHRASE) : `${pick(ACK_OP)}${noisy(readOut)}`)
      say('caller', pick(ACK_CALLER))
      if (rand() < 0.3)
        say('operator', pick(['はい。', 'ええ、そうなんです。', 'よろしくお願いいたします。']))
    }
    // Calls run long: the rest of the time is talk around the answer (checking, small talk, あいづち).
    const target = (input.seconds ?? 180) * 0.6 * 6
    while (turns.reduce((s, t) => s + t.text.length, 0) < target) {
      say('caller', pick(CHATTER))
      say(
        'operator',
        pick([
          'そうでしたか。',
          'さようでございますか。',
          'ご不便をおかけしております。',
          'はい、ごゆっくりどうぞ。',
        ]),
      )
    }
    say('operator', pick(CLOSE_OP))
    say('caller', pick(CLOSE_CALLER))
    say('operator', pick(BYE))
    // Times: about 6 characters a second, a pause between turns, stretched to the call's length.
    const speech = turns.reduce((s, t) => s + t.text.length / 6, 0)
    const gap = Math.max(0.4, ((input.seconds ?? 180) - speech) / turns.length)
    let at = 0
    const timed = turns.map((t) => {
      const start = Math.round(at * 100) / 100
      at += t.text.length / 6
      const end = Math.round(at * 100) / 100
      at += gap
      return { ...t, start, end }
    })
    calls.push({
      id: `G-${input.seed}-${String(n + 1).padStart(5, '0')}`,
      turns: timed,
      used,
      ...(input.contradictions ? { contradicted } : {}),
    })
  }
  return calls
}

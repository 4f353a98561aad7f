/**
 * Synthetic training lines for the masker's tagger, generated from templates: our own frames (the
 * shapes of the classes the tagger missed on the tuning corpora: a PIN read out in kana with pauses,
 * in kanji numerals, several candidates in a row, a password of romaji and digits with no cue word
 * beside it; a full name after a label, a given name after a relative, a katakana or hiragana full
 * name) × our own lists of surnames, given names and PIN forms below. Every value is made up here;
 * no line comes from a call log, a transcript or anything the product stores (no personal
 * information trains a model, the city's rule). Same seed, same lines: the weights-equal test holds.
 * Hand-written: the templates are the point, and no library holds Japanese desk frames.
 */
import { seededRandom } from '@kotae/content/seededRandom'

import type { CorpusRow } from '../../bench/pii.bench'
import { COMMON_SURNAMES } from '../pii/surnames'

/** Given names with their readings (kanji, hiragana, katakana), invented for these templates. */
const GIVEN: readonly [string, string][] = [
  ['修', 'おさむ'],
  ['哲也', 'てつや'],
  ['キヨ', 'きよ'],
  ['徹', 'とおる'],
  ['翔太', 'しょうた'],
  ['美香', 'みか'],
  ['和子', 'かずこ'],
  ['浩二', 'こうじ'],
  ['由美', 'ゆみ'],
  ['健一', 'けんいち'],
  ['さくら', 'さくら'],
  ['千代', 'ちよ'],
  ['大輔', 'だいすけ'],
  ['恵子', 'けいこ'],
  ['隆', 'たかし'],
  ['はるか', 'はるか'],
  ['正男', 'まさお'],
  ['陽菜', 'ひな'],
  ['勇気', 'ゆうき'],
  ['トメ', 'とめ'],
  ['誠', 'まこと'],
  ['真由美', 'まゆみ'],
  ['昭', 'あきら'],
  ['綾乃', 'あやの'],
]
/** Readings of surnames for the kana frames (the kanji come from the name rules' common surnames). */
const SURNAME_KANA = [
  'たむら',
  'しまだ',
  'こいけ',
  'くまがい',
  'うつのみや',
  'やまね',
  'ふじた',
  'おかざき',
  'にしむら',
  'いしかわ',
  'もりもと',
  'すぎやま',
]
const KANA_DIGITS: readonly (readonly string[])[] = [
  ['ぜろ', 'まる', 'れい'],
  ['いち', 'ひと'],
  ['に', 'にい', 'ふた'],
  ['さん'],
  ['よん', 'し'],
  ['ご', 'ごお'],
  ['ろく'],
  ['なな', 'しち'],
  ['はち'],
  ['きゅう', 'く', 'くぅ'],
]
const KATA_DIGITS = ['ゼロ', 'イチ', 'ニー', 'サン', 'ヨン', 'ゴー', 'ロク', 'ナナ', 'ハチ', 'キュウ']
const KANJI_DIGITS = '〇一二三四五六七八九'
const WORDS = ['SAKURA', 'MOMIJI', 'KAMOME', 'HOTARU', 'TSUBAME', 'NAGISA', 'KOHARU', 'YUZU', 'TAKO', 'SORA']

/** One PIN of four digits in one of the ways callers say or type it. */
function pinForms(r: () => number): string {
  const digits = Array.from({ length: 4 }, () => Math.floor(r() * 10))
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const sep = pick(['、', '・', ' ', '', '、'])
  switch (Math.floor(r() * 7)) {
    case 0:
      return digits.join('')
    case 1:
      return digits.map((d) => String.fromCharCode(0xff10 + d)).join('') // full width
    case 2:
      return digits.map((d) => KANJI_DIGITS[d]).join('')
    case 3:
      return digits.map((d) => pick(KANA_DIGITS[d]!)).join(sep || '、')
    case 4:
      return digits.map((d) => KATA_DIGITS[d]).join(sep || '、')
    case 5:
      return digits.join(' ')
    default:
      return digits.map((d) => pick(KANA_DIGITS[d]!)).join('')
  }
}
function password(r: () => number): string {
  const w = WORDS[Math.floor(r() * WORDS.length)]!
  const n = String(Math.floor(r() * 9000) + 10)
  const styles = [w + n, w.toLowerCase() + n, w[0] + w.slice(1).toLowerCase() + n, n + w]
  return styles[Math.floor(r() * styles.length)]!
}

type Slot = { kind: 'secret' | 'name'; value: string }
/** A frame: text with {0}, {1} … slots and the kind of each. */
type Frame = { text: string; slots: ('pin' | 'pass' | 'full' | 'given' | 'kanaFull' | 'kataFull')[] }

const FRAMES: Frame[] = [
  // secrets said around their cue, or with none but the card's name
  { text: 'ほいでな、暗証は{0}にしたはずなんじゃ', slots: ['pin'] },
  { text: 'うちん人の暗証、{0}、ちゅうたかね', slots: ['pin'] },
  { text: '「{0}」…これ全部言うたらあかんやつやんな、暗証番号', slots: ['pin'] },
  { text: 'ご主人のは{0}、奥さんのは{1}、暗証を逆にしたとのこと', slots: ['pin', 'pin'] },
  { text: 'ロック解除希望、入れたのは{0}、{1}の二つ', slots: ['pin', 'pin'] },
  { text: '4けた→{0}（孫の誕生日で覚えた、と）', slots: ['pin'] },
  { text: 'コンビニ交付で使う方、{0}って。口外しないよう注意喚起', slots: ['pin'] },
  { text: 'マイナポータル入れん。{0}入れても違うって出る', slots: ['pin'] },
  { text: 'えっとね、{0}。それで合うとるじゃろ？暗証番号', slots: ['pin'] },
  { text: 'ASR書き起こし：えーと あんしょう は {0} で えー', slots: ['pin'] },
  { text: '署名用は{0}、利用者証明用は{1}に分けた', slots: ['pass', 'pin'] },
  { text: '先週決めたばかりのパスワード{0}がもう思い出せないと笑っていた', slots: ['pass'] },
  { text: '孫いわく「じいじのは{0}やで」、署名用の英数字らしい', slots: ['pass'] },
  { text: '長い方はローマ字で{0}、大文字で入れたはず', slots: ['pass'] },
  { text: '電子証明書のパスは{0}、かっこは要らない', slots: ['pass'] },
  // names the rules cut short or never see
  { text: '名前は{0}です', slots: ['full'] },
  { text: 'お名前フルネームで→ {0}', slots: ['full'] },
  { text: '話の途中で「それで、あ、{0}っていうんですけど」', slots: ['full'] },
  { text: '兄の{0}が代わりに来るそうです', slots: ['given'] },
  { text: '娘の{0}に聞いてもらえば分かるとのこと', slots: ['given'] },
  { text: '申請者は{0}、カードの受け取りは来週', slots: ['full'] },
  { text: '「このまえお電話した、{0}です」', slots: ['kanaFull'] },
  { text: 'カタカナで{0}、漢字は分からんとのこと', slots: ['kataFull'] },
  { text: '{0}、昭和二十年生まれ、通知カードを失くした', slots: ['full'] },
  { text: '母がカード受け取りに行けん。母の名前は{0}', slots: ['full'] },
]
/** Lines with nothing to mask, in the same words: the tagger must not learn that a frame is a value. */
const NEGATIVES = [
  '暗証番号を忘れたので窓口で再設定したい',
  '4けたの数字を3回間違えるとロックがかかると説明した',
  '署名用の英数字は6文字以上16文字以下と案内',
  'マイナポータルに入れないとの相談、再設定の手順を案内',
  'お名前はまだ伺っていない、折り返し予定',
  '兄が代わりに来るそうです、委任状が要ると伝えた',
  'カタカナで書くのか漢字で書くのかの質問',
  '受付番号1234で予約済み、10時に来庁',
  'コンビニ交付の利用時間は6時30分から23時まで',
]

/** The synthetic lines (`count` of them, seeded). */
export function syntheticRows(count = 600, seed = 20261207): CorpusRow[] {
  const r = seededRandom(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const surnames = [...COMMON_SURNAMES].filter((s) => s.length === 2)
  const rows: CorpusRow[] = []
  for (let i = 0; i < count; i++) {
    if (i % 8 === 7) {
      rows.push({ text: pick(NEGATIVES), expected: [] })
      continue
    }
    const frame = pick(FRAMES)
    const values: Slot[] = frame.slots.map((s) => {
      const [given, givenKana] = pick(GIVEN)
      switch (s) {
        case 'pin':
          return { kind: 'secret', value: pinForms(r) }
        case 'pass':
          return { kind: 'secret', value: password(r) }
        case 'full':
          return { kind: 'name', value: `${pick(surnames)}${pick([' ', ' ', ''])}${given}` }
        case 'given':
          return { kind: 'name', value: given }
        case 'kanaFull':
          return { kind: 'name', value: `${pick(SURNAME_KANA)} ${givenKana}` }
        default:
          return { kind: 'name', value: `${toKata(pick(SURNAME_KANA))} ${toKata(givenKana)}` }
      }
    })
    let text = frame.text
    values.forEach((v, k) => {
      text = text.replace(`{${k}}`, v.value)
    })
    // a value repeated in a frame (two equal PINs) is located twice by the bench's locate(): keep it distinct
    if (new Set(values.map((v) => v.value)).size < values.length) continue
    rows.push({ text, expected: values.map((v) => ({ kind: v.kind, value: v.value })) })
  }
  return rows
}

const toKata = (s: string) => s.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))

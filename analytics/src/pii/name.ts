import type { Detector, PiiFinding } from './types'

const KANJI_NAME = String.raw`[一-龥々]{1,4}(?:[ 　]?[一-龥々]{1,3})?`
const KANA_NAME = String.raw`[ァ-ヶー]{2,12}(?:[・ 　][ァ-ヶー]{2,12})?`
const ROMAN_NAME = String.raw`[A-Z][a-z]+(?: [A-Z][a-z]+)?`
const NAME = `(${KANJI_NAME}|${KANA_NAME}|${ROMAN_NAME})`

/** Words before さん/様 that are roles or places, not people. */
const NOT_NAMES = new Set([
  '皆', '客', 'お客', '市民課', '郵便局', '窓口', '担当', '職員', '相手', '息子', '娘', '奥', '旦那', '家族', '業者', '銀行', '病院', '大家', '先方', '本人', 'ご本人',
  '市役所', '役所', '区役所', '支所', '出張所', '警察', '薬局', '施設', '保険者', '会社', '学校', '先生', '親御', '患者', '利用者', '申請者', '代理人', '住民', '市民', '外国人',
  'お母', 'お父', 'おばあ', 'おじい', 'お姉', 'お兄', 'オペレーター', 'コールセンター', 'センター', 'スタッフ', 'ケアマネ', 'ヘルパー', '市', '県', '国',
])

const isName = (candidate: string) => {
  const c = candidate.replace(/[ 　]/g, '')
  if (NOT_NAMES.has(c) || /(者|員|係|課|所|局|店|社|家)$/.test(c)) return false
  for (const w of NOT_NAMES) if (w.length >= 2 && c.endsWith(w)) return false
  return true
}

const PATTERNS: RegExp[] = [
  new RegExp(`${NAME}(?=[ 　]?(?:さん|様|さま|サマ|氏|くん|君|ちゃん))`, 'gu'),
  new RegExp(`${NAME}(?=と(?:申します|申す|いいます|言います|いう者))`, 'gu'),
  new RegExp(`(?:名前は|氏名は|名前が)[ 　]?${NAME}(?=[、。，,\\s）)]|です|でした|さん|様|と|$)`, 'gu'),
]

/** Personal names next to honorifics (さん, 様), self-introductions (と申します) and 名前は. */
export const detectName: Detector = (text) => {
  const out: PiiFinding[] = []
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const value = m[1]!
      if (!isName(value)) continue
      const start = m.index + m[0].lastIndexOf(value)
      out.push({ kind: 'name', start, end: start + value.length })
    }
  }
  return out
}

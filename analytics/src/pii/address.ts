import type { Detector, PiiFinding } from './types'

const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
]

/** Words written before an address, not part of it (住所は… is cut by the hiragana anyway). */
const LEADS = [
  '現住所',
  '新住所',
  '旧住所',
  '住所',
  '転居先',
  '転入先',
  '転出先',
  '送付先',
  '郵送先',
  '宛先',
  '自宅',
  '実家',
  '本籍',
  '居所',
  '本人',
  '申請者',
  '世帯主',
  '本日',
  '昨日',
  '先日',
  '今日',
  '以前',
  '在住',
  // where someone stays, said before its address (「施設東広島市…」「入院先東広島市…」)
  '施設',
  '入所先',
  '入院先',
  '病院',
  '勤務先',
  '職場',
  '会社',
  '新居',
  '旧居',
  '住まい',
  '住',
]
/** Labels that say what follows is an address, so a block number alone is enough. */
const LABEL = /(?:住所|転居先|転入先|転出先|送付先|郵送先|宛先|居所|本籍|自宅)(?:は|が|:|：| )*$/

// Characters of a place name: kanji, katakana, and が/ケ/ヶ inside names (霞が関, 自由が丘).
const PLACE_CHAR = /[一-龥々〆ヵヶァ-ヺー]/
const isPlaceChar = (text: string, i: number) => {
  const ch = text[i]
  if (ch === undefined) return false
  if (PLACE_CHAR.test(ch)) return true
  return ch === 'が' && PLACE_CHAR.test(text[i - 1] ?? '') && PLACE_CHAR.test(text[i + 1] ?? '')
}

/** Block numbers: 1丁目2番3号, 八丁目23番35号, 8-29, 1234番地の5, 3210の2, 12-3-405, 4-5号室, 北1条西2丁目. */
const BLOCK =
  /(?<![\d.,/:-])(?:\d{1,5}|[一二三四五六七八九十]{1,3}(?=丁目))(?:(?:丁目|番地の?|番|号|-|の|条[東西南北]?)\d{1,5})*(?:丁目|番地|番|号室|号)?/g
/** A pause said inside an address (の、, 、 or の, and a space), before its block numbers or after a municipality. */
const PAUSE_BEFORE = /(?:の、|、|の) ?$/
const PAUSES = /(?<=[市町村区郡])(?:の、|、|の) ?/g
const MUNICIPALITY_END = /[市町村区郡]/
/** What may not follow a bare number for it to be a block number (counters, 3番窓口 …). */
const COUNTER = /^(?:[か件人名日月年回分時秒円歳%％位個枚ヶヵ階台冊通歩本点割倍才週]|番目|番窓|番線|号(?!室))/

// Buildings: a name with a building word, or any katakana/kanji name, before a room number.
const BWORD =
  '(?:マンション|ハイツ|コーポ|アパート|レジデンス|ハイム|メゾン|パレス|ヴィラ|ビラ|シャトー|コート|ハウス|荘|団地|住宅|ビル|タワー|寮|プラザ|ヒルズ|テラス|ガーデン|カーサ|ドミール)'
const NAME = '[ァ-ヺー一-龥々A-Za-z0-9○〇◯・]'
const NAME_HIRA = '[ァ-ヺー一-龥々A-Za-z0-9○〇◯・ぁ-ゖ]'
const NAME_END = '[ァ-ヺー一-龥々A-Za-z○〇◯]'
const ROOM = String.raw`\d{1,4}号室`
/** A floor: after a building with a building word (「サンコート安芸津 2F」), or right after the block (「11番8号の二階」). */
const FLOOR = String.raw`[1-9]\d?F(?![A-Za-z0-9])`
const FLOOR_AFTER_BLOCK = `の[1-9一二三四五六七八九十]{1,2}階(?![段建])`
/** A bare number after a building name is its room unless a counter follows (「サンライズ土与丸 506」, not 「… 500円」). */
const ROOM_NOT_AFTER = '[人名円件回枚個本台階歳年月日時分%]'
/** After a street address (a space, or 、 before a building word): 「 グランドハイツ西条302号室」「、ハイツ原 B棟102」「 コーポ下見202」「 コーポ田口B-201」「 コーポ岡町 1-B」「 市営住宅B棟201」「 101号室」「 サンシャイン西条305」「 サンライズ土与丸 506」. */
const BUILDING_AFTER = new RegExp(
  String.raw`${FLOOR_AFTER_BLOCK}|(?: ?|[、,] ?(?=${NAME}{0,12}${BWORD}))(?:${NAME}{0,12}${BWORD}${NAME_HIRA}{0,10}? ?(?:(?:[A-Z]|\d{1,2})棟 ?)?(?:${ROOM}|${FLOOR}|(?:\d{1,3}-|[A-Z]-?)?\d{1,4}(?:号(?!室))?(?![\d-])|\d{1,4}-?[A-Z](?![A-Za-z0-9])|[A-Z](?![A-Za-z0-9ァ-ヺー一-龥々]))|${NAME}{0,15}${NAME_END} ?${ROOM}|${ROOM}| ${NAME}{1,15}${NAME_END} ?[1-9]\d{2,3}(?:号(?!室))?(?![\d-]|${ROOM_NOT_AFTER}))`, // (「 アーバン寺家607号」)
  'y',
)
/** A building and room on their own: 「サンハイツ鏡山101号室」「○○マンション101号室」. */
const BUILDING = new RegExp(
  `(?<!${NAME})(?:${NAME}{0,12}${BWORD}${NAME_HIRA}{0,10}?|${NAME}{1,15}${NAME_END}) ?${ROOM}`,
  'g',
)

const PREFECTURE = new RegExp(PREFECTURES.join('|'))

// English addresses: block numbers (no leading zero) and romaji place names, as foreign residents write
// them: 「2-14-8 Saijo-Chuo, Higashihiroshima, Room 305」「Saijo Chuo 3-14-2」. Days and months are no places.
const EN_NOT_PLACE =
  '(?!(?:Room|Apt|Apartment|Unit|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z]))'
const EN_WORD = `${EN_NOT_PLACE}[A-Z][a-z]+(?:-(?:cho|machi|chome|ku|shi|gun|mura|son)(?![a-z]))?`
const EN_PLACE = `${EN_WORD}(?:[- ]${EN_WORD}){0,3}` // bounded: a regex must stay linear on hostile input
const EN_BLOCK = String.raw`[1-9]\d{0,3}`
const NOT_DATE = String.raw`(?!(?:19|20)\d\d-\d{1,2}-\d{1,2}(?!\d))` // 2026-11-30 is a date
const EN_ROOM = String.raw`(?:,? (?:[Rr]oom|[Aa]pt\.?|[Aa]partment|[Uu]nit|#) ?[A-Z]?-?\d{1,4}[A-Z]?(?![\dA-Za-z]))`
/** The room written first, as on an envelope: 「Room 402, 2-7-15 Saijo Chuo」. */
const EN_ROOM_FIRST = String.raw`(?:Room|Apt\.?|Apartment|Unit|#) ?[A-Z]?-?\d{1,4}[A-Z]?, `
// Place first, as the Japanese order is romanised: 「Higashihiroshima-shi Saijo-cho Misonou 1234-7, Heights
// Misonou 2F」. A word with -shi/-cho/-machi/-ku/-gun/-mura says it is a place, so two block numbers are
// enough; a building (capitalised words) and a floor or room may follow.
const EN_SUFFIXED = `${EN_NOT_PLACE}[A-Z][a-z]+-(?:cho|machi|ku|shi|gun|mura)(?![a-z])`
const EN_BUILDING = String.raw`(?:,? (?:[A-Z][a-z]+ ){1,3}(?:[1-9]\d?F|\d{1,4})(?![\dA-Za-z]))`
// Place first with the city last, as an envelope reads (「Saijo-cho Terahara 3-1-18, Higashihiroshima」): one
// word that ends the clause (two words would as well be a name after the address)
const EN_CITY_AFTER = String.raw`(?:, ${EN_WORD}(?:-shi| City)?(?=$|[,.;)）、。\n]))`
const EN_ADDRESS = new RegExp(
  String.raw`(?:(?<![A-Za-z])${EN_ROOM_FIRST})?(?<![\d-])${NOT_DATE}(?:${EN_BLOCK}-${EN_BLOCK}-${EN_BLOCK},? ${EN_PLACE}|${EN_BLOCK}-${EN_BLOCK},? ${EN_PLACE}(?=, [A-Z]))(?:, ${EN_PLACE}){0,3}${EN_ROOM}?` +
    String.raw`|(?<![A-Za-z])${EN_PLACE} ${NOT_DATE}${EN_BLOCK}-${EN_BLOCK}-${EN_BLOCK}(?![\d-])${EN_CITY_AFTER}?${EN_ROOM}?` +
    String.raw`|(?<![A-Za-z])(?:${EN_WORD} ){0,2}${EN_SUFFIXED}(?: ${EN_WORD}){0,2} ${NOT_DATE}${EN_BLOCK}-${EN_BLOCK}(?:-${EN_BLOCK})?(?![\d-])${EN_CITY_AFTER}?${EN_BUILDING}?${EN_ROOM}?`,
  'g',
)

function trimLeads(place: string): string {
  const pref = PREFECTURE.exec(place)
  if (pref) return place.slice(pref.index)
  for (let again = true; again; ) {
    again = false
    for (const w of LEADS)
      if (place.startsWith(w) && place.length > w.length) {
        place = place.slice(w.length)
        again = true
        break // start over: 本人住所 loses 本人, then 住所 (not 住 alone)
      }
  }
  return place
}

// A municipality or prefecture inside the place name (国道, 県道 are roads, not prefectures).
const hasMunicipality = (place: string) => /.[市区郡町村]/.test(place) || PREFECTURE.test(place)
/** Municipalities whose names start in hiragana (さいたま市, つくば市, あきる野市 …): the hiragana part. */
const HIRAGANA_CITIES = [
  'さいたま',
  'つくばみらい',
  'つくば',
  'ひたちなか',
  'いわき',
  'かすみがうら',
  'みどり',
  'あきる',
  'ふじみ',
  'さくら',
  'うるま',
  'えびの',
  'みよし',
  'あま',
  'たつの',
  'かほく',
  'いちき',
  'むつ',
  'かつらぎ',
  'みなかみ',
  'みやま',
  'うきは',
  'いすみ',
  'にかほ',
]
// Place names that are document or counter words, not places (様式第1-2号, 第3条).
const NOT_PLACE_END =
  /(?:第|様式|条|項|表|図|版|回|期|型|式|便|線|階|棟|室|番号|号|コード|ID|内線|電話|携帯|FAX|TEL)$/

/**
 * Street addresses: a place name followed by block numbers, then an optional building and room.
 * With a municipality (〜市/区/郡/町/村) or prefecture, any block number counts; without one, the
 * block has to look like a street address (丁目 plus a number, 番地, 1-2-3). 「東広島市の窓口」
 * and 「鏡山3丁目」 (a 丁目 alone, shared by hundreds of households) are not personal and stay.
 * A building with a room number is an address on its own (「○○マンション101号室」). English
 * addresses: block numbers with romaji place names (EN_ADDRESS).
 */
export const detectAddress: Detector = (text) => {
  const out: PiiFinding[] = []
  if (!/\d/.test(text)) return out
  for (const m of text.matchAll(BLOCK)) {
    const block = m[0]
    let start = m.index
    // 「河内町中河内 870-4」: one space between the place name and its block numbers; 「土与丸の、1145の6」:
    // a pause said before them
    const pause =
      block.length > 1 && /\d\D/.test(block)
        ? PAUSE_BEFORE.exec(text.slice(Math.max(0, start - 3), start))
        : null
    const gap =
      text[start - 1] === ' ' && isPlaceChar(text, start - 2)
        ? 1
        : pause && isPlaceChar(text, start - pause[0].length - 1)
          ? pause[0].length
          : 0
    start -= gap
    for (;;) {
      while (start > 0 && m.index - start < (gap > 1 ? 40 : 30) && isPlaceChar(text, start - 1)) start--
      // 「東広島市の、西条町…」: a pause after a municipality, inside an address said with pauses
      const p = pause && gap > 0 ? PAUSE_BEFORE.exec(text.slice(Math.max(0, start - 3), start)) : null
      if (!p || !MUNICIPALITY_END.test(text[start - p[0].length - 1] ?? '')) break
      start -= p[0].length
    }
    start = hiraganaPlaceBefore(text, start, m.index)
    const city = HIRAGANA_CITIES.find(
      (c) => text.endsWith(c, start) && /^[一-龥]{0,3}[市町村]/.test(text.slice(start, start + 4)),
    )
    if (city) start -= city.length
    const place = trimLeads(text.slice(start, m.index - gap))
    start = m.index - gap - place.length
    if (gap && place.length === 0) continue
    const said = place.replace(PAUSES, '')
    if (said !== place && !hasMunicipality(said)) continue
    if (gap > 1 && !hasMunicipality(said)) continue
    let end = m.index + block.length
    if (!accept(said, block, text.slice(Math.max(0, start - 12), start), text.slice(end, end + 3))) continue
    BUILDING_AFTER.lastIndex = end
    const b = BUILDING_AFTER.exec(text)
    if (b) end += b[0].length
    out.push({ kind: 'address', start, end })
  }
  if (/[A-Z]/.test(text))
    for (const m of text.matchAll(EN_ADDRESS))
      out.push({ kind: 'address', start: m.index, end: m.index + m[0].length })
  const buildings = text.includes('号室') ? text.matchAll(BUILDING) : []
  for (const m of buildings) {
    const name = m[0].replace(/ ?\d{1,4}号室$/, '')
    const start = m.index + name.length - trimLeads(name).length
    out.push({ kind: 'address', start, end: m.index + m[0].length })
  }
  return out
}

// A hiragana part of a place name (高屋うれしの, 八本松町みどり): not a particle or a word that joins a sentence.
const NOT_HIRAGANA_PLACE = /^(?:[のはがをにでとへもや]|から|まで|より|など|です|ます)/

/**
 * Where the place name before a block really starts when a hiragana part sits inside it
 * (「東広島市高屋うれしの1丁目5番3号」): the hiragana run, and the place name before it, count when that
 * name has a municipality (東広島市高屋) and the run does not start like a particle (「東広島市の1丁目」).
 */
function hiraganaPlaceBefore(text: string, start: number, blockAt: number): number {
  let h = start
  while (h > 0 && start - h < 6 && /[ぁ-ゖ]/.test(text[h - 1]!)) h--
  if (start - h < 2 || NOT_HIRAGANA_PLACE.test(text.slice(h, start)) || !isPlaceChar(text, h - 1))
    return start
  let s = h
  while (s > 0 && blockAt - s < 30 && isPlaceChar(text, s - 1)) s--
  return hasMunicipality(trimLeads(text.slice(s, h))) ? s : start
}

function accept(place: string, block: string, before: string, after: string): boolean {
  if (/^[一二三四五六七八九十\d]+丁目$/.test(block)) return false // a 丁目 alone
  const numbers = block.match(/\d+/g) ?? []
  if (numbers.some((n) => n.startsWith('0'))) return false // block numbers have no leading zero; phone numbers do
  const bare = /^\d+$/.test(block)
  if ((bare || /番$/.test(block)) && COUNTER.test(after)) return false
  if (place.length === 0) return LABEL.test(before) && !bare
  if (NOT_PLACE_END.test(place)) return false
  if (hasMunicipality(place) || LABEL.test(before)) return true
  if (place.length < 2) return false
  return /番地|丁目\d|\d番\d|\d+-\d+-\d+/.test(block)
}

import { KANA_DIGIT } from './spokenDigits'
import { COMMON_SURNAMES } from './surnames'
import type { Detector, PiiFinding } from './types'

// One character each (or none past an end), read by its code: called for most characters of a text, where a
// regex test each time was a measurable share of masking. [一-龥々〆ヶ], [ァ-ヺー゛゜], [ぁ-ゖ], [A-Za-z].
const codeOf = (c: string | undefined) => (c === undefined || c.length !== 1 ? -1 : c.charCodeAt(0))
const isKanji = (c: string | undefined) => {
  const x = codeOf(c)
  return (x >= 0x4e00 && x <= 0x9fa5) || x === 0x3005 || x === 0x3006 || x === 0x30f6
}
const isKata = (c: string | undefined) => {
  const x = codeOf(c)
  return (x >= 0x30a1 && x <= 0x30fa) || x === 0x30fc || x === 0x309b || x === 0x309c
}
const isHira = (c: string | undefined) => {
  const x = codeOf(c)
  return x >= 0x3041 && x <= 0x3096
}
const isLatin = (c: string | undefined) => {
  const x = codeOf(c)
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122)
}

/** Kanji words that stand before さん/様 but are roles, relatives, places or set phrases, not names. */
export const NOT_NAMES = new Set(
  `皆 客 同 仕 模 多 異 一 両 各 諸 神 仏 殿 上 奥 子 孫 母 父 兄 姉 弟 妹 娘 夫 妻 嫁 婿 姑 舅 嬢 坊 婆 爺 親 隣 寺 主 主人 息子 両親 家族
  遺族 親族 親戚 本人 相手 先方 患者 隣人 住人 友人 知人 新人 常連 派遣 大工 旦那 親御 子供 祖母 祖父 叔母 叔父 伯母 伯父 義母 義父 兄弟
  姉妹 夫婦 親子 長男 長女 次男 次女 三男 三女 利用 苦労 世話 馳走 得意 互い 先生 担当 管理人 後見人 保証人 代理人 申請人 外国人 日本人 老人
  同居人 世帯主 家主 地主 市長 町長 村長 課長 部長 係長 所長 社長 店長 局長 会長 院長 園長 校長 館長 議長 署長 班長 区長 警察 役場 町役場 交番
  大学 会社 施設 八百屋 魚屋 本屋 花屋 床屋 酒屋 薬屋 米屋 電気屋 不動産屋 問屋 植木屋 運転手 選手 助手 歌手 上司 部下 同僚 先輩 後輩 各位 御中
  不明 不詳 未確認 未聴取 非公開 匿名 無記名 伏字 同上 不在 空欄 無し 省略 未定 確認中 男性 女性 高齢 窓口 市 県 国 町 区 村
  旧字体 新字体 異体字 旧字 略字 常用漢字
  漢字 戸籍 旧姓 新姓 通称 本名 記載 記入 登録 変更 確認 入力 表記 一致 不一致 相違 誤り 間違 外字 異体字 署名 印字 自分 友達 全員 実家 公園 本館 別館 新館
  当日 後日 翌日 前日 本日 今日 明日 昨日 先日 毎日 平日 土日 休日 直接 郵送 電話 代理 来庁 不要 必要
  通訳 翻訳 学生 留学生 生徒 児童 園児 院生 研修生 実習生 入所者 利用者`.split(/\s+/),
)
/** Endings of kanji words that name an office, a trade or a group (市民課, 郵便局, 職員, 大家 …). */
export const NOT_NAME_END =
  /(?:市|県|府|区|課|係|室|局|庁|署|省|店|社|者|員|家|院|校|園|館|会|士|師|官|民|族|機関|協会|組合|銀行|信金|病院|役所|支所|出張所|事務所|営業所|保健所|研究所|近所|運輸|急便|運送|通運|交通|電鉄|鉄道|電力|電機|ガス|水道|生命|保険|証券|商事|物産|工業|建設|不動産|新聞|放送|薬品|福祉|医療|番号|証明|手続|申請|更新|交付|書類|制度|通知|登録|設定|変更|確認|在住|在勤|在学|出身|関係|予定|希望|対応|受取|受付)$/
/** Words cut from the front of a kanji run before さん/様 (本日山田さん, 長男太郎さん). */
const LEAD_WORDS =
  `本日 昨日 先日 今日 明日 先程 再度 至急 前回 前任 今回 毎回 担当者 担当 対応者 申請者 代理人 本人 長男 長女 次男 次女 三男 三女
  配偶者 世帯主 同居 祖母 祖父 義母 義父 叔母 叔父 伯母 伯父 息子 夫 妻 母 父 孫 兄 姉 弟 妹 娘 宛先 送付先 入電 電話 連絡 来庁 職員 窓口
  入所者 入居者 利用者 相談者 来庁者 申出者 申込者 問合せ者 問い合わせ者 新入社員 社員 従業員 新人 者`.split(
    /\s+/,
  )
/** One-kanji surnames (Japanese, Chinese, Korean); other single kanji before さん are words (お子さん). */
const ONE_KANJI = new Set([
  ...'林森原関東堀辻岡泉谷西北南杉岩沢浜星畑城陳李朴張劉呉黄周徐金王崔鄭姜尹趙楊胡郭何高羅宋謝韓唐許曹潘袁梁蔡馬孔魏呂彭朱沈',
])
/** Two kanji + 様 that are words (同様, 仕様 …): the candidate's last kanji must not form one. */
const YOU_WORDS = /[同多仕模異一有紋文両今神王殿奥客皆]$/

export const NOT_KATA = new Set(
  `ケアマネ ヘルパー パート バイト アルバイト ママ パパ ドライバー オペレーター スタッフ センター ショップ メーカー ベンダー ドコモ ソフトバンク
  ヤマト セブン ローソン ファミマ アマゾン グーグル アップル ケースワーカー ワーカー マネージャー リーダー ドクター ナース コンビニ カード
  ボランティア ガイド サポート サポーター コールセンター ホテル クリニック イオン コープ ゆめタウン ダイソー ユニクロ ニトリ セブンイレブン
  ファミリーマート ヨドバシ ビックカメラ エディオン ヤマダ電機 ゆうパック ネット ソニー パナソニック シャープ キャノン トヨタ マツダ
  スマートフォン スマホ パソコン タブレット プリンター プリンタ アプリ オンライン ポータル マイナポータル メール ログイン`.split(
    /\s+/,
  ),
)
export const NOT_KATA_END =
  /(?:センター|ショップ|スタッフ|オペレーター|ワーカー|マネージャー|ヘルパー|カード|ステーション|クリニック|サービス|ストア|ホーム|タウン|モール|マート|ホール|プラザ|ホテル|ドラッグ|ファーマシー|バンク|モバイル)$/
export const NOT_HIRA = new Set(
  `みな みんな おきゃく おかあ おとう おばあ おじい おねえ おにい おくさ おこ おまご おまわり おいしゃ おとなり おじょう おぼう おてら おとく
  おば おじ さん さま くん ちゃん だんな ねえ にい かあ とう ばあ じい あか ぼく ゆうちょ こども ごくろう おつかれ おせわ ありがと おかげ おたが ごちそう`.split(
    /\s+/,
  ),
)

type Span = { start: number; end: number }

/** The kanji run ending at `end` (one space allowed inside, 中村 一郎), cut of lead words, or undefined. */
function kanjiBefore(text: string, end: number): Span | undefined {
  let start = end
  while (start > 0 && end - start < 8 && isKanji(text[start - 1])) start--
  if (start === end || isKata(text[start - 1]) || isLatin(text[start - 1])) return undefined // ヤマト運輸, NTT東日本
  // 中村 一郎: a surname of 1–4 kanji before a single space.
  if (text[start - 1] === ' ' && isKanji(text[start - 2]) && end - start <= 4) {
    let s = start - 1
    // (a lead word of up to four kanji may stand against it: 新入社員上野 彩花さん)
    while (s > 0 && start - 1 - s < 8 && isKanji(text[s - 1])) s--
    // 父吉村 直樹様: a relative or another lead word written against the surname is not part of it
    const cut = cutLeads(text, { start: s, end: start - 1 })
    const surname = text.slice(cut.start, start - 1)
    if (
      !isKanji(text[s - 1]) &&
      surname.length <= 4 &&
      (isPlausibleKanji(surname) || (surname.length === 1 && oneKanjiOpening(text, cut.start))) &&
      !LEAD_WORDS.includes(surname)
    )
      return { start: cut.start, end }
  }
  return cutLeads(text, { start, end })
}

function cutLeads(text: string, span: Span): Span {
  for (let again = true; again; ) {
    again = false
    const word = text.slice(span.start, span.end)
    const org = /^.+?(?:課|係|室|局)(?=..)/.exec(word)
    if (org) {
      span = { start: span.start + org[0].length, end: span.end }
      again = true
      continue
    }
    for (const w of LEAD_WORDS)
      if (word.startsWith(w) && word.length - w.length >= 2) {
        span = { start: span.start + w.length, end: span.end }
        again = true
        break
      }
  }
  return span
}

/**
 * Any one kanji is a surname when it opens a clause before a space and a given name with an honorific
 * (「堤 和男様」「菅 ツネ様」): a word there would not be spaced from the name after it.
 */
function oneKanjiOpening(text: string, start: number): boolean {
  const prev = text[start - 1]
  return (
    (prev === undefined || /[「『、。,：:\n（(]/.test(prev)) &&
    text[start + 1] === ' ' &&
    !NOT_NAMES.has(text[start]!) &&
    !LEAD_WORDS.includes(text[start]!)
  )
}

function isPlausibleKanji(word: string): boolean {
  const w = word.replace(/ /g, '')
  if (w.length === 0 || w.length > 7) return false
  if (w.length === 1) return ONE_KANJI.has(w)
  return !NOT_NAMES.has(w) && !NOT_NAME_END.test(w)
}

/** A kanji given name: one kanji is enough (花, 翔), unless it is a word such as 母 or 市. */
const isPlausibleGiven = (word: string) => (word.length === 1 ? !NOT_NAMES.has(word) : isPlausibleKanji(word))

/** The katakana name ending at `end` (parts joined by ・, = or a space: グエン・ティ・ホア). */
function kataBefore(text: string, end: number): Span | undefined {
  let start = end
  let parts = 1
  while (start > 0) {
    const c = text[start - 1]
    if (isKata(c)) start--
    else if (
      (c === '・' || c === '=' || c === ' ') &&
      isKata(text[start - 2]) &&
      parts < 4 &&
      isKata(text[start])
    ) {
      start--
      parts++
    } else break
  }
  // drop leading words that are not names (「カード グエン」)
  while (true) {
    const word = text.slice(start, end)
    const sep = word.search(/[・= ]/)
    if (sep < 0 || !NOT_KATA.has(word.slice(0, sep))) break
    start += sep + 1
  }
  if (end - start < 2 || isKanji(text[start - 1])) return undefined
  return { start, end }
}

function isPlausibleKata(word: string): boolean {
  return word.replace(/[ー・= ]/g, '').length >= 2 && !NOT_KATA.has(word) && !NOT_KATA_END.test(word)
}

/** Latin-letter words ending at `end` (Maria Santos, NGUYEN VAN AN), without a title (Ms.). */
function latinBefore(text: string, end: number): Span | undefined {
  let start = end
  let words = 1
  while (start > 0) {
    const c = text[start - 1]
    if (isLatin(c) || c === "'" || c === '-') start--
    else if (c === ' ' && isLatin(text[start - 2]) && words < 4) {
      start--
      words++
    } else if (c === '.' && isLatin(text[start - 2])) start--
    else break
  }
  const title = /^(?:Mr|Ms|Mrs|Miss|Dr|Mx)\.? /.exec(text.slice(start, end))
  if (title) start += title[0].length
  while (text[start] === ' ' || text[start] === '.') start++
  const word = text.slice(start, end)
  if (
    !/^[A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*)*$/.test(word) ||
    word.length < 2 ||
    /[A-Za-z0-9]/.test(text[start - 1] ?? '')
  )
    return undefined
  if (isAcronym(word)) return undefined
  return { start, end }
}

/** Company and agency initials before さん (NTTさん, JAさん, KDDIさん): one capitalised word without a vowel, or a known one. */
const ACRONYMS = new Set([
  'JA',
  'KDDI',
  'AU',
  'UQ',
  'IIJ',
  'AEON',
  'LINE',
  'NHK',
  'JR',
  'NTT',
  'JP',
  'ATM',
  'PC',
  'IT',
  'NPO',
  'JICA',
  'JETRO',
  'IOM',
  'UNHCR',
])
const isAcronym = (word: string) =>
  !word.includes(' ') && (ACRONYMS.has(word) || (/^[A-Z]+$/.test(word) && !/[AEIOUY]/.test(word)))

/** A hiragana name (さとう, わたなべ) standing after a boundary; particles run into other words. */
function hiraBefore(text: string, end: number): Span | undefined {
  let start = end
  while (
    start > 0 &&
    end - start < 7 &&
    (isHira(text[start - 1]) || (text[start - 1] === 'ー' && start < end))
  )
    start--
  const prev = text[start - 1]
  if (
    end - start < 2 ||
    end - start > 6 ||
    isHira(prev) ||
    isKanji(prev) ||
    isKata(prev) ||
    isLatin(prev) ||
    /\d/.test(prev ?? '')
  )
    return undefined
  const word = text.slice(start, end)
  // no word starts with を, ん or a small kana (「の」をはさんで: さん there is a verb's)
  if (NOT_HIRA.has(word) || /さん|さま|くん|ちゃん/.test(word) || /^[をんっゃゅょぁぃぅぇぉゎ]/.test(word))
    return undefined
  // 「うちのばあちゃん」「あのじいさん」: a possessive or a pointing word, and a grandparent said as a word
  if (/^(?:うち|あの|その|この|どの|よそ|わし|おら|ウチ)の|(?:ばあ|ばぁ|じい|じぃ)$/.test(word))
    return undefined
  return { start, end }
}

/** The name that ends at `end`, of whichever script the last character is. */
/** A kanji surname and a given name of katakana ending in a kanji (桑原トシ子, 井上ミツ江). */
const MIXED_GIVEN = /([一-龥々]{1,4}) ?([ァ-ヺー]{1,3}[子美代江枝恵乃])$/

function nameBefore(text: string, end: number): Span | undefined {
  const c = text[end - 1]
  let span: Span | undefined
  const mixed = isKanji(c) ? MIXED_GIVEN.exec(text.slice(Math.max(0, end - 10), end)) : null
  if (
    mixed &&
    isPlausibleKanji(mixed[1]!) &&
    !LEAD_WORDS.includes(mixed[1]!) &&
    !isKanji(text[end - mixed[0].length - 1])
  )
    return { start: end - mixed[0].length, end }
  if (isKanji(c)) {
    span = kanjiBefore(text, end)
    if (span && !isPlausibleKanji(text.slice(span.start, span.end))) return undefined
  } else if (isKata(c)) {
    span = kataBefore(text, end)
    if (span && !isPlausibleKata(text.slice(span.start, span.end))) return undefined
  } else if (isLatin(c)) span = latinBefore(text, end)
  else if (isHira(c)) span = hiraBefore(text, end)
  // 松浦みどり, 宇野サチコ: a kana given name written straight after a kanji surname
  if (!span && (isHira(c) || isKata(c))) span = kanaAfterKanji(text, end)
  if (!span) return undefined
  // 小川 さくら, 小川 サクラ: a kanji surname before a kana given name
  if ((isHira(c) || isKata(c)) && text[span.start - 1] === ' ' && isKanji(text[span.start - 2])) {
    const surname = kanjiBefore(text, span.start - 1)
    if (
      surname &&
      (isSurnameBeforeGiven(text.slice(surname.start, surname.end)) ||
        (surname.end - surname.start === 1 && oneKanjiOpening(text, surname.start))) &&
      span.start - 1 - surname.start <= 4
    )
      span = { start: surname.start, end: span.end }
  }
  // さとう けいこ: a hiragana surname, a space, a hiragana given name
  if (isHira(c) && text[span.start - 1] === ' ' && isHira(text[span.start - 2])) {
    const surname = hiraBefore(text, span.start - 1)
    if (surname && surname.end - surname.start <= 5) span = { start: surname.start, end: span.end }
  }
  return span
}

/**
 * A kana given name of 2–4 hiragana or 2–6 katakana joined to the kanji surname before it
 * (松浦みどり, 宇野サチコ, 本日サトウ → サトウ). The surname must be a plausible one of 1–4 kanji; a
 * given name starting with の is a particle (田中のおば), not a name, and one starting with another
 * particle (は が を へ で も に と) joins only a common surname.
 */
function kanaAfterKanji(text: string, end: number): Span | undefined {
  const kata = isKata(text[end - 1])
  const max = kata ? 6 : 4
  let start = end
  while (start > 0 && end - start <= max && (kata ? isKata(text[start - 1]) : isHira(text[start - 1])))
    start--
  const given = text.slice(start, end)
  if (given.length < 2 || given.length > max || !isKanji(text[start - 1])) return undefined
  if (kata ? !isPlausibleKata(given) : NOT_HIRA.has(given) || /^の|さん|さま|くん|ちゃん/.test(given))
    return undefined
  const surname = kanjiBefore(text, start)
  if (!surname) return undefined
  const word = text.slice(surname.start, start)
  if (word.length > 4 || word.includes(' ')) return undefined
  if (LEAD_WORDS.includes(word)) return { start, end }
  // 暗証番号はにい(さん), 担当がゆき(さん): a hiragana run that starts with a particle joins a name only to a common surname (田中はるか)
  if (!kata && /^[はがをへでもにと]/.test(given) && !COMMON_SURNAMES.has(word)) return undefined
  return isSurnameBeforeGiven(word) ? { start: surname.start, end } : undefined
}

/**
 * A kanji word before a kana given name is a surname when plausible, and also a two-kanji word ending
 * in 園/館/舘 (中園, 古館), which alone would be a kindergarten or a hall.
 */
const isSurnameBeforeGiven = (word: string) =>
  isPlausibleKanji(word) || (/^[一-龥々][園館舘]$/.test(word) && !NOT_NAMES.has(word))

/** The name that starts at `start` (after a label such as 氏名：), up to what may follow a name. */
function nameAfter(text: string, start: number): Span | undefined {
  const relation =
    /^(?:長男|長女|次男|次女|三男|三女|夫|妻|母|父|祖母|祖父|息子|娘|孫|兄|姉|弟|妹|叔母|叔父|伯母|伯父|義母|義父|本人) /.exec(
      text.slice(start, start + 4),
    )
  if (relation) start += relation[0].length // 代理人：長男 佐藤健一
  const rest = text.slice(start, start + 40)
  const m =
    /^(?:[一-龥々〆ヶ]{1,4}(?: (?:[一-龥々〆ヶ]{1,4}|[ぁ-ゖ]{2,5}|[ァ-ヺー]{2,8}))?|[一-龥々〆ヶ]{2,7}|[ァ-ヺー]{2,12}(?:[・= ][ァ-ヺー]{2,12}){0,3}|[A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*){0,3}|[ぁ-ゖ]{2,5} [ぁ-ゖ]{1,5}?|[ぁ-ゖ]{2,6}|[一-龥々〆ヶ]{1,3}[ぁ-ゖ]{2,5}|[一-龥々〆ヶ]{1,3}[ァ-ヺー]{2,5}子?)(?=$|[、。,.，．\s（(）)」?…]|です|でした|じゃ|さん|様|さま|氏|くん|ちゃん|と[申言い]|(?:言|い)う(?:ん|者|もん)|との|が|に|へ|で|から|より|か(?=[一-龥々]{2,4}(?:$|[、。,」])))/.exec(
      rest,
    )
  if (!m) return undefined
  // 井手 直人様, くどう みきさん: the honorific is not the name
  let word = m[0].replace(/(?:(?<=[一-龥々〆ヶ])(?:様|氏|君|殿)|(?<=[ぁ-ゖ])(?:さん|さま|くん|ちゃん))$/, '')
  const plain = word.replace(/ /g, '')
  // a lone hiragana word before a particle is a phrase (名前はわからないが), not a name
  if (/^[ぁ-ゖ]+$/.test(word) && /^(?:が|に|へ|から|より|との)/.test(rest.slice(m[0].length)))
    return undefined
  // 「名前はわからないが」: a verb or an adjective, or a word ending in が/を, is no name
  if (
    /^[ぁ-ゖ]+$/.test(word) &&
    // (or a guess or a dialect's copula at its end: 「名前はええじゃろ」「ええやろ」「いいでしょう」)
    /(?:ない|ません|ます|ました|った|って|たい|ず)(?:が|けど|から)?$|[がを]$|(?:じゃろ|やろ|だろ|でしょ)う?$/.test(
      word,
    )
  )
    return undefined
  if (/^[一-龥々〆ヶ]/.test(word) && !/[ァ-ヺぁ-ゖ]/.test(word) && !isPlausibleKanji(plain)) return undefined
  // 吉永ひかる: a kanji surname glued to a hiragana given name; one that starts like a particle (岡田はると,
  // 野村ともこ) only after a common surname, and a で that ends the clause (「平田なおきで、」) is not part of it
  let glued = /^([一-龥々〆ヶ]{1,3})([ぁ-ゖ]+)$/.exec(word)
  if (glued && /^[はがをにでとものへや]/.test(glued[2]!)) {
    if (!COMMON_SURNAMES.has(glued[1]!) || !/^[はとものや][ぁ-ゖ]{1,4}$/.test(glued[2]!)) return undefined
  }
  const copula = glued && /(?:です|でした|で)$/.exec(glued[2]!)
  if (glued && copula && glued[2]!.length - copula[0].length >= 2) {
    word = word.slice(0, -copula[0].length)
    glued = /^([一-龥々〆ヶ]{1,3})([ぁ-ゖ]+)$/.exec(word)
  }
  // (a verb is no given name: 名乗らず, 来ない)
  if (
    glued &&
    (!isSurnameBeforeGiven(glued[1]!) ||
      NOT_HIRA.has(word.slice(glued[1]!.length)) ||
      /(?:ず|ない|ます|ません|ました|った|って|せず)$/.test(word))
  )
    return undefined
  // 山根トヨ: a kanji surname glued to a katakana given name
  const kataGlued = /^([一-龥々〆ヶ]{1,3})([ァ-ヺー]+子?)$/.exec(word)
  if (
    kataGlued &&
    (!isSurnameBeforeGiven(kataGlued[1]!) || !isPlausibleKata(kataGlued[2]!.replace(/子$/, '')))
  )
    return undefined
  if (/^[ァ-ヺ]/.test(word) && !isPlausibleKata(word)) return undefined
  if (/^[ぁ-ゖ]/.test(word) && NOT_HIRA.has(word)) return undefined
  if (/^[一-龥々〆ヶ]+ /.test(word) && !isPlausibleKanji(word.split(' ')[0]!)) return undefined
  return { start, end: start + word.length }
}

/**
 * A full name starting at `start`, where a word before it says a person follows but no particle
 * or honorific marks the name's end: 「氏名森 さくら」「母の原田 キヨの」「本人Tran Thi Hoa、」. Only two-part
 * names count (a kanji surname with a space or a kana given name, two katakana words, two to four
 * capitalised Latin words), so 「母の実家」「本人確認書類」 are left alone. `strict` asks for a common
 * surname or a kana given name when both parts are kanji (「母の介護 認定」 is no name).
 */
const FULL_NAME =
  /^(?:([一-龥々〆ヶ]{1,4})(?: ([一-龥々〆ヶ]{1,4})|( ?)([ぁ-ゖァ-ヺー]{1,4}[子美代江枝恵乃]|[ぁ-ゖ]{2,5}?|[ァ-ヺー]{2,8}))|([ァ-ヺー]{2,8})[ ・=]([ァ-ヺー]{2,8}(?:[・=][ァ-ヺー]{1,8}){0,2})|([A-Z][A-Za-z']*(?:-[A-Z][A-Za-z']*)?(?: [A-Z][A-Za-z']*(?:-[A-Z][A-Za-z']*)?){1,3}))(?=$|[^一-龥々〆ヶぁ-ゖァ-ヺーA-Za-z]|[のがはにへとをもでや]|さん|様|さま|くん|ちゃん|です|じゃ|から|より)/
type Strictness = 'label' | 'relation' | 'common'
function fullNameAfter(text: string, start: number, strictness: Strictness): Span | undefined {
  const strict = strictness !== 'label'
  const m = FULL_NAME.exec(text.slice(start, start + 40))
  if (!m)
    return kanjiFullName(text, start) ?? (strictness !== 'common' ? hiraganaFullName(text, start) : undefined)
  const [, surname, matchedGiven, space, givenKana, kataSurname, kataGiven, latin] = m
  // 「氏名は藤堂 亜希子様」: the honorific is written in kanji too, and is not the name
  const honorific =
    matchedGiven !== undefined && matchedGiven.length > 1 && /[様氏君殿]$/.test(matchedGiven) ? 1 : 0
  const givenKanji = matchedGiven?.slice(0, matchedGiven.length - honorific)
  if (surname !== undefined) {
    // 湊 さくら: a one-kanji surname is plausible before a space and a kana given name
    const oneKanji =
      surname.length === 1 && space === ' ' && givenKana !== undefined && !NOT_NAMES.has(surname)
    if ((!isSurnameBeforeGiven(surname) && !oneKanji) || LEAD_WORDS.includes(surname)) return undefined
    const common = COMMON_SURNAMES.has(surname)
    // a relative before a name with は or a space (「母は吉田 和子」) reads like any sentence: a common surname only
    if (strictness === 'common' && !common && !(givenKana !== undefined && /^[ァ-ヺ]/.test(givenKana)))
      return undefined
    // after a relative, a surname that is not a common one needs a given name that reads as one (大下 浩二)
    if (
      givenKanji !== undefined &&
      (!isPlausibleGiven(givenKanji) ||
        (strict && !common && !GIVEN_NAME_END.test(givenKanji) && givenKanji.length > 1)) // 浅沼 清
    )
      return undefined
    if (givenKana !== undefined) {
      if (/^[ァ-ヺ]/.test(givenKana)) {
        if (!isPlausibleKata(givenKana)) return undefined
      } else if (NOT_HIRA.has(givenKana) || /^の/.test(givenKana)) return undefined
      // hiragana glued to kanji is also how words are written (手続きをしたい, 書類など): then only after a common surname
      else if (!space && !common) return undefined
    }
  } else if (kataSurname !== undefined) {
    if (!isPlausibleKata(kataSurname) || !isPlausibleKata(kataGiven!) || NOT_KATA.has(kataSurname))
      return undefined
  } else if (notRomajiName(latin!)) return undefined
  return { start, end: start + m[0].length - honorific }
}

/**
 * Last kanji of common given names (浩二, 健太郎, 美咲, 陽菜 …): after a relative, they tell 「夫の大下 浩二」
 * from words that happen to follow a space (「母の介護 認定」).
 */
const GIVEN_NAME_END =
  /[郎朗二三介助輔亮彦夫男雄也哉斗翔人司平吾治次蔵樹輝志史之博弘宏寛明昭信隆孝茂実稔勇誠翼大太真子美恵代江乃奈菜香花華咲帆葉音希里理沙紗佳絵織衣優愛結陽菜穂枝世耶]$/

const HIRA_PREDICATE = /^(?:です|でした|ます|だ|ない)$|(?:った|んだ|ない|ます|です|でした|たい|れる|られる)$/

/** A hiragana full name straight after a label (「お名前おかもと ひでお、」), two words of 2–5 letters. */
function hiraganaFullName(text: string, start: number): Span | undefined {
  const m =
    /^([ぁ-ゖ]{2,5}) ([ぁ-ゖ]{2,5}?)(?=$|[^ぁ-ゖ]|です|でした|さん|さま|くん|ちゃん|と申|といい|の)/.exec(
      text.slice(start, start + 12),
    )
  if (!m || HIRA_NOT_SURNAME.has(m[1]!) || NOT_HIRA.has(m[1]!) || NOT_HIRA.has(m[2]!)) return undefined
  // a verb, an adjective or the copula is no part of a name (「わからない です」「きのう いった」)
  if ([m[1]!, m[2]!].some((w) => HIRA_PREDICATE.test(w))) return undefined
  return { start, end: start + m[0].length }
}

/**
 * A full name in kanji with no space (「母佐藤花子の代理」「氏名鈴木一郎」), where nothing marks where the
 * surname ends: only a common surname of 2–3 kanji and a given name of 1–2 kanji, the run ending there.
 */
function kanjiFullName(text: string, start: number): Span | undefined {
  const run = /^[一-龥々]{3,5}(?![一-龥々])/.exec(text.slice(start, start + 6))?.[0]
  if (!run) return undefined
  for (const n of [3, 2]) {
    const given = run.slice(n)
    if (
      COMMON_SURNAMES.has(run.slice(0, n)) &&
      given.length >= 1 &&
      given.length <= 2 &&
      !/^[様氏君殿]/.test(given) && // 高橋様 is a surname and its honorific
      isPlausibleGiven(given)
    )
      return { start, end: start + run.length }
  }
  return undefined
}

/** Kana digits right before and after さん: a number read out (いちにさんよん), not a name and an honorific. */
const SPELLED_BEFORE = new RegExp(`(?:${KANA_DIGIT})$`)
const SPELLED_AFTER = new RegExp(`^(?:${KANA_DIGIT})`)

const HONORIFIC = /(?:さん|様(?![式々子相])|さま(?!ざま)|サマ|氏(?!名)|くん|君|ちゃん(?!と)|殿(?!様))/g
const INTRO = /(?:と(?:申します|申す|申し|いいます|言います|名乗|いう者|言う者)|っていいます)/g
const LABEL =
  /(?:お?名前|氏名|フルネーム|フリガナ|ふりがな|カナ氏名|カナ(?=[は:：])|Name|NAME|対応者|担当者?|申請者|代理人|届出人|請求者|依頼者|旧姓|申し?出人|相談者|届出者|(?:お?問い?合わ?せ|申し?込み?|申請)者|本人名|聞き取り|(?<=(?:^|[:;,(]) ?)name(?= [A-Z][a-z]))(?:は、?|:|：|=| |「)+(?:(?:[？?]|ね、|えー、?|えっと、?|(?:ひらがな|カタカナ|漢字|フルネーム)で、?)[→ ]*)*/g
/** What stands between a name and the same name said again: a pause or a sentence end. */
const SAID_AGAIN = /^(?:…+|、|。|？| )\s*/
/** Labels written straight against a full name, or 本人確認 before one: 「氏名森 さくら」「お客様名上田 なつき」「本人Tran Thi Hoa」. */
const LABEL_GLUED =
  /(?:お?名前|氏名|お客様名|顧客名|本人確認|本人|申請者|代理人|届出人|請求者|依頼者)(?:[:：は（(] ?| )?/g
/** A relative before a full name: 「母の原田 キヨのカード」「夫の菅原 達也が代理で」. */
const RELATIVES =
  '(?:母|父|夫|妻|娘|息子|祖母|祖父|孫|兄|姉|弟|妹|長男|長女|次男|次女|三男|三女|義母|義父|叔母|叔父|伯母|伯父|母親|父親|配偶者|主人|家内|旦那|嫁|おばあちゃん|おじいちゃん|ばあちゃん|じいちゃん)'
const RELATION_BEFORE = new RegExp(`${RELATIVES}の`, 'g')
/** 「母は吉田 和子」「長男 斎藤 大輝」「父：中村 一」: a relative, then は, a colon or a space, then a full name. */
const RELATION_IS = new RegExp(`(?<![一-龥々])${RELATIVES}(?:は|が|[:：、] ?| )`, 'g') // 「父が金子 隆之」
/** 「父・猪原 健三は」「おばあちゃん（金井ハル、…）」: a relative, then ・ or a bracket, then a full name. */
const RELATION_MARK = new RegExp(`(?<![一-龥々])${RELATIVES}[・（(]`, 'g')
/**
 * A name corrected: two spellings of it on either side of じゃなくて (「中嶋です、中島じゃなくて」「斉藤じゃなくて
 * 齋藤です」, in a text about a name); both are the caller's name when they share a kanji and one is a listed
 * surname, the variant kanji read the common way (a spelling put right, not another word: 申込じゃなくて申告).
 */
const CORRECTED = [
  /(?<![一-龥々])([一-龥々]{2,4})です、([一-龥々]{2,4})(?=(?:じゃ|では|や)なく)/g,
  /(?<![一-龥々])([一-龥々]{2,4})(?:じゃ|では|や)なくて、?([一-龥々]{2,4})(?=です|や|だ|[、。」])/g,
]
/** A text about a name or how it is written, where a spelling is put right. */
const NAME_TALK = /名前|名乗|氏名|苗字|名字|漢字|[へ偏]ん|の字/
/** A surname's variant kanji written the common way (嶋 → 島, 邊 → 辺, 齋 → 斎, 髙 → 高), to look it up in the list. */
const VARIANT: Record<string, string> = {
  嶋: '島',
  嶌: '島',
  邊: '辺',
  邉: '辺',
  齋: '斎',
  齊: '斉',
  髙: '高',
  﨑: '崎',
  𠮷: '吉',
  澤: '沢',
  濱: '浜',
  廣: '広',
  櫻: '桜',
  邨: '村',
}
const plainKanji = (word: string) => [...word].map((c) => VARIANT[c] ?? c).join('')
const shareKanji = (a: string, b: string) => [...a].some((c) => b.includes(c))
/** One surname or the other, after a first one (「鶴見か鶴巻」), up to a pause or the end. */
const ALTERNATIVE = /^か[一-龥々]{2,4}(?:$|[、。,」])/
/** 「わたしゃ有田トメ子じゃが」「私は森 さくらです」: a caller naming herself, a full name then a copula. */
// (spaced as a speech recogniser or a chat bot writes it: 「わたし は こばやし まさと です」)
const SELF = /(?<=^|[、。「\s:：])(?:わたし ?[ゃは]|わたくし ?は|わしゃ|わし ?は|私 ?は|あたし ?は)[、 ]?/g
const HIRA_LABEL = /(?<=^|[、。「\s:：])お?なまえ ?(?:は|:|：)? ?/g
const SELF_THEN = /^ ?(?:です|でございます|じゃ|や|だ|と申|と言|といい|言う|いう)/
/** 「松田 ひろみ（本人）」「山口 たけし（長男）」: a full name, then who the person is in brackets. */
const ROLE_IN_BRACKETS = new RegExp(`[（(](?:本人|代理人|代理|申請者|${RELATIVES})[）)、,]`, 'g')
/**
 * A given name alone after a relative and の (「兄の雄一郎の分」「娘のあかりが」「長女の、のりこの分」): kanji
 * that end like a given name (GIVEN_NAME_END) or hiragana, before what is said of a person; one to three
 * kanji before くん/ちゃん (「甥っ子の翼くん」).
 */
const RELATIVE_GIVEN = new RegExp(
  `(?<![一-龥々])(?:${RELATIVES}|甥っ子|姪っ子|甥|姪)の、?(?:([一-龥々]{2,3}|[ぁ-ゖ]{2,4})(?=の(?:分|件|カード|代理|申請|手続)|が|は|も|と(?!し)|、|[（(][ぁ-ゖー]{2,8}[）)])|([一-龥々]{1,3})(?=くん|ちゃん))`,
  'g',
)
/** Nouns after 母の/娘の that end like a given name but are things (母の説明, 父の写真). */
const NOT_GIVEN = new Set(
  `説明 証明 写真 紹介 補助 援助 処理 管理 代理 返信 通信 受信 事実 確実 工夫 言葉 録音 組織 様子 調子 電子 成人 時代 世代 上司
  連結 恩恵 友人 知人 他人 本人 主人 住人 故人 個人 分 意思 意志 希望 年金 名義 実家 世話 介護 相続 病院 施設 会社 学校 大学 保険 仕事 部屋
  ほう こと ため ぶん もの かた ところ ほか ばあい だけ ほど まま ころ とき はず わけ ぶんも ぶんは`.split(
    /\s+/,
  ),
)
/** A full name in quotes, as read off a card (「鳴海 隆」とある): a kanji or katakana surname, a space, a given name. */
const QUOTED_FULL = /(?<=[「『])(?:[一-龥々]{1,3} [一-龥々]{1,3}|[ァ-ヺー]{2,8} [ァ-ヺー]{2,8})(?=[」』])/g
/**
 * A kanji full name after an address's last number, as an envelope or a form is written
 * (「高屋町杵原1021-3 中尾 栄子」「石神井町2-14-3 小池 徹」「… 前田 洋子 宛」): surname, space, given name, then the end.
 */
// (after round ten: a surname of one kanji outside the surname list may stand there before a katakana given name,
// 「志和町冠4720 冠 トミエ」, unless it is a word of an address or a building: 東 棟, 本 館)
const oneKanjiBeforeKata = (surname: string, given: string) =>
  surname.length === 1 &&
  /^[ァ-ヺ]/.test(given) &&
  !NOT_NAMES.has(surname) &&
  !/[東西南北上下中内外前後奥新旧本別棟館階号室丁目番地町村市区県都府道郡字大小第]/.test(surname)
const AFTER_ADDRESS_FULL =
  /(?<=[0-9][0-9号室]? {1,2})([一-龥々]{1,3}) ([一-龥々]{1,3}|[ァ-ヺー]{2,5})(?= ?(?:$|[、。,]|宛|様|方))/g
/**
 * A spaced full name opening what a caller says, then a copula as said in any dialect (「大西 健太いいます」
 * 「越智 ふさぞな」「錦織 和子だわ」「西陣 はるかどす」「伊藤 さよやに」「わしゃ桧垣 勝美いうもんじゃ」), then a pause: a
 * caller naming herself.
 */
const SPOKEN_FULL =
  /(?<=^|[「『:：]|[「『:：](?:わし|わたし|私|うち|おら|あたし|わい)(?:は|ゃ)? ?)([一-龥々]{1,3}) ([一-龥々]{1,3}|[ぁ-ゖ]{1,3}[子江代枝美恵乃世]|[ぁ-ゖ]{2,4}?|[ァ-ヺー]{2,5}?)(?=(?:です|だす|どす|ぞな|だわ|だに|だべ|だっぺ|だっちゃ|だがや|だがね|だら|やざ|やき|やっさ|やちゃ|っちゃ|さー|じゃ|やに|や|だ|でごわす|でございます|いいます|言います|いうもん|ちゅうもん|と(?:申|もう)し?ます?)(?:けど|けぇ|けん|が|ねん|よ|ね|じゃが|じゃ)?[、。,」 ]|(?:いいます|言います|と(?:申|もう)します(?:けぇ|けん)?)$)/g
/**
 * A Latin full name opening a record, before a comma, an aside or a possessive (「Kim Minseo, born 2001-04-18」
 * 「Nasrin Akter, nasrin.a@…」「Sarah Kim's My Number」「Emily Carter (teacher)」): two or three capitalised words.
 */
const EN_RECORD =
  /(?<=^|\n|[:：] ?)(?:(?:Applicant|Resident|Customer|Student|Teacher|Visitor|User|Member|Guest|Caller) )?([A-Z][a-z]{1,20}(?:-(?!san|sama|kun|chan)[A-Za-z][a-z]{1,20})? [A-Z][a-z]{1,20}(?:-(?!san|sama|kun|chan)[A-Za-z][a-z]{1,20})?(?: [A-Z][a-z]{1,20}){0,1})(?=, |'s | \(| \/ )/g
/** A surname said straight before いいます / いうもん in speech, without と (「福田いいます」「熊谷いうもんでの」). */
// (in katakana too, as a recogniser writes it: 「ノグチいいます」; not the given name of a spaced full name)
const SELF_SPOKEN =
  /(?:(?<![一-龥々])([一-龥々]{2,4})|(?<![ァ-ヺー]|[ァ-ヺー] )([ァ-ヺー]{3,6}))(?=(?:っ?て)?(?:いいます|言います)|いうもん|ちゅうもん|もうします|申します)/g
/**
 * A surname opening what a caller says, before a copula and a pause (「「井ノ口ですけど、」「「もしもし、辰巳や、」
 * 「「青山…です」」): a caller names herself first. Not a word that answers (結構です, 大丈夫や).
 */
const OPENING_SURNAME =
  /(?<=「(?:もしもし|はい|あの)?[、 ]?)([一-龥々](?:ノ?[一-龥々]){1,3})(?:…{1,3}|‥)?(?=(?:です|や|じゃ)(?:けど|けん|けぇ|が)?[、。,」…])/g
/** A day, a time, a count or an amount (土曜日です, 三回目です): no surname ends so. */
const COUNTED = /[日目回時分年円件号度個枚歳才週曜頃]$/
const ANSWER_WORDS = new Set(
  `大丈夫 結構 了解 承知 以上 無理 本当 残念 心配 安心 簡単 大変 面倒 失礼 十分 平気 元気 一緒 同様 最後 最初 正解 無料 有料 可能 不可
  駄目 確実 一番 全部 半分 大事 必要 不要 普通 無事 本物 偽物 初耳 初めて 同じ 留守 自宅 携帯 番号 暗証 住所 名前 以前 最近 今度 急用 用件`.split(
    /\s+/,
  ),
)
/**
 * A hiragana surname said after the caller's I (わし、わたし、うち…) and before いうもん / (て)いいます
 * (「わし、とくなが いうもんじゃが」): the speaker names themself.
 */
const SELF_SPOKEN_HIRA =
  /(?<=(?:わし|わたし|私|うち|おら|あたし|わい|ぼく|僕|俺|おれ)(?:は|ゃ)?[、 ] ?)([ぁ-ゖ]{3,6}) ?(?=(?:っ?て)?(?:いいます|言います)|いうもん|言うもん|ちゅうもん)/g
/**
 * A maiden name (or the new one) said with が or は and then what follows of it (「旧姓が入江で、今は…」「旧姓は坂口、」): a kanji
 * surname the list knows, or any plausible one before で or a comma.
 */
// (or written against it as a record's label, 「旧姓森脇、新姓原田、」, before a comma; not 旧姓使用 or 旧姓併記)
const MAIDEN =
  /(?:旧姓|新姓)(?:(?:が|は)、?([一-龥々]{2,4})(?=で|[、。,）)」]|です|だ|$)|(?!使用|併記|表記|記載|併用|証明)([一-龥々]{2,4})(?=[、,）)」]))/g
/** A name's reading after how it is written (「姓は東海林と書いてしょうじ」), in a sentence about a name. */
const READ_AFTER_WRITTEN =
  /([一-龥々]{1,4})と書いて、?([ぁ-ゖ]{2,8})(?=$|[、。,」』]|です|と読|って|や|じゃ)/g
const NAME_WORD_BEFORE = /(?:姓|名前|苗字|名字|氏名|名乗)[^。\n]{0,12}$/
/** Katakana full names standing alone (「ナカガワ ミツル」「ロペス・アナ（」), two to four parts. */
const KATA_FULL =
  /(?<=^|[\s、。,「『（(:：])[ァ-ヺー]{2,8}(?:[ ・=][ァ-ヺー]{2,8}){1,3}(?=$|[\s、。,」』（()）]|です|さん|様|の(?:件|分|母|父|代理))/g
/** 「長女遠藤 みき（090…）」「母遠藤 ハルの代理受取」: a relative written straight against a full name. */
const RELATION_GLUED = new RegExp(`(?<![一-龥々])${RELATIVES}(?=[一-龥々])`, 'g')
/**
 * A hiragana full name said on its own, before what is said of a person: 「よしだ ともこの件で」「さとう
 * けいこの母です」「いのうえ はなこと申します」. Words of hesitation or answer are no surname (はい そう…).
 */
const HIRA_FULL = new RegExp(
  String.raw`(?<=^|[\s、。,「『（(:：])([ぁ-ゖ]{2,5}) ([ぁ-ゖ]{2,5})(?=の(?:件|こと|代理|カード|申請|手続|分|ため|${RELATIVES})|と(?:申|いい|名乗)|[」』。])`,
  'g',
)
/**
 * A given name of one kanji before くん or ちゃん, opening a word (「颯くんの暗証」「凛ちゃんが」): the honorific
 * rule reads two kanji or more. Not a relative, an animal or a word of address (赤ちゃん, 兄ちゃん, 坊ちゃん).
 */
const ONE_KANJI_CHILD = /(?<![一-龥々ぁ-ゖァ-ヺーお御])([一-龥])(?=くん|ちゃん(?!と))/g
const NOT_ONE_KANJI_CHILD = new Set([...'赤兄姉母父爺婆嫁孫娘妹弟猫犬坊嬢僕俺私君奥姪甥叔伯主彼誰何皆'])
/** A month, a day or a year read out in hiragana (くがつ, みっか, はつか, じゅうごにち, ねんの). */
const DATE_READING =
  /がつ$|にち$|ねんの?$|^(?:ついたち|ふつか|みっか|よっか|いつか|むいか|なのか|なぬか|ようか|ここのか|とおか|はつか)$/
const HIRA_NOT_SURNAME = new Set(
  `はい ええ うん いいえ あの その えっと えーと ええと まあ ちょっと いや それ これ あれ どの この`.split(
    /\s+/,
  ),
)
/**
 * The name now, said after a maiden name (「旧姓は坂口、現在は村岡 彩」), and the kanji of a name after its
 * reading (「フリガナ：ヤマネ タクミ、漢字は山根とのこと」): a name follows as after 名前は.
 */
// (the word before is checked in code: a lookbehind first in the pattern is tried at every position of a 1 MB line)
const RENAMED = /(?:現在|今|現姓|新姓|結婚後)(?:は|の姓は|の氏名は)、?/g
const RENAMED_BEFORE = /旧姓[^。\n]{0,20}$/
const KANJI_OF_READING = /漢字(?:は|で)、?/g
const READING_BEFORE = /(?:フリガナ|ふりがな|カナ|カタカナ|読み|よみ)[^。\n]{0,30}$/
/**
 * How the kanji of a name are written, said after 漢字は or right after the name and は (「漢字は平和の平に
 * 田んぼの田」「ごとうは後ろの後に藤です」): pieces 「…の＋kanji」 joined by に or と, the last one may be the
 * kanji alone. It spells the name out, so it is masked as the name.
 */
const SPELL_PART = '[ぁ-ゖ一-龥々ァ-ヺー]{1,6}?の[一-龥々]'
const SPELL = `${SPELL_PART}(?:(?:に|と)[ 、,]?(?:${SPELL_PART}|[一-龥々](?=[、,。」]|です|で|$))){1,3}`
// (round ten: a piece may be an adjective and its kanji, 「大きい沢」「高い橋」, and the first a kanji alone, 「菅に野原の野」)
// (not 「難しい字」: a word about the kanji, not one of them)
const ADJ_PART = '[一-龥々][ぁ-ゖ]{0,2}い(?!字)[一-龥々]'
const SPELL_KANA_NAME = `(?:${SPELL_PART}|${ADJ_PART}|[一-龥々](?=に))(?:(?:に|と)?[ 、,]?${SPELL_PART}|(?:に|と)[ 、,]?(?:${ADJ_PART}|[一-龥々](?=[、,。」]|です|で|$))){1,3}|${ADJ_PART}(?=[、,。」]|です|で|$)`
/**
 * A name, a comma, then how its kanji are written (「やまだ、やまの山に田んぼの田です」「オオサワ、大きい沢で」): the
 * explanation after a kana word says that word is a name.
 */
const KANJI_SPELLING = new RegExp(
  `(?<=^|[\\s、。「（(:：]|は)([ぁ-ゖ]{2,6}|[ァ-ヺー]{2,8}|[一-龥々]{1,4})(?:です|で)?[、,] ?(?=(${SPELL_KANA_NAME})(?:[にと、,。」]|です|で|と書|$))`,
  'g',
)
const SPELL_AFTER_KANJI = new RegExp(`(?:漢字(?:は|で|が)|字は)[、,]? ?(${SPELL_KANA_NAME})`, 'g')
const SPELL_AFTER_NAME = new RegExp(`^は[、,]? ?(${SPELL})`)
/** A kana word, then は and its kanji spelled out: the word is a name read out (「ごとうは後ろの後に藤」). */
const KANA_THEN_SPELL = new RegExp(
  `(?<=^|[\\s、。,「])([ぁ-ゖ]{2,6}|[ァ-ヺー]{2,8})は[、,]? ?(${SPELL})`,
  'g',
)
/** A reading or spelling in brackets right after a name and its honorific: 「大谷様（おおたに）」「林さん(Hayashi)」. */
/** 「長尾 陽翔くん、読みははると」: the reading said after a name and a comma. */
const READ_OUT_AFTER =
  /^(?:様|さん|さま|くん|ちゃん|氏|君|殿)?[、,] ?(?:読み|よみ)(?:は|が|:) ?([ぁ-ゖー]{2,8}?)(?=$|[、。,」 ]|です|で|って)/
const READING_AFTER =
  /^(?:様|さん|さま|くん|ちゃん|氏|君|殿)?[（(]((?:[ぁ-ゖー]{2,8}|[ァ-ヺー・]{2,12}|[A-Z][A-Za-z'-]+)(?: (?:[ぁ-ゖー]{1,8}|[ァ-ヺー]{1,8}|[A-Z][A-Za-z'-]+)){0,3})[）)]/

/**
 * English reports that start with the caller's name: 「Li Wei called about …」「Jose Garcia asked whether …」:
 * two or three capitalised words at the start of a sentence, then a verb, maybe after where they are from
 * (「Daniel Brooks from the language school called …」).
 */
const EN_SUBJECT =
  /(?<=^|[.!?;]\s+|[、。「（(]\s*)([A-Z][a-z]+(?:['-][A-Z][a-z]+)?(?: [A-Z][a-z]+(?:['-][A-Z][a-z]+)?){1,2})(?:,? \(?(?:the |her |his |their )?(?:caller|applicant|resident|son|daughter|husband|wife|mother|father)\)?,?|, (?:a |an |the )?[A-Za-z]{2,20}(?: [a-z]{2,20}){0,2},)?(?: (?:from|of|at) (?:the |a |an |his |her |their )?[A-Za-z'-]{1,30}(?: [A-Za-z'-]{1,30}){0,3}?)? (?:called|asked|said|says|wants|wanted|needs|needed|phoned|rang|came|visited|lost|forgot|tried|received|applied|moved|is|was|has|had|will|would|can|could|cannot|can't|did|does|doesn't|didn't|born)(?![A-Za-z])/g
/**
 * A romaji full name inside a Japanese line: 「Nguyen Thi Thu、生年月日…」: two to four capitalised words
 * between Japanese text or punctuation. Product and place words are not names (EN_NOT_NAME).
 */
const LATIN_IN_JAPANESE =
  /(?<=^|[ぁ-ゖァ-ヺ一-龥々、。「」（）・：:]\s?)([A-Z][a-z]+(?:['-][A-Z][a-z]+)?(?: [A-Z][a-z]+(?:['-][A-Z][a-z]+)?){1,3})(?=\s?(?:$|[ぁ-ゖァ-ヺ一-龥々、。「」（）(),]))/g
/**
 * The same with the surname in capitals, as a passport writes it (「KIMURA Aoi、」「Aoi KIMURA」): the capitals
 * must read as romaji syllables (not USB, NHK, PIN), the other word is no English word of EN_NOT_NAME.
 */
const CAPS_IN_JAPANESE =
  /(?<=^|[ぁ-ゖァ-ヺ一-龥々、。「」（）・：:]\s?)(?:[A-Z]{2,12} [A-Z][a-z]{1,12}|[A-Z][a-z]{1,12} [A-Z]{2,12})(?=\s?(?:$|[ぁ-ゖァ-ヺ一-龥々、。「」（）(),]))/g
// (both words read as romaji syllables: 「PIN Code」「USB Memory」 do not)
const ROMAJI_WORD = /^(?:(?:[KGSZTDNHBPMRYWFJ]|SH|CH|TS|[KGNHBPMR]Y)?[AIUEO]|N)+$/i
/** English words that read as romaji syllables too (「ONE Time」「HOME Page」). */
const ROMAJI_LIKE_ENGLISH = new Set(
  `one none time home same more some note zone tone tune mine nine fine wine sure rare base game made take make done gone
  here were june rule page sale safe save wake wide ride side hide yoke joke mode nose rose rope hope pose`.split(
    /\s+/,
  ),
)
const isCapsRomajiName = (name: string) =>
  name
    .split(' ')
    .every(
      (w) =>
        ROMAJI_WORD.test(w) &&
        !ACRONYMS.has(w) &&
        !EN_NOT_NAME.has(w) &&
        !EN_NOT_NAME.has(w[0] + w.slice(1).toLowerCase()) &&
        !ROMAJI_LIKE_ENGLISH.has(w.toLowerCase()),
    )
const JAPANESE = /[ぁ-ゖァ-ヺ一-龥]/
const TITLE = /(?<![A-Za-z])(?:Mr|Ms|Mrs|Miss|Dr|Mx)\.? ?(?=[A-Z])/g
// A common surname (and given name) where no honorific says it is a name: 「小林です。」「西村が対応」
const SURNAME_CUE =
  /(?:宅|(?<!様)方(?![法向針面式])|です|でございます|が対応|が担当|が受付|が受けた|が応対|が折り?返[しす]|より入電|から入電|からの入電|から電話|より電話|(?:課長|部長|係長|所長|室長|次長|局長|主任|主査|主事|補佐|先生|弁護士|医師)(?![一-龥]))/g
/** Romanized honorifics: Tanaka-san, Suzuki sama, Tran Van Minh-san (up to three words). */
const ROMAN_HONORIFIC =
  /(?<![A-Za-z])([A-Z][A-Za-z'-]{0,30}(?: [A-Z][A-Za-z'-]{0,30}){0,2})[- ](?:san|sama|shi|kun|chan)(?![A-Za-z])/g // bounded: linear on hostile input
/** Capitalised English words that start a sentence or name a thing, not a person (「Caller Tanaka-san」). */
const EN_NOT_NAME = new Set(
  `The A An This That My Your His Her Our Their Caller Called Call Spoke Said Asked Name Mr Ms Mrs Miss Dr Mx Dear Hello Hi Yes No Please
  Thanks Thank Today Yesterday Tomorrow City Hall Office Branch Center Centre Card Number Numbers PIN Password English Japanese Saijo
  Hiroshima Higashihiroshima Japan Tokyo Osaka Kure Mynumber Portal Certificate Residence Post Bank Station Monday Tuesday Wednesday
  Thursday Friday Saturday Sunday January February March April May June July August September October November December
  Google Apple App Store Play Pay Microsoft Windows Edge Chrome Safari Face Touch Android Galaxy Pixel Xperia Yahoo Amazon Line
  Lawson Family Mart Seven Eleven Smart Phone Online Web Internet Japan Post Office Police Passport Driver License Health Insurance
  Each Every All Some Any Both Either Neither Another Other Such Many Most Several Digital Agency Ministry Government Service
  Step Kiosk Mailing Date Birth Address Citizens Division Section Desk Counter Can Could Would Will Should Shall May Might Must`.split(
    /\s+/,
  ),
)
/** Words of a romaji name that make it a phrase instead; A and An only count first (Nguyen Van An is a name). */
export const notRomajiName = (name: string) =>
  name
    .split(' ')
    .some((w, i) => (EN_NOT_NAME.has(w) && !(i > 0 && (w === 'A' || w === 'An'))) || isAcronym(w))

/**
 * English introductions and reports: 「My name is David Miller」「This is Kenji Watanabe」「The caller, Ahmed
 * Khan,」「spoke with Olivia Brown」「her son Lucas Silva」: two or three capitalised words after them.
 */
const EN_CUE =
  /(?<![A-Za-z])(?:[Mm]y name is|[Tt]his is|[Ii] am|[Ii]'m|[Nn]ame is|[Cc]aller(?: is|:)?|[Tt]he caller,|[Ss]poke (?:with|to)|[Cc]alled by|[Oo]n behalf of|[Tt]he applicant(?: is|,|:)?|[Aa]pplicant(?::| is)|[Cc]all(?:ed)? from|(?:identified|introduced) (?:herself|himself|themselves) as|(?:[Hh]er|[Hh]is|[Mm]y|[Tt]heir|(?:[Tt]he )?[Cc]aller's|(?:[Tt]he )?[Aa]pplicant's) (?:son|daughter|husband|wife|mother|father|mom|dad|grandson|granddaughter),?) (?:(?:Mr|Ms|Mrs|Miss|Dr|Mx)\.? )?([A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){1,2})(?![A-Za-z])/g
/** A name typed in lower case after caller/my name is, when a verb follows: 「caller john smith asked …」. */
const EN_LOWER =
  /(?<![A-Za-z])(?:[Cc]aller|[Mm]y name is|[Nn]ame:) ([a-z]{2,12} [a-z]{2,12})(?= (?:asked|called|said|says|wants|wanted|needs|needed|phoned|rang|would|will|is|was|has|had)(?![a-z]))/g
const EN_LOWER_NOT = new Set(
  `the a an and or but then also again just still from about with who which that this has had was is asked called said wants needs from her his their our your my me him them please`.split(
    /\s+/,
  ),
)
/**
 * Relations after a name without an honorific: 「オカダ ケンイチの母です」「中園 ひなたの父から」「山崎 ふみえの
 * 長女と名乗る方」「小林 さやかの母、自宅…」.
 */
const RELATION = new RegExp(
  `の${RELATIVES}(?:の${RELATIVES})?(?:です|でございます|やけど|じゃけど|だけど|じゃが|から|より|が|は|と申|と名乗|として|の(?:代理|件|こと|分|カード|手続|申請|ため)|[、,])`,
  'g',
)
/** Words before の母 that are not names (うちの母, 自分の父). */
const RELATION_NOT = new Set(
  `うち わたし あたし わたくし ぼく おれ じぶん そちら こちら あちら どちら かれ かのじょ あなた みんな よそ ひと とも ともだち`.split(
    /\s+/,
  ),
)

/**
 * Personal names: before さん/様/氏/くん/ちゃん, before と申します/といいます, after 名前は/氏名：,
 * after Mr./Ms.; common surnames also before です/が対応/より入電 and standing alone between
 * spaces or punctuation. Roles, relatives and offices before さん (お客様, 皆さん, 市民課さん,
 * 郵便局さん, 息子さん) are not names.
 */
export const detectName: Detector = (text) => {
  const out: PiiFinding[] = []
  const push = (s: Span | undefined) =>
    s && s.end > s.start && out.push({ kind: 'name', start: s.start, end: s.end })

  for (const m of text.matchAll(HONORIFIC)) {
    let end = text[m.index - 1] === ' ' ? m.index - 1 : m.index
    // 「いちにさんよん」: さん inside digits read out in kana, not an honorific
    if (
      m[0] === 'さん' &&
      ((SPELLED_BEFORE.test(text.slice(Math.max(0, end - 8), end)) &&
        SPELLED_AFTER.test(text.slice(m.index + 2))) ||
        /(?:じゅう|ひゃく|せん)$/.test(text.slice(Math.max(0, end - 3), end))) // にじゅうさん is 23
    )
      continue
    // 佐藤（さとう）様, グエン・ヴァン・ナム（Nguyen Van Nam）さん: a reading or spelling in brackets
    const bracket = /[(（]([^()（）]{1,30})[)）]$/.exec(text.slice(Math.max(0, end - 32), end))
    if (bracket) {
      const inner = end - 1
      const content = bracket[1]!
      const contentStart = inner - content.length
      // a reading or spelling fills the brackets (たなか たろう, Nguyen Van Nam); else look for a name at their end
      if (
        /^(?:[ぁ-ゖー]+|[ァ-ヺー゛゜・]+|[A-Za-z'-]+)(?: (?:[ぁ-ゖー]+|[ァ-ヺー゛゜・]+|[A-Za-z'-]+)){0,3}$/.test(
          content,
        ) &&
        nameBefore(text, inner)
      )
        push({ start: contentStart, end: inner })
      else push(nameBefore(text, inner))
      end = contentStart - 1
    }
    const span = nameBefore(text, end)
    if (
      span &&
      m[0] === '様' &&
      YOU_WORDS.test(text.slice(span.start, span.end)) &&
      span.end - span.start <= 2
    )
      continue
    push(span)
  }
  for (const m of text.matchAll(ROMAN_HONORIFIC)) {
    // drop leading words that are not names: 「Caller Tanaka-san」 → Tanaka
    let start = m.index
    let word = m[1]!
    for (let sp = word.indexOf(' '); sp >= 0 && EN_NOT_NAME.has(word.slice(0, sp)); sp = word.indexOf(' ')) {
      start += sp + 1
      word = word.slice(sp + 1)
    }
    if (!EN_NOT_NAME.has(word) && !isAcronym(word)) push({ start, end: start + word.length })
  }
  if (/[A-Za-z]/.test(text)) {
    for (const m of text.matchAll(EN_CUE)) {
      const words = m[1]!.split(' ')
      const start = m.index + m[0].length - m[1]!.length
      if (!notRomajiName(words.join(' '))) push({ start, end: start + m[1]!.length })
    }
    for (const m of text.matchAll(EN_LOWER)) {
      const start = m.index + m[0].length - m[1]!.length
      if (!m[1]!.split(' ').some((w) => EN_LOWER_NOT.has(w))) push({ start, end: start + m[1]!.length })
    }
  }
  for (const m of text.matchAll(RELATION)) {
    const span = nameBefore(text, m.index)
    if (!span) continue
    const word = text.slice(span.start, span.end)
    // a kana name, a full name (surname and given name) or a common surname; a lone kanji word is a role (自分の母)
    const kana =
      /^[ァ-ヺー・= ]+$/.test(word) ||
      (/^[ぁ-ゖー ]+$/.test(word) && word.length >= 3 && !RELATION_NOT.has(word))
    const full = /[一-龥々〆ヶ]/.test(word) && (word.includes(' ') || /[ぁ-ゖァ-ヺ]/.test(word))
    // 「石黒の母です」「石黒の母と名乗る」: said of oneself, any surname
    const self = /^の.{1,3}?(?:です|でございます|と申|と名乗)/.test(text.slice(m.index, m.index + 8))
    if (kana || full || self || COMMON_SURNAMES.has(word) || /^[A-Za-z]/.test(word)) push(span)
  }
  for (const m of text.matchAll(INTRO)) {
    const span = nameBefore(text, text[m.index - 1] === ' ' ? m.index - 1 : m.index) // 「もりした と申します」
    if (span && text[span.start - 1] !== 'を') push(span) // 〜を○○といいます is a definition
  }
  for (const m of text.matchAll(LABEL)) {
    const first = nameAfter(text, m.index + m[0].length)
    push(first)
    // 「お名前は鶴見か鶴巻」: two surnames the writer could not tell apart, both the caller's
    if (first && ALTERNATIVE.test(text.slice(first.end, first.end + 6))) push(nameAfter(text, first.end + 1))
    // 「お名前は、うえむら…うえむら さちえ」「名前は山根、山根 いつ子」: the name said again, completed
    const again = first && SAID_AGAIN.exec(text.slice(first.end, first.end + 4))
    if (first && again && text.startsWith(text.slice(first.start, first.end), first.end + again[0].length))
      push(nameAfter(text, first.end + again[0].length))
  }
  for (const m of text.matchAll(RENAMED))
    if (RENAMED_BEFORE.test(text.slice(Math.max(0, m.index - 22), m.index)))
      push(fullNameAfter(text, m.index + m[0].length, 'label') ?? nameAfter(text, m.index + m[0].length))
  for (const m of text.matchAll(KANJI_OF_READING)) {
    const lead = text.slice(Math.max(0, m.index - 35), m.index)
    // (or right after a hiragana name and a comma, 「娘はみゆき、漢字は美雪」)
    const kana = /(?<=^|[はがの「、])([ぁ-ゖ]{2,6}?)(?:さん|さま|くん|ちゃん)?[、,] ?$/.exec(lead)
    const kanaName = kana && !NOT_HIRA.has(kana[1]!) && !HIRA_NOT_SURNAME.has(kana[1]!)
    if (!READING_BEFORE.test(lead) && !kanaName) continue
    const named = nameAfter(text, m.index + m[0].length)
    push(named)
    // the reading said first is the same name (only when its kanji were found)
    if (kanaName && named) {
      const start = m.index - lead.length + kana.index
      push({ start, end: start + kana[1]!.length })
    }
  }
  for (const m of text.matchAll(KANJI_SPELLING)) {
    const word = m[1]!
    if (
      NOT_HIRA.has(word) ||
      HIRA_NOT_SURNAME.has(word) ||
      (/^[ァ-ヺ]/.test(word) && !isPlausibleKata(word)) ||
      (/^[一-龥々]/.test(word) && !isPlausibleKanji(word))
    )
      continue
    push({ start: m.index, end: m.index + word.length })
    // how the kanji are written spells the name out too (「平らの平に野原の野」)
    const at = m.index + m[0].length
    push({ start: at, end: at + m[2]!.length })
  }
  for (const m of text.matchAll(LABEL_GLUED)) push(fullNameAfter(text, m.index + m[0].length, 'label'))
  for (const m of text.matchAll(RELATION_BEFORE)) push(fullNameAfter(text, m.index + m[0].length, 'relation'))
  for (const m of text.matchAll(RELATION_IS)) push(fullNameAfter(text, m.index + m[0].length, 'common'))
  for (const m of text.matchAll(RELATION_GLUED)) push(fullNameAfter(text, m.index + m[0].length, 'relation'))
  for (const m of text.matchAll(RELATION_MARK)) push(fullNameAfter(text, m.index + m[0].length, 'relation'))
  // 「なまえ は おおたに しんじ、」: the label in hiragana, as a speech recogniser writes it; a full name only
  for (const m of text.matchAll(HIRA_LABEL)) push(fullNameAfter(text, m.index + m[0].length, 'label'))
  for (const m of text.matchAll(SELF)) {
    const span = fullNameAfter(text, m.index + m[0].length, 'label')
    if (span && SELF_THEN.test(text.slice(span.end, span.end + 6))) push(span)
  }
  for (const m of text.matchAll(ROLE_IN_BRACKETS)) {
    const span = nameBefore(text, m.index)
    const word = span && text.slice(span.start, span.end)
    // a full name only (two parts): a lone word before （本人） may be anything (申請書（本人）)
    if (
      span &&
      /[一-龥々ァ-ヺ]/.test(word!) &&
      (word!.includes(' ') || /^[一-龥々]+[ぁ-ゖァ-ヺ]+$/.test(word!))
    )
      push(span)
  }
  for (const m of text.matchAll(RELATIVE_GIVEN)) {
    const word = (m[1] ?? m[2])!
    const kanji = /^[一-龥々]/.test(word)
    // (a reading in brackets after it says it is a name: 「孫の大翔（ひろと）」)
    const end = m.index + m[0].length
    const ends =
      m[2] !== undefined ||
      GIVEN_NAME_END.test(word) ||
      /^[（(][ぁ-ゖー]{2,8}[）)]/.test(text.slice(end, end + 11))
    if (NOT_GIVEN.has(word) || (kanji ? !isPlausibleGiven(word) || !ends : NOT_HIRA.has(word))) continue
    const start = m.index + m[0].length - word.length
    push({ start, end: start + word.length })
  }
  for (const m of text.matchAll(QUOTED_FULL)) {
    const [surname, given] = m[0].split(' ') as [string, string]
    const kata = /^[ァ-ヺ]/.test(surname)
    if (
      kata
        ? isPlausibleKata(surname) && isPlausibleKata(given)
        : isPlausibleKanji(surname) && isPlausibleGiven(given)
    )
      push({ start: m.index, end: m.index + m[0].length })
  }
  for (const m of text.matchAll(SELF_SPOKEN))
    if (m[1] ? isPlausibleKanji(m[1]) : isPlausibleKata(m[2]!))
      push({ start: m.index, end: m.index + (m[1] ?? m[2]!).length })
  if (/(?:じゃ|では|や)なく/.test(text) && NAME_TALK.test(text))
    for (const re of CORRECTED)
      for (const m of text.matchAll(re)) {
        const [a, b] = [m[1]!, m[2]!]
        if (a === b || !shareKanji(a, b) || !isPlausibleKanji(a) || !isPlausibleKanji(b)) continue
        if (!COMMON_SURNAMES.has(plainKanji(a)) && !COMMON_SURNAMES.has(plainKanji(b))) continue
        const second = m.index + m[0].length - b.length
        push({ start: m.index, end: m.index + a.length })
        push({ start: second, end: second + b.length })
      }
  if (text.includes('「'))
    for (const m of text.matchAll(OPENING_SURNAME))
      if (isPlausibleKanji(m[1]!.replace('ノ', '')) && !ANSWER_WORDS.has(m[1]!) && !COUNTED.test(m[1]!))
        push({ start: m.index, end: m.index + m[1]!.length })
  for (const m of text.matchAll(SELF_SPOKEN_HIRA))
    if (!NOT_HIRA.has(m[1]!) && !HIRA_NOT_SURNAME.has(m[1]!))
      push({ start: m.index, end: m.index + m[1]!.length })
  if (/くん|ちゃん/.test(text))
    for (const m of text.matchAll(ONE_KANJI_CHILD))
      if (!NOT_ONE_KANJI_CHILD.has(m[1]!) && !NOT_NAMES.has(m[1]!)) push({ start: m.index, end: m.index + 1 })
  if (/旧姓|新姓/.test(text))
    for (const m of text.matchAll(MAIDEN)) {
      const name = m[1] ?? m[2]!
      const start = m.index + m[0].length - name.length
      if (!NOT_NAMES.has(name) && isPlausibleKanji(name)) push({ start, end: start + name.length })
    }
  if (text.includes('と書いて'))
    for (const m of text.matchAll(READ_AFTER_WRITTEN)) {
      if (!NAME_WORD_BEFORE.test(text.slice(Math.max(0, m.index - 14), m.index + m[1]!.length))) continue
      if (NOT_NAMES.has(m[1]!) || NOT_HIRA.has(m[2]!)) continue
      const start = m.index + m[0].length - m[2]!.length
      push({ start: m.index, end: m.index + m[1]!.length })
      push({ start, end: start + m[2]!.length })
    }
  for (const m of text.matchAll(SPOKEN_FULL)) {
    const given = m[2]!
    const ok = /^[一-龥々]/.test(given)
      ? isPlausibleGiven(given)
      : /^[ァ-ヺ]/.test(given)
        ? isPlausibleKata(given) && !NOT_KATA.has(given)
        : !NOT_HIRA.has(given)
    if (isPlausibleKanji(m[1]!) && ok) push({ start: m.index, end: m.index + m[0].length })
  }
  if (/[A-Z]/.test(text))
    for (const m of text.matchAll(EN_RECORD))
      if (!notRomajiName(m[1]!)) {
        const start = m.index + m[0].length - m[1]!.length
        push({ start, end: start + m[1]!.length })
      }
  for (const m of text.matchAll(AFTER_ADDRESS_FULL))
    if (
      (isPlausibleKanji(m[1]!) || oneKanjiBeforeKata(m[1]!, m[2]!)) &&
      (/^[ァ-ヺ]/.test(m[2]!) ? isPlausibleKata(m[2]!) && !NOT_KATA.has(m[2]!) : isPlausibleGiven(m[2]!)) &&
      /[町丁目番地号-]/.test(text.slice(Math.max(0, m.index - 24), m.index))
    )
      push({ start: m.index, end: m.index + m[0].length })
  for (const m of text.matchAll(KATA_FULL))
    if (m[0].split(/[ ・=]/).every((w) => isPlausibleKata(w) && !NOT_KATA.has(w)))
      push({ start: m.index, end: m.index + m[0].length })
  // 「しみず たろうさんの妻」: a name with an honorific is the honorific rule's
  for (const m of text.matchAll(HIRA_FULL))
    if (
      !HIRA_NOT_SURNAME.has(m[1]!) &&
      !NOT_HIRA.has(m[1]!) &&
      !NOT_HIRA.has(m[2]!) &&
      !/(?:さん|さま|くん|ちゃん)$/.test(m[2]!) &&
      // (「くがつ みっか」: a date read out in hiragana)
      !DATE_READING.test(m[1]!) &&
      !DATE_READING.test(m[2]!)
    )
      push({ start: m.index, end: m.index + m[0].length })
  if (/[A-Z]/.test(text)) {
    for (const m of text.matchAll(EN_SUBJECT))
      if (!notRomajiName(m[1]!)) push({ start: m.index, end: m.index + m[1]!.length })
    if (JAPANESE.test(text))
      for (const m of text.matchAll(LATIN_IN_JAPANESE))
        if (!notRomajiName(m[1]!)) push({ start: m.index, end: m.index + m[1]!.length })
    if (JAPANESE.test(text))
      for (const m of text.matchAll(CAPS_IN_JAPANESE))
        if (isCapsRomajiName(m[0])) push({ start: m.index, end: m.index + m[0].length })
  }
  for (const m of text.matchAll(TITLE)) {
    const s = /^[A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*){0,3}/.exec(
      text.slice(m.index + m[0].length, m.index + m[0].length + 120),
    )
    if (s) push({ start: m.index + m[0].length, end: m.index + m[0].length + s[0].length })
  }
  for (const m of text.matchAll(SURNAME_CUE)) push(surnameBefore(text, m.index))
  // A common surname standing alone or between particles: 「… 090-1234-5678 山本」「上司の岩井に確認」
  for (const m of text.matchAll(
    /(?<=^|[\s、。,（(「/:：の])[一-龥々]{2,3}(?=$|[\s、。,）)」/にがはへとをの]|でした(?:$|[」。、]))/g,
  ))
    if (COMMON_SURNAMES.has(m[0])) push({ start: m.index, end: m.index + m[0].length })
  for (const m of text.matchAll(KANA_THEN_SPELL)) {
    if (NOT_HIRA.has(m[1]!) || HIRA_NOT_SURNAME.has(m[1]!)) continue
    push({ start: m.index, end: m.index + m[1]!.length })
    const start = m.index + m[0].length - m[2]!.length
    push({ start, end: start + m[2]!.length })
  }
  for (const m of text.matchAll(SPELL_AFTER_KANJI)) {
    // 「坂の本、下の名前は言わず」: 下の名前 (the given name) is no kanji explained
    if (/[上下]の名$/.test(m[1]!) && text[m.index + m[0].length] === '前') continue
    const start = m.index + m[0].length - m[1]!.length
    push({ start, end: start + m[1]!.length })
  }
  // 「大谷様（おおたに）」: the reading in brackets after a name found is the name too
  for (const f of [...out]) {
    const spelled = SPELL_AFTER_NAME.exec(text.slice(f.end, f.end + 40))
    if (spelled) {
      const start = f.end + spelled[0].length - spelled[1]!.length
      push({ start, end: start + spelled[1]!.length })
    }
    const said = READ_OUT_AFTER.exec(text.slice(f.end, f.end + 24))
    if (said && /[一-龥々]/.test(text.slice(f.start, f.end)) && !NOT_HIRA.has(said[1]!)) {
      const start = f.end + said[0].length - said[1]!.length
      push({ start, end: start + said[1]!.length })
    }
    const r = READING_AFTER.exec(text.slice(f.end, f.end + 48))
    const reading = r?.[1]
    // a reading explains kanji: after a kana or romaji name, brackets hold a country or a note (（ブラジル）)
    if (
      reading &&
      /[一-龥々]/.test(text.slice(f.start, f.end)) &&
      !NOT_HIRA.has(reading) &&
      !/^(?:ひらがな|かたかな|カタカナ|ふりがな|フリガナ|ローマ字)$/.test(reading) &&
      !/さん|ちゃん|さま/.test(reading) &&
      (!/^[ァ-ヺ]/.test(reading) || isPlausibleKata(reading)) &&
      (!/^[A-Z]/.test(reading) || !notRomajiName(reading))
    ) {
      const start = f.end + r![0].length - 1 - reading.length
      push({ start, end: start + reading.length })
    }
  }
  for (const s of spelledNames(text)) push(s)
  for (const s of houseOf(text)) push(s)
  // a number read out in katakana (「ゼロイチニーゼロ・キューゴー」, a free-dial number) is no name
  return out.flatMap((f) => {
    const value = text.slice(f.start, f.end)
    if (SPOKEN_NUMBER.test(value)) return []
    // nor kana digits read out beside more of them (「なな さん きゅう」「れいはちれい、いちにいさん」)
    if (/^[ぁ-ゖー\s、]+$/.test(value) && kanaDigitsAround(value, text, f.start, f.end)) return []
    // a label before a name and the words after it are no part of it (「氏名 ニシカワ ユウキ」「水野です」)
    const lead = NAME_LABEL_LEAD.exec(value)?.[0].length ?? 0
    // read within the last 16 characters: a long hostile span stays linear
    const tail = NAME_TAIL.exec(value.slice(lead).slice(-16))?.[0].length ?? 0
    const start = f.start + lead
    const end = f.end - tail
    return end - start > 0 ? [{ kind: f.kind, start, end }] : []
  })
}

/**
 * A name spelled out one letter or one kana at a time (「S-U-Z-U-K-I」「B-R-O-W-N」「エ・ノ・モ・ト」「ひ、ら、の」) in a
 * sentence about a name (名字, 苗字, 名前, surname, name …) and about no secret (a password is spelled out too).
 * Single kana only: a password read in katakana letters has longer tokens (エー・ビー).
 */
const SPELLED_NAME =
  /(?<![A-Za-z0-9-])[A-Z](?:-[A-Z]){3,15}(?![A-Za-z0-9-])|(?<![ァ-ヺ・])[ァ-ヺ](?:・[ァ-ヺ]){2,15}(?![ァ-ヺー・])|(?<![ぁ-ゖ、])[ぁ-ゖ](?:、 ?[ぁ-ゖ]){2,15}(?![ぁ-ゖ])/g
const SPELLED_NAME_TOPIC = /名字|苗字|名前|なまえ|氏名|姓|[Nn]ame|[Ss]urname|一字ずつ|一文字ずつ/
const SPELLED_NAME_NOT = /暗[証唱]|パスワード|パス|PIN|[Pp]assword|署名|利用者|番号|数字|[Cc]ode/
function spelledNames(text: string): Span[] {
  const out: Span[] = []
  if (!SPELLED_NAME_TOPIC.test(text)) return out
  for (const m of text.matchAll(SPELLED_NAME)) {
    const start = m.index
    const end = start + m[0].length
    // the sentence around it, within 40 characters each side (linear on a long line)
    const lead = text.slice(Math.max(0, start - 40), start)
    const sentence =
      lead.slice(Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('\n')) + 1) +
      text.slice(end, end + 40).split(/[。\n]/)[0]
    if (!SPELLED_NAME_TOPIC.test(sentence) || SPELLED_NAME_NOT.test(sentence)) continue
    // kana digits read one by one (「さ、ん、ご」 is not read so; 「に、さん、し」 has longer tokens) are not caught here
    if (SPOKEN_NUMBER.test(m[0].replace(/[、・ ]/g, ''))) continue
    out.push({ start, end })
  }
  return out
}

/**
 * A prefecture or an old province before の is where a caller is from (「岡山のお客様」「土佐の方」「熊本の兄」),
 * not a surname: the tagger learnt a name before の. (石川 or 千葉 alone stay names: only before の.)
 */
export const PLACE_BEFORE_NO = new Set(
  `北海道 青森 岩手 宮城 秋田 山形 福島 茨城 栃木 群馬 埼玉 千葉 東京 神奈川 新潟 富山 石川 福井 山梨 長野 岐阜 静岡
  愛知 三重 滋賀 京都 大阪 兵庫 奈良 和歌山 鳥取 島根 岡山 広島 山口 徳島 香川 愛媛 高知 福岡 佐賀 長崎 熊本 大分
  宮崎 鹿児島 沖縄 土佐 博多 讃岐 伊予 備後 安芸 筑後 津軽 尾張`.split(/\s+/),
)

/**
 * A name before の and a member of the household, opening what a caller says (「梶原の家です」「のむら けんじ の家内です」
 * 「かわむら の 娘 です」「はい、ふじわらのばばです」): the caller names themselves by whose family they are.
 */
const HOUSE_OF =
  /(?<=^|[「、,：:。 ]|こちら|うちは|はい、)([一-龥々]{2,4}|[ぁ-ゖ]{3,6}(?: [ぁ-ゖ]{2,5})?|[ァ-ヺー]{3,8}) ?の ?(?:家内|家|娘|息子|嫁|妻|夫|母|父|祖母|祖父|孫|ばば|じじ|もん) ?(?:です|でございます|じゃ|や|だ|どす|ぞな|から|が)/g
function houseOf(text: string): Span[] {
  const out: Span[] = []
  for (const m of text.matchAll(HOUSE_OF)) {
    const word = m[1]!
    // (an honorific's name is the honorific rule's: 「しみず たろうさんの妻から」)
    if (/(?:さん|くん|ちゃん|さま)$/.test(word)) continue
    // a kanji surname from the list (not 大阪の娘), a katakana name, hiragana that is no pronoun (こちらの者)
    if (
      /^[一-龥々]/.test(word)
        ? !COMMON_SURNAMES.has(word) || PLACE_BEFORE_NO.has(word)
        : NOT_KATA.has(word) || NOT_HIRA.has(word)
    )
      continue
    if (
      /^(?:こちら|そちら|あちら|どちら|わたし|わたくし|あたし|ぼく|おれ|うち|みんな|だれ|どなた|あなた|となり|おとなり|むかい|よそ)/.test(
        word,
      )
    )
      continue
    out.push({ start: m.index, end: m.index + word.length })
  }
  return out
}

/** A label the rules can take along at a name's start. */
export const NAME_LABEL_LEAD = /^(?:お?名前|氏名|フルネーム|名義)[はがの：:\s]*/
/** What a caller says after their own name, which the rules can take along at its end. */
export const NAME_TAIL =
  /[\s、]*(?:です|でした|でございます|と申し?|といい|って(?:言|い)|やけど|じゃけど|だけど)[ぁ-ゖ]*$/

const KANA_DIGIT_RUN = new RegExp(`^(?:(?:${KANA_DIGIT})[ー、・\\s]*)+$`)
const KANA_DIGIT_BEFORE = new RegExp(`(?:${KANA_DIGIT})[ー、・\\s]+$`)
const KANA_DIGIT_AFTER = new RegExp(`^[ー、・\\s]+(?!さん|さま|ちゃん|くん)(?:${KANA_DIGIT})(?![ぁ-ゖ])`)
/** A hiragana value of kana digits only, three or more of them or one with another kana digit beside it. */
export function kanaDigitsAround(value: string, folded: string, start: number, end: number): boolean {
  if (!KANA_DIGIT_RUN.test(value)) return false
  const tokens = value.match(new RegExp(KANA_DIGIT, 'g')) ?? []
  return (
    tokens.length >= 3 ||
    KANA_DIGIT_BEFORE.test(folded.slice(Math.max(0, start - 6), start)) ||
    KANA_DIGIT_AFTER.test(folded.slice(end, end + 6))
  )
}
/** Four or more kana digits and nothing else but pauses. */
const SPOKEN_NUMBER = new RegExp(`^(?:(?:${KANA_DIGIT})[ー・、\\s]*){4,}$`)

/** The script a character is written in, for telling where a word ends. */
const scriptOf = (c: string | undefined) =>
  isKanji(c) ? 'kanji' : isKata(c) ? 'kata' : isHira(c) ? 'hira' : isLatin(c) ? 'latin' : undefined

/** What follows a hiragana name found elsewhere in the text (「よしだです。よしだ ともこの件で」). */
const HIRA_NAME_THEN = /^(?:です|でした|でございます|さん|さま|くん|ちゃん|と申|といい|が|は|の|から|より)/

/**
 * A name found once is a name wherever else it stands in the same text as a whole word, and so is
 * the surname of a full name found: 「サイトウです、サイトウ マサルの娘です」 (the second one has の娘です
 * after it, the first only です). `found` are the findings that won their overlaps (see findPii).
 */
export function sameNameElsewhere(text: string, found: readonly PiiFinding[]): PiiFinding[] {
  const words = new Set<string>()
  for (const f of found) {
    if (f.kind !== 'name') continue
    const name = text.slice(f.start, f.end)
    if (name.length >= 2) words.add(name)
    const surname = name.split(/[ ・=]/)[0]!
    if (
      surname !== name &&
      surname.length >= 2 &&
      (scriptOf(surname[0]) !== 'kanji' || isPlausibleKanji(surname))
    )
      words.add(surname)
  }
  const out: PiiFinding[] = []
  for (const word of words) {
    const script = scriptOf(word[0])
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = at + word.length
      // a whole word: no letter of the same script runs on at either side (サイトウです, not サイトウカ);
      // a hiragana name may run on into what is said of it (「よしだです」「よしだが」)
      if (
        scriptOf(text[at - 1]) === script ||
        (scriptOf(text[end]) === scriptOf(word[word.length - 1]) &&
          !(script === 'hira' && HIRA_NAME_THEN.test(text.slice(end, end + 4))))
      )
        continue
      out.push({ kind: 'name', start: at, end })
    }
  }
  return out
}

/** A common surname, optionally with a given name, ending at `end` and starting at a boundary. */
function surnameBefore(text: string, end: number): Span | undefined {
  let start = end
  while (start > 0 && end - start < 7 && isKanji(text[start - 1])) start--
  let word = text.slice(start, end)
  // 市民課西村, 市民課 西村
  const org = /^.*(?:課|係|室)/.exec(word)
  if (org) {
    start += org[0].length
    word = word.slice(org[0].length)
  }
  for (let n = Math.min(4, word.length); n >= 2; n--)
    if (COMMON_SURNAMES.has(word.slice(0, n)) && word.length - n <= 3) return { start, end }
  return undefined
}

const NAME_TAIL_RELATIVE = new RegExp(`^(.+ .+?)の${RELATIVES}$`)
const HONORIFIC_END = /^(.+ .+?)(?:様|さん|さま|くん|ちゃん|氏|殿|先生)$/
// 「村上 たか子言います」: the caller's verb of naming glued to a given name of kanji and kana
const NAMING_END = /^(.+ .+?)(?:っ?て)?(?:言います|いいます|申します)$/
// 「お客様三宅様」「事務長岩崎 弘様」: a title or お客様 read into the name before it
const TITLE_START =
  /^(?:お?客様|事務長|社長|院長|園長|校長|課長|部長|係長|所長|室長|次長|局長|主任|主査|主事|補佐)(?=[一-龥々ァ-ヺ]{2})/
const KANJI_GIVEN_TAIL = /^([一-龥々]{1,3} [一-龥々]{1,3})[ぁ-ゖー]+$/
const KATA_GIVEN_TAIL = /^([一-龥々]{1,3} [ァ-ヺー]{2,6})[ぁ-ゖ]+$/
// a copula or a sentence-final particle of a dialect; the one-kana ones only when the word goes on after them
const KANA_GIVEN_TAIL =
  /^([一-龥々]{1,3} [ぁ-ゖ]{2,5}?)(?:だがや|だがね|だら|だっぺ|だべ|やざ|やき|やっさ|やちゃ|やに|っちゃ|さー|どす|ぞな|だわ|じゃ|です|でした|っ)$/
const KANA_GIVEN_ONE = /^([一-龥々]{1,3} [ぁ-ゖ]{2,5})[やださざ]$/

/**
 * A spaced full name ends at its given name: a copula or a dialect's particle glued to it (「加藤 栄一だがや」
 * 「比嘉 ゆうさー」「岡林 正やき」), an honorific (「三宅 由美様の母」) or の and a relative after it (「竹下 つるの長男」)
 * is cut off, and so is a verb of naming (「村上 たか子言います」) and a title or お客様 before it (「事務長岩崎 弘」).
 * Otherwise spans without a space, or longer than a name, are left as they are.
 */
export function trimNameEdges(text: string, f: PiiFinding): PiiFinding {
  if (f.kind !== 'name' || f.end - f.start > 20) return f
  const title = TITLE_START.exec(text.slice(f.start, f.end))
  if (title) f = { kind: 'name', start: f.start + title[0].length, end: f.end }
  const word = text.slice(f.start, f.end)
  if (!word.includes(' ')) return f
  const m =
    NAME_TAIL_RELATIVE.exec(word) ??
    HONORIFIC_END.exec(word) ??
    NAMING_END.exec(word) ??
    KANJI_GIVEN_TAIL.exec(word) ??
    KATA_GIVEN_TAIL.exec(word) ??
    KANA_GIVEN_TAIL.exec(word) ??
    (isHira(text[f.end]) || text[f.end] === 'ー' ? KANA_GIVEN_ONE.exec(word) : null)
  return m ? { kind: 'name', start: f.start, end: f.start + m[1]!.trimEnd().length } : f
}

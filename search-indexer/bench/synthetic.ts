/**
 * SYNTHETIC FAQ-like documents and caller-like queries for the benchmarks, from a seeded random
 * generator (the same every run): questions, alternatives, short answers and Markdown bodies made
 * from the project's vocabulary, about the length of the project's FAQs. Not real content.
 * Each FAQ also has six earlier callers' phrasings (`askedBefore`, decision 0048; the real FAQs have
 * about 6.6 on average), drawn from a stream of their own so the other fields stay as they were.
 */
import { seededRandom } from '@kotae/content/seededRandom'

import type { SearchDocument } from '../src/engine/document'

const TOPICS = [
  'マイナンバーカード',
  '暗証番号',
  '電子証明書',
  '健康保険証',
  '住民票',
  '印鑑登録',
  '転入届',
  '転出届',
  '児童手当',
  '国民健康保険',
  '介護保険',
  '住民税',
  '固定資産税',
  'ごみの分別',
  '粗大ごみ',
  '図書館',
  '市営住宅',
  '保育所',
  '予防接種',
  '戸籍謄本',
  'パスポート',
  '婚姻届',
  '出生届',
  '死亡届',
  '国民年金',
  '後期高齢者医療',
  '障害者手帳',
  '生活保護',
  '下水道',
  '自転車駐輪場',
  'コンビニ交付',
  'スマホ用電子証明書',
  '有効期限通知書',
  '交付通知書',
  '顔認証マイナンバーカード',
  '特急発行',
  '在留カード',
  '委任状',
  '本人確認書類',
  '手数料',
]
const ACTIONS = [
  '申請',
  '更新',
  '再発行',
  '変更',
  '届出',
  '受け取り',
  '解約',
  '登録',
  '確認',
  '支払い',
  '取得',
  '相談',
  '予約',
  '返却',
  '廃止',
]
const ASKS = [
  'はどうすればいいですか？',
  'の方法を教えてください。',
  'はどこでできますか？',
  'に必要なものは何ですか？',
  'はいつまでにすればいいですか？',
  'の手数料はいくらですか？',
  'は代理人でもできますか？',
  'はオンラインでできますか？',
]
const WHO = ['本人', '代理人', '15歳未満の子ども', '外国籍の方', '高齢の親', '施設に入所している方']
const PLACES = ['市民課の窓口', '各支所', '出張所', 'コンビニ', 'マイナポータル', '郵送']
const THINGS = [
  '本人確認書類',
  '顔写真',
  '通知書',
  '委任状',
  '印鑑',
  '健康保険証',
  '在留カード',
  '運転免許証',
  'パスポート',
]

const SPOKEN = [
  'ってどうするん？',
  'したいんじゃけど',
  'はどこでするんかね',
  'って何がいるん',
  'いつまでなん？',
  'できるん？',
]

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T
}

export function syntheticDocs(n: number, seed = 1): SearchDocument[] {
  const r = seededRandom(seed)
  const asked = seededRandom(seed + 1000)
  const docs: SearchDocument[] = []
  for (let i = 0; i < n; i++) {
    const topic = pick(r, TOPICS)
    const action = pick(r, ACTIONS)
    const body: string[] = []
    const sections = 2 + Math.floor(r() * 3)
    for (let s = 0; s < sections; s++) {
      body.push(`## ${pick(r, WHO)}の場合`)
      body.push(
        `${pick(r, PLACES)}で${topic}の${action}ができます。${pick(r, THINGS)}と${pick(r, THINGS)}をお持ちください。`,
      )
      body.push(
        `- 受付時間は平日${8 + Math.floor(r() * 2)}時30分から17時15分までです。\n- ${pick(r, TOPICS)}については別のページをご覧ください。`,
      )
    }
    docs.push({
      id: `syn-${i}`,
      kind: 'faq',
      question: `${topic}の${action}${pick(r, ASKS)}`,
      alternatives: [`${topic} ${action}`, `${pick(r, TOPICS)}の${action}したい`, `${action}のやりかた`],
      shortAnswer: `${pick(r, PLACES)}で${action}できます。${pick(r, THINGS)}が必要です。`,
      body: body.join('\n\n'),
      tags: [topic, action],
      askedBefore: Array.from(
        { length: 6 },
        () => `${pick(asked, WHO)}の${topic}の${pick(asked, [action, ...ACTIONS])}${pick(asked, SPOKEN)}`,
      ),
    })
  }
  return docs
}

export function syntheticQueries(n: number, seed = 7): string[] {
  const r = seededRandom(seed)
  const fixed = [
    'マイナの暗証番号わすれた',
    '更新の通知きたけど何もってく？',
    'ほけんしょう　ひもづけ　やりかた',
    'mainanba- kaado',
    '住民票',
  ]
  const out = [...fixed]
  while (out.length < n) {
    const k = r()
    if (k < 0.4) out.push(`${pick(r, TOPICS)}の${pick(r, ACTIONS)}${pick(r, ASKS)}`)
    else if (k < 0.7) out.push(`${pick(r, TOPICS)} ${pick(r, ACTIONS)}`)
    else if (k < 0.9) out.push(pick(r, TOPICS))
    else
      out.push(
        `えーと、${pick(r, WHO)}なんですけど、${pick(r, TOPICS)}を${pick(r, PLACES)}で${pick(r, ACTIONS)}したいんですけど、${pick(r, THINGS)}はいりますか？教えてください。`,
      )
  }
  return out
}

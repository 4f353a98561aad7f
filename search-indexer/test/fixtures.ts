import type { Faq } from '@kotae/content/schema'

import type { SearchDocument } from '../src/engine/document'

export const SYNONYMS = [
  { terms: ['マイナンバーカード', 'マイナ', 'マイナカード'] },
  { terms: ['暗証番号', 'パスワード', 'PIN'] },
  { terms: ['マイナ保険証', '保険証', 'ほけんしょう'] },
  { terms: ['利用登録', '紐付け', 'ひもづけ'] },
]

export const DOCS: SearchDocument[] = [
  {
    id: 'pin-forgot',
    kind: 'faq',
    question: '暗証番号を忘れてしまいました。',
    alternatives: ['パスワードわすれた', '暗証番号がわからない', 'ロックされた'],
    shortAnswer: '窓口で再設定できます。',
    body: '## 窓口で再設定する\n市民課の窓口で再設定できます。マイナンバーカードと本人確認書類をお持ちください。\n\n## コンビニで初期化する\nどちらか一方を忘れた場合は、スマホアプリで予約してコンビニで初期化できます。',
    tags: ['暗証番号'],
  },
  {
    id: 'card-renewal',
    kind: 'faq',
    question: 'マイナンバーカードの更新はどうすればいいですか？',
    alternatives: ['更新の通知がきた', 'カードの期限がきれる', '何を持っていく'],
    shortAnswer: '有効期限通知書が届いたら窓口で更新します。',
    body: '有効期限通知書、マイナンバーカード、本人確認書類をお持ちください。\n更新の手数料は無料です。',
    tags: ['更新'],
  },
  {
    id: 'hoken-register',
    kind: 'faq',
    question: 'マイナンバーカードを健康保険証として使うには？',
    alternatives: ['保険証のひもづけ', 'マイナ保険証の登録', '保険証として使いたい'],
    shortAnswer: '利用登録が必要です。',
    body: 'マイナポータル、医療機関のカードリーダー、セブン銀行ATMで利用登録できます。',
    tags: ['保険証'],
  },
  {
    id: 'application',
    kind: 'faq',
    question: 'マイナンバーカードの申し込み方法は？',
    alternatives: ['カードを作りたい', '申請のしかた', 'しんせい'],
    shortAnswer: 'オンライン、郵送、証明写真機、窓口で申請できます。',
    body: '交付申請書のQRコードを読み取るとスマートフォンから申請できます。',
    tags: ['申請'],
  },
  {
    id: 'photo',
    kind: 'guide',
    question: '写真の撮り方',
    shortAnswer: '縦4.5cm×横3.5cmの写真',
    body: '正面、無帽、無背景で6か月以内に撮影したもの。',
    tags: ['写真'],
  },
  {
    id: 'jlis',
    kind: 'source',
    question: 'マイナンバーカード総合サイト',
    shortAnswer: '地方公共団体情報システム機構（J-LIS）',
    url: 'https://www.kojinbango-card.go.jp/',
  },
]

export const QUERIES = [
  'マイナの暗証番号わすれた',
  '更新の通知きたけど何もってく？',
  'ほけんしょう　ひもづけ　やりかた',
  'mainanba- kaado shinsei',
  '申込みしたい',
  '写真',
  'J-LIS',
  'パスワード',
]

/** A content FAQ with every field set, for the converter tests. */
export function faq(over: Partial<Faq> = {}): Faq {
  return {
    id: 'pin-locked',
    question: '暗証番号がロックされました',
    alternatives: ['ロックされた', 'パスワード間違えた', '3回まちがえた'],
    shortAnswer: '窓口で初期化と再設定をします。',
    category: 'pin',
    tags: ['暗証番号'],
    audience: 'public',
    operatorNotes: '本人確認は2点。【内線1234】係長に回す',
    sources: ['jlis'],
    facts: [],
    bring: [],
    related: [],
    reviewBy: '2027-05-31',
    locale: 'ja',
    needsReview: false,
    status: 'published',
    answer: '暗証番号を続けて間違えるとロックされます。窓口で初期化します。',
    file: 'faqs/ja/pin-locked.md',
    ...over,
  }
}

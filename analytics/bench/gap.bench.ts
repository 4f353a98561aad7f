/**
 * `npm run bench:gap -- [--signals 100000] [--threshold 0.5] [--containment 0.8] [--representatives 8]`
 *
 * Clusters synthetic gap signals with the real search analyzer (@kotae/search-indexer, as the CMS
 * does) and prints time, clusters and quality against the known topic of each signal:
 *   purity       = Σ over clusters of its largest topic's signals / all signals (1 = no mixing)
 *   completeness = Σ over topics of its signals in its largest cluster / all signals (1 = no splitting)
 *   purityCeiling = the purity of one cluster per distinct text (some texts fit several topics)
 * Synthetic data (seededRandom): 300 topics, each two nouns and an ending from My Number call
 * vocabulary; topic frequencies Zipf-like; each signal is written one of five ways (spaces,
 * particles, a noun dropped, polite ending, a filler word added).
 */
import { seededRandom } from '@kotae/content/seededRandom'
import { createAnalyzer } from '@kotae/search-indexer'

import { clusterGapSignals, type GapSignal } from '../src/gap'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

const random = seededRandom(20261130)
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!

const NOUNS = [
  '暗証番号',
  '電子証明書',
  '保険証',
  '住民票',
  '転出',
  '転入',
  '海外',
  '更新',
  '受け取り',
  '代理人',
  '予約',
  '手数料',
  '写真',
  '申請書',
  '紛失',
  '再発行',
  'コンビニ',
  '有効期限',
  '署名用',
  '口座',
  'ポイント',
  'スマホ',
  '読み取り',
  'ロック',
  '初期化',
  '引越し',
  '氏名変更',
  '在留カード',
  '交付通知書',
  '窓口',
  '郵送',
  '顔認証',
  '資格確認書',
  '医療費',
  '年金',
  '子ども',
  '施設',
  '入院',
  '死亡',
  '返納',
]
const ENDINGS = [
  '忘れた',
  'できない',
  'どこ',
  'いつまで',
  '方法',
  '必要',
  '届かない',
  'エラー',
  'いくら',
  '変更',
]
const FILLERS = ['マイナ', 'カード', '教えて', 'すみません']

const TOPICS = 300
const topics: [string, string, string][] = []
const seen = new Set<string>()
while (topics.length < TOPICS) {
  const a = pick(NOUNS)
  const b = pick(NOUNS)
  const e = pick(ENDINGS)
  const key = [a, b].sort().join() + e
  if (a === b || seen.has(key)) continue
  seen.add(key)
  topics.push([a, b, e])
}
const weights = topics.map((_, i) => 1 / (i + 1))
const total = weights.reduce((x, y) => x + y, 0)
function topicIndex(): number {
  let r = random() * total
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!
    if (r <= 0) return i
  }
  return weights.length - 1
}
function write([a, b, e]: [string, string, string]): string {
  switch (Math.floor(random() * 5)) {
    case 0:
      return `${a} ${b} ${e}`
    case 1:
      return `${a}の${b}が${e}`
    case 2:
      return `${a} ${b}`
    case 3:
      return `${a}と${b}について、${e}ですか`
    default:
      return `${pick(FILLERS)} ${a} ${b} ${e}`
  }
}

const n = arg('signals', 100_000)
const truth: number[] = []
const signals: GapSignal[] = []
for (let i = 0; i < n; i++) {
  const t = topicIndex()
  truth.push(t)
  signals.push({
    kind: 'zero-result',
    text: write(topics[t]!),
    at: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
  })
}

const analyzer = createAnalyzer()
const tokenize = (text: string) => analyzer.analyzeQuery(text).tokens
const started = performance.now()
const options = {
  threshold: arg('threshold', 0.5),
  containment: arg('containment', 0.8),
  representatives: arg('representatives', 8),
}
const clusters = clusterGapSignals(signals, { tokenize, maxExamples: 1_000_000, ...options })
const ms = performance.now() - started

// Quality: map every distinct text back to its signals' topics.
const topicsOfText = new Map<string, Map<number, number>>()
signals.forEach((s, i) => {
  const m = topicsOfText.get(s.text) ?? new Map<number, number>()
  m.set(truth[i]!, (m.get(truth[i]!) ?? 0) + 1)
  topicsOfText.set(s.text, m)
})
let pure = 0
const bestClusterOfTopic = new Map<number, number>()
for (const c of clusters) {
  const perTopic = new Map<number, number>()
  for (const e of c.examples)
    for (const [t, k] of topicsOfText.get(e.text)!) perTopic.set(t, (perTopic.get(t) ?? 0) + k)
  pure += Math.max(...perTopic.values())
  for (const [t, k] of perTopic) bestClusterOfTopic.set(t, Math.max(bestClusterOfTopic.get(t) ?? 0, k))
}
const complete = [...bestClusterOfTopic.values()].reduce((x, y) => x + y, 0)
// The best purity any clustering can reach: some texts (「暗証番号 更新」 with the ending dropped) belong to several topics.
let ceiling = 0
for (const m of topicsOfText.values()) ceiling += Math.max(...m.values())
console.log(
  JSON.stringify(
    {
      signals: n,
      options,
      distinctTexts: topicsOfText.size,
      topics: TOPICS,
      clusters: clusters.length,
      clusterMs: Math.round(ms),
      purity: Number((pure / n).toFixed(3)),
      purityCeiling: Number((ceiling / n).toFixed(3)),
      completeness: Number((complete / n).toFixed(3)),
      top3: clusters.slice(0, 3).map((c) => [c.volume, c.typicalText]),
    },
    null,
    1,
  ),
)

import { describe, expect, it } from 'vitest'

import {
  clusterGapSignals,
  collectGapSignals,
  type GapSignal,
  proposalsFromGaps,
  setCosine,
} from '../src/gap'

/** A stand-in for the search analyzer: words split at spaces and particles, plus their character bigrams. */
const tokenize = (text: string) => {
  const words = text
    .normalize('NFKC')
    .split(/[\s、。？?をがはにでのも]+/u)
    .filter(Boolean)
  const grams = words.flatMap((w) => [...w].slice(0, -1).map((c, i) => c + [...w][i + 1]))
  return [...new Set([...words, ...grams])]
}

const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour - 9)).toISOString()
const sig = (kind: GapSignal['kind'], text: string, day = 1): GapSignal => ({ kind, text, at: at(day) })

describe('setCosine', () => {
  it('is |A∩B| / √(|A||B|) and 0 for an empty set', () => {
    expect(setCosine(new Set(['a', 'b']), new Set(['b', 'c', 'd', 'e']))).toBeCloseTo(1 / Math.sqrt(8), 12)
    expect(setCosine(new Set(), new Set(['a']))).toBe(0)
    expect(setCosine(new Set(['a']), new Set(['a']))).toBe(1)
  })
})

describe('clusterGapSignals', () => {
  // 5 ways of asking about a lost PIN, 3 about the card for a move abroad, 1 stray question.
  const signals: GapSignal[] = [
    sig('zero-result', '暗証番号 忘れた', 1),
    sig('zero-result', '暗証番号 忘れた', 2),
    sig('zero-result', '暗証番号 忘れた', 3),
    sig('no-faq-call', '暗証番号を忘れた', 4),
    sig('escalation', '暗証番号 忘れた 再設定', 5),
    sig('zero-result', '海外 転出 カード', 2),
    sig('not-helpful', '海外転出 カード 返納', 6),
    sig('zero-result', '海外 転出 カード', 7),
    sig('no-click', '図書館 利用', 8),
  ]
  const clusters = clusterGapSignals(signals, { tokenize })

  it('puts paraphrases together and ranks clusters by volume', () => {
    expect(clusters.map((c) => c.volume)).toEqual([5, 3, 1])
    expect(clusters[0]!.byKind).toEqual({ 'zero-result': 3, 'no-faq-call': 1, escalation: 1 })
    expect(clusters[1]!.byKind).toEqual({ 'zero-result': 2, 'not-helpful': 1 })
  })

  it('gives the most typical text, examples by frequency, and the time span', () => {
    const pin = clusters[0]!
    expect(pin.typicalText).toBe('暗証番号 忘れた')
    expect(pin.examples).toEqual([
      { text: '暗証番号 忘れた', count: 3 },
      { text: '暗証番号 忘れた 再設定', count: 1 },
      { text: '暗証番号を忘れた', count: 1 },
    ])
    expect(pin.firstAt).toBe(at(1))
    expect(pin.lastAt).toBe(at(5))
    expect(pin.terms).toContain('暗証番号')
    expect(pin.id).toMatch(/^g[0-9a-f]{8}$/)
  })

  it('is deterministic: same clusters and ids whatever the input order', () => {
    const again = clusterGapSignals([...signals].reverse(), { tokenize })
    expect(again.map((c) => [c.id, c.volume, c.typicalText])).toEqual(
      clusters.map((c) => [c.id, c.volume, c.typicalText]),
    )
  })

  it('a stricter threshold splits, a looser one merges', () => {
    expect(
      clusterGapSignals(signals, { tokenize, threshold: 0.95, containment: 1.01 }).map((c) => c.volume),
    ).toEqual([4, 2, 1, 1, 1])
    const lock = [...signals, sig('zero-result', '暗証番号 ロック 解除 方法 窓口', 9)]
    expect(clusterGapSignals(lock, { tokenize }).map((c) => c.volume)).toEqual([5, 3, 1, 1])
    expect(clusterGapSignals(lock, { tokenize, threshold: 0.2 }).map((c) => c.volume)).toEqual([6, 3, 1])
  })

  it('a short search joins a longer text that contains its terms (containment), unless it is too short', () => {
    const long = sig('escalation', '海外 転出 カード 返す 必要 確認 したい 窓口 方法 期限 本人 家族 郵送', 3)
    const short = [sig('zero-result', '海外 転出 カード', 1), sig('zero-result', '海外 転出 カード', 2)]
    expect(setCosine(new Set(tokenize(long.text)), new Set(tokenize(short[0]!.text)))).toBeLessThan(0.6)
    expect(clusterGapSignals([...short, long], { tokenize, threshold: 0.6 }).map((c) => c.volume)).toEqual([
      3,
    ])
    expect(
      clusterGapSignals([...short, long], { tokenize, threshold: 0.6, containment: 1.01 }).map(
        (c) => c.volume,
      ),
    ).toEqual([2, 1])
    const tiny = [sig('zero-result', '海外', 1), sig('zero-result', '海外', 2)]
    expect(clusterGapSignals([...tiny, long], { tokenize, threshold: 0.6 }).map((c) => c.volume)).toEqual([
      2, 1,
    ])
    expect(
      clusterGapSignals([...tiny, long], { tokenize, threshold: 0.6, containMinTerms: 1 }).map(
        (c) => c.volume,
      ),
    ).toEqual([3])
  })

  it('compares a new text with a cluster’s first members, not only its leader (representatives)', () => {
    // B joins A; C resembles B (cosine 0.58) but shares nothing with A: with one representative C starts its own cluster.
    const chain = [
      sig('zero-result', '住所 変更', 1),
      sig('zero-result', '住所 変更', 2),
      sig('zero-result', '住所 変更 窓口 予約', 3),
      sig('zero-result', '住所 変更 窓口 予約', 4),
      sig('zero-result', '窓口 予約 時間', 5),
    ]
    expect(clusterGapSignals(chain, { tokenize, threshold: 0.45 }).map((c) => c.volume)).toEqual([5])
    expect(
      clusterGapSignals(chain, { tokenize, threshold: 0.45, representatives: 1 }).map((c) => c.volume),
    ).toEqual([4, 1])
  })

  it('honours maxExamples, minVolume and maxClusters, and skips texts with no terms', () => {
    const c = clusterGapSignals([...signals, sig('zero-result', '？？', 9)], {
      tokenize,
      maxExamples: 1,
      minVolume: 2,
      maxClusters: 1,
    })
    expect(c).toHaveLength(1)
    expect(c[0]!.examples).toEqual([{ text: '暗証番号 忘れた', count: 3 }])
    expect(clusterGapSignals([], { tokenize })).toEqual([])
  })
})

describe('collectGapSignals', () => {
  const events = [
    // A zero-result search arrives twice in one batch: once as search, once as zero-result.
    { type: 'search' as const, at: at(1), query: 'マイナ 更新 どこ' },
    { type: 'zero-result' as const, at: at(1), query: 'マイナ 更新 どこ' },
    // A search followed by a view a minute later: clicked. Another with no view: no-click.
    { type: 'search' as const, at: '2026-11-02T01:00:00.000Z', query: '電子証明書 期限' },
    { type: 'faq-view' as const, at: '2026-11-02T01:01:00.000Z', faq: 'cert-expiry' },
    { type: 'search' as const, at: '2026-11-03T01:00:00.000Z', query: '転入 手続き' },
    { type: 'faq-view' as const, at: '2026-11-03T01:05:00.000Z', faq: 'moving' },
    { type: 'search' as const, at: '2026-11-04T01:00:00.000Z', query: '弱い 一致' },
    {
      type: 'helpful' as const,
      at: at(5),
      faq: 'cert-expiry',
      helpful: false,
      reason: '山田太郎様の場合が書いていない 090-1234-5678',
    },
    { type: 'helpful' as const, at: at(5), faq: 'cert-expiry', helpful: false },
    { type: 'helpful' as const, at: at(5), faq: 'cert-expiry', helpful: true, reason: 'よくわかった' },
  ]
  const calls = [
    {
      id: '1',
      talkStartedAt: at(6),
      queries: ['代理人 受け取り', '委任状'],
      faqsUsed: [],
      category: 'pickup',
    },
    {
      id: '2',
      talkStartedAt: at(6),
      summary: '施設に入所中の母の更新について。職員が代理で来庁予定。',
      faqsUsed: null,
      category: 'renewal',
    },
    { id: '3', talkStartedAt: at(6), queries: ['更新'], faqsUsed: ['12'], category: 'renewal' },
  ]
  const escalations = [
    { id: '9', createdAt: at(7), summary: '在外公館での手続き可否の確認をお願いします。急ぎです。' },
  ]
  const signals = collectGapSignals(
    { siteEvents: events, calls, escalations },
    { lowScoreQueries: new Set(['弱い 一致']) },
  )
  const fromTranscripts = collectGapSignals({
    transcriptQuestions: [
      { text: '犬の登録はここでできますか 090-1234-5678', at: at(8), topic: 'other' },
      { text: '日時の読めない質問ですか', at: 'not a time' },
    ],
  })

  it('takes each kind of evidence once, and only the gaps', () => {
    expect(signals.map((s) => [s.kind, s.text])).toEqual([
      ['zero-result', 'マイナ 更新 どこ'],
      ['no-click', '転入 手続き'],
      ['low-score', '弱い 一致'],
      ['not-helpful', '［氏名］様の場合が書いていない ［電話番号］'],
      ['no-faq-call', '代理人 受け取り 委任状'],
      ['no-faq-call', '施設に入所中の母の更新について。'],
      ['escalation', '在外公館での手続き可否の確認をお願いします。'],
    ])
    expect(signals.find((s) => s.kind === 'not-helpful')!.faq).toBe('cert-expiry')
    expect(signals.find((s) => s.text.startsWith('代理人'))!.topic).toBe('pickup')
  })

  it('callers’ questions from transcripts that no FAQ answers: one signal each, masked again, with the call’s topic', () => {
    expect(fromTranscripts).toEqual([
      {
        kind: 'transcript-question',
        text: '犬の登録はここでできますか ［電話番号］',
        at: at(8),
        topic: 'other',
      },
    ])
  })

  it('the click window is configurable', () => {
    const wide = collectGapSignals({ siteEvents: events }, { noClickWindowSeconds: 600 })
    expect(wide.filter((s) => s.kind === 'no-click').map((s) => s.text)).toEqual(['弱い 一致'])
  })

  it('re-masks text defensively: nothing personal reaches a cluster or a proposal', () => {
    const leaky = [
      sig('zero-result', '佐藤様 090-1111-2222 暗証番号'),
      sig('zero-result', '佐藤様 090-1111-2222 暗証番号'),
    ]
    const c = clusterGapSignals(
      collectGapSignals({
        siteEvents: leaky.map((s) => ({ type: 'zero-result' as const, at: s.at, query: s.text })),
      }),
      { tokenize },
    )
    const all = JSON.stringify([c, proposalsFromGaps(c)])
    expect(all).not.toContain('090-1111-2222')
    expect(all).not.toContain('佐藤')
  })
})

describe('proposalsFromGaps', () => {
  it('turns the largest clusters into new-FAQ proposals with their evidence, then stale entries into reviews', () => {
    const clusters = clusterGapSignals(
      [
        sig('zero-result', '暗証番号 忘れた'),
        sig('zero-result', '暗証番号 忘れた'),
        sig('escalation', '暗証番号を忘れた'),
        sig('zero-result', '図書館'),
      ],
      { tokenize },
    )
    const proposals = proposalsFromGaps(clusters, [
      {
        id: '7',
        title: '更新の手数料',
        reasons: ['past-review-by', 'low-helpfulness'],
        reviewBy: '2026-01-01',
        daysOverdue: 30,
        lastUsedAt: null,
        lastViewedAt: null,
        votes: 10,
        helpfulRate: 0.2,
      },
    ])
    expect(proposals).toEqual([
      {
        kind: 'new-faq',
        title: '「暗証番号 忘れた」への回答をFAQに追加する',
        detail: '3件（検索結果0件 2件、エスカレーション 1件）。ほかの聞かれ方：「暗証番号を忘れた」。',
        volume: 3,
        ref: clusters[0]!.id,
      },
      {
        kind: 'review-faq',
        title: '「更新の手数料」を見直す',
        detail: '見直し期限切れ（30日超過）、「解決した」が少ない（10票中20%）。',
        volume: 10,
        ref: '7',
      },
    ])
  })
})

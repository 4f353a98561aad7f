/**
 * proposalsFromGaps: the improvement proposals of the monthly report, for the monthly meeting —
 * the largest gap clusters as "add an FAQ" proposals, then stale entries as "review" proposals.
 * Plain Japanese text, already masked (clusters carry masked examples only).
 */
import type { StaleRow } from './stale'
import { STALE_REASON_LABELS } from './stale'
import { GAP_KINDS, GAP_KIND_LABELS, type GapCluster } from './types'

export interface Proposal {
  kind: 'new-faq' | 'review-faq'
  /** One line, e.g. 「マイナ 暗証番号 忘れた」への回答をFAQに追加する */
  title: string
  /** The evidence, one sentence. */
  detail: string
  /** Signals behind a new-FAQ proposal; votes behind a review proposal. */
  volume: number
  /** The gap cluster id or the FAQ id. */
  ref: string
}

export interface ProposalOptions {
  /** Clusters turned into proposals. Default 5. */
  maxNew?: number
  /** Stale entries turned into proposals. Default 5. */
  maxReview?: number
  /** Clusters smaller than this are not proposed. Default 2. */
  minVolume?: number
  /** Examples quoted per proposal. Default 2. */
  examples?: number
}

const quote = (text: string) => `「${text}」`

export function proposalsFromGaps(
  clusters: readonly GapCluster[],
  stale: readonly StaleRow[] = [],
  options: ProposalOptions = {},
): Proposal[] {
  const minVolume = options.minVolume ?? 2
  const examples = options.examples ?? 2
  const out: Proposal[] = []
  for (const c of clusters.filter((c) => c.volume >= minVolume).slice(0, options.maxNew ?? 5)) {
    const kinds = GAP_KINDS.filter((k) => c.byKind[k]).map((k) => `${GAP_KIND_LABELS[k]} ${c.byKind[k]}件`)
    const others = c.examples
      .map((e) => e.text)
      .filter((t) => t !== c.typicalText)
      .slice(0, examples)
    out.push({
      kind: 'new-faq',
      title: `${quote(c.typicalText)}への回答をFAQに追加する`,
      detail: `${c.volume}件（${kinds.join('、')}）。${others.length ? `ほかの聞かれ方：${others.map(quote).join('、')}。` : ''}`,
      volume: c.volume,
      ref: c.id,
    })
  }
  for (const s of stale.slice(0, options.maxReview ?? 5)) {
    const reasons = s.reasons.map((r) =>
      r === 'past-review-by'
        ? `${STALE_REASON_LABELS[r]}（${s.daysOverdue}日超過）`
        : r === 'low-helpfulness' && s.helpfulRate !== null
          ? `${STALE_REASON_LABELS[r]}（${s.votes}票中${Math.round(s.helpfulRate * 100)}%）`
          : STALE_REASON_LABELS[r],
    )
    out.push({
      kind: 'review-faq',
      title: `${quote(s.title)}を見直す`,
      detail: `${reasons.join('、')}。`,
      volume: s.votes,
      ref: s.id,
    })
  }
  return out
}

/**
 * collectGapSignals: the evidence of missing answers, from plain records. One signal per event:
 *
 *   zero-result  a site search that found nothing
 *   low-score    a site search whose query the caller judged a weak match (`lowScoreQueries`)
 *   no-click     a site search followed by no FAQ view within `noClickWindowSeconds`
 *   no-faq-call  a logged call with no FAQ used (its desk lookups, or else its summary)
 *   transcript-question  a caller's question in a call transcript that the lookup answers with no FAQ
 *   escalation   an escalation to 市民課 (its summary)
 *   not-helpful  a "not helpful" vote with a reason
 *
 * The site sends no click or session id (events are anonymous), so "no click" can only be seen as
 * "no FAQ was viewed by anyone soon after": with many visitors at once it under-counts, never
 * over-counts. A zero-result search also arrives as a plain `search` event in the same batch (same
 * server time and text); it is counted once, as zero-result.
 */
import { maskPii } from '../pii'
import { parseInstant } from '../time'
import type { GapCallRecord, GapEscalationRecord, GapSignal, SiteEventRecord } from './types'
import { lowerBound } from '../lib/lowerBound'

export interface CollectOptions {
  /** Masked queries (as stored) that found only weak matches. Default: none. */
  lowScoreQueries?: ReadonlySet<string>
  /** Seconds after a search in which an FAQ view counts as its click. Default 120. */
  noClickWindowSeconds?: number
  /** Longest example text kept, in characters. Default 120. */
  maxTextLength?: number
}

export interface CollectInput {
  siteEvents?: Iterable<SiteEventRecord>
  calls?: Iterable<GapCallRecord>
  escalations?: Iterable<GapEscalationRecord>
  /** Callers' questions from call transcripts (masked) that the lookup finds no FAQ for. */
  transcriptQuestions?: Iterable<{ text: string; at: string; topic?: string | null }>
}

/** Defensive: inputs are masked at write time, but an analysis must never show a leak. */
export function safeText(text: string | null | undefined, max = 120): string {
  if (!text) return ''
  const masked = maskPii(text.replace(/\s+/gu, ' ').trim()).text
  return [...masked].slice(0, max).join('')
}

/** The first sentence (up to 。？?！!), so a long summary gives a question-sized example. */
export function firstSentence(text: string): string {
  const m = /^[^。？?！!\n]*[。？?！!]?/u.exec(text.trim())
  return (m?.[0] ?? text).trim()
}

export function collectGapSignals(input: CollectInput, options: CollectOptions = {}): GapSignal[] {
  const windowMs = (options.noClickWindowSeconds ?? 120) * 1000
  const max = options.maxTextLength ?? 120
  const lowScore = options.lowScoreQueries ?? new Set<string>()
  const out: GapSignal[] = []

  const events = [...(input.siteEvents ?? [])]
  const zeroKeys = new Set(
    events.filter((e) => e.type === 'zero-result').map((e) => `${e.at}\u0000${e.query ?? ''}`),
  )
  const viewTimes = events
    .filter((e) => e.type === 'faq-view')
    .map((e) => parseInstant(e.at))
    .filter(Number.isFinite)
    .sort((a, b) => a - b)
  const viewedWithin = (t: number) => {
    // First view at or after t, then check it is inside the window.
    const lo = lowerBound(viewTimes, t, (v) => v)
    return lo < viewTimes.length && viewTimes[lo]! - t <= windowMs
  }

  for (const e of events) {
    const t = parseInstant(e.at)
    if (!Number.isFinite(t)) continue
    if (e.type === 'zero-result') {
      const text = safeText(e.query, max)
      if (text) out.push({ kind: 'zero-result', text, at: e.at })
    } else if (e.type === 'search') {
      if (zeroKeys.has(`${e.at}\u0000${e.query ?? ''}`)) continue
      const text = safeText(e.query, max)
      if (!text) continue
      if (lowScore.has(e.query ?? '')) out.push({ kind: 'low-score', text, at: e.at })
      else if (!viewedWithin(t)) out.push({ kind: 'no-click', text, at: e.at })
    } else if (e.type === 'helpful' && e.helpful === false) {
      const text = safeText(e.reason, max)
      if (text) out.push({ kind: 'not-helpful', text, at: e.at, faq: e.faq ?? null })
    }
  }

  for (const c of input.calls ?? []) {
    if (c.faqsUsed && c.faqsUsed.length > 0) continue
    if (!Number.isFinite(parseInstant(c.talkStartedAt))) continue
    const lookups = (c.queries ?? []).map((q) => q.trim()).filter(Boolean)
    const text = safeText(lookups.length > 0 ? lookups.join(' ') : firstSentence(c.summary ?? ''), max)
    if (text) out.push({ kind: 'no-faq-call', text, at: c.talkStartedAt, topic: c.category ?? null })
  }

  for (const e of input.escalations ?? []) {
    if (!Number.isFinite(parseInstant(e.createdAt))) continue
    const text = safeText(firstSentence(e.summary), max)
    if (text) out.push({ kind: 'escalation', text, at: e.createdAt })
  }

  for (const q of input.transcriptQuestions ?? []) {
    if (!Number.isFinite(parseInstant(q.at))) continue
    const text = safeText(q.text, max)
    if (text) out.push({ kind: 'transcript-question', text, at: q.at, topic: q.topic ?? null })
  }
  return out
}

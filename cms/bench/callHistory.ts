/**
 * A seeded, generated-but-realistic call history for the prior's eval and the lookup bench.
 *
 * How a call is made (every draw from one seeded PRNG, so a seed gives the same history):
 * - When: weekdays only, 08:30–17:15 JST, spread evenly over `days` days ending `end`.
 * - Topic: a category drawn by a Zipf law (s = 1) over the categories in a seeded order, then a FAQ
 *   of that category by a Zipf law (s = 1.1) over its FAQs in a seeded order — a few questions
 *   make most calls, as in any call center.
 * - Drift: from 70% of the timeline on, `waveFaqs` FAQs (seeded) are asked 4× as often — the kind
 *   of wave a batch of expiry notices causes — so the later test calls are not the training mix.
 * - Words: the caller's phrasing is the FAQ's question or one of its alternatives (how callers
 *   say it, written by the content team). The operator types it whole (35%) or as 1–3 of its
 *   content words (65%), sometimes with one character dropped (10%, a typo).
 * - FAQs used: the FAQ asked about first; 30% of calls also use one of its related FAQs (a
 *   follow-up question).
 * - Outcome: resolved 82%, escalated 6%, callback 5%, reservation made 4%, transferred 3%; channel,
 *   outcome and caller type are the calls collection's own values (@kotae/content/contracts/calls).
 * Summaries are fixed sentences built from the question, with no personal data (stored summaries
 * are masked anyway).
 */

import type { CallChannel, CallerType, CallOutcome } from '@kotae/content/contracts/calls'
import { seededRandom } from '@kotae/content/seededRandom'

export type HistoryFaq = {
  id: string
  question: string
  alternatives: readonly string[]
  category: string
  related: readonly string[]
}

export type GeneratedCall = {
  at: number
  query: string
  faqs: string[]
  category: string
  outcome: CallOutcome
  summary: string
  channel: CallChannel
  callerType: CallerType
  talkSeconds: number
  afterCallWorkSeconds: number
}

export type HistoryOptions = { seed: number; calls: number; days?: number; end?: Date; waveFaqs?: number }

const shuffle = <T>(items: readonly T[], rand: () => number): T[] => {
  const a = [...items]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[a[i], a[j]] = [a[j]!, a[i]!]
  }
  return a
}

/** Picks an index by weight. */
const pick = (weights: readonly number[], total: number, rand: () => number): number => {
  let r = rand() * total
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!
    if (r <= 0) return i
  }
  return weights.length - 1
}

/** An item of `items` picked by `weights` (one weight per item). */
const pickItem = <T>(items: readonly T[], weights: readonly number[], rand: () => number): T =>
  items[
    pick(
      weights,
      weights.reduce((a, b) => a + b, 0),
      rand,
    )
  ]!

const words = new Intl.Segmenter('ja', { granularity: 'word' })
/** Content words of a phrasing: word-like segments that are not a lone hiragana particle. */
const contentWords = (text: string): string[] =>
  [...words.segment(text)]
    .filter((s) => s.isWordLike && !/^[\p{Script=Hiragana}ー]{1,2}$/u.test(s.segment))
    .map((s) => s.segment)

function operatorTyping(phrasing: string, rand: () => number): string {
  let typed = phrasing
  if (rand() >= 0.35) {
    const cw = contentWords(phrasing)
    if (cw.length > 0) {
      const n = Math.min(cw.length, 1 + Math.floor(rand() * 3))
      const start = Math.floor(rand() * (cw.length - n + 1))
      typed = cw.slice(start, start + n).join(' ')
    }
  }
  if (rand() < 0.1 && [...typed].length > 3) {
    const chars = [...typed]
    chars.splice(Math.floor(rand() * chars.length), 1)
    typed = chars.join('')
  }
  return typed
}

const OUTCOMES: [GeneratedCall['outcome'], number][] = [
  ['resolved', 82],
  ['escalated', 6],
  ['callback', 5],
  ['reservation-made', 4],
  ['transferred', 3],
]
const CHANNELS: [GeneratedCall['channel'], number][] = [
  ['direct', 80],
  ['transfer-shiminka', 12],
  ['transfer-switchboard', 8],
]
const CALLERS: [GeneratedCall['callerType'], number][] = [
  ['self', 70],
  ['family', 20],
  ['proxy', 7],
  ['business', 3],
]
const choose = <T>(table: [T, number][], rand: () => number): T =>
  table[
    pick(
      table.map((t) => t[1]),
      100,
      rand,
    )
  ]![0]

/** Calls in time order. */
export function generateCallHistory(faqs: readonly HistoryFaq[], options: HistoryOptions): GeneratedCall[] {
  const rand = seededRandom(options.seed)
  const days = options.days ?? 365
  const end = (options.end ?? new Date('2026-11-30T00:00:00Z')).getTime()
  const known = new Set(faqs.map((f) => f.id))
  const byCategory = new Map<string, HistoryFaq[]>()
  for (const f of faqs) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f])
  const categories = shuffle([...byCategory.keys()].sort(), rand)
  const catWeights = categories.map((_, i) => 1 / (i + 1))
  const inCategory = new Map(categories.map((c) => [c, shuffle(byCategory.get(c)!, rand)]))
  const faqWeights = new Map(categories.map((c) => [c, inCategory.get(c)!.map((_, i) => 1 / (i + 1) ** 1.1)]))
  const wave = new Set(
    shuffle(faqs, rand)
      .slice(0, options.waveFaqs ?? 5)
      .map((f) => f.id),
  )

  // Weekday working minutes in JST over the period, evenly spaced calls.
  const slots: number[] = []
  const startDay = end - days * 86_400_000
  for (let d = 0; d < days; d++) {
    const jstMidnight = startDay + d * 86_400_000 - 9 * 3_600_000
    const weekday = new Date(jstMidnight + 9 * 3_600_000).getUTCDay()
    if (weekday === 0 || weekday === 6) continue
    slots.push(jstMidnight + (8 * 60 + 30) * 60_000)
  }
  const dayMinutes = 8 * 60 + 45
  const out: GeneratedCall[] = []
  for (let n = 0; n < options.calls; n++) {
    const position = n / options.calls
    const slot = slots[Math.min(slots.length - 1, Math.floor(position * slots.length))]!
    const at = slot + Math.floor(rand() * dayMinutes * 60_000)
    const category = pickItem(categories, catWeights, rand)
    const list = inCategory.get(category)!
    const weights = faqWeights
      .get(category)!
      .map((w, i) => (position >= 0.7 && wave.has(list[i]!.id) ? w * 4 : w))
    const faq = pickItem(list, weights, rand)
    const phrasings = [faq.question, ...faq.alternatives]
    const phrasing = phrasings[Math.floor(rand() * phrasings.length)]!
    const used = [faq.id]
    const related = faq.related.filter((r) => known.has(r) && r !== faq.id)
    if (related.length > 0 && rand() < 0.3) used.push(related[Math.floor(rand() * related.length)]!)
    const talkSeconds = 90 + Math.floor(rand() * 240)
    out.push({
      at,
      query: operatorTyping(phrasing, rand),
      faqs: used,
      category,
      outcome: choose(OUTCOMES, rand),
      summary: `「${faq.question}」についてのお問い合わせ。回答を案内した。`,
      channel: choose(CHANNELS, rand),
      callerType: choose(CALLERS, rand),
      talkSeconds,
      afterCallWorkSeconds: 30 + Math.floor(rand() * 120),
    })
  }
  return out.sort((a, b) => a.at - b.at)
}

/**
 * Learning from use: which FAQs operators used for calls whose words resemble the query.
 *
 * Every logged call contributes its (masked) search words and the FAQs it used. For each token of
 * those words we keep, per FAQ, a recency-weighted count of calls that carried the token and used
 * the FAQ. The prior of FAQ f for a query is the IDF-weighted mean over the query's tokens of
 * P(f | token) — calls sharing more, and rarer, words with the query weigh more, and newer calls
 * weigh more (half-life below). Pure and browser-safe; the CMS glue is in operatorPrior.ts.
 *
 * Why hand-written: it is a few maps over the search analyzer's tokens; no library does
 * "co-usage counts with exponential decay" better than 100 lines, and the analyzer must be ours.
 */

export type PriorSettings = {
  /** How much a call's weight halves per this many days. */
  halfLifeDays: number
  /** A token must occur in at least this many calls to count (rare tokens are noise). */
  minTokenCalls: number
  /** Weight of the 2nd, 3rd… FAQ a call used, relative to the first (the answer). */
  laterFaqWeight: number
}

export const PRIOR_SETTINGS: Readonly<PriorSettings> = {
  halfLifeDays: 90,
  minTokenCalls: 3,
  laterFaqWeight: 0.5,
}

/** A call as the prior sees it: masked words, the FAQs it used (ordered) and when it was. */
export type PriorCall = { texts: readonly string[]; faqs: readonly string[]; at: number }

type TokenStats = { calls: number; total: number; faqs: Map<string, number> }

const DAY = 86_400_000
/** Weights are stored as exp(λ·(t − EPOCH)): exact exponential decay without ever rescaling, since
 * decay multiplies every stored weight by the same factor and the prior is a ratio. */
const EPOCH = Date.UTC(2020, 0, 1)

export class UsagePrior {
  private readonly tokens = new Map<string, TokenStats>()
  private callCount = 0
  readonly settings: Readonly<PriorSettings>

  constructor(
    private readonly tokenize: (text: string) => readonly string[],
    settings: Partial<PriorSettings> = {},
  ) {
    this.settings = { ...PRIOR_SETTINGS, ...settings }
  }

  /** Calls learned from. */
  get size(): number {
    return this.callCount
  }

  add(call: PriorCall): void {
    if (call.faqs.length === 0 || !Number.isFinite(call.at)) return
    const words = new Set<string>()
    for (const text of call.texts) for (const t of this.tokenize(text)) words.add(t)
    if (words.size === 0) return
    const recency = Math.exp(((call.at - EPOCH) / DAY) * (Math.LN2 / this.settings.halfLifeDays))
    const faqs = [...new Set(call.faqs)]
    this.callCount++
    for (const word of words) {
      let stats = this.tokens.get(word)
      if (!stats) {
        stats = { calls: 0, total: 0, faqs: new Map() }
        this.tokens.set(word, stats)
      }
      stats.calls++
      faqs.forEach((faq, i) => {
        const w = recency * (i === 0 ? 1 : this.settings.laterFaqWeight)
        stats.total += w
        stats.faqs.set(faq, (stats.faqs.get(faq) ?? 0) + w)
      })
    }
  }

  /**
   * Prior in [0, 1] for each of `faqs` given the query: Σ idf(t)·P(f|t) / Σ idf(t) over the query's
   * tokens that enough calls carried. Empty when no token is known.
   */
  score(query: string, faqs: readonly string[]): Map<string, number> {
    const out = new Map<string, number>()
    const known: { idf: number; stats: TokenStats }[] = []
    for (const t of new Set(this.tokenize(query))) {
      const stats = this.tokens.get(t)
      if (!stats || stats.calls < this.settings.minTokenCalls || stats.total <= 0) continue
      known.push({ idf: Math.log(1 + this.callCount / stats.calls), stats })
    }
    if (known.length === 0) return out
    const idfSum = known.reduce((a, k) => a + k.idf, 0)
    for (const f of faqs) {
      let s = 0
      for (const k of known) s += k.idf * ((k.stats.faqs.get(f) ?? 0) / k.stats.total)
      if (s > 0) out.set(f, s / idfSum)
    }
    return out
  }
}

/**
 * The lookup's ranking with the prior blended in: each candidate's text score relative to the
 * best one, plus `weight` × its prior relative to the best prior among the candidates. With
 * weight 0 (or no prior) the order is the text ranking unchanged.
 */
export function blendWithPrior<T>(
  ranked: readonly T[],
  textScore: (c: T) => number,
  priorOf: (c: T) => number,
  weight: number,
): T[] {
  if (weight <= 0 || ranked.length < 2) return [...ranked]
  const topText = Math.max(...ranked.map(textScore), Number.MIN_VALUE)
  const topPrior = Math.max(...ranked.map(priorOf), 0)
  if (topPrior <= 0) return [...ranked]
  return ranked
    .map((c, i) => ({ c, i, s: textScore(c) / topText + (weight * priorOf(c)) / topPrior }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.c)
}

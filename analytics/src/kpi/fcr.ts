/**
 * 一次完了率 FCR (first-contact resolution rate), from the operators' call logs.
 *
 *   loggedResolved(c) = c.outcome ∈ resolvedOutcomes                          (default: 'resolved')
 *   repeat(c)         = ∃ c' : c'.callerHash = c.callerHash, c'.category = c.category,
 *                             c.talkStartedAt < c'.talkStartedAt ≤ c.talkStartedAt + repeatWindowDays
 *   fcr(c)            = loggedResolved(c) ∧ ¬repeat(c)
 *   FCR               = |{ c in the period : fcr(c) }| / |{ c in the period }|
 *
 * The operator's word is cross-checked against behaviour: if the same caller (known only by a salted
 * hash of the number) calls again about the same category within 7 days (any outcome), the first call
 * did not resolve the matter. A call without callerHash (非通知) or without a category cannot be
 * cross-checked and keeps its logged outcome. The repeat may fall after the period's end, so the
 * caller of computeReport should also pass the calls of the `repeatWindowDays` after it; they are used
 * for this check only.
 *
 * The tracker takes calls in any order and keeps about 60 bytes per distinct caller and 8 per extra
 * call; finish() sorts each repeat caller's calls, so the check is O(n log k) for k calls per caller.
 */
import { ratio } from './stats'
import type { CallLogRecord, CallOutcome } from './records'

export function isLoggedResolved(call: Pick<CallLogRecord, 'outcome'>, resolvedOutcomes: readonly CallOutcome[] = ['resolved']): boolean {
  return resolvedOutcomes.includes(call.outcome)
}

export function firstContactResolutionRate(counts: { firstContactResolved: number; calls: number }): number | null {
  return ratio(counts.firstContactResolved, counts.calls)
}

export interface RepeatCheckResult {
  /** Logged-resolved calls in the period that had a repeat within the window. */
  disqualified: number
  /** The same, per category slug. */
  disqualifiedByCategory: Map<string, number>
}

/** Up to this many categories: a category's index takes 10 bits of a call's code. */
export const MAX_REPEAT_CATEGORIES = 1024

/**
 * A 53-bit key of a caller hash (two 32-bit multiplicative string hashes, mixed). Keys are numbers so
 * the tracker holds no strings: two callers would share a key with probability about n² / 2⁵⁴
 * (≈ 10⁻⁵ for 400,000 callers), which could at worst take one 一次完了 away.
 */
export function callerKey(callerHash: string): number {
  let a = 0x811c9dc5
  let b = 0x9747b28c ^ callerHash.length
  for (let i = 0; i < callerHash.length; i++) {
    const c = callerHash.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
    b ^= b >>> 13
  }
  a ^= a >>> 16
  a = Math.imul(a, 0x85ebca6b)
  a ^= a >>> 13
  b ^= b >>> 15
  b = Math.imul(b, 0xc2b2ae35)
  b ^= b >>> 16
  return (a >>> 0) * 2_097_152 + (b >>> 11)
}

/**
 * Finds logged-resolved calls followed by a repeat call from the same caller on the same category,
 * from calls given in any order.
 *
 * Memory: one Map entry per caller (a number key, a small-integer value) and 8 bytes per caller
 * with a single call; callers with several calls get a list of codes. A call is coded as
 * ((ms · 2 + resolved) · 1024 + category index), exact below 2⁵³ until the year 2109.
 */
export class RepeatTracker {
  private readonly windowMs: number
  private readonly categories = new Map<string, number>()
  private readonly categoryNames: string[] = []
  private lastCategory: string | null = null
  private lastIndex = 0
  /**
   * caller key → slot (≥ 0 an index into `single`, < 0 the list −slot − 1), as an open-addressing
   * table in typed arrays: a Map keyed by 53-bit numbers (heap numbers, not small integers) cost
   * about 1 µs a call, most of a million-call report's JavaScript time.
   */
  private keys = new Float64Array(1 << 12).fill(-1)
  private slots = new Int32Array(1 << 12)
  private used = 0
  private single = new Float64Array(1024)
  private singles = 0
  private readonly lists: number[][] = []

  constructor(windowDays = 7) {
    this.windowMs = windowDays * 86_400_000
  }

  /**
   * Records one call: `resolvedInPeriod` for a call that counts, false for one that can only be a
   * repeat. The caller is the hash, or a number that already is its key (an integer below 2⁵³).
   */
  add(callerHash: string | number, category: string, startMs: number, resolvedInPeriod: boolean): void {
    // Calls come grouped by category from a database: the last one is usually this one.
    let cat = category === this.lastCategory ? this.lastIndex : this.categories.get(category)
    if (cat === undefined) {
      if (this.categoryNames.length >= MAX_REPEAT_CATEGORIES) throw new RangeError(`more than ${MAX_REPEAT_CATEGORIES} categories`)
      cat = this.categoryNames.length
      this.categories.set(category, cat)
      this.categoryNames.push(category)
    }
    this.lastCategory = category
    this.lastIndex = cat
    const code = (startMs * 2 + (resolvedInPeriod ? 1 : 0)) * MAX_REPEAT_CATEGORIES + cat
    const key = typeof callerHash === 'number' ? callerHash : callerKey(callerHash)
    const at = this.find(key)
    if (this.keys[at] !== key) {
      if (this.singles === this.single.length) {
        const grown = new Float64Array(this.single.length * 2)
        grown.set(this.single)
        this.single = grown
      }
      this.single[this.singles] = code
      this.keys[at] = key
      this.slots[at] = this.singles++
      if (++this.used * 2 > this.keys.length) this.grow()
      return
    }
    const slot = this.slots[at]!
    if (slot >= 0) {
      this.lists.push([this.single[slot]!, code])
      this.slots[at] = -this.lists.length
    } else this.lists[-slot - 1]!.push(code)
  }

  /** The table index holding `key`, or the empty one where it goes (linear probing; keys are ≥ 0). */
  private find(key: number): number {
    const mask = this.keys.length - 1
    let i = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4_294_967_296), 0x9e3779b1), 0x85ebca6b) & mask
    while (this.keys[i] !== key && this.keys[i] !== -1) i = (i + 1) & mask
    return i
  }

  private grow(): void {
    const { keys, slots } = this
    this.keys = new Float64Array(keys.length * 2).fill(-1)
    this.slots = new Int32Array(keys.length * 2)
    for (let i = 0; i < keys.length; i++)
      if (keys[i] !== -1) {
        const at = this.find(keys[i]!)
        this.keys[at] = keys[i]!
        this.slots[at] = slots[i]!
      }
  }

  finish(): RepeatCheckResult {
    const perCategory = new Float64Array(this.categoryNames.length)
    const nextLater = new Float64Array(this.categoryNames.length)
    let disqualified = 0
    for (const codes of this.lists) {
      codes.sort((x, y) => x - y)
      nextLater.fill(Number.POSITIVE_INFINITY)
      // Walk from the latest call back; per category, remember the earliest time strictly later than
      // the current one. Calls at the same instant do not repeat each other.
      let i = codes.length - 1
      while (i >= 0) {
        const t = Math.floor(codes[i]! / (2 * MAX_REPEAT_CATEGORIES))
        let j = i
        while (j >= 0 && Math.floor(codes[j]! / (2 * MAX_REPEAT_CATEGORIES)) === t) {
          const c = codes[j]!
          const cat = c % MAX_REPEAT_CATEGORIES
          if (Math.floor(c / MAX_REPEAT_CATEGORIES) % 2 === 1 && nextLater[cat]! - t <= this.windowMs) {
            perCategory[cat]!++
            disqualified++
          }
          j--
        }
        for (let k = j + 1; k <= i; k++) nextLater[codes[k]! % MAX_REPEAT_CATEGORIES] = t
        i = j
      }
    }
    const disqualifiedByCategory = new Map<string, number>()
    this.categoryNames.forEach((name, cat) => {
      if (perCategory[cat]) disqualifiedByCategory.set(name, perCategory[cat]!)
    })
    return { disqualified, disqualifiedByCategory }
  }
}

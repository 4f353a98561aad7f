/**
 * Binary search: the first index of `sorted` (ascending by `key`) whose key is at least `target`,
 * or `sorted.length` when there is none. The telephony link, the gap signals and the transcript
 * parser each look up times or offsets in a sorted list this way.
 */
export function lowerBound<T>(sorted: readonly T[], target: number, key: (item: T) => number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (key(sorted[mid]!) < target) lo = mid + 1
    else hi = mid
  }
  return lo
}

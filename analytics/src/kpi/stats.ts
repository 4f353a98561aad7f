/** Small numeric helpers that never return NaN or Infinity: an empty base gives null. */

/** numerator / denominator, or null when the denominator is 0 (or either is not finite). */
export function ratio(numerator: number, denominator: number): number | null {
  if (!(denominator > 0) || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return null
  return numerator / denominator
}

/** Median of a list, or null for an empty list (a typed copy sorts numbers without a callback per step). */
export function median(values: readonly number[]): number | null {
  const sorted = Float64Array.from(values).sort()
  const mid = sorted.length >> 1
  return !sorted.length ? null : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Seconds between two instants in ms, or null when either is missing or the second precedes the first. */
export function secondsBetween(fromMs: number, toMs: number): number | null {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) return null
  return (toMs - fromMs) / 1000
}

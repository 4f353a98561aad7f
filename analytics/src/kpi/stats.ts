/** Small numeric helpers that never return NaN or Infinity: an empty base gives null. */

/** numerator / denominator, or null when the denominator is 0 (or either is not finite). */
export function ratio(numerator: number, denominator: number): number | null {
  if (!(denominator > 0) || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return null
  return numerator / denominator
}

/** Median of a list (sorted here, in place), or null for an empty list. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null
  values.sort((a, b) => a - b)
  const mid = values.length >> 1
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2
}

/** Seconds between two instants in ms, or null when either is missing or the second precedes the first. */
export function secondsBetween(fromMs: number, toMs: number): number | null {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) return null
  return (toMs - fromMs) / 1000
}

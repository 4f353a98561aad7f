/**
 * "Did you mean" for a search that found nothing: known terms (the synonym list, FAQ tags) within
 * a small edit distance of the query. Not a search engine; only a hint for typos such as
 * 暗唱番号 → 暗証番号.
 */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a]
  const y = [...b]
  if (Math.abs(x.length - y.length) > max) return max + 1
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const cur = [i]
    let best = i
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      )
      cur.push(v)
      if (v < best) best = v
    }
    if (best > max) return max + 1
    prev = cur
  }
  return prev[y.length] ?? max + 1
}

export function suggest(query: string, terms: Iterable<string>, limit = 3): string[] {
  const q = query.normalize('NFKC').trim().toLowerCase()
  const len = [...q].length
  if (len < 2 || len > 20) return []
  const max = len <= 4 ? 1 : 2
  const scored: [string, number][] = []
  const seen = new Set<string>()
  for (const t of terms) {
    const n = t.normalize('NFKC').toLowerCase()
    if (seen.has(n) || n === q) continue
    seen.add(n)
    const d = editDistance(q, n, max)
    if (d <= max) scored.push([t, d])
  }
  return scored
    .sort((a, b) => a[1] - b[1])
    .slice(0, limit)
    .map(([t]) => t)
}

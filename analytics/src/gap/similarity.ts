/** Cosine similarity of two term sets (binary vectors): |A ∩ B| / √(|A|·|B|), 0 when either is empty. */
export function setCosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const t of small) if (large.has(t)) shared += 1
  return shared / Math.sqrt(a.size * b.size)
}

/** The share of the smaller set's terms found in the larger: |A ∩ B| / min(|A|, |B|), 0 when either is empty. */
export function setContainment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const t of small) if (large.has(t)) shared += 1
  return shared / small.size
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable id, not a security hash. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

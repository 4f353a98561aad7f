/**
 * The one seeded random generator for generated data: benches, property tests, the synthetic report
 * month. mulberry32: a seed gives the same numbers in [0, 1) on every run and machine. Written here,
 * not taken from a library: it is six lines, and the benches' published figures (e.g. the usage
 * prior's MRR in docs/decisions/0013) were measured on this very sequence.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

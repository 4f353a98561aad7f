/**
 * Report figures summed in another order differ in the last bits: compare them to 12 significant digits.
 * Imports nothing: the specs load it before their database is chosen.
 */
export const rounded = (v: unknown): unknown =>
  typeof v === 'number'
    ? Number(v.toPrecision(12))
    : Array.isArray(v)
      ? v.map(rounded)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]))
        : v

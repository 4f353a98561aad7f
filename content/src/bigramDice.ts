/**
 * How alike two phrasings are: Dice over their sets of character bigrams. The held-out rounds
 * (question sets and masking corpora) keep every new line below 0.60 against all earlier lines, so a
 * round measures new phrasings, not copies. Cheap, and blind to where a value sits in the frame.
 */
export const bigrams = (text: string): Set<string> =>
  new Set(Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => text.slice(i, i + 2)))

export function dice(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return a.size + b.size ? (2 * shared) / (a.size + b.size) : 1
}

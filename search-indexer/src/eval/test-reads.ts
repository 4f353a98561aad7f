/**
 * Which off-topic sets a run prints. A held-out test half is read once, by name, at the end of the
 * round that tuned on its dev half: so with the test split only the off-topic sets of the rounds the
 * run names are scored (colloquial11 → offtopic11; golden names none), never a later round's by the
 * way. The dev split prints every off-topic set (tuning data and the current round's dev half).
 */
export function offtopicSetsToPrint(
  split: 'dev' | 'test',
  namedSets: readonly string[],
  offtopicSets: readonly string[],
): string[] {
  if (split === 'dev') return [...offtopicSets]
  const rounds = new Set(
    namedSets.filter((s) => s.startsWith('colloquial')).map((s) => s.replace(/^colloquial/, 'offtopic')),
  )
  return offtopicSets.filter((s) => rounds.has(s))
}

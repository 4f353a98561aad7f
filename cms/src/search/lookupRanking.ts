import { z } from 'zod'

/**
 * How the lookup ranks: the engine's text ranking over a pool of candidates, reordered by the
 * usage prior (usagePrior.ts), then cut to the asked limit. See docs/decisions/0013.
 */

/** Candidates the prior may reorder before the list is cut to the asked limit. */
export const LOOKUP_POOL = 30

/**
 * Weight of the usage prior against the text score (both relative to the best candidate).
 * Chosen on a validation split by `npm run bench:lookup` (cms/bench/priorEval.ts); 0 turns it off.
 */
export const DEFAULT_PRIOR_WEIGHT = 0.75

const weightSchema = z.coerce.number().min(0, 'must be ≥ 0').max(10, 'must be ≤ 10')

/** KOTAE_LOOKUP_PRIOR_WEIGHT overrides the default (e.g. 0 to compare without the prior). */
export function priorWeight(env: Readonly<Partial<Record<string, string>>> = process.env): number {
  const raw = env.KOTAE_LOOKUP_PRIOR_WEIGHT
  if (raw === undefined || raw === '') return DEFAULT_PRIOR_WEIGHT
  const parsed = weightSchema.safeParse(raw)
  if (!parsed.success)
    throw new Error(`KOTAE_LOOKUP_PRIOR_WEIGHT: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  return parsed.data
}

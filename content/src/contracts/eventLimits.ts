/**
 * The limits of an anonymous site event as plain constants: the site's browser code cuts texts to
 * them without loading zod (its pages must stay small); events.ts enforces them.
 */
export const EVENT_LIMITS = {
  batch: 50,
  bodyBytes: 16 * 1024,
  query: 200,
  results: 1000,
  reason: 500,
  facetId: 40,
} as const

/** A facet dimension or value id (content/facets.yaml): kebab-case. */
export const FACET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** An FAQ id as the site links it. */
export const FAQ_ID = /^[a-z0-9-]{1,80}$/

/**
 * The limits of an anonymous site event, as plain constants: the site's browser code cuts texts to
 * them without loading zod (its FAQ pages must stay small), and the schema (events.ts) enforces them.
 */
export const EVENT_LIMITS = {
  /** Events in one request. */
  batch: 50,
  /** Bytes of one request body. */
  bodyBytes: 16 * 1024,
  /** Characters of a search query. */
  query: 200,
  /** A search's result count. */
  results: 1000,
  /** Characters of a "not helpful" reason. */
  reason: 500,
  /** Characters of a facet dimension or value id. */
  facetId: 40,
} as const

/** A facet dimension or value id (content/facets.yaml): kebab-case. */
export const FACET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** An FAQ id as the site links it. */
export const FAQ_ID = /^[a-z0-9-]{1,80}$/

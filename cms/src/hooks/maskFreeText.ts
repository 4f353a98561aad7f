import type { CollectionBeforeChangeHook } from 'payload'

import { maskPii } from '@kotae/analytics'

/**
 * Free text is masked before it is stored: the city's rule is that no personal information is
 * kept for analysis or indexed. Contact details for a callback have their own restricted fields.
 */
export const maskFreeText =
  (textFields: string[], textListFields: string[] = []): CollectionBeforeChangeHook =>
  ({ data }) => {
    const next = { ...data }
    for (const f of textFields) if (typeof next[f] === 'string') next[f] = maskPii(next[f]).text
    for (const f of textListFields) if (Array.isArray(next[f])) next[f] = next[f].map((t: unknown) => (typeof t === 'string' ? maskPii(t).text : t))
    return next
  }

import type { CollectionBeforeChangeHook } from 'payload'

import { maskForStorage } from '../privacy/maskStored'

/**
 * Free text is masked before it is stored: the city's rule is that no personal information is
 * kept for analysis or indexed. Contact details for a callback have their own restricted fields.
 */
export const maskFreeText =
  (textFields: string[], textListFields: string[] = []): CollectionBeforeChangeHook =>
  async ({ data, req }) => {
    const next = { ...data }
    const mask = (text: string) => maskForStorage(req.payload, text)
    for (const f of textFields) if (typeof next[f] === 'string') next[f] = await mask(next[f])
    for (const f of textListFields) if (Array.isArray(next[f])) next[f] = await Promise.all(next[f].map((t: unknown) => (typeof t === 'string' ? mask(t) : t)))
    return next
  }

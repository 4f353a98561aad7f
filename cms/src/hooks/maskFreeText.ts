import type { CollectionBeforeChangeHook } from 'payload'

import { maskForStorage } from '../privacy/maskStored'

type Mask = (text: string) => Promise<string>

/** `data` with the text, or list of texts, at a path (`summary`, `callback.preferredTime`) masked. */
async function maskAt(
  data: Record<string, unknown>,
  [key, ...rest]: string[],
  mask: Mask,
): Promise<Record<string, unknown>> {
  const value = data[key!]
  if (rest.length > 0) {
    return value && typeof value === 'object' && !Array.isArray(value)
      ? { ...data, [key!]: await maskAt(value as Record<string, unknown>, rest, mask) }
      : data
  }
  if (typeof value === 'string') return { ...data, [key!]: await mask(value) }
  if (Array.isArray(value))
    return {
      ...data,
      [key!]: await Promise.all(value.map((t: unknown) => (typeof t === 'string' ? mask(t) : t))),
    }
  return data
}

/**
 * Free text is masked before it is stored: the city's rule is that no personal information is
 * kept for analysis or indexed (decision 0026). `paths` name text fields or lists of texts, through
 * groups with a dot. Contact details for a call-back have their own restricted fields.
 */
export const maskFreeText =
  (paths: string[]): CollectionBeforeChangeHook =>
  async ({ data, req }) => {
    const mask = (text: string) => maskForStorage(req.payload, text)
    let next = { ...data }
    for (const p of paths) next = await maskAt(next, p.split('.'), mask)
    return next
  }

import { maskPii } from '@kotae/analytics'
import type { Payload } from 'payload'

/** How long the public numbers are reused before the city profile is read again. */
const PUBLIC_PHONES_TTL_MS = 60_000
let cached: { at: number; phones: string[] } | undefined

/**
 * The numbers the knowledge base itself gives out (the city's lines, the national call centres),
 * from the city profile: an operator's note that they gave a caller one of these keeps its meaning.
 * Placeholder numbers are left out. Read at most once a minute per process.
 */
export async function publicPhoneNumbers(payload: Payload): Promise<string[]> {
  if (cached && Date.now() - cached.at < PUBLIC_PHONES_TTL_MS) return cached.phones
  const profile = await payload.findGlobal({ slug: 'city-profile', depth: 0, overrideAccess: true })
  const phones = (profile.phones ?? []).filter((p) => !p.placeholder).map((p) => p.number)
  cached = { at: Date.now(), phones }
  return phones
}

/** Forgets the cached numbers (the city profile changed). */
export const forgetPublicPhoneNumbers = (): void => void (cached = undefined)

/**
 * The one masking step for free text before Kotae stores, indexes or logs it: every kind of
 * personal information (PINs and passwords included) is replaced by its placeholder, except the
 * public numbers above.
 */
export async function maskForStorage(payload: Payload, text: string): Promise<string> {
  return maskPii(text, { keepPhones: await publicPhoneNumbers(payload) }).text
}

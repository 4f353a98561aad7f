/**
 * hashCaller (pii/callerHash.ts) for an import of a million rows: the same HMAC-SHA256 of the
 * normalized number under the same salt, through node:crypto's synchronous HMAC instead of Web
 * Crypto's promise per row (measured: the awaits, not the hashing, were the cost). Numbers seen in
 * this import are cached (callers call again); the cache is cleared when it holds 100,000, so memory
 * does not grow with the file.
 */
import { createHmac } from 'node:crypto'

import { normalizeCallerNumber, saltBytes } from '../pii/callerHash'

export function createCallerHasher(salt: string | Uint8Array): (phone: string) => string | undefined {
  const key = saltBytes(salt)
  const cache = new Map<string, string | undefined>()
  return (phone) => {
    if (cache.has(phone)) return cache.get(phone)
    const normalized = normalizeCallerNumber(phone)
    const hash =
      normalized === undefined
        ? undefined
        : createHmac('sha256', key).update(normalized, 'utf8').digest('hex')
    if (cache.size >= 100_000) cache.clear()
    cache.set(phone, hash)
    return hash
  }
}

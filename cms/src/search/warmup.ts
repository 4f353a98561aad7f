import { timingSafeEqual } from 'node:crypto'

import { z } from 'zod'

/**
 * The warm-up handshake between scripts/start.ts and the server it starts: start.ts makes a
 * random token, hands it to the server in KOTAE_WARMUP_TOKEN, and sends it back in a header once
 * the server is up. Nobody else knows the token, so nobody else can trigger a warm-up.
 */
export const WARMUP_HEADER = 'x-kotae-warmup'
const tokenSchema = z.string().min(32, 'must be at least 32 characters')

export function isWarmupRequest(headers: Headers | undefined): boolean {
  const sent = headers?.get(WARMUP_HEADER)
  if (!sent) return false
  const parsed = tokenSchema.safeParse(process.env.KOTAE_WARMUP_TOKEN)
  if (!parsed.success) return false
  const a = Buffer.from(sent)
  const b = Buffer.from(parsed.data)
  return a.length === b.length && timingSafeEqual(a, b)
}

import path from 'node:path'

import { z } from 'zod'

import { REPO_ROOT } from '../../env'
import { generatedSecret } from '../../lib/generatedSecret'

const saltSchema = z.string().min(16, 'KOTAE_CALLER_SALT must be a secret of at least 16 characters')

/**
 * The secret salt of caller hashes (hashCaller). Phone numbers are few enough to brute-force a
 * plain hash, so the salt is a key kept apart from the data: KOTAE_CALLER_SALT, or generated once
 * into data/.caller-salt (owner-only). Changing it unlinks earlier callers from later ones, which
 * only weakens the 一次完了 repeat check across the change.
 */
export function callerSalt(source: NodeJS.ProcessEnv = process.env): string {
  if (source.KOTAE_CALLER_SALT) return saltSchema.parse(source.KOTAE_CALLER_SALT)
  return saltSchema.parse(generatedSecret(path.join(REPO_ROOT, 'data', '.caller-salt')))
}

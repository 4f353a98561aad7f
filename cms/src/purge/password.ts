/**
 * A new random password for the kept account, hashed as Payload 3 hashes passwords
 * (payload/dist/auth/strategies/local/generatePasswordSaltHash.js: PBKDF2-SHA256, 600,000
 * iterations, 32-byte key, 32 random bytes of salt as hex, prefix `pbkdf2-sha256-v1:`), so the
 * purge writes it with SQL and never starts Payload.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto'

const PREFIX = 'pbkdf2-sha256-v1:'
const ITERATIONS = 600_000
const KEY_LENGTH = 32

/** 24 characters from an alphabet without look-alikes (about 140 bits): meets the password policy. */
export function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  const bytes = randomBytes(24)
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
}

export function payloadPasswordHash(password: string): { salt: string; hash: string } {
  const salt = randomBytes(32).toString('hex')
  return {
    salt,
    hash: `${PREFIX}${pbkdf2Sync(password, salt, ITERATIONS, KEY_LENGTH, 'sha256').toString('hex')}`,
  }
}

/**
 * The two secrets a restored Kotae needs to give the same results as before, besides the database:
 *  - PAYLOAD_SECRET (default data/.payload-secret) signs sessions;
 *  - KOTAE_CALLER_SALT (default data/.caller-salt) keys the caller hashes of telephony records and
 *    calls: with another salt, callers imported after the restore would no longer match earlier ones
 *    (the repeat-call check).
 * A secret from a file is copied into the backup (the folder is owner-only, like data/); one from
 * the environment is not (it lives in the deployment's configuration), only its fingerprint, so
 * the restore can tell whether the target has the same.
 */
import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { RestoreRefusedError } from './errors'
import type { Manifest, SecretEntry } from './manifest'

export const SECRETS = [
  { key: 'payloadSecret', env: 'PAYLOAD_SECRET', file: '.payload-secret', backupName: 'payload-secret' },
  { key: 'callerSalt', env: 'KOTAE_CALLER_SALT', file: '.caller-salt', backupName: 'caller-salt' },
] as const
export type SecretSpec = (typeof SECRETS)[number]

/** 16 hex characters that tell two secrets apart without revealing them (HMAC keyed by the secret). */
export const fingerprint = (secret: string) =>
  createHmac('sha256', secret).update('kotae-backup-fingerprint').digest('hex').slice(0, 16)

/** The secret this installation uses, and the setting it comes from; null when neither is set. */
function currentSecret(
  spec: SecretSpec,
  env: NodeJS.ProcessEnv,
  dataDir: string,
): { value: string; setting: string } | null {
  const fromEnv = env[spec.env]
  if (fromEnv) return { value: fromEnv, setting: `${spec.env} (environment)` }
  const file = path.join(dataDir, spec.file)
  if (fs.existsSync(file)) return { value: fs.readFileSync(file, 'utf8').trim(), setting: file }
  return null
}

/** The manifest entry of a secret, and the file to copy into the backup, if any. */
export function backupSecret(
  spec: SecretSpec,
  env: NodeJS.ProcessEnv,
  dataDir: string,
): { entry: SecretEntry; copy?: { from: string; name: string } } {
  if (env[spec.env]) return { entry: { source: 'environment', fingerprint: fingerprint(env[spec.env]!) } }
  const current = currentSecret(spec, env, dataDir)
  if (!current) return { entry: { source: 'none' } }
  return {
    entry: { source: 'file', file: spec.backupName, fingerprint: fingerprint(current.value) },
    copy: { from: current.setting, name: spec.backupName },
  }
}

export interface SecretWrite {
  file: string
  content: string
}

/**
 * Checks the target's secrets against the backup's before anything is written: a secret is
 * written only where the target has none; a different one is refused with both settings named.
 */
export function planSecrets(
  manifest: Manifest,
  backupDir: string,
  env: NodeJS.ProcessEnv,
  dataDir: string,
): SecretWrite[] {
  const writes: SecretWrite[] = []
  for (const spec of SECRETS) {
    const entry = manifest.secrets[spec.key]
    if (entry.source === 'none') continue
    const inBackup =
      entry.source === 'file'
        ? path.join(backupDir, entry.file)
        : `${spec.env} in the environment of the backed-up installation`
    const current = currentSecret(spec, env, dataDir)
    if (!current) {
      if (entry.source === 'environment') {
        throw new RestoreRefusedError(
          `Restore refused: the backup was taken with ${spec.env} set in the environment, and this installation has neither ${spec.env} nor ${path.join(dataDir, spec.file)}. Set the same ${spec.env} for the restore and for Kotae afterwards.`,
        )
      }
      writes.push({ file: path.join(dataDir, spec.file), content: fs.readFileSync(inBackup, 'utf8').trim() })
      continue
    }
    if (fingerprint(current.value) !== entry.fingerprint) {
      throw new RestoreRefusedError(
        `Restore refused: ${current.setting} differs from the backup's ${spec.env} (${inBackup}). Use the backup's value (or remove ${current.setting} to have it restored), or restore elsewhere.`,
      )
    }
  }
  return writes
}

/** Writes the planned secret files, owner-only; never over an existing file. */
export function writeSecrets(writes: SecretWrite[]): void {
  for (const w of writes) {
    fs.mkdirSync(path.dirname(w.file), { recursive: true, mode: 0o700 })
    fs.writeFileSync(w.file, w.content, { mode: 0o600, flag: 'wx' })
  }
}

/**
 * The files a purge deletes besides the database: backup folders Kotae wrote (a manifest.json of
 * format kotae-backup, docs/decisions/0022) under data/ and under every --backups folder, and
 * the secret files data/.payload-secret and data/.caller-salt. Nothing else is touched: a folder
 * without a valid Kotae manifest is not provably Kotae's and stays.
 */
import fs from 'node:fs'
import path from 'node:path'

import { MANIFEST_FILE, readManifest } from '../backup/manifest'
import { SECRETS } from '../backup/secrets'
import { PurgeRefusedError } from './errors'

/** How deep under each root a backup folder is looked for (data/backups/2026-12-01 is depth 2). */
const MAX_DEPTH = 3

function isKotaeBackup(dir: string): boolean {
  if (!fs.existsSync(path.join(dir, MANIFEST_FILE))) return false
  try {
    readManifest(dir)
    return true
  } catch {
    return false
  }
}

/** Kotae's backup folders at or under each root (symbolic links not followed), sorted. */
export function findKotaeBackups(roots: string[]): string[] {
  const found = new Set<string>()
  const walk = (dir: string, depth: number) => {
    if (isKotaeBackup(dir)) {
      found.add(dir)
      return
    }
    if (depth >= MAX_DEPTH) return
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries)
      if (e.isDirectory() && !e.isSymbolicLink()) walk(path.join(dir, e.name), depth + 1)
  }
  for (const root of roots)
    if (fs.existsSync(root) && fs.statSync(root).isDirectory()) walk(path.resolve(root), 0)
  return [...found].sort()
}

export function deleteFolders(dirs: string[]): void {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
}

export interface SecretResult {
  setting: 'PAYLOAD_SECRET' | 'KOTAE_CALLER_SALT'
  file: string
  result: 'deleted' | 'absent' | 'environment'
}

/** Deletes data/.payload-secret and data/.caller-salt; a secret set in the environment is reported, not touched. */
export function deleteSecrets(env: NodeJS.ProcessEnv, dataDir: string): SecretResult[] {
  return SECRETS.map((spec) => {
    const file = path.join(dataDir, spec.file)
    if (fs.existsSync(file)) {
      fs.rmSync(file, { force: true })
      return { setting: spec.env, file, result: 'deleted' as const }
    }
    return { setting: spec.env, file, result: env[spec.env] ? ('environment' as const) : ('absent' as const) }
  })
}

/** The certificate folder: created 0700, or an existing empty one tightened to 0700; anything else refused. */
export function prepareOutFolder(out: string): void {
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory())
      throw new PurgeRefusedError(`--out ${out} exists and is not a folder.`)
    const entries = fs.readdirSync(out)
    if (entries.length > 0)
      throw new PurgeRefusedError(
        `--out ${out} exists and is not empty (${entries.length} entries): give a new folder.`,
      )
  } else fs.mkdirSync(out, { recursive: true, mode: 0o700 })
  fs.chmodSync(out, 0o700)
}

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data')

/**
 * A single machine needs no setup: when PAYLOAD_SECRET is not set, one is generated once into
 * data/.payload-secret (readable by the owner only) and reused on every start.
 */
export function ensureSecret(): void {
  if (process.env.PAYLOAD_SECRET) return
  const file = path.join(DATA_DIR, '.payload-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  process.env.PAYLOAD_SECRET = fs.readFileSync(file, 'utf8').trim()
}

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * A secret generated once into `file` (owner-only) and read by every process after it: the
 * embedded PAYLOAD_SECRET and the caller salt under data/. Written whole beside the file, then
 * linked in (link fails if the name exists, unlike rename): processes starting at the same moment
 * on a new machine (two app servers, an import beside a first start) read either no file or the
 * whole secret, and the first link wins for all of them.
 */
export function generatedSecret(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
    fs.writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
    try {
      fs.linkSync(draft, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(draft, { force: true })
    }
  }
  return fs.readFileSync(file, 'utf8').trim()
}

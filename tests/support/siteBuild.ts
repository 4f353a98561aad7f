/**
 * Builds the public site (site/dist) for the site's end-to-end tests when it is missing or older
 * than its sources (site, content, search-indexer), so a test never runs against a stale build.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SOURCES = ['site/src', 'site/astro.config.mjs', 'site/package.json', 'content', 'search-indexer/src']

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const e of fs.readdirSync(p))
    if (e !== 'node_modules' && !e.startsWith('.')) max = Math.max(max, newest(path.join(p, e)))
  return max
}

export function ensureSiteBuilt(): void {
  const marker = path.join(ROOT, 'site/dist/index.html')
  const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0
  const sources = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))))
  if (built > sources) return
  execFileSync('npm', ['run', 'build', '-w', '@kotae/site'], { cwd: ROOT, stdio: 'inherit' })
}

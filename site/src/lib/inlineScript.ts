import { createHash } from 'node:crypto'

/**
 * The Content-Security-Policy source for one of our own inline scripts (`'sha256-…'` without the
 * quotes, as Astro's `Astro.csp.insertScriptHash` takes it). Astro hashes the scripts it bundles
 * itself; an `is:inline` script must declare its hash, or the page's policy refuses to run it.
 * Build time only (node:crypto).
 */
export function inlineScriptHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`
}

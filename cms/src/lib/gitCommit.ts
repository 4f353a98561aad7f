import { execFileSync } from 'node:child_process'

import { REPO_ROOT } from '../env'

/** The commit Kotae runs from, for a backup's manifest and a purge certificate; undefined outside a git checkout. */
export function gitCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
      encoding: 'utf8',
    }).trim()
    return /^[0-9a-f]{40}$/.test(head) ? head : undefined
  } catch {
    return undefined
  }
}

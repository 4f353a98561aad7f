import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

import { DEFAULT_CONTENT_DIR } from '../src/load'
import { edit, miniCorpus } from './helpers'

const run = promisify(execFile)
const CLI = path.join(DEFAULT_CONTENT_DIR, 'src/cli/check.ts')

/** Runs `tsx src/cli/check.ts <dir>` as `npm run content:check` does; resolves with the exit code. */
async function check(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, dir], {
      cwd: DEFAULT_CONTENT_DIR,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('content:check', () => {
  it('exits 0 and prints a summary for valid content', async () => {
    const { code, stdout } = await check(miniCorpus())
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^content:check: ok, 0 problems; loaded 6 FAQs, 1 guides, 2 categories, 2 sources, 1 synonym groups/m,
    )
  })

  it('prints every problem as "file: field: message", a summary line, and exits 1', async () => {
    const dir = miniCorpus()
    edit(dir, 'faqs/ja/faq-a.md', (t) =>
      t.replace('category: basics', 'category: more').replace('  - src-a', '  - gone'),
    )
    const { code, stderr } = await check(dir)
    expect(code).toBe(1)
    const lines = stderr.trim().split('\n')
    expect(lines).toEqual([
      'categories.yaml: 0.id: category "basics" has 2 Japanese FAQ(s); every category needs at least 3',
      'faqs/ja/faq-a.md: sources.0: unknown source "gone" (see sources.yaml)',
      expect.stringMatching(/^content:check: 2 problem\(s\) in 2 file\(s\); loaded 6 FAQs/),
    ])
  })
})

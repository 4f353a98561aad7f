import { defineConfig } from 'vitest/config'

/**
 * End-to-end tests: real servers on loopback, real Chromium (Debian's), one file at a time. Every
 * Node process they start is watched by the network guard, and the run fails if one tries to reach
 * beyond this machine (support/networkGuard). The curated content is loaded once per run and
 * each spec's server starts on its own copy (support/seededDatabase.ts).
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.spec.ts'],
    globalSetup: ['support/networkGuard/setup.ts', 'support/seededDatabase.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
})

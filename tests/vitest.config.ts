import { defineConfig } from 'vitest/config'

/** End-to-end tests: real servers on loopback, real Chromium (Debian's), one file at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
})

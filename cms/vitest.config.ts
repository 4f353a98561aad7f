import { defineConfig } from 'vitest/config'

/**
 * Integration tests run twice, once per storage adapter, against real databases:
 * a fresh SQLite file per test file, and a throwaway PostgreSQL database per test file on the
 * machine's PostgreSQL 15 (started by the global setup).
 */
const shared = {
  include: ['test/**/*.int.spec.ts'],
  globalSetup: ['test/setup/global.ts'],
  testTimeout: 120_000,
  hookTimeout: 180_000,
  fileParallelism: false,
}

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'sqlite', setupFiles: ['test/setup/sqlite.ts'] } },
      { test: { ...shared, name: 'postgres', setupFiles: ['test/setup/postgres.ts'] } },
      // Parts that need no database (the public site's file server) run once. On a loaded machine
      // the source scan (outbound) took 6–9 s: 5 s was too short.
      { test: { name: 'unit', include: ['test/**/*.unit.spec.ts'], testTimeout: 30_000 } },
    ],
  },
})

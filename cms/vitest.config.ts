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
}

export default defineConfig({
  test: {
    // Two test files at a time, from any project (CI has two cores; decision 0050). Files share
    // nothing: each has its own SQLite file or PostgreSQL database, its own temporary folders, and
    // a fixed port per file and project (crash 3881/3882, sourceWatch 3850/3851, persistence's SMTP
    // 3841/3842; unit: stt 3862, sourceWatchFetch 3852/3853; the others port 0).
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'sqlite', setupFiles: ['test/setup/sqlite.ts'] } },
      { test: { ...shared, name: 'postgres', setupFiles: ['test/setup/postgres.ts'] } },
      // Parts that need no database (the public site's file server) run once. On a loaded machine
      // the source scan (outbound) took 6–9 s: 5 s was too short.
      { test: { name: 'unit', include: ['test/**/*.unit.spec.ts'], testTimeout: 30_000 } },
    ],
  },
})

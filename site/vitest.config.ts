import { defineConfig } from 'vitest/config'

/** Unit tests for the site's pure functions (no Astro, no browser). */
export default defineConfig({ test: { include: ['test/**/*.test.ts'] } })

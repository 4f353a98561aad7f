import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Loading the content index (the kuromoji dictionary, every FAQ and its phrasings) takes 3–5 s on
    // an idle machine and passed 10 s, the default, while `npm test` ran the packages side by side on
    // two cores.
    hookTimeout: 60_000,
  },
})

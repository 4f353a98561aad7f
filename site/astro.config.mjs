// @ts-check
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

/** Static output: every page is an HTML file in dist/, servable from any web server or CDN. */
export default defineConfig({
  output: 'static',
  site: process.env.KOTAE_SITE_URL || undefined,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [react()],
  i18n: { defaultLocale: 'ja', locales: ['ja', 'en'], routing: { prefixDefaultLocale: false } },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: { worker: { format: 'es' } },
})

// @ts-check
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

/** Where the site sends its anonymous events when the CMS is on another origin (src/env.d.ts). */
const apiOrigin = process.env.PUBLIC_KOTAE_API ? new URL(process.env.PUBLIC_KOTAE_API).origin : ''

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
  // A Content-Security-Policy in every page's <head>, so it holds on any server or CDN the city
  // puts the site on: scripts and styles only from the site itself or with the hash Astro computed
  // for each of its inline ones. (frame-ancestors cannot go in a <meta>: the site server sends it.)
  experimental: {
    csp: {
      directives: [
        "default-src 'self'",
        `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
})

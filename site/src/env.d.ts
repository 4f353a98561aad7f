/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Origin of the CMS that receives `POST /api/events` (e.g. https://kotae.example.jp). Default: this site's origin. */
  readonly PUBLIC_KOTAE_API?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}

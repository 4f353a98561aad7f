import path from 'node:path'

import { z } from 'zod'

import { REPO_ROOT } from '../env'

/** Settings of the site publisher that `npm start` runs beside the admin. */
const siteEnvSchema = z.object({
  /** Where builds are kept and served from. Default: `<repo>/data/site`. */
  KOTAE_SITE_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'data', 'site')),
  /** Port of the public site. Default: PORT + 1 (3001). `0` picks a free one. */
  KOTAE_SITE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Quiet period after the last publish before a rebuild starts, ms. Default: 10 000. */
  KOTAE_SITE_QUIET_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** A rebuild starts at the latest this long after the first waiting change, ms. Default: 30 000. */
  KOTAE_SITE_MAX_WAIT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** `off` serves the admin only (e.g. when the site is built and hosted elsewhere). Default: on. */
  KOTAE_SITE: z.enum(['on', 'off']).default('on'),
})
export type SiteEnv = z.infer<typeof siteEnvSchema> & { KOTAE_SITE_PORT: number }

export function readSiteEnv(adminPort: number, source: NodeJS.ProcessEnv = process.env): SiteEnv {
  const blankToUndefined = (v: string | undefined) => (v === '' ? undefined : v)
  const parsed = siteEnvSchema.safeParse({
    KOTAE_SITE_DIR: blankToUndefined(source.KOTAE_SITE_DIR),
    KOTAE_SITE_PORT: blankToUndefined(source.KOTAE_SITE_PORT),
    KOTAE_SITE_QUIET_MS: blankToUndefined(source.KOTAE_SITE_QUIET_MS),
    KOTAE_SITE_MAX_WAIT_MS: blankToUndefined(source.KOTAE_SITE_MAX_WAIT_MS),
    KOTAE_SITE: blankToUndefined(source.KOTAE_SITE),
  })
  if (!parsed.success)
    throw new Error(
      `Kotae cannot start: invalid site settings\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    )
  return {
    ...parsed.data,
    KOTAE_SITE_DIR: path.resolve(parsed.data.KOTAE_SITE_DIR),
    KOTAE_SITE_PORT: parsed.data.KOTAE_SITE_PORT ?? adminPort + 1,
  }
}

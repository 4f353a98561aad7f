import { isIP } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { z } from 'zod'

import { generatedSecret } from './lib/generatedSecret'

/** Repository root (two levels above cms/src). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const envSchema = z.object({
  /** PostgreSQL when it starts with `postgres`; otherwise the embedded SQLite file is used. Default: unset. */
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite file)',
    )
    .optional(),
  /** Where the embedded SQLite database lives. Default: `<repo>/data/kotae.db`. */
  KOTAE_SQLITE_PATH: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'data', 'kotae.db')),
  /**
   * `on`: Payload's SQLite adapter opens a transaction per write operation (its `transactionOptions`).
   * Off for the server, as Payload advises (SQLite has one writer: a long transaction would lock the
   * desks out); the CSV import's npm script turns it on for its own process, whose writes must be
   * all-or-nothing. No effect on PostgreSQL, which always has transactions. Default: `off`.
   */
  KOTAE_SQLITE_TRANSACTIONS: z.enum(['on', 'off']).default('off'),
  /** Signs sessions. Default: generated once into data/.payload-secret. */
  PAYLOAD_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters (npm start writes one to data/.payload-secret)'),
  /** The port the admin listens on. Default: 3000. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * The address the admin and the public site listen on. Default 127.0.0.1: this machine only, for
   * a reverse proxy on the same host. `0.0.0.0` (or `::`) serves other machines directly.
   */
  KOTAE_HOST: z
    .string()
    .refine((v) => isIP(v) !== 0, 'must be an IP address, e.g. 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  /**
   * The origin browsers use to reach the admin (scheme, host and port, no path): Payload accepts the
   * sign-in cookie only from this origin, and mail links point at it. Behind a reverse proxy, the
   * proxy's public origin (https://kotae.city.example). Default: http://localhost:PORT.
   */
  KOTAE_SERVER_URL: z.url().optional(),
  /**
   * Addresses of the reverse proxies in front of Kotae, comma-separated: only their
   * X-Forwarded-For is believed (for the site events' rate limit). Default: this machine only
   * (127.0.0.1, ::1), which covers the public site's own proxy.
   */
  KOTAE_TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.1,::1')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((a) => isIP(a) !== 0),
      'must be IP addresses separated by commas, e.g. 127.0.0.1,::1,10.0.0.2',
    ),
  /** Outgoing mail server, e.g. `smtp://mail.city.example:25`. Default: unset (mail is written to the log). */
  KOTAE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender of Kotae's mail. Default: `kotae@localhost`. */
  KOTAE_MAIL_FROM: z.email().default('kotae@localhost'),
  /**
   * The official-source watch (src/sourceWatch, decision 0038): `on` fetches every source's page
   * each morning and flags the answers citing a changed one. The one feature that reaches other
   * sites, so default `off`: no request leaves the machine.
   */
  KOTAE_SOURCE_WATCH: z.enum(['on', 'off']).default('off'),
  /** Where escalations to 市民課 are announced. Default: unset (no mail). */
  KOTAE_ESCALATION_TO: z.email().optional(),
})
export type Env = Omit<z.infer<typeof envSchema>, 'KOTAE_SERVER_URL'> & {
  KOTAE_SERVER_URL: string
  /** Origins besides KOTAE_SERVER_URL whose requests may carry the sign-in cookie (loopback aliases). */
  trustedOrigins: string[]
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The admin's origin and the origins Payload's CSRF check accepts. KOTAE_SERVER_URL defaults to the
 * port actually served, so no PORT breaks sign-in; a loopback KOTAE_SERVER_URL on another port than
 * PORT would (every admin write answers 403), so it is refused with both settings named.
 */
function serverOrigins(
  port: number,
  serverUrl: string | undefined,
): { origin: string; trusted: string[] } | string {
  const url = new URL(serverUrl ?? `http://localhost:${port}`)
  if (url.pathname !== '/' || url.search || url.hash)
    return `KOTAE_SERVER_URL: must be an origin only (scheme, host, port), e.g. ${url.origin}; got ${serverUrl}`
  if (!LOOPBACK_HOSTS.has(url.hostname)) return { origin: url.origin, trusted: [] }
  const servedPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  if (servedPort !== port) {
    return `KOTAE_SERVER_URL (${url.origin}) names this machine on port ${servedPort}, but PORT is ${port}: the admin would refuse every signed-in write. Unset KOTAE_SERVER_URL (it then follows PORT) or give both the same port.`
  }
  return {
    origin: url.origin,
    trusted: [...LOOPBACK_HOSTS]
      .map((host) => `${url.protocol}//${host}:${port}`)
      .filter((o) => o !== url.origin),
  }
}

/**
 * Every KOTAE_* variable some part of Kotae reads (the admin, the site publisher, the site build,
 * the CLIs, benches and tests). Any other KOTAE_* variable is a typo that would silently fall back
 * to a default (KOTAE_SERVERURL …), so the start refuses it.
 */
const KNOWN_SETTINGS = new Set([
  ...Object.keys(envSchema.shape),
  // the public site (src/publish/env.ts) and its build
  'KOTAE_SITE',
  'KOTAE_SITE_DIR',
  'KOTAE_SITE_PORT',
  'KOTAE_SITE_QUIET_MS',
  'KOTAE_SITE_MAX_WAIT_MS',
  'KOTAE_SITE_URL',
  'KOTAE_SITE_REBUILD_STAMP',
  'KOTAE_CMS_URL',
  // the desk lookup, jobs, seeding, content, hashing
  'KOTAE_LOOKUP_PRIOR_WEIGHT',
  'KOTAE_STT_URL',
  'KOTAE_STT_ALLOW_PUBLIC',
  'KOTAE_STT_MODEL',
  'KOTAE_STT_TIMEOUT_MS',
  'KOTAE_WARMUP_TOKEN',
  'KOTAE_DISABLE_JOBS',
  'KOTAE_SEED_VERBOSE',
  'KOTAE_CONTENT_DIR',
  'KOTAE_CALLER_SALT',
  // tests, benches and evaluation
  'KOTAE_TEST_RUN',
  'KOTAE_PURGE_TEST_CRASH',
  'KOTAE_TEST_PG_URL',
  'KOTAE_MIGRATE_PG_URL',
  'KOTAE_EVAL_DIR',
  'KOTAE_FACT_SHEET',
  'KOTAE_API',
])

export class InvalidEnvironmentError extends Error {
  constructor(issues: string[]) {
    super(`Kotae cannot start: invalid environment\n${issues.map((i) => `  - ${i}`).join('\n')}`)
    this.name = 'InvalidEnvironmentError'
  }
}

/**
 * One machine needs no setup: without PAYLOAD_SECRET, a secret is generated once into
 * data/.payload-secret (owner-only) and reused. Several app servers must share one PAYLOAD_SECRET.
 */
function embeddedSecret(): string {
  return generatedSecret(path.join(REPO_ROOT, 'data', '.payload-secret'))
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const unknown = Object.keys(source).filter((k) => k.startsWith('KOTAE_') && !KNOWN_SETTINGS.has(k))
  if (unknown.length > 0)
    throw new InvalidEnvironmentError(
      unknown.map(
        (k) => `${k}: not a Kotae setting (a typo?); the settings are listed in README.md and cms/src/env.ts`,
      ),
    )
  const parsed = envSchema.safeParse({
    ...source,
    PAYLOAD_SECRET: source.PAYLOAD_SECRET || embeddedSecret(),
    DATABASE_URL: source.DATABASE_URL || undefined,
    KOTAE_SQLITE_PATH: source.KOTAE_SQLITE_PATH || undefined,
    KOTAE_SQLITE_TRANSACTIONS: source.KOTAE_SQLITE_TRANSACTIONS || undefined,
    PORT: source.PORT || undefined,
    KOTAE_HOST: source.KOTAE_HOST || undefined,
    KOTAE_SERVER_URL: source.KOTAE_SERVER_URL || undefined,
    KOTAE_TRUSTED_PROXIES: source.KOTAE_TRUSTED_PROXIES || undefined,
    KOTAE_SMTP_URL: source.KOTAE_SMTP_URL || undefined,
    KOTAE_MAIL_FROM: source.KOTAE_MAIL_FROM || undefined,
    KOTAE_ESCALATION_TO: source.KOTAE_ESCALATION_TO || undefined,
    KOTAE_SOURCE_WATCH: source.KOTAE_SOURCE_WATCH || undefined,
  })
  if (!parsed.success) {
    throw new InvalidEnvironmentError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  const origins = serverOrigins(parsed.data.PORT, parsed.data.KOTAE_SERVER_URL)
  if (typeof origins === 'string') throw new InvalidEnvironmentError([origins])
  return { ...parsed.data, KOTAE_SERVER_URL: origins.origin, trustedOrigins: origins.trusted }
}

/** The URL this machine's own processes (the site build, the warm-up) use to reach the admin on KOTAE_HOST. */
export function localAdminUrl(env: Pick<Env, 'KOTAE_HOST' | 'PORT'>): string {
  const host = env.KOTAE_HOST === '0.0.0.0' ? '127.0.0.1' : env.KOTAE_HOST === '::' ? '::1' : env.KOTAE_HOST
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${env.PORT}`
}

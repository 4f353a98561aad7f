import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { z } from 'zod'

/** Repository root (two levels above cms/src). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const envSchema = z.object({
  /** PostgreSQL when it starts with `postgres`; otherwise the embedded SQLite file is used. Default: unset. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite file)')
    .optional(),
  /** Where the embedded SQLite database lives. Default: `<repo>/data/kotae.db`. */
  KOTAE_SQLITE_PATH: z.string().min(1).default(path.join(REPO_ROOT, 'data', 'kotae.db')),
  /** Signs sessions. Default: generated once into data/.payload-secret. */
  PAYLOAD_SECRET: z.string().min(16, 'must be at least 16 characters (npm start writes one to data/.payload-secret)'),
  /** The public URL of the admin, for links in e-mails. Default: http://localhost:3000. */
  KOTAE_SERVER_URL: z.url().default('http://localhost:3000'),
  /** Outgoing mail server, e.g. `smtp://mail.city.example:25`. Default: unset (mail is written to the log). */
  KOTAE_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** Sender of Kotae's mail. Default: `kotae@localhost`. */
  KOTAE_MAIL_FROM: z.email().default('kotae@localhost'),
  /** Where escalations to 市民課 are announced. Default: unset (no mail). */
  KOTAE_ESCALATION_TO: z.email().optional(),
})
export type Env = z.infer<typeof envSchema>

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
  const file = path.join(REPO_ROOT, 'data', '.payload-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  return fs.readFileSync(file, 'utf8').trim()
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse({
    ...source,
    PAYLOAD_SECRET: source.PAYLOAD_SECRET || embeddedSecret(),
    DATABASE_URL: source.DATABASE_URL || undefined,
    KOTAE_SQLITE_PATH: source.KOTAE_SQLITE_PATH || undefined,
    KOTAE_SERVER_URL: source.KOTAE_SERVER_URL || undefined,
    KOTAE_SMTP_URL: source.KOTAE_SMTP_URL || undefined,
    KOTAE_MAIL_FROM: source.KOTAE_MAIL_FROM || undefined,
    KOTAE_ESCALATION_TO: source.KOTAE_ESCALATION_TO || undefined,
  })
  if (!parsed.success) {
    throw new InvalidEnvironmentError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  return parsed.data
}

/**
 * `npm run purge -- --confirm <city code>`: 契約終了時のデータ消去 (docs/decisions/0023).
 * Order: every check that can refuse (Chromium for the PDF, the confirmation, --keep-user, other
 * sessions, the --out folder) before anything is deleted; then the journal; all row deletions in
 * one transaction; VACUUM; Kotae's backup folders; the secret files; the certificate (JSON and
 * PDF); last, the journal is removed. A run killed anywhere is completed by the next run.
 */
import os from 'node:os'
import path from 'node:path'

import { CHROMIUM_INSTALL_HINT, chromiumPath, findChromium } from '@kotae/chromium'

import { writeOwnerOnly } from '../backup/manifest'
import { databaseSettings, DEFAULT_DATA_DIR } from '../backup/settings'
import { gitCommit } from '../lib/gitCommit'
import {
  CERTIFICATE_FORMAT,
  CERTIFICATE_JSON,
  CERTIFICATE_PDF,
  CERTIFICATE_VERSION,
  jstIso,
  sealCertificate,
  type Certificate,
  type CertificateBody,
} from './certificate'
import { renderCertificatePdf } from './certificatePdf'
import { ident, type PurgeDatabase } from './database'
import { PurgeFailedError, PurgeRefusedError } from './errors'
import { deleteFolders, deleteSecrets, findKotaeBackups, prepareOutFolder } from './files'
import { readJournal, removeJournal, writeJournal, type Journal } from './journal'
import { payloadPasswordHash, randomPassword } from './password'
import { openPostgres } from './postgres'
import { openSqlite, sqliteBytes } from './sqlite'
import { tableAction } from './tables'

/** The code a database without a city profile has (never configured, or purged without --keep-content). */
const PLACEHOLDER_CODE = '000000'

export interface PurgeOptions {
  /** Must equal the city profile's 全国地方公共団体コード exactly. */
  confirm: string | undefined
  keepContent?: boolean
  /** The account to keep (its e-mail); default the oldest administrator. */
  keepUser?: string
  /** The certificate folder; default data/purge-certificate-<JST time>/. */
  out?: string
  /** More folders to look for Kotae backup folders in (e.g. /var/backups/kotae). */
  backups?: string[]
  env?: NodeJS.ProcessEnv
  /** Kotae's data/ folder (secrets, backups, journal); default data/ of the repository. */
  dataDir?: string
}

export interface PurgeResult {
  certificate: Certificate
  dir: string
  files: string[]
  /** The kept account and its new password (shown once, nowhere stored), or null when none was kept. */
  keptUser: { email: string; password: string } | null
  seconds: number
}

/** What to type, for the refusal message. */
const confirmHint = (code: string) => `npm run purge -- --confirm ${code}`

/** A KOTAE_PURGE_TEST_CRASH stage kills the process there (tests of the resume only). */
function crashPoint(stage: string, env: NodeJS.ProcessEnv): void {
  if (env.KOTAE_PURGE_TEST_CRASH === stage) process.kill(process.pid, 'SIGKILL')
}

async function readCity(db: PurgeDatabase, tables: string[]): Promise<{ name: string; code: string } | null> {
  if (!tables.includes('city_profile')) return null
  const [row] = await db.query<{ name: string | null; code: string | null }>(
    'SELECT name, local_government_code AS code FROM city_profile ORDER BY id LIMIT 1',
  )
  return row?.code ? { name: row.name ?? '', code: row.code } : null
}

async function findKeptUser(
  db: PurgeDatabase,
  email: string | undefined,
): Promise<{ id: unknown; email: string; roles: string[] } | null> {
  const rows = email
    ? await db.query<{ id: unknown; email: string }>(
        'SELECT id, email FROM users WHERE lower(email) = lower(?)',
        [email],
      )
    : await db.query<{ id: unknown; email: string }>(
        "SELECT u.id, u.email FROM users u WHERE EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = u.id AND r.value = 'admin') ORDER BY u.created_at, u.id LIMIT 1",
      )
  const user = rows[0]
  if (!user) {
    if (email)
      throw new PurgeRefusedError(`--keep-user ${email}: no such user in ${db.label}. Nothing was deleted.`)
    return null
  }
  const roles = (
    await db.query<{ value: string }>('SELECT value FROM users_roles WHERE parent_id = ? ORDER BY "order"', [
      user.id,
    ])
  ).map((r) => r.value)
  return { id: user.id, email: user.email, roles }
}

const stamp = (d: Date) => jstIso(d).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')

export async function purge(options: PurgeOptions): Promise<PurgeResult> {
  const env = options.env ?? process.env
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR)
  const started = performance.now()
  const now = new Date()
  const settings = databaseSettings(env)
  if (!findChromium())
    throw new PurgeRefusedError(
      `Chromium not found at ${chromiumPath()} (the certificate's PDF needs it): ${CHROMIUM_INSTALL_HINT}. Nothing was deleted.`,
    )

  const db =
    settings.kind === 'postgres' ? await openPostgres(settings.url!) : openSqlite(settings.sqlitePath)
  try {
    const tables = await db.tables()
    if (!tables.includes('users') || !tables.includes('payload_migrations')) {
      throw new PurgeRefusedError(
        `${db.label} is not a Kotae database (no users or payload_migrations table): nothing was deleted.`,
      )
    }
    const identity = await db.identity()
    const dbKey =
      identity.kind === 'sqlite'
        ? `sqlite:${identity.path}`
        : `postgres:${identity.systemIdentifier ?? '?'}/${identity.database}`
    const journal = readJournal(dataDir, dbKey)

    // 1. The confirmation: the city profile's code, or the journal's when an interrupted purge deleted the profile.
    const fromDb = await readCity(db, tables)
    const city = fromDb
      ? { ...fromDb, source: 'city-profile' as const }
      : journal
        ? { ...journal.city, source: 'journal' as const }
        : { name: '', code: PLACEHOLDER_CODE, source: 'none' as const }
    if (options.confirm !== city.code) {
      const whose =
        city.source === 'none'
          ? 'This database has no city profile (already purged, or never configured), so its code is the placeholder'
          : `The 全国地方公共団体コード of ${city.name || 'the city'} is`
      throw new PurgeRefusedError(
        `Purge refused: ${options.confirm === undefined ? '--confirm is missing' : `--confirm ${options.confirm} does not match`}. Nothing was deleted.\n` +
          `This deletes every call, escalation, telephony record, site event, audit entry and all users but one in ${db.label}${options.keepContent ? '' : ', and all content'}, then the backups and secret files under ${dataDir}.\n` +
          `${whose} ${city.code}: to proceed, type\n  ${confirmHint(city.code)}${options.keepContent ? ' --keep-content' : ''}`,
      )
    }
    // A client killed a moment ago (an interrupted purge) leaves its session for a little while.
    let others = await db.otherSessions()
    for (let i = 0; others > 0 && i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      others = await db.otherSessions()
    }
    if (others > 0)
      throw new PurgeRefusedError(
        `Purge refused: ${others} other sessions are connected to ${db.label}. Stop Kotae (and other clients) first. Nothing was deleted.`,
      )
    const kept = await findKeptUser(db, options.keepUser)
    const dir = path.resolve(options.out ?? path.join(dataDir, `purge-certificate-${stamp(now)}`))
    prepareOutFolder(dir)

    // 2. The journal, before the first deletion (a resumed run keeps the first run's).
    const sizes = identity.kind === 'sqlite' ? sqliteBytes(identity.path) : { db: 0, wal: 0 }
    const current = await db.counts()
    const record: Journal = journal ?? {
      format: 'kotae-purge-journal',
      database: dbKey,
      startedAt: jstIso(now),
      city: { name: city.name, code: city.code },
      before: current,
      bytesBefore: sizes.db,
      walBytesBefore: sizes.wal,
    }
    if (!journal) writeJournal(dataDir, record)

    // 3. Every row, in one transaction.
    const emptied = tables.filter((t) => tableAction(t, Boolean(options.keepContent)) === 'emptied')
    const alreadyPurged = emptied.every((t) => current[t] === 0) && (current.users ?? 0) <= (kept ? 1 : 0)
    const password = kept ? randomPassword() : null
    // PBKDF2 with 600,000 rounds takes a while: computed before the transaction opens.
    const newHash = password ? payloadPasswordHash(password) : null
    crashPoint('before-transaction', env)
    try {
      await db.transaction(async () => {
        for (const [i, t] of emptied.entries()) {
          await db.query(`DELETE FROM ${ident(t)}`)
          if (i === Math.floor(emptied.length / 2)) crashPoint('in-transaction', env)
        }
        if (kept) {
          await db.query('DELETE FROM users WHERE id <> ?', [kept.id])
          const { salt, hash } = newHash!
          await db.query(
            'UPDATE users SET salt = ?, hash = ?, reset_password_token = NULL, reset_password_expiration = NULL, reset_password_requested_at = NULL WHERE id = ?',
            [salt, hash, kept.id],
          )
        } else await db.query('DELETE FROM users')
      })
    } catch (e) {
      throw new PurgeFailedError(
        `Deleting the rows of ${db.label} failed, nothing was deleted (rolled back): ${(e as Error).message}`,
      )
    }
    crashPoint('after-commit', env)

    // 4. The deleted rows' pages, then the files.
    let vacuum: string
    try {
      vacuum = await db.vacuum(
        tables.filter((t) => tableAction(t, Boolean(options.keepContent)) !== 'kept-schema'),
      )
    } catch (e) {
      if (e instanceof PurgeFailedError) throw e
      throw new PurgeFailedError(
        `The rows are deleted, but VACUUM of ${db.label} failed: ${(e as Error).message}. Run the purge again to complete it.`,
      )
    }
    const backups = findKotaeBackups([dataDir, ...(options.backups ?? [])])
    deleteFolders(backups)
    const secrets = deleteSecrets(env, dataDir)

    // 5. The certificate.
    const after = await db.counts()
    const afterSizes = identity.kind === 'sqlite' ? sqliteBytes(identity.path) : { db: 0, wal: 0 }
    const body: CertificateBody = {
      format: CERTIFICATE_FORMAT,
      version: CERTIFICATE_VERSION,
      city: { name: city.name, code: city.code, source: city.source },
      startedAt: record.startedAt,
      finishedAt: jstIso(new Date()),
      by: { osUser: os.userInfo().username, host: os.hostname() },
      database:
        identity.kind === 'sqlite'
          ? {
              kind: 'sqlite',
              path: identity.path,
              sqliteVersion: identity.sqliteVersion,
              bytesBefore: record.bytesBefore,
              walBytesBefore: record.walBytesBefore,
              bytesAfter: afterSizes.db,
              walBytesAfter: afterSizes.wal,
            }
          : identity,
      options: {
        keepContent: Boolean(options.keepContent),
        keepUser: options.keepUser ? 'named' : 'oldest-admin',
      },
      tables: [...new Set([...Object.keys(record.before), ...Object.keys(after)])].sort().map((table) => ({
        table,
        action: tableAction(table, Boolean(options.keepContent)),
        before: record.before[table] ?? 0,
        after: after[table] ?? 0,
      })),
      kept: {
        users: after.users ?? 0,
        keptUserRoles: kept?.roles ?? [],
        content: Boolean(options.keepContent),
      },
      files: { backupsDeleted: backups, secrets, uploads: 'none' },
      vacuum,
      run: {
        resumed: journal !== null,
        alreadyPurged: alreadyPurged && journal === null,
        kotaeCommit: gitCommit() ?? null,
      },
    }
    const certificate = sealCertificate(body)
    let pdf: Buffer
    try {
      pdf = await renderCertificatePdf(certificate)
    } catch (e) {
      throw new PurgeFailedError(
        `The data is deleted, but the certificate's PDF could not be printed: ${(e as Error).message}. Run the purge again to write the certificate.`,
      )
    }
    const jsonFile = path.join(dir, CERTIFICATE_JSON)
    const pdfFile = path.join(dir, CERTIFICATE_PDF)
    writeOwnerOnly(jsonFile, `${JSON.stringify(certificate, null, 2)}\n`)
    writeOwnerOnly(pdfFile, pdf)
    removeJournal(dataDir)
    return {
      certificate,
      dir,
      files: [jsonFile, pdfFile],
      keptUser: kept ? { email: kept.email, password: password! } : null,
      seconds: (performance.now() - started) / 1000,
    }
  } finally {
    await db.close()
  }
}

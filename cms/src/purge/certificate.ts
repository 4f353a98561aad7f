/**
 * 消去証明書 (the deletion certificate) as JSON: one zod schema, a canonical form (keys sorted at
 * every level, no spaces) and its sha256, recorded in the file and printed on the PDF, so anyone
 * can check that neither was altered after the purge.
 */
import { createHash } from 'node:crypto'

import { z } from 'zod'

import { InvalidCertificateError } from './errors'
import { canonicalJson } from '../lib/canonicalJson'
import { readValidJson } from '../lib/readValidJson'

export const CERTIFICATE_FORMAT = 'kotae-purge-certificate'
export const CERTIFICATE_VERSION = 1
export const CERTIFICATE_JSON = 'certificate.json'
export const CERTIFICATE_PDF = 'certificate.pdf'

/** An ISO 8601 time with the +09:00 offset (JST). */
const jst = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00$/, 'must be an ISO time in JST (+09:00)')
const count = z.number().int().nonnegative()

const CertificateBody = z.strictObject({
  format: z.literal(CERTIFICATE_FORMAT),
  version: z.literal(CERTIFICATE_VERSION),
  city: z.strictObject({
    name: z.string(),
    /** 全国地方公共団体コード as the database had it; "000000" is the unset placeholder. */
    code: z.string().regex(/^\d{6}$/),
    /** Where name and code came from: the database, or the journal of an interrupted purge. */
    source: z.enum(['city-profile', 'journal', 'none']),
  }),
  startedAt: jst,
  finishedAt: jst,
  /** Who ran it: the operating system's account and host, nothing else. */
  by: z.strictObject({ osUser: z.string(), host: z.string() }),
  database: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('sqlite'),
      path: z.string(),
      sqliteVersion: z.string(),
      /** The database file (and its -wal) in bytes before the purge and after the VACUUM. */
      bytesBefore: count,
      walBytesBefore: count,
      bytesAfter: count,
      walBytesAfter: count,
    }),
    z.strictObject({
      kind: z.literal('postgres'),
      serverVersion: z.string(),
      database: z.string(),
      /** pg_control_system().system_identifier: which cluster; null when the role may not read it. */
      systemIdentifier: z.string().nullable(),
    }),
  ]),
  options: z.strictObject({ keepContent: z.boolean(), keepUser: z.enum(['oldest-admin', 'named']) }),
  tables: z.array(
    z.strictObject({
      table: z.string().min(1),
      action: z.enum(['emptied', 'kept-content', 'kept-schema', 'kept-user']),
      before: count,
      after: count,
    }),
  ),
  kept: z.strictObject({
    /** Accounts left (0 or 1), with the role of the one kept; no address or name. */
    users: count,
    keptUserRoles: z.array(z.string()),
    content: z.boolean(),
  }),
  files: z.strictObject({
    /** Backup folders Kotae wrote (manifest.json of format kotae-backup) that were deleted. */
    backupsDeleted: z.array(z.string()),
    secrets: z.array(
      z.strictObject({
        setting: z.enum(['PAYLOAD_SECRET', 'KOTAE_CALLER_SALT']),
        file: z.string(),
        result: z.enum(['deleted', 'absent', 'environment']),
      }),
    ),
    /** Kotae has no upload collection: no uploaded files exist. */
    uploads: z.literal('none'),
  }),
  vacuum: z.string(),
  run: z.strictObject({
    /** A run that finished an earlier, interrupted purge (its journal was found). */
    resumed: z.boolean(),
    /** Nothing was left to delete in the database. */
    alreadyPurged: z.boolean(),
    kotaeCommit: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .nullable(),
  }),
})

export const CertificateSchema = CertificateBody.extend({
  checksum: z.strictObject({
    algorithm: z.literal('sha256'),
    of: z.literal('canonical JSON without checksum'),
    value: z.string().regex(/^[0-9a-f]{64}$/),
  }),
})
export type CertificateBody = z.infer<typeof CertificateBody>
export type Certificate = z.infer<typeof CertificateSchema>

const checksumOf = (body: CertificateBody) =>
  createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex')

export function sealCertificate(body: CertificateBody): Certificate {
  const valid = CertificateBody.parse(body)
  return {
    ...valid,
    checksum: { algorithm: 'sha256', of: 'canonical JSON without checksum', value: checksumOf(valid) },
  }
}

/** Reads a certificate file, validates it and checks its checksum; throws naming what is wrong. */
export function readCertificate(file: string): Certificate {
  const certificate = readValidJson(
    file,
    CertificateSchema,
    'purge certificate',
    (message) => new InvalidCertificateError(message),
  )
  const { checksum, ...body } = certificate
  const actual = checksumOf(body)
  if (actual !== checksum.value)
    throw new InvalidCertificateError(
      `${file}: checksum ${checksum.value} does not match the content (${actual}): the certificate was altered.`,
    )
  return certificate
}

/** An ISO time in JST (+09:00), as the certificate records times. */
export function jstIso(d: Date): string {
  const shifted = new Date(d.getTime() + 9 * 3600_000).toISOString()
  return `${shifted.slice(0, -1)}+09:00`
}

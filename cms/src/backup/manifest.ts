/**
 * manifest.json of a backup folder: what was backed up, from which database, and how to check it
 * (each file's size and sha256, each table's row count, a run of the monthly reports). Written last
 * by the backup, so a folder without it is an unfinished backup; read and checked first by the restore.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

import { readValidJson } from '../lib/readValidJson'
import { InvalidBackupError } from './errors'

export const MANIFEST_FILE = 'manifest.json'
export const MANIFEST_FORMAT = 'kotae-backup'
/** 2 added `reports`; a version 1 manifest (no report run) is still restored. */
export const MANIFEST_VERSION = 2

/** A file name inside the backup folder: no folders, no leading dot (nothing outside the folder). */
const fileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a plain file name inside the backup folder')

const secretSchema = z.discriminatedUnion('source', [
  /** Copied into the backup folder (it came from data/…). */
  z.object({ source: z.literal('file'), file: fileName, fingerprint: z.string().regex(/^[0-9a-f]{16}$/) }),
  /** Set in the environment at backup time: not copied; the restore compares fingerprints. */
  z.object({ source: z.literal('environment'), fingerprint: z.string().regex(/^[0-9a-f]{16}$/) }),
  /** Neither set nor generated yet. */
  z.object({ source: z.literal('none') }),
])

const count = z.number().int().nonnegative()

/** One monthly report of the run (backup/reports.ts): its headline counts and a digest per KPI. */
const ReportRunSchema = z.strictObject({
  /** The month, YYYY-MM (JST), as `npm run report -- --period` takes it. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-10'),
  calls: count,
  telephony: count,
  escalations: count,
  /** 入電件数; null without telephony data. */
  offered: count.nullable(),
  /** KPI (or labels, trend, counts) → the first 16 hex characters of the sha256 of its canonical JSON. */
  parts: z.record(z.string().min(1), z.string().regex(/^[0-9a-f]{16}$/)),
})
export type ReportRun = z.infer<typeof ReportRunSchema>

export const ManifestSchema = z
  .strictObject({
    format: z.literal(MANIFEST_FORMAT),
    version: z.union([z.literal(1), z.literal(MANIFEST_VERSION)]),
    createdAt: z.iso.datetime(),
    database: z.strictObject({
      kind: z.enum(['sqlite', 'postgres']),
      /** The database file among `files`. */
      file: fileName,
      /** sqlite_version() or PostgreSQL's server_version, for the record. */
      serverVersion: z.string().optional(),
    }),
    kotae: z.strictObject({
      /** `git rev-parse HEAD` of the installation, when it is a git checkout. */
      commit: z
        .string()
        .regex(/^[0-9a-f]{40}$/)
        .optional(),
    }),
    files: z
      .array(
        z.strictObject({
          name: fileName,
          size: z.number().int().nonnegative(),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
        }),
      )
      .min(1),
    /** Rows of every table, in the same snapshot as the database file. */
    tables: z.record(z.string().min(1), z.number().int().nonnegative()),
    secrets: z.strictObject({ payloadSecret: secretSchema, callerSalt: secretSchema }),
    /**
     * The monthly report of every month from the first to the last call, telephony record or
     * escalation, computed in the same snapshot as the database file (empty: no such records).
     * Required from version 2.
     */
    reports: z.array(ReportRunSchema).optional(),
  })
  .refine((m) => m.version === 1 || m.reports !== undefined, {
    message: 'a version 2 manifest has a report run',
    path: ['reports'],
  })
export type Manifest = z.infer<typeof ManifestSchema>
export type SecretEntry = Manifest['secrets']['payloadSecret']

/** sha256 (hex) and size of a file, streamed. */
export async function digestFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.length
  }
  return { size, sha256: hash.digest('hex') }
}

/** Reads and validates manifest.json; every problem named by its field. */
export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE)
  if (!fs.existsSync(file))
    throw new InvalidBackupError(
      `${file} is missing: ${dir} is not a Kotae backup (or the backup did not finish).`,
    )
  const m = readValidJson(
    file,
    ManifestSchema,
    'backup manifest',
    (message) => new InvalidBackupError(message),
  )
  const names = m.files.map((f) => f.name)
  if (new Set(names).size !== names.length) throw new InvalidBackupError(`${file}: files lists a file twice`)
  const referenced = [
    m.database.file,
    ...Object.values(m.secrets).flatMap((s) => (s.source === 'file' ? [s.file] : [])),
  ]
  for (const name of referenced) {
    if (!names.includes(name))
      throw new InvalidBackupError(`${file}: ${name} is referenced but not listed in files`)
  }
  return m
}

/** Every file of the manifest has its recorded size and sha256; throws naming the first that does not. */
export async function verifyFiles(dir: string, manifest: Manifest): Promise<void> {
  for (const f of manifest.files) {
    const file = path.join(dir, f.name)
    if (!fs.existsSync(file)) throw new InvalidBackupError(`${file} is missing (listed in ${MANIFEST_FILE}).`)
    const actual = await digestFile(file)
    if (actual.size !== f.size) {
      throw new InvalidBackupError(
        `${file} is ${actual.size} bytes, but ${MANIFEST_FILE} says ${f.size}: the backup is truncated or altered.`,
      )
    }
    if (actual.sha256 !== f.sha256) {
      throw new InvalidBackupError(
        `${file} has sha256 ${actual.sha256}, but ${MANIFEST_FILE} says ${f.sha256}: the backup is damaged or altered.`,
      )
    }
  }
}

/** Writes the manifest (validated again) owner-only. */
export function writeManifest(dir: string, manifest: Manifest): void {
  const data = ManifestSchema.parse(manifest)
  writeOwnerOnly(path.join(dir, MANIFEST_FILE), `${JSON.stringify(data, null, 2)}\n`)
}

/** A new file, 0600 whatever the umask, flushed to disk. */
export function writeOwnerOnly(file: string, content: string | Uint8Array): void {
  const fd = fs.openSync(file, 'wx', 0o600)
  try {
    fs.fchmodSync(fd, 0o600)
    fs.writeFileSync(fd, content)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * data/.purge-journal.json: written (0600, flushed) before the first row is deleted, removed after
 * the certificate is written. A purge killed in between leaves it, and the next run resumes from
 * it: the city (the deleted city profile can no longer tell), the start time and the row counts
 * before the purge, so the certificate of the completed purge still shows what was there.
 */
import fs from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

import { writeOwnerOnly } from '../backup/manifest'
import { PurgeRefusedError } from './errors'

const JOURNAL_FILE = '.purge-journal.json'

const JournalSchema = z.strictObject({
  format: z.literal('kotae-purge-journal'),
  /** Which database: SQLite file path, or PostgreSQL database name and system identifier. */
  database: z.string().min(1),
  startedAt: z.string(),
  city: z.strictObject({ name: z.string(), code: z.string().regex(/^\d{6}$/) }),
  before: z.record(z.string(), z.number().int().nonnegative()),
  bytesBefore: z.number().int().nonnegative(),
  walBytesBefore: z.number().int().nonnegative(),
})
export type Journal = z.infer<typeof JournalSchema>

const journalPath = (dataDir: string) => path.join(dataDir, JOURNAL_FILE)

/** The journal of an interrupted purge of `database`, or null; one of another database is refused. */
export function readJournal(dataDir: string, database: string): Journal | null {
  const file = journalPath(dataDir)
  if (!fs.existsSync(file)) return null
  let journal: Journal
  try {
    journal = JournalSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  } catch (e) {
    throw new PurgeRefusedError(
      `${file} (the journal of an interrupted purge) is not readable: ${(e as Error).message}. Move it away to start a new purge.`,
    )
  }
  if (journal.database !== database) {
    throw new PurgeRefusedError(
      `${file} belongs to an interrupted purge of ${journal.database}, not of ${database}: finish that purge first (or move the file away).`,
    )
  }
  return journal
}

export function writeJournal(dataDir: string, journal: Journal): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = journalPath(dataDir)
  const temp = `${file}.${process.pid}.tmp`
  fs.rmSync(temp, { force: true })
  writeOwnerOnly(temp, `${JSON.stringify(JournalSchema.parse(journal), null, 2)}\n`)
  fs.renameSync(temp, file)
}

export function removeJournal(dataDir: string): void {
  fs.rmSync(journalPath(dataDir), { force: true })
}

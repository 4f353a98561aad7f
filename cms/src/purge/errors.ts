/**
 * The purge's errors. Their messages are plain English naming the setting, option or file at
 * fault; the CLI prints them as they are and exits with 1.
 */
import { namedError } from '../lib/namedError'

/** Refused before anything was deleted: wrong or missing --confirm, unknown --keep-user, a busy database, a used --out. */
export class PurgeRefusedError extends namedError('PurgeRefusedError') {}

/** Deleting, vacuuming or writing the certificate failed; a re-run completes the purge (the journal is kept). */
export class PurgeFailedError extends namedError('PurgeFailedError') {}

/** A certificate file does not validate, or its checksum does not match its content. */
export class InvalidCertificateError extends namedError('InvalidCertificateError') {}

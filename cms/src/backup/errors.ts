/**
 * The backup's and restore's errors. Their messages are plain English naming the file, field or
 * setting at fault; the CLIs print them as they are and exit with 1.
 */
import { namedError } from '../lib/namedError'

/** The backup could not be taken (the --out folder, the database, pg_dump). */
export class BackupError extends namedError('BackupError') {}

/** The backup folder is incomplete, tampered or of another kind: refused before the target is written. */
export class InvalidBackupError extends namedError('InvalidBackupError') {}

/** The target is not empty, or a secret differs: refused before the target is written. */
export class RestoreRefusedError extends namedError('RestoreRefusedError') {}

/** Writing the target failed, or the restored row counts differ from the manifest. */
export class RestoreFailedError extends namedError('RestoreFailedError') {}

/**
 * A transcript file from disk: refused by its size before a byte is read, decoded with the one
 * encoding detector (decodeBytes of @kotae/content: UTF-8 with or without BOM, or Shift_JIS), and
 * parsed. A file whose bytes are UTF-8 in some lines and Shift_JIS in others is named with every
 * line that does not decode.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'

import { decodeBytes } from '@kotae/content/csv/encoding'

import { transcriptError, type TranscriptError } from './errors'
import type { TranscriptMapping } from './mapping'
import { parseTranscriptText, type LinedTranscript } from './parse'
import type { TranscriptFormat } from './types'

/** The largest file read (100 MB: a day's CSV of a large center; one call's file is a few kilobytes). */
export const MAX_TRANSCRIPT_FILE_BYTES = 100 * 1024 * 1024

export interface TranscriptFileResult {
  file: string
  format: TranscriptFormat | null
  encoding: 'utf8' | 'shift_jis' | null
  /** sha256 of the file's bytes. */
  sha256: string | null
  transcripts: LinedTranscript[]
  errors: TranscriptError[]
}

export async function readTranscriptFile(
  filePath: string,
  name: string,
  mapping: TranscriptMapping,
  maxBytes = MAX_TRANSCRIPT_FILE_BYTES,
): Promise<TranscriptFileResult> {
  const none = { file: name, format: null, encoding: null, sha256: null, transcripts: [] }
  const { size } = await fs.stat(filePath)
  if (size > maxBytes)
    return {
      ...none,
      errors: [
        transcriptError(
          name,
          null,
          'too-large',
          `${(size / 1024 / 1024).toFixed(1)} MB、上限 ${Math.round(maxBytes / 1024 / 1024)} MB`,
        ),
      ],
    }
  if (size === 0) return { ...none, errors: [transcriptError(name, null, 'empty-file')] }
  const bytes = await fs.readFile(filePath)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const decoded = decodeBytes(bytes)
  if (decoded.broken) {
    const lines = decoded.text.split(/\r\n|\r|\n/)
    const bad = lines.flatMap((l, i) => (l.includes('\ufffd') ? [i + 1] : []))
    // Some lines read, others not: two encodings in one file. Nothing reads: an encoding we do not take.
    const readable = lines.some((l) => /\P{ASCII}/u.test(l) && !l.includes('\ufffd'))
    const errors = readable
      ? bad.map((line) => transcriptError(name, line, 'mixed-encoding'))
      : [transcriptError(name, null, 'unknown-encoding')]
    return { ...none, sha256, encoding: decoded.encoding, errors }
  }
  const r = parseTranscriptText(decoded.text, name, mapping)
  return {
    file: name,
    format: r.format,
    encoding: decoded.encoding,
    sha256,
    transcripts: r.transcripts,
    errors: r.errors,
  }
}

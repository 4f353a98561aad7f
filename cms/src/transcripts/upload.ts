/**
 * POST /api/transcript-upload (multipart: one or more `files`, optional `mapping` JSON text) — the
 * admin's way to run the same import as `npm run import:transcripts`: the files are written to a
 * 0700 temporary folder under their own names (so every error names the file and line as the CLI
 * does), imported all or nothing by importTranscripts, and removed. Admins and supervisors only.
 * A request larger than UPLOAD_MAX_BYTES is refused by its Content-Length before the body is read.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { transcriptError, type TranscriptError } from '@kotae/analytics'
import type { Endpoint } from 'payload'

import { gated } from '../access/endpointAccess'
import { importTranscripts } from './import'
import { TRANSCRIPT_UPLOADERS } from './uploaders'

/** One upload (all files together): 50 MB. A call's file is a few kilobytes; a day's CSV fits. */
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024
/** One file: 20 MB (the CLI takes up to 100 MB for a large center's daily CSV). */
export const UPLOAD_MAX_FILE_BYTES = 20 * 1024 * 1024

const failure = (status: number, errors: TranscriptError[], files = 0) =>
  Response.json({ ok: false, errors, files }, { status })

/** The name a file is listed under: its base name only (a browser may send a path), never empty. */
function uploadName(raw: string, i: number): string {
  const base = path.basename(raw.replace(/\\/g, '/')).trim()
  return base && base !== '.' && base !== '..' ? base : `file-${i + 1}`
}

const UPLOAD_GATE = {
  roles: TRANSCRIPT_UPLOADERS,
  forbidden: '文字起こしの取り込みは管理者とスーパーバイザーだけができます。',
} as const

export const transcriptUploadEndpoint: Endpoint = {
  path: '/transcript-upload',
  method: 'post',
  handler: gated(UPLOAD_GATE, async (req) => {
    const length = Number(req.headers.get('content-length') ?? Number.NaN)
    if (!Number.isFinite(length))
      return failure(411, [transcriptError('(送信)', null, 'missing-value', 'Content-Length がありません')])
    if (length > UPLOAD_MAX_BYTES)
      return failure(413, [
        transcriptError(
          '(送信)',
          null,
          'too-large',
          `${(length / 1024 / 1024).toFixed(1)} MB、一度に送れるのは合計 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB まで`,
        ),
      ])
    let form: FormData
    try {
      form = await req.formData!()
    } catch {
      return failure(400, [transcriptError('(送信)', null, 'syntax', 'ファイルの送信として読めません')])
    }
    const files = form.getAll('files').filter((f): f is File => typeof f === 'object' && f !== null)
    if (!files.length)
      return failure(400, [transcriptError('(送信)', null, 'missing-value', 'ファイルが選ばれていません')])
    const names = files.map((f, i) => uploadName(f.name, i))
    const dupes = names.flatMap((n, i) => (names.indexOf(n) !== i ? [n] : []))
    if (dupes.length)
      return failure(
        422,
        dupes.map((n) => transcriptError(n, null, 'duplicate-file-name')),
        files.length,
      )
    const mapping = form.get('mapping')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-transcript-upload-'))
    try {
      // Unmasked text stays in this 0700 folder only until the import (which masks it) returns.
      const paths = await Promise.all(
        files.map(async (f, i) => {
          const p = path.join(dir, names[i]!)
          await fs.promises.writeFile(p, Buffer.from(await f.arrayBuffer()), { mode: 0o600 })
          return p
        }),
      )
      const result = await importTranscripts(req.payload, {
        files: paths,
        mapping: typeof mapping === 'string' && mapping.trim() ? mapping : undefined,
        maxBytes: UPLOAD_MAX_FILE_BYTES,
      })
      return Response.json(result, { status: result.ok ? 200 : 422 })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }),
}

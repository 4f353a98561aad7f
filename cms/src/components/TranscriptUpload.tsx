'use client'

import type { TranscriptError } from '@kotae/analytics'
import { useAuth } from '@payloadcms/ui'
import { type FormEvent, useState } from 'react'

import { hasRole } from '../access/roles'
import type { User } from '../payload-types'
import { TRANSCRIPT_UPLOAD_STRINGS as t } from '../transcripts/strings'
import type { TranscriptImportSummary } from '../transcripts/import'
import { TRANSCRIPT_UPLOADERS } from '../transcripts/uploaders'

type Result =
  | { state: 'idle' | 'busy' | 'network' }
  | { state: 'ok'; summary: TranscriptImportSummary }
  | { state: 'failed'; errors: TranscriptError[] }

/**
 * Above the transcripts list: upload one or more transcript files into the same all-or-nothing
 * import as the CLI (POST /api/transcript-upload). A plain form with labelled inputs, so it works
 * by keyboard; the result is announced (role=status / role=alert) and lists every file and line.
 */
export function TranscriptUpload() {
  const { user } = useAuth<User>()
  const [result, setResult] = useState<Result>({ state: 'idle' })
  if (!hasRole(user, ...TRANSCRIPT_UPLOADERS)) return null
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setResult({ state: 'busy' })
    try {
      const res = await fetch('/api/transcript-upload', {
        method: 'POST',
        credentials: 'include',
        body: new FormData(e.currentTarget),
      })
      const body = (await res.json()) as TranscriptImportSummary | { ok: false; errors: TranscriptError[] }
      setResult(body.ok ? { state: 'ok', summary: body } : { state: 'failed', errors: body.errors ?? [] })
    } catch {
      setResult({ state: 'network' })
    }
  }
  return (
    <section aria-labelledby="transcript-upload-heading" style={{ margin: '1rem 0 1.5rem' }}>
      <h2 id="transcript-upload-heading">{t.heading}</h2>
      <p id="transcript-upload-intro">{t.intro}</p>
      <form onSubmit={submit} aria-describedby="transcript-upload-intro" data-testid="transcript-upload">
        <label style={{ display: 'block', margin: '0.5rem 0' }}>
          {t.files}
          <br />
          <input type="file" name="files" multiple required accept=".vtt,.srt,.json,.csv,.txt" />
        </label>
        <label style={{ display: 'block', margin: '0.5rem 0' }}>
          {t.mapping}
          <br />
          <textarea name="mapping" rows={2} cols={60} spellCheck={false} />
        </label>
        <button
          type="submit"
          className="btn btn--style-primary btn--size-small"
          disabled={result.state === 'busy'}
        >
          {result.state === 'busy' ? t.busy : t.submit}
        </button>
      </form>
      {result.state === 'ok' && (
        <div role="status">
          <strong>{t.okHeading}</strong>
          <p>
            {t.ok({
              ...result.summary,
              unlinked: result.summary.links.unlinked,
            })}
          </p>
        </div>
      )}
      {result.state === 'network' && <p role="alert">{t.networkFailed}</p>}
      {result.state === 'failed' && (
        <div role="alert">
          <strong>{t.failedHeading}</strong>
          <ul data-testid="transcript-upload-errors">
            {result.errors.map((err) => (
              <li key={`${err.file}:${err.line ?? ''}:${err.message}`}>
                {err.file}（{err.line === null ? t.wholeFile : t.line(err.line)}）：{err.message}
                {err.value ? `「${err.value}」` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

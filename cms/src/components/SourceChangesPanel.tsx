'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import type { OpenChange } from '../sourceWatch/changedEndpoint'

const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(new Date(iso))

/** One change: old beside new, each passage in turn. */
export function ChangedPassages({ change }: { change: Pick<OpenChange, 'passages'> }) {
  return (
    <ol style={{ margin: '0.5rem 0', paddingLeft: '1.5rem' }}>
      {change.passages.map((p) => (
        <li key={`${p.old.join('')}\n${p.new.join('')}`} style={{ marginBottom: '0.5rem' }}>
          <div>
            <strong>旧：</strong>
            {p.old.length ? <del>{p.old.join('')}</del> : '（なし：新しく加わった文です）'}
          </div>
          <div>
            <strong>新：</strong>
            {p.new.length ? <ins>{p.new.join('')}</ins> : '（なし：削除された文です）'}
          </div>
        </li>
      ))}
    </ol>
  )
}

/**
 * The review flag on an FAQ's or guide's edit screen: each open change of a source it cites
 * (GET /api/sources/changed?faq=ID), 「出典が更新されました（3か所）」 with the passages old and
 * new, and 確認済みにする once the answer has been checked against the new page.
 */
export function SourceChangesPanel() {
  const { id, collectionSlug } = useDocumentInfo()
  const [changes, setChanges] = useState<OpenChange[]>([])
  const [message, setMessage] = useState('')
  const param = collectionSlug === 'guides' ? 'guide' : 'faq'
  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    const res = await fetch(`/api/sources/changed?${param}=${encodeURIComponent(String(id))}`, {
      credentials: 'include',
    })
    if (res.ok) setChanges(((await res.json()) as { docs: OpenChange[] }).docs)
  }, [id, param])
  useEffect(() => {
    void load()
  }, [load])
  const resolve = async (change: OpenChange) => {
    const res = await fetch(`/api/source-changes/${change.id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ resolvedAt: new Date().toISOString() }),
    })
    // The confirmed change leaves the panel with its message, in one render: the list read again
    // afterwards (for changes someone else closed) arrives later.
    if (res.ok) setChanges((open) => open.filter((c) => c.id !== change.id))
    setMessage(
      res.ok
        ? `「${change.source.title}」の更新を確認済みにしました。`
        : '確認済みにできませんでした。権限がないか、通信に失敗しました。',
    )
    if (res.ok) await load()
  }
  if (changes.length === 0) return message ? <p role="status">{message}</p> : null
  return (
    <section
      aria-label="出典の更新"
      style={{
        border: '2px solid var(--theme-warning-500, #c77700)',
        borderRadius: 4,
        padding: '0.75rem 1rem',
        marginBottom: '1.5rem',
      }}
    >
      {changes.map((change) => (
        <div key={String(change.id)} style={{ marginBottom: '0.75rem' }}>
          <h3 style={{ margin: 0 }}>出典が更新されました（{change.passageCount}か所）</h3>
          <p style={{ margin: '0.25rem 0' }}>
            <a href={change.source.url} target="_blank" rel="noreferrer noopener">
              {change.source.title}
            </a>
            （{formatDate(change.detectedAt)}に検出）。新しい内容と回答が合っているか確認してください。
          </p>
          <ChangedPassages change={change} />
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            style={{ margin: 0 }}
            onClick={() => void resolve(change)}
          >
            確認済みにする
          </button>
        </div>
      ))}
      <p role="status" style={{ margin: 0, minHeight: '1.5em' }}>
        {message}
      </p>
    </section>
  )
}

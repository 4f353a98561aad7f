'use client'
import {
  Button,
  toast,
  useAuth,
  useDocumentInfo,
  useForm,
  useFormFields,
  useFormModified,
} from '@payloadcms/ui'
import { useEffect, useId, useRef, useState } from 'react'

import { hasRole, PUBLISHERS } from '../access/roles'
import type { User } from '../payload-types'
import { SEND_BACK_REASON_REQUIRED } from '../reviewQueue/messages'
import { useKeptDialog } from './keptDialog'

type ErrorBody = {
  errors?: { message?: string; data?: { errors?: { message?: string }[] } }[]
  message?: string
}

/** The server's reason for a refusal: the field's message when it names one (a ValidationError), else the error's. */
const refusalOf = (body: ErrorBody | null): string =>
  body?.errors?.[0]?.data?.errors?.[0]?.message ??
  body?.errors?.[0]?.message ??
  '差し戻せませんでした。通信に失敗したか、権限がありません。'

/**
 * 「差し戻す」 for reviewers and admins on an entry in 承認待ち (decision 0035): a dialog asks for the
 * reason (required), then the entry is saved as a draft with 承認状態 = 下書き and that reason — the
 * same REST update a reviewer's draft save makes, so `recordReviewSteps` records 差し戻し, the
 * reviewer and the reason, and the audit log keeps them. A native <dialog> (modal: the rest of the
 * page is inert, Esc closes it) rather than a hand-written focus trap; the focus goes back to the button.
 * The dialog and its reason outlive Payload's late redraw of the edit screen (`useKeptDialog`).
 */
export function SendBackButton() {
  const { user } = useAuth<User>()
  const { id, collectionSlug, incrementVersionCount } = useDocumentInfo()
  const { reset } = useForm()
  const modified = useFormModified()
  // The saved state, not what the select shows now: only an entry that is in 承認待ち can be sent back.
  const savedState = useFormFields(([fields]) => fields.reviewState?.initialValue)
  const submittedBy = useFormFields(([fields]) => fields.submittedBy?.initialValue)
  const opener = useRef<HTMLAnchorElement | HTMLButtonElement | null>(null)
  const kept = useKeptDialog(`${collectionSlug}:${String(id)}`)
  const reason = kept.text
  const [error, setError] = useState('')
  const [sending, setSending] = useState(false)
  const [done, setDone] = useState(false)
  const doneNote = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (done) doneNote.current?.focus()
  }, [done])
  const ids = { heading: useId(), text: useId(), error: useId(), note: useId() }

  const submitterId =
    submittedBy && typeof submittedBy === 'object' && 'id' in submittedBy
      ? (submittedBy as { id: unknown }).id
      : submittedBy
  // A reviewer who asked for the review themselves withdraws it with 承認状態 = 下書き (no reason needed).
  const own = submitterId !== undefined && submitterId !== null && String(submitterId) === String(user?.id)
  if (!hasRole(user, ...PUBLISHERS) || id === undefined || id === null) return null
  if (done)
    return (
      <p role="status" className="kotae-send-back__done" ref={doneNote} tabIndex={-1}>
        差し戻しました。理由は編集者の「編集中のFAQ」とこの画面に表示されます。
      </p>
    )
  if (savedState !== 'in_review' || own) return null

  const open = () => {
    setError('')
    kept.open()
    document.getElementById(ids.text)?.focus()
  }
  const close = () => kept.dialog.current?.close()
  const submit = async () => {
    const text = reason.trim()
    if (!text) {
      setError(SEND_BACK_REASON_REQUIRED)
      document.getElementById(ids.text)?.focus()
      return
    }
    setSending(true)
    try {
      const res = await fetch(`/api/${collectionSlug}/${encodeURIComponent(String(id))}?draft=true&depth=0`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reviewState: 'draft', _status: 'draft', sendBackReason: text }),
      })
      const body = (await res.json().catch(() => null)) as
        | (ErrorBody & { doc?: Record<string, unknown> })
        | null
      if (!res.ok || !body?.doc) {
        setError(refusalOf(body))
        return
      }
      close()
      kept.forget()
      await reset(body.doc)
      incrementVersionCount()
      setDone(true)
      toast.success('差し戻しました。')
    } catch {
      setError(refusalOf(null))
    } finally {
      setSending(false)
    }
  }

  return (
    <div className="kotae-send-back field-type">
      <Button buttonStyle="secondary" id="action-send-back" onClick={open} ref={opener} size="medium">
        差し戻す
      </Button>
      <dialog
        ref={kept.dialogRef}
        className="kotae-send-back__dialog"
        aria-labelledby={ids.heading}
        onClose={() => {
          if (kept.closedByUser()) opener.current?.focus()
        }}
      >
        {/* Not a <form>: the dialog sits inside Payload's document form, and a nested form's submit would also save the document. */}
        <div className="kotae-send-back__body">
          <h2 id={ids.heading}>差し戻す</h2>
          <p id={ids.note}>
            この項目を「下書き」に戻し、編集者に理由を伝えます。編集者が直して、もう一度承認を依頼します。
          </p>
          {modified && <p>この画面で保存していない変更は、差し戻しに含まれません（破棄されます）。</p>}
          <label htmlFor={ids.text}>差し戻し理由（必須）</label>
          <textarea
            id={ids.text}
            rows={5}
            maxLength={1000}
            required
            aria-required="true"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids.note} ${ids.error}` : ids.note}
            value={reason}
            onChange={(e) => kept.setText(e.target.value)}
          />
          {error && (
            <p id={ids.error} role="alert" className="kotae-send-back__error">
              {error}
            </p>
          )}
          <div className="kotae-send-back__actions">
            <Button
              buttonStyle="primary"
              id="action-send-back-confirm"
              onClick={() => void submit()}
              disabled={sending}
            >
              {sending ? '差し戻しています…' : '差し戻す'}
            </Button>
            <Button buttonStyle="secondary" onClick={close} disabled={sending}>
              キャンセル
            </Button>
          </div>
        </div>
      </dialog>
    </div>
  )
}

'use client'

import { useState } from 'react'

import { GAP_STRINGS as t } from '../gap/strings'

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; id: number | string; created: boolean }
  | { kind: 'error'; message: string }

/** The one action per gap cluster: POST /api/gap/draft-faq, then a link to the new draft. */
export function GapDraftButton({
  clusterId,
  from,
  to,
  label,
  adminRoute,
}: {
  clusterId: string
  from: string
  to: string
  label: string
  adminRoute: string
}) {
  const [state, setState] = useState<State>({ kind: 'idle' })
  const draft = async () => {
    setState({ kind: 'busy' })
    try {
      const res = await fetch('/api/gap/draft-faq', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ clusterId, from, to }),
      })
      const body = (await res.json()) as {
        faq?: number | string
        created?: boolean
        errors?: { message: string }[]
      }
      if (!res.ok || body.faq === undefined)
        setState({ kind: 'error', message: body.errors?.[0]?.message ?? t.draftFailed })
      else setState({ kind: 'done', id: body.faq, created: Boolean(body.created) })
    } catch {
      setState({ kind: 'error', message: t.draftFailed })
    }
  }
  return (
    <div>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        style={{ margin: 0 }}
        onClick={draft}
        disabled={state.kind === 'busy'}
        aria-label={`${t.draft}：${label}`}
      >
        {state.kind === 'busy' ? t.drafting : t.draft}
      </button>
      <p role="status" style={{ margin: '0.25rem 0 0', minHeight: '1.5em' }}>
        {state.kind === 'done' && (
          <>
            {state.created ? t.drafted : t.draftExisting}
            <a href={`${adminRoute}/collections/faqs/${state.id}`}>{t.openDraft}</a>
          </>
        )}
        {state.kind === 'error' && state.message}
      </p>
    </div>
  )
}

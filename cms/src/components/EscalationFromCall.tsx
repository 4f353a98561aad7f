'use client'

import { useDocumentInfo, useField } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'

import { escalationFromCallText as t, escalationSummaryFromCall } from '../desk/escalationFromCall'

type CallForEscalation = { id: number; summary?: string | null; category?: { name?: string } | number | null }

/**
 * Above a new escalation: when the desk's 「市民課へエスカレーション」 opened it for the call just
 * saved (`?call=<id>`), fills in that call and its context (number, 用件, the summary as stored,
 * that is masked), so 市民課 reads the context and the operator retypes nothing. Payload's create
 * view takes no initial values from the address, hence this small client piece.
 */
export function EscalationFromCall() {
  const params = useSearchParams()
  const { id: docId } = useDocumentInfo()
  const call = useField<number | null>({ path: 'call' })
  const summary = useField<string>({ path: 'summary' })
  const [note, setNote] = useState<string | null>(null)
  const done = useRef(false)
  const callId = Number(params?.get('call'))

  useEffect(() => {
    if (done.current || docId !== undefined || !Number.isInteger(callId) || callId <= 0) return
    done.current = true
    void (async () => {
      try {
        const res = await fetch(`/api/calls/${callId}?depth=1`, { credentials: 'include' })
        if (!res.ok) throw new Error(String(res.status))
        const doc = (await res.json()) as CallForEscalation
        const category = typeof doc.category === 'object' ? doc.category?.name : undefined
        call.setValue(doc.id)
        if (!summary.value) summary.setValue(escalationSummaryFromCall(doc.id, category, doc.summary ?? ''))
        setNote(t.carried(doc.id))
      } catch {
        setNote(t.notLoaded(callId))
      }
    })()
  }, [callId, docId, call, summary])

  return (
    <p role="status" className="kotae-escalation-from-call">
      {note ?? ''}
    </p>
  )
}

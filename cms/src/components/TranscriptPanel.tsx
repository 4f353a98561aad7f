'use client'

import { CALL_OUTCOME_OPTIONS } from '@kotae/content/contracts/calls'
import { useDocumentInfo, useField } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { addFaqToCall } from '../transcripts/acceptFaq'
import type { CallTranscriptResponse } from '../transcripts/endpoint'
import { TRANSCRIPT_STRINGS as t } from '../transcripts/strings'
import { SuggestedFaqs } from './SuggestedFaqs'

type Faq = NonNullable<CallTranscriptResponse['suggestions']>['faqs'][number]
const time = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`
const outcomeLabel = (v: string | null) => CALL_OUTCOME_OPTIONS.find((o) => o.value === v)?.label ?? null

/**
 * On a call's page: its masked transcript turn by turn, and the suggestions for the log. A FAQ is
 * added to the call's used FAQs only when the person presses its button (PATCH /api/calls/:id, with
 * the form's list updated too, so a later save keeps it).
 */
export function TranscriptPanel() {
  const { id } = useDocumentInfo()
  const faqsUsed = useField<(number | string)[] | null>({ path: 'faqsUsed' })
  const [data, setData] = useState<CallTranscriptResponse | 'loading' | 'failed'>('loading')
  const [accept, setAccept] = useState<Record<string, 'busy' | 'done' | 'failed'>>({})
  useEffect(() => {
    if (!id) return
    fetch(`/api/call-transcript?call=${encodeURIComponent(String(id))}`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then(
        (d: CallTranscriptResponse) => setData(d),
        () => setData('failed'),
      )
  }, [id])
  if (!id) return null
  if (data === 'loading') return <p>{t.loading}</p>
  if (data === 'failed') return <p role="alert">{t.failed}</p>
  if (!data.transcript)
    return (
      <section aria-label={t.heading}>
        <h3>{t.heading}</h3>
        <p>{t.none}</p>
      </section>
    )

  const add = async (faq: Faq) => {
    setAccept((a) => ({ ...a, [String(faq.id)]: 'busy' }))
    try {
      const list = await addFaqToCall(id, faq.id)
      faqsUsed.setValue(list, true)
      setAccept((a) => ({ ...a, [String(faq.id)]: 'done' }))
    } catch {
      setAccept((a) => ({ ...a, [String(faq.id)]: 'failed' }))
    }
  }
  const s = data.suggestions
  return (
    <section aria-label={t.heading} style={{ margin: '1rem 0' }}>
      <h3>{t.heading}</h3>
      <ol
        data-testid="transcript-turns"
        style={{ listStyle: 'none', padding: 0, maxHeight: '24rem', overflowY: 'auto' }}
      >
        {data.transcript.segments.map((seg) => (
          <li
            key={`${seg.start}-${seg.speaker}-${seg.text}`}
            data-speaker={seg.speaker}
            style={{ margin: '0.25rem 0' }}
          >
            <span style={{ color: 'var(--theme-elevation-500)' }}>{time(seg.start)} </span>
            <strong>{t.speaker[seg.speaker]}</strong>：{seg.text}
          </li>
        ))}
      </ol>
      {s && (
        <div>
          <h4>{t.suggestions}</h4>
          <h5>{t.faqs}</h5>
          {s.faqs.length === 0 && <p>{t.noFaqs}</p>}
          <SuggestedFaqs faqs={s.faqs} accept={accept} onAccept={add} testId="transcript-faq-suggestions" />
          <h5>{t.summary}</h5>
          <ul>
            {s.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>
            {t.category}：{s.category?.name ?? '—'}　{t.outcome}：{outcomeLabel(s.outcome) ?? '—'}
          </p>
        </div>
      )}
    </section>
  )
}

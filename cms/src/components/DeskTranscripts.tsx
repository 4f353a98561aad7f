'use client'

import { useAuth } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { addFaqToCall, patchCall } from '../transcripts/acceptFaq'
import type { CallTranscriptResponse } from '../transcripts/endpoint'
import { DESK_TRANSCRIPT_STRINGS as d, TRANSCRIPT_STRINGS as t } from '../transcripts/strings'
import { SuggestedFaqs } from './SuggestedFaqs'
import { type Option, SelectOptions } from './SelectOptions'

type Suggestions = NonNullable<CallTranscriptResponse['suggestions']>
type Row = { id: string; call: number | string; createdAt: string; startedAt?: string | null }
type State = 'idle' | 'busy' | 'done' | 'failed'

const when = (iso: string) =>
  new Date(iso).toLocaleString('ja-JP', {
    timeZone: 'Asia/Tokyo',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/**
 * In the desk, after the call: the operator's own calls that have a transcript (newest import
 * first). For the one opened: the suggested FAQs with their evidence turn, the draft summary,
 * category and outcome. Each FAQ is added by its button; the summary, category and outcome are
 * written only by the apply button, as the operator edited them. Nothing is saved otherwise.
 */
export function DeskTranscripts({ categories, outcomes }: { categories: Option[]; outcomes: Option[] }) {
  const { user } = useAuth()
  const [rows, setRows] = useState<Row[] | 'loading' | 'failed'>('loading')
  const [open, setOpen] = useState<Row | null>(null)
  useEffect(() => {
    if (!user) return
    const q = new URLSearchParams({
      'where[call.operator][equals]': String(user.id),
      'where[call][exists]': 'true',
      sort: '-createdAt',
      limit: '5',
      depth: '0',
      'select[call]': 'true',
      'select[startedAt]': 'true',
      'select[createdAt]': 'true',
    })
    fetch(`/api/transcripts?${q}`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then(
        (body: { docs: Row[] }) => setRows(body.docs),
        () => setRows('failed'),
      )
  }, [user])
  return (
    <section
      aria-labelledby="desk-transcripts-heading"
      style={{ margin: '1.5rem 0' }}
      data-testid="desk-transcripts"
    >
      <h2 id="desk-transcripts-heading">{d.heading}</h2>
      <p>{d.intro}</p>
      {rows === 'loading' && <p>{d.loading}</p>}
      {rows === 'failed' && <p role="alert">{d.failed}</p>}
      {Array.isArray(rows) && rows.length === 0 && <p>{d.none}</p>}
      {Array.isArray(rows) && rows.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
          {rows.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                aria-pressed={open?.id === r.id}
                onClick={() => setOpen(r)}
              >
                {d.call(when(r.startedAt ?? r.createdAt))}：{open?.id === r.id ? d.opened : d.open}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && <CallSuggestions key={open.id} call={open.call} categories={categories} outcomes={outcomes} />}
    </section>
  )
}

function CallSuggestions({
  call,
  categories,
  outcomes,
}: {
  call: number | string
  categories: Option[]
  outcomes: Option[]
}) {
  const [s, setS] = useState<Suggestions | 'loading' | 'failed'>('loading')
  const [recorded, setRecorded] = useState<string>('')
  const [draft, setDraft] = useState({ summary: '', category: '', outcome: '' })
  const [accept, setAccept] = useState<Record<string, State>>({})
  const [apply, setApply] = useState<State>('idle')
  useEffect(() => {
    Promise.all([
      fetch(`/api/call-transcript?call=${encodeURIComponent(String(call))}`, { credentials: 'include' }).then(
        (r) =>
          r.ok ? (r.json() as Promise<CallTranscriptResponse>) : Promise.reject(new Error(String(r.status))),
      ),
      fetch(`/api/calls/${call}?depth=0`, { credentials: 'include' }).then((r) =>
        r.ok ? (r.json() as Promise<{ summary?: string }>) : Promise.reject(new Error(String(r.status))),
      ),
    ]).then(
      ([body, doc]) => {
        if (!body.suggestions) return setS('failed')
        setS(body.suggestions)
        setRecorded(doc.summary ?? '')
        setDraft({
          summary: body.suggestions.summary.join('\n'),
          category: body.suggestions.category ? String(body.suggestions.category.id) : '',
          outcome: body.suggestions.outcome ?? '',
        })
      },
      () => setS('failed'),
    )
  }, [call])
  if (s === 'loading') return <p>{d.loading}</p>
  if (s === 'failed') return <p role="alert">{d.failed}</p>
  const add = async (faqId: number | string) => {
    setAccept((a) => ({ ...a, [String(faqId)]: 'busy' }))
    try {
      await addFaqToCall(call, faqId)
      setAccept((a) => ({ ...a, [String(faqId)]: 'done' }))
    } catch {
      setAccept((a) => ({ ...a, [String(faqId)]: 'failed' }))
    }
  }
  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    setApply('busy')
    try {
      await patchCall(call, {
        summary: draft.summary,
        ...(draft.category ? { category: Number(draft.category) || draft.category } : {}),
        ...(draft.outcome ? { outcome: draft.outcome } : {}),
      })
      setRecorded(draft.summary)
      setApply('done')
    } catch {
      setApply('failed')
    }
  }
  const id = (name: string) => `desk-transcript-${call}-${name}`
  // One draft field's id, value and change handler, as the desk's form binds its fields.
  const field = (name: keyof typeof draft) => ({
    id: id(name),
    value: draft[name],
    onChange: (e: React.ChangeEvent<HTMLSelectElement | HTMLTextAreaElement>) =>
      setDraft((v) => ({ ...v, [name]: e.target.value })),
  })
  return (
    <div data-testid="desk-transcript-suggestions">
      <h3>{t.faqs}</h3>
      {s.faqs.length === 0 && <p>{t.noFaqs}</p>}
      <SuggestedFaqs faqs={s.faqs} accept={accept} onAccept={(f) => add(f.id)} />
      <form onSubmit={save}>
        <p>
          {d.recordedSummary}：{recorded || '—'}
        </p>
        <label htmlFor={id('summary')}>{d.draft}</label>
        <br />
        <textarea {...field('summary')} rows={4} cols={60} required maxLength={4000} />
        <br />
        <label htmlFor={id('category')}>{t.category}</label>{' '}
        <select {...field('category')}>
          <option value="">—</option>
          <SelectOptions of={categories} />
        </select>{' '}
        <label htmlFor={id('outcome')}>{t.outcome}</label>{' '}
        <select {...field('outcome')}>
          <option value="">—</option>
          <SelectOptions of={outcomes} />
        </select>
        <br />
        <button type="submit" className="btn btn--style-primary btn--size-small" disabled={apply === 'busy'}>
          {apply === 'busy' ? d.applying : d.apply}
        </button>
        <span role="status"> {apply === 'done' ? d.applied : ''}</span>
        {apply === 'failed' && <span role="alert"> {d.applyFailed}</span>}
      </form>
    </div>
  )
}

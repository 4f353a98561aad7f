'use client'

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'

import {
  DESK_DRAFT_KEY,
  draftHasContent,
  readDeskDraft,
  RESEND_AFTER_SECONDS,
  type DeskDraft,
} from '../desk/draft'
import { deskText as t } from '../desk/strings'
import type { LookupAskBack, LookupCandidate, LookupResponse } from '../desk/types'
import { type Option, SelectOptions } from './SelectOptions'

type Props = { channels: Option[]; callerTypes: Option[]; outcomes: Option[]; categories: Option[] }

/**
 * Results and the answer scroll inside a reserved height: as results arrive while the operator
 * types, nothing on the screen moves (no layout shift).
 */
const PANE: React.CSSProperties = {
  height: 'max(20rem, calc(100vh - 17rem))',
  overflowY: 'auto',
  overscrollBehavior: 'contain',
}
/**
 * Above the candidates, a slot of fixed height for what the lookup says about them (not sure; a
 * question to ask back; the facet chosen), so that it never pushes the list; the list is shorter
 * by as much, so the columns end together.
 */
const GUIDE_HEIGHT = '5.5rem'
const GUIDE: React.CSSProperties = { height: GUIDE_HEIGHT, overflowY: 'auto', margin: '0 0 0.5rem' }
const LIST_PANE: React.CSSProperties = {
  ...PANE,
  height: `max(14.5rem, calc(100vh - 17rem - ${GUIDE_HEIGHT} - 0.5rem))`,
}

/** A facet the operator chose after asking the caller back. */
type ChosenFacet = { dimension: string; value: string; name: string }

/**
 * The choice, as an anonymous event (no query, no user) through the same path as the site's:
 * the gap analysis counts which facets callers leave open. Best effort: a lost event changes nothing here.
 */
function sendFacetChoice(dimension: string, value: string): void {
  const body = JSON.stringify({ events: [{ type: 'facet-choice', dimension, value, locale: 'ja' }] })
  void fetch('/api/events', {
    method: 'POST',
    credentials: 'include',
    keepalive: true,
    headers: { 'Content-Type': 'text/plain' },
    body,
  }).catch(() => {})
}

/** The desk's field (its id without `desk-`) for a path the server refuses. */
const FIELD_OF_PATH: Record<string, string> = {
  channel: 'channel',
  callerType: 'callerType',
  category: 'category',
  outcome: 'outcome',
  summary: 'summary',
  'callback.name': 'name',
  'callback.phone': 'phone',
  'callback.preferredTime': 'time',
}

const newRequestId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Date.now())
const mmss = (s: number) =>
  `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`

/** Highlights the matching passage without ever injecting HTML. */
function Snippet({ snippet }: { snippet: LookupCandidate['snippet'] }) {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [s, e] of snippet.marks) {
    if (s > at) parts.push(snippet.text.slice(at, s))
    parts.push(<mark key={s}>{snippet.text.slice(s, e)}</mark>)
    at = e
  }
  parts.push(snippet.text.slice(at))
  return <span>{parts}</span>
}

/** The operator's one screen: ask, find, read aloud, log. Keyboard first. */
export function DeskClient({ channels, callerTypes, outcomes, categories }: Props) {
  const listId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [result, setResult] = useState<LookupResponse | null>(null)
  const [facet, setFacet] = useState<ChosenFacet | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const [used, setUsed] = useState<LookupCandidate[]>([])
  const [queries, setQueries] = useState<string[]>([])
  const [startedAt, setStartedAt] = useState<Date | null>(null)
  const [endedAt, setEndedAt] = useState<Date | null>(null)
  const [now, setNow] = useState(Date.now())
  const [form, setForm] = useState({
    channel: 'direct',
    callerType: 'self',
    category: '',
    outcome: 'resolved',
    summary: '',
    name: '',
    phone: '',
    time: '',
  })
  const [status, setStatus] = useState<{
    kind: 'idle' | 'saving' | 'saved' | 'notice' | 'error'
    message?: string
  }>({ kind: 'idle' })
  /** Where the focus goes once a failed save's message is shown: the field refused, or the message. */
  const focusAfterError = useRef<string | null>(null)
  const alertRef = useRef<HTMLParagraphElement>(null)
  /** The call saved last, until the next call starts: 「市民課へエスカレーション」 carries it. */
  const [savedCallId, setSavedCallId] = useState<number | null>(null)
  const requestId = useRef(newRequestId())
  const resendTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const restored = useRef(false)

  useEffect(() => inputRef.current?.focus(), [])

  // A record that was not saved (a failed save, then a reload or a restarted server) comes back.
  useEffect(() => {
    const draft = readDeskDraft(sessionStorage)
    if (draft && draftHasContent(draft)) {
      setForm(draft.form)
      setUsed(draft.used)
      setQueries(draft.queries)
      setStartedAt(draft.startedAt ? new Date(draft.startedAt) : null)
      setEndedAt(draft.endedAt ? new Date(draft.endedAt) : null)
      requestId.current = draft.requestId
      setStatus({ kind: 'notice', message: t.draftRestored })
    }
    restored.current = true
    return () => clearTimeout(resendTimer.current)
  }, [])

  // Kept in the tab until the server has saved it (src/desk/draft.ts).
  useEffect(() => {
    if (!restored.current) return
    const draft: DeskDraft = {
      form,
      used,
      queries,
      startedAt: startedAt?.toISOString() ?? null,
      endedAt: endedAt?.toISOString() ?? null,
      requestId: requestId.current,
    }
    if (draftHasContent(draft)) sessionStorage.setItem(DESK_DRAFT_KEY, JSON.stringify(draft))
    else sessionStorage.removeItem(DESK_DRAFT_KEY)
  }, [form, used, queries, startedAt, endedAt])
  // A new call has started: the escalation link no longer belongs to the call saved before.
  useEffect(() => {
    if (startedAt) setSavedCallId(null)
  }, [startedAt])
  useEffect(() => {
    if (!startedAt || endedAt) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [startedAt, endedAt])

  // Results as you type: debounced, and a newer query cancels the older request. A chosen facet
  // (the caller's answer to an ask back) is asked with the question; it re-ranks, nothing more.
  useEffect(() => {
    const q = query.trim()
    if (!q) return setResult(null)
    const controller = new AbortController()
    const facets = facet ? `&facets=${encodeURIComponent(`${facet.dimension}:${facet.value}`)}` : ''
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/lookup?q=${encodeURIComponent(q)}&limit=8${facets}`, {
          signal: controller.signal,
          credentials: 'include',
        })
        if (!res.ok) throw new Error(String(res.status))
        setResult((await res.json()) as LookupResponse)
        setActive(0)
        setError(null)
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setError(t.lookupError)
      }
    }, 120)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, facet])

  const candidates = result?.candidates ?? []
  const askBack = result?.askBack
  // Not sure of the first answer (the search package's calibrated model), or nothing found at all.
  const uncertain = result !== null && !result.sure
  /** The operator picked what the caller answered: the lookup runs again with it. Never automatic. */
  const chooseFacet = useCallback((ask: LookupAskBack, option: LookupAskBack['options'][number]) => {
    setFacet({ dimension: ask.dimension, value: option.value, name: option.name })
    sendFacetChoice(ask.dimension, option.value)
    inputRef.current?.focus()
  }, [])
  const clearFacet = useCallback(() => {
    setFacet(null)
    inputRef.current?.focus()
  }, [])
  const toggleUsed = useCallback(
    (c: LookupCandidate) => {
      if (c.kind !== 'faq') return
      setUsed((prev) => (prev.some((u) => u.id === c.id) ? prev.filter((u) => u.id !== c.id) : [...prev, c]))
      const q = query.trim()
      if (q) setQueries((prev) => (prev.includes(q) ? prev : [...prev, q]))
      if (!form.category && c.category)
        setForm((f) => ({
          ...f,
          category: categories.find((o) => o.label === c.category)?.value ?? f.category,
        }))
    },
    [query, form.category, categories],
  )

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (!startedAt) setStartedAt(new Date())
    // Alt+1…3 picks an ask-back option, Alt+0 clears the choice (by key position: Option+digit types a symbol on a Mac).
    const digit = e.altKey && !e.ctrlKey && !e.metaKey ? /^Digit(\d)$/.exec(e.code)?.[1] : undefined
    if (digit !== undefined) {
      const option = digit === '0' ? undefined : askBack?.options[Number(digit) - 1]
      if (digit === '0' && facet) {
        e.preventDefault()
        clearFacet()
      } else if (askBack && option) {
        e.preventDefault()
        chooseFacet(askBack, option)
      }
      return
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((i) => Math.min(i + 1, Math.max(candidates.length - 1, 0)))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (e.key === 'Enter' && candidates[active]) {
      e.preventDefault()
      toggleUsed(candidates[active])
    }
  }

  // Keeps the active option visible inside the scrolling list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new result scrolls back to its active option even when the index stayed the same
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, listId, result])

  const elapsed = startedAt ? Math.round(((endedAt?.getTime() ?? now) - startedAt.getTime()) / 1000) : 0
  const selected = candidates[active]
  const usedIds = useMemo(() => new Set(used.map((u) => u.id)), [used])

  async function save(e: React.FormEvent) {
    e.preventDefault()
    if (status.kind === 'saving') return
    clearTimeout(resendTimer.current)
    const end = endedAt ?? new Date()
    const start = startedAt ?? end
    // The call's span is fixed at the first save, so a resend (or a save after a reload) records the same call.
    if (!endedAt) setEndedAt(end)
    if (!startedAt) setStartedAt(start)
    await send(start, end, 0)
  }

  /**
   * One attempt to save. A save that does not reach the server, or meets a server error, is resent
   * on its own (RESEND_AFTER_SECONDS) with the same request id, so it is stored once; the record
   * stays on screen and in the tab meanwhile. A refusal for the content (4xx) waits for the operator.
   */
  async function send(start: Date, end: Date, attempt: number) {
    setStatus({ kind: 'saving' })
    const body = {
      talkStartedAt: start.toISOString(),
      talkEndedAt: end.toISOString(),
      afterCallWorkSeconds: Math.max(0, Math.round((Date.now() - end.getTime()) / 1000)),
      channel: form.channel,
      callerType: form.callerType,
      category: form.category ? Number(form.category) || form.category : undefined,
      faqsUsed: used.map((u) => u.docId),
      queries,
      summary: form.summary,
      outcome: form.outcome,
      callback:
        form.outcome === 'callback'
          ? { name: form.name, phone: form.phone, preferredTime: form.time }
          : undefined,
      clientRequestId: requestId.current,
    }
    let res: Response | undefined
    try {
      res = await fetch('/api/calls', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    } catch {
      res = undefined
    }
    if (!res || res.status >= 500) {
      const seconds = RESEND_AFTER_SECONDS[Math.min(attempt, RESEND_AFTER_SECONDS.length - 1)]!
      // The operator's own save: the focus goes to the message (a resend on its own leaves the focus be).
      if (attempt === 0) focusAfterError.current = 'alert'
      setStatus({ kind: 'error', message: t.saveUnreachable(seconds) })
      resendTimer.current = setTimeout(() => void send(start, end, attempt + 1), seconds * 1000)
      return
    }
    if (!res.ok) {
      const data = (await res.json().catch(() => ({}))) as {
        errors?: { message?: string; data?: { errors?: { path: string; message: string }[] } }[]
      }
      const fields = data.errors?.flatMap((er) => er.data?.errors ?? []) ?? []
      // An earlier attempt was stored but its answer was lost: this request id is taken.
      const alreadySaved = fields.some((f) => f.path === 'clientRequestId')
      if (!alreadySaved) {
        // The first refused field the desk shows takes the focus; else the message does.
        const field = fields.map((f) => FIELD_OF_PATH[f.path]).find(Boolean)
        if (attempt === 0) focusAfterError.current = field ? `desk-${field}` : 'alert'
        setStatus({
          kind: 'error',
          message: `${t.saveError}：${fields.map((f) => `${t.fieldName(f.path)}（${f.message}）`).join(' / ') || data.errors?.[0]?.message || res.status}`,
        })
        return
      }
    }
    const saved = res.ok ? ((await res.json().catch(() => ({}))) as { doc?: { id?: number } }) : {}
    setSavedCallId(typeof saved.doc?.id === 'number' ? saved.doc.id : null)
    setStatus({ kind: 'saved', message: t.saved })
    requestId.current = newRequestId()
    sessionStorage.removeItem(DESK_DRAFT_KEY)
    setUsed([])
    setQueries([])
    setQuery('')
    setFacet(null)
    setStartedAt(null)
    setEndedAt(null)
    setForm((f) => ({ ...f, category: '', summary: '', outcome: 'resolved', name: '', phone: '', time: '' }))
    inputRef.current?.focus()
  }

  // After the message is drawn (and the button enabled again), the focus goes where the save asked.
  useEffect(() => {
    const target = focusAfterError.current
    if (status.kind !== 'error' || !target) return
    focusAfterError.current = null
    const el = target === 'alert' ? alertRef.current : document.getElementById(target)
    el?.focus()
  }, [status])

  const field = (name: keyof typeof form) => ({
    id: `desk-${name}`,
    value: form[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setForm((f) => ({ ...f, [name]: e.target.value })),
  })

  return (
    <div className="kotae-desk">
      <div className="kotae-desk__bar">
        <h1>{t.title}</h1>
        <p className="kotae-desk__timer">
          {t.timer} <strong>{mmss(elapsed)}</strong>{' '}
          {!startedAt || !endedAt ? (
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              onClick={() => (startedAt ? setEndedAt : setStartedAt)(new Date())}
            >
              {startedAt ? t.endCall : t.startCall}
            </button>
          ) : null}
        </p>
      </div>
      <div className="kotae-desk__grid">
        <section aria-labelledby="desk-query-label">
          <label id="desk-query-label" htmlFor="desk-query">
            {t.queryLabel}
          </label>
          <input
            ref={inputRef}
            id="desk-query"
            type="search"
            role="combobox"
            aria-expanded={candidates.length > 0}
            aria-controls={listId}
            aria-activedescendant={selected ? `${listId}-${active}` : undefined}
            aria-describedby="desk-query-hint"
            autoComplete="off"
            value={query}
            onChange={(e) => {
              // Japanese input arrives through the IME (composition, then one input event), which
              // does not always send an ordinary keydown: typed text itself starts the call timer.
              if (!startedAt && e.target.value) setStartedAt(new Date())
              setQuery(e.target.value)
              // A choice answers the question it was asked for: a new question starts without one.
              setFacet(null)
            }}
            onCompositionStart={() => startedAt || setStartedAt(new Date())}
            onKeyDown={onKeyDown}
          />
          <p id="desk-query-hint" className="kotae-desk__hint">
            {t.queryHint}
          </p>
          <p aria-live="polite" className="kotae-desk__count">
            {error ?? (result ? t.resultsCount(candidates.length) : '\u00a0')}
          </p>
          <div className="kotae-desk__guide" style={GUIDE} aria-live="polite">
            {uncertain ? (
              <p id="desk-uncertain" className="kotae-desk__uncertain">
                {t.uncertain}
              </p>
            ) : null}
            {facet ? (
              <p className="kotae-desk__facet">
                {t.facetChosen(facet.name)}{' '}
                <button
                  type="button"
                  className="btn btn--style-secondary btn--size-small"
                  onClick={clearFacet}
                  aria-keyshortcuts="Alt+0"
                >
                  {t.facetClear}
                </button>
              </p>
            ) : null}
            {askBack ? (
              // biome-ignore lint/a11y/useSemanticElements: a group of choice buttons, not form fields: role=group without a fieldset's border and legend
              <div role="group" aria-label={t.askBackGroup} className="kotae-desk__askback">
                <p id="desk-askback-question">
                  {t.askBackLead}
                  <strong>{askBack.question}</strong>
                  <span className="kotae-desk__hint">{t.askBackKeys(askBack.options.length)}</span>
                </p>
                {askBack.options.map((o, i) => (
                  <button
                    key={o.value}
                    type="button"
                    className="btn btn--style-secondary btn--size-small"
                    data-facet={`${askBack.dimension}:${o.value}`}
                    aria-keyshortcuts={`Alt+${i + 1}`}
                    aria-describedby="desk-askback-question"
                    onClick={() => chooseFacet(askBack, o)}
                  >
                    {i + 1}. {o.name}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
          {/* The ARIA combobox pattern: focus stays in the question field, whose keys move through
              and choose the options (aria-activedescendant); ARIA in HTML allows listbox on ul. */}
          <ul
            id={listId}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows role=listbox on ul
            role="listbox"
            aria-label={t.resultsCount(candidates.length)}
            aria-describedby={uncertain && candidates.length > 0 ? 'desk-uncertain' : undefined}
            className={uncertain ? 'kotae-desk__list is-uncertain' : 'kotae-desk__list'}
            style={LIST_PANE}
          >
            {candidates.map((c, i) => (
              // biome-ignore lint/a11y/useFocusableInteractive: options of an aria-activedescendant listbox are not focused; the question field's keys choose them
              // biome-ignore lint/a11y/useKeyWithClickEvents: Enter in the question field does what this click does
              <li
                key={c.id}
                id={`${listId}-${i}`}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows role=option on li
                role="option"
                aria-selected={i === active}
                className={i === active ? 'is-active' : undefined}
                onMouseEnter={() => setActive(i)}
                // An option holds no button (nested controls confuse screen readers): a click on
                // the option marks it used, as Enter does.
                onClick={() => {
                  setActive(i)
                  toggleUsed(c)
                  inputRef.current?.focus()
                }}
                style={{ cursor: c.kind === 'faq' ? 'pointer' : undefined }}
              >
                <p className="kotae-desk__q">
                  {usedIds.has(c.id) ? `【${t.used}】` : ''}
                  {c.title}
                </p>
                <p>
                  <Snippet snippet={c.snippet} />
                </p>
              </li>
            ))}
          </ul>
        </section>
        {/* Scrolls inside its reserved height, so a longer answer never moves anything. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1) */}
        <section aria-label={t.fullAnswer} className="kotae-desk__detail" style={PANE} tabIndex={0}>
          {result && candidates.length === 0 ? <p>{t.noResults}</p> : null}
          {selected ? (
            <>
              <h2>{selected.title}</h2>
              <h3>{t.readAloud}</h3>
              <p className="kotae-desk__read">{selected.shortAnswer}</p>
              {selected.bring.length > 0 ? (
                <>
                  <h3>{t.bring}</h3>
                  <ul>
                    {selected.bring.map((b) => (
                      <li key={b.item}>
                        {b.item}
                        {b.note ? `（${b.note}）` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {selected.steps.length > 0 ? (
                <>
                  <h3>{t.steps}</h3>
                  <ol>
                    {selected.steps.map((s) => (
                      <li key={s.title}>
                        <strong>{s.title}</strong> {s.detail}
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
              <h3>{t.fullAnswer}</h3>
              <p style={{ whiteSpace: 'pre-wrap' }}>{selected.answer}</p>
              <h3>{t.sources}</h3>
              <ul>
                {selected.sources.map((s) => (
                  <li key={s.url}>
                    <a href={s.url} target="_blank" rel="noreferrer">
                      {s.title}
                    </a>
                    {s.checkedAt ? `（${t.checked} ${s.checkedAt.slice(0, 10)}）` : ''}
                  </li>
                ))}
              </ul>
              <p className="kotae-desk__why">
                {t.why}: {selected.explanation}
              </p>
            </>
          ) : null}
          {result && result.pastCalls.length > 0 ? (
            <>
              <h3>{t.pastCalls}</h3>
              <ul>
                {result.pastCalls.map((p) => (
                  <li key={p.id}>
                    {p.summary}（{outcomes.find((o) => o.value === p.outcome)?.label ?? p.outcome}
                    {p.faqsUsed.length ? ` / ${p.faqsUsed.map((f) => f.question).join('、')}` : ''}）
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <form onSubmit={save} aria-labelledby="desk-form-title" className="kotae-desk__form">
          <h2 id="desk-form-title">{t.form}</h2>
          <p>{t.usedList}</p>
          {/* Room for a few marked FAQs, so marking one does not push the form down. */}
          <ol style={{ minHeight: '4.5em' }}>
            {used.map((u) => (
              <li key={u.id}>{u.title}</li>
            ))}
          </ol>
          <label htmlFor="desk-channel">{t.channel}</label>
          <select {...field('channel')}>
            <SelectOptions of={channels} />
          </select>
          <label htmlFor="desk-callerType">{t.callerType}</label>
          <select {...field('callerType')}>
            <SelectOptions of={callerTypes} />
          </select>
          <label htmlFor="desk-category">{t.category}</label>
          <select {...field('category')}>
            <option value="">—</option>
            <SelectOptions of={categories} />
          </select>
          <label htmlFor="desk-outcome">{t.outcome}</label>
          <select {...field('outcome')}>
            <SelectOptions of={outcomes} />
          </select>
          <label htmlFor="desk-summary">{t.summary}</label>
          <textarea {...field('summary')} rows={4} required maxLength={4000} />
          {form.outcome === 'callback' ? (
            <fieldset>
              <legend>{t.callback}</legend>
              <label htmlFor="desk-name">{t.callbackName}</label>
              <input {...field('name')} autoComplete="off" />
              <label htmlFor="desk-phone">{t.callbackPhone}</label>
              <input {...field('phone')} autoComplete="off" inputMode="tel" />
              <label htmlFor="desk-time">{t.callbackTime}</label>
              <input {...field('time')} autoComplete="off" />
            </fieldset>
          ) : null}
          <button type="submit" className="btn btn--style-primary" disabled={status.kind === 'saving'}>
            {status.kind === 'saving' ? t.saving : t.save}
          </button>
          <p role="status" aria-live="polite">
            {status.kind === 'error' ? '\u00a0' : (status.message ?? '\u00a0')}
          </p>
          {/* A failed save: announced at once, and focusable, so the focus can land on it. */}
          <p role="alert" tabIndex={-1} ref={alertRef} className="kotae-desk__error">
            {status.kind === 'error' ? status.message : ''}
          </p>
          <a
            className="kotae-desk__escalate"
            href={`/admin/collections/escalations/create${savedCallId ? `?call=${savedCallId}` : ''}`}
          >
            {t.escalate}
          </a>
        </form>
      </div>
    </div>
  )
}

/**
 * The search island: instant results as the citizen types, in the browser. Server-rendered as a
 * plain GET form to the search page, so it works (as a link to the search page) before and
 * without JavaScript. The saved index loads on first focus or keystroke, or on the search page
 * once the page is idle (lib/search/client.ts); a failed load says so and is retried on next focus.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'

import { track } from '../lib/events'
import { statusText, type HoursPayload } from '../lib/hours-text'
import { getSearcher, type SearchResponse, type SearchResult } from '../lib/search/client'
import { fill } from '../lib/text'

export type SearchText = {
  label: string
  placeholder: string
  submit: string
  hint: string
  loading: string
  count: string
  countFor: string
  more: string
  guideBadge: string
  /** On English pages, a result whose page is in Japanese only. */
  japaneseOnly: string
  zeroTitle: string
  zeroTips: readonly string[]
  didYouMean: string
  zeroPhone: string
  zeroPopular: string
  error: string
}

type Props = {
  /** `home`: a few results under the box and a link to all; `page`: the search page (reads and writes ?q=). */
  mode: 'home' | 'page'
  /** The page's language. */
  locale: 'ja' | 'en'
  text: SearchText
  /** The search page URL for this language (the form's action). */
  action: string
  /** This language's root (`/`, `/en/`): result paths (`faq/x/`) are below it. */
  base: string
  /** URL prefix of FAQ pages in this language (`/faq/`, `/en/faq/`), for the popular topics. */
  faqBase: string
  /** The saved search index of this language (`/search-index/en.json`). */
  indexUrl: string
  popular: { id: string; title: string; lang: string }[]
  phones: { label: string; number: string; fax: boolean }[]
  hours: HoursPayload
  hoursTitle: string
  /** How many results to show. */
  limit: number
}

const SETTLE_MS = 1500

type Phase = 'idle' | 'loading' | 'ready' | 'error'

function Highlighted({ text, spans }: { text: string; spans: { start: number; end: number }[] }) {
  const out: ReactNode[] = []
  let at = 0
  for (const [n, s] of spans.entries()) {
    if (s.start < at) continue
    if (s.start > at) out.push(text.slice(at, s.start))
    out.push(<mark key={n}>{text.slice(s.start, s.end)}</mark>)
    at = s.end
  }
  if (at < text.length) out.push(text.slice(at))
  return <>{out}</>
}

function ZeroResults({ query, suggestions, onSuggest, props }: { query: string; suggestions: string[]; onSuggest: (q: string) => void; props: Props }) {
  const { text: t } = props
  const st = statusText(props.hours, new Date())
  return (
    <div className="zero" data-testid="zero-results">
      <p className="zero-title">{fill(t.zeroTitle, { q: query })}</p>
      {suggestions.length > 0 && (
        <p>
          {t.didYouMean}{' '}
          {suggestions.map((s) => (
            <button key={s} type="button" className="link-button" lang="ja" onClick={() => onSuggest(s)}>
              {s}
            </button>
          ))}
        </p>
      )}
      <ul className="tips">
        {t.zeroTips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      <h2>{t.zeroPhone}</h2>
      <ul className="phones">
        {props.phones
          .filter((p) => !p.fax)
          .map((p) => (
            <li key={p.number}>
              <span className="phone-label" lang="ja">
                {p.label}
              </span>
              <a className="phone-number" href={`tel:${p.number.replace(/[^0-9]/g, '')}`}>
                {p.number}
              </a>
            </li>
          ))}
      </ul>
      <h3>{props.hoursTitle}</h3>
      <div className="hours-status" data-state={st.state}>
        <p className={`badge ${st.state}`}>
          {st.badge}
          {st.until && <span className="until"> {st.until}</span>}
        </p>
        <p className="today">{st.today}</p>
        {st.reason && <p className="reason">{st.reason}</p>}
        {st.next && <p className="next">{st.next}</p>}
      </div>
      {props.popular.length > 0 && (
        <>
          <h2>{t.zeroPopular}</h2>
          <ul className="links">
            {props.popular.map((p) => (
              <li key={p.id}>
                <a href={`${props.faqBase}${p.id}/`} lang={p.lang}>
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

export default function SearchBox(props: Props) {
  const { mode, text: t } = props
  const id = useId()
  const [query, setQuery] = useState('')
  const [response, setResponse] = useState<(SearchResponse & { query: string }) | undefined>()
  const [state, setState] = useState<Phase>('idle')
  // The same, for handlers created before the last render (idle callback, pending promises).
  const phase = useRef<Phase>('idle')
  const setPhase = (p: Phase) => {
    phase.current = p
    setState(p)
  }
  const seq = useRef(0)
  const input = useRef<HTMLInputElement>(null)
  const tracked = useRef('')
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  // Starts the download, or retries after a failure (on the next focus).
  const start = () => {
    if (phase.current === 'loading' || phase.current === 'ready') return
    const retry = phase.current === 'error'
    setPhase('loading')
    getSearcher(props.indexUrl).ready.then(
      () => {
        setPhase('ready')
        // After a failure, the text already in the box gets its results now.
        const typed = input.current?.value ?? ''
        if (retry && typed.trim()) run(typed)
      },
      () => setPhase('error'),
    )
  }

  const record = (q: string, results: number) => {
    const key = q.trim()
    if (!key || key === tracked.current) return
    tracked.current = key
    track({ type: 'search', query: key, results })
    if (results === 0) track({ type: 'zero-result', query: key })
  }

  const run = (q: string) => {
    const n = ++seq.current
    if (settle.current) clearTimeout(settle.current)
    if (!q.trim()) {
      setResponse(undefined)
      return
    }
    // After a failed load, typing does not download again; the next focus does.
    if (phase.current === 'error') return
    start()
    getSearcher(props.indexUrl)
      .search(q, props.limit)
      .then((r) => {
        if (n !== seq.current) return
        setResponse({ ...r, query: q })
        settle.current = setTimeout(() => {
          record(q, r.results.length)
          if (mode === 'page') history.replaceState(null, '', `${location.pathname}?q=${encodeURIComponent(q.trim())}`)
        }, SETTLE_MS)
      })
      .catch(() => setPhase('error'))
  }

  useEffect(() => {
    // Text typed before the island woke up (a slow phone), else ?q= on the search page.
    const typed = input.current?.value ?? ''
    const q = typed || (mode === 'page' ? (new URLSearchParams(location.search).get('q') ?? '') : '')
    if (q) {
      setQuery(q)
      run(q)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => () => settle.current && clearTimeout(settle.current), [])

  // The search page is for searching: fetch the index once the page is idle, before the first key.
  useEffect(() => {
    if (mode !== 'page') return
    if (typeof requestIdleCallback === 'function') {
      const h = requestIdleCallback(start, { timeout: 3000 })
      return () => cancelIdleCallback(h)
    }
    const h = setTimeout(start, 500)
    return () => clearTimeout(h)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (mode === 'page') {
      e.preventDefault()
      if (response && response.query === query) record(query, response.results.length)
    }
  }

  const onSuggest = (s: string) => {
    setQuery(s)
    run(s)
  }

  const shown = response && response.query.trim() ? response : undefined
  const results = shown?.results ?? []
  const href = (r: SearchResult) => `${props.base}${r.path}`
  const status = state === 'error' ? t.error : shown ? fill(t.countFor, { q: shown.query.trim(), n: results.length }) : state === 'loading' && query ? t.loading : ''

  return (
    <div className={`search search-${mode}`}>
      <form role="search" action={props.action} method="get" onSubmit={onSubmit}>
        <label htmlFor={`${id}-q`}>{t.label}</label>
        <div className="search-row">
          <input
            ref={input}
            id={`${id}-q`}
            type="search"
            name="q"
            value={query}
            placeholder={t.placeholder}
            autoComplete="off"
            enterKeyHint="search"
            maxLength={200}
            aria-describedby={`${id}-hint`}
            onFocus={start}
            onChange={(e) => {
              setQuery(e.target.value)
              run(e.target.value)
            }}
          />
          <button type="submit">{t.submit}</button>
        </div>
        <p id={`${id}-hint`} className="hint">
          {t.hint}
        </p>
      </form>
      <p className="search-status" role="status" aria-live="polite">
        {status}
      </p>
      {results.length > 0 && (
        <ol className="results" data-testid="search-results">
          {results.map((r) => (
            <li key={`${r.kind}:${r.id}`}>
              <a href={href(r)} lang={r.lang} onClick={() => record(shown!.query, results.length)}>
                {r.title}
              </a>
              {r.kind === 'guide' && <span className="tag">{t.guideBadge}</span>}
              {props.locale === 'en' && r.lang === 'ja' && <span className="tag">{t.japaneseOnly}</span>}
              <p className="snippet" lang={r.snippetLang}>
                <Highlighted text={r.snippet.text} spans={r.snippet.highlights} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {mode === 'home' && results.length > 0 && (
        <p className="more">
          <a href={`${props.action}?q=${encodeURIComponent(shown!.query.trim())}`}>{t.more}</a>
        </p>
      )}
      {shown && results.length === 0 && state !== 'error' && <ZeroResults query={shown.query.trim()} suggestions={shown.suggestions} onSuggest={onSuggest} props={props} />}
    </div>
  )
}

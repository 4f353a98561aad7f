/**
 * The search island: instant results as the citizen types, in the browser. Server-rendered as a
 * plain GET form to the search page, so it works (as a link to the search page) before and
 * without JavaScript. The saved index loads on first focus or keystroke, or on the search page
 * once the page is idle (lib/search/client.ts); a failed load says so and is retried on next focus.
 *
 * An answer is in one of three states (lib/search/view.ts): sure (the results), not sure (a plain
 * sentence, the top results as close topics, the phone and today's hours) or none (the same
 * sentence, hints, the phone, popular topics); a question asked back (card or certificate?) sits
 * above the results, one button per choice, and a choice re-ranks at once. While an IME is
 * composing, nothing found is never flashed nor announced: the last answer stays until the text
 * is committed.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'

import Marked from '../components/Marked'
import PhoneItem from '../components/PhoneItem'
import { track } from '../lib/events'
import { statusText, type HoursPayload } from '../lib/hours-text'
import {
  getSearcher,
  type AskBack,
  type ChosenFacets,
  type SearchResponse,
  type SearchResult,
} from '../lib/search/client'
import { answerState, NEAR_TOPICS, optionName, statusLine } from '../lib/search/view'

type SearchText = {
  label: string
  placeholder: string
  submit: string
  hint: string
  loading: string
  count: string
  countFor: string
  countShown: string
  more: string
  guideBadge: string
  /** On English pages, a result whose page is in Japanese only. */
  japaneseOnly: string
  notSure: string
  notSureStatus: string
  nearTopics: string
  nearLead: string
  zeroTips: readonly string[]
  tooShort: string
  didYouMean: string
  zeroPhone: string
  zeroPopular: string
  askBack: string
  askBackHint: string
  askBackStatus: string
  askBackChosen: string
  /** Facet names by `dimension.value` for pages not in Japanese. */
  facetNames: Readonly<Record<string, string>>
  error: string
}

export type SearchBoxProps = {
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
  /** `label` in `lang`: the English label on English pages where the city profile has one. */
  phones: { label: string; lang: 'ja' | 'en'; number: string; fax: boolean }[]
  hours: HoursPayload
  hoursTitle: string
  /** How many results to show. */
  limit: number
}

const SETTLE_MS = 1500

/** What the box takes (and what the search reads of a `?q=` link). */
const MAX_QUERY = 200

type Phase = 'idle' | 'loading' | 'ready' | 'error'

/** The snippet with its matches marked; in English text the Japanese terms are marked `lang="ja"` too. */
function Highlighted({
  text,
  spans,
  lang,
}: {
  text: string
  spans: { start: number; end: number }[]
  lang: 'ja' | 'en'
}) {
  const out: ReactNode[] = []
  const plain = (piece: string, key: string) => (lang === 'en' ? <Marked key={key} text={piece} /> : piece)
  let at = 0
  for (const [n, s] of spans.entries()) {
    if (s.start < at) continue
    if (s.start > at) out.push(plain(text.slice(at, s.start), `t${n}`))
    out.push(<mark key={n}>{plain(text.slice(s.start, s.end), `m${n}`)}</mark>)
    at = s.end
  }
  if (at < text.length) out.push(plain(text.slice(at), 'end'))
  return <>{out}</>
}

/** The phone numbers (no fax) and today's hours, as the contact card shows them. */
function CallUs({ props }: { props: SearchBoxProps }) {
  const st = statusText(props.hours, new Date())
  return (
    <>
      <h2>{props.text.zeroPhone}</h2>
      <ul className="phones">
        {props.phones
          .filter((p) => !p.fax)
          .map((p) => (
            <PhoneItem key={p.number} number={p.number} lang={p.lang}>
              {p.lang === 'en' ? <Marked text={p.label} /> : p.label}
            </PhoneItem>
          ))}
      </ul>
      <h3>
        <Marked text={props.hoursTitle} lang={props.locale} />
      </h3>
      <div className="hours-status" data-state={st.state}>
        <p className={`badge ${st.state}`}>
          {st.badge}
          {st.until && <span className="until"> {st.until}</span>}
        </p>
        <p className="today">{st.today}</p>
        {st.reason && <p className="reason">{st.reason}</p>}
        {st.next && <p className="next">{st.next}</p>}
      </div>
    </>
  )
}

function ResultItem({ r, props, onOpen }: { r: SearchResult; props: SearchBoxProps; onOpen: () => void }) {
  const { text: t } = props
  return (
    <li>
      <a href={`${props.base}${r.path}`} lang={r.lang} onClick={onOpen}>
        {r.lang === 'en' ? <Marked text={r.title} /> : r.title}
      </a>
      {r.kind === 'guide' && <span className="tag">{t.guideBadge}</span>}
      {props.locale === 'en' && r.lang === 'ja' && <span className="tag">{t.japaneseOnly}</span>}
      <p className="snippet" lang={r.snippetLang}>
        <Highlighted text={r.snippet.text} spans={r.snippet.highlights} lang={r.snippetLang} />
      </p>
    </li>
  )
}

/**
 * No sure answer: said plainly, then the closest topics (the top results, when there are any) or
 * spelling hints, the phone number with today's hours, and popular topics when nothing matched.
 */
export function NoSureAnswer({
  query,
  response,
  labelledBy,
  onSuggest,
  onOpen,
  props,
}: {
  query: string
  response: SearchResponse
  labelledBy: string
  onSuggest: (q: string) => void
  onOpen: () => void
  props: SearchBoxProps
}) {
  const { text: t } = props
  const near = response.results.slice(0, NEAR_TOPICS)
  const id = useId()
  // The plain sentence (no sure answer) is the status line just above, which labels this panel.
  return (
    <section
      className="zero"
      data-testid={near.length > 0 ? 'not-sure' : 'zero-results'}
      aria-labelledby={labelledBy}
    >
      {near.length > 0 ? (
        <>
          <h2 id={`${id}-near`}>{t.nearTopics}</h2>
          <p className="hint">{t.nearLead}</p>
          <ol className="results near" aria-labelledby={`${id}-near`} data-testid="near-topics">
            {near.map((r) => (
              <ResultItem key={`${r.kind}:${r.id}`} r={r} props={props} onOpen={onOpen} />
            ))}
          </ol>
        </>
      ) : (
        <>
          {response.suggestions.length > 0 && (
            <p>
              {t.didYouMean}{' '}
              {response.suggestions.map((s) => (
                <button key={s} type="button" className="link-button" lang="ja" onClick={() => onSuggest(s)}>
                  {s}
                </button>
              ))}
            </p>
          )}
          <ul className="tips">
            {[...query.trim()].length < 2 ? (
              <li>
                <Marked text={t.tooShort} lang={props.locale} />
              </li>
            ) : (
              t.zeroTips.map((tip) => (
                <li key={tip}>
                  <Marked text={tip} lang={props.locale} />
                </li>
              ))
            )}
          </ul>
        </>
      )}
      <CallUs props={props} />
      {near.length === 0 && props.popular.length > 0 && (
        <>
          <h2>{t.zeroPopular}</h2>
          <ul className="links">
            {props.popular.map((p) => (
              <li key={p.id}>
                <a href={`${props.faqBase}${p.id}/`} lang={p.lang}>
                  {p.lang === 'en' ? <Marked text={p.title} /> : p.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** The question asked back: one toggle button per choice; the chosen one is pressed. */
export function AskBackQuestion({
  askBack,
  chosen,
  onChoose,
  props,
}: {
  askBack: AskBack
  chosen?: string
  onChoose: (value: string) => void
  props: SearchBoxProps
}) {
  const { text: t } = props
  const id = useId()
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of choice buttons, not form fields: role=group without a fieldset's border and legend
    <div
      className="ask-back"
      role="group"
      aria-labelledby={`${id}-q`}
      aria-describedby={`${id}-hint`}
      data-testid="ask-back"
    >
      <p className="ask-back-question" id={`${id}-q`}>
        {t.askBack}
      </p>
      <p className="hint" id={`${id}-hint`}>
        {t.askBackHint}
      </p>
      <div className="ask-back-options">
        {askBack.options.map((o) => {
          const { name, lang } = optionName(askBack, o, props.locale, t.facetNames)
          return (
            <button
              key={o.value}
              type="button"
              lang={lang}
              data-value={o.value}
              aria-pressed={chosen === o.value}
              onClick={() => onChoose(o.value)}
            >
              {name}
            </button>
          )
        })}
      </div>
    </div>
  )
}

/** A question asked back for a query, and the citizen's answer to it (if any). */
type Asked = { query: string; askBack: AskBack; chosen?: string }

export default function SearchBox(props: SearchBoxProps) {
  const { mode, text: t } = props
  const id = useId()
  const [query, setQuery] = useState('')
  const [response, setResponse] = useState<(SearchResponse & { query: string }) | undefined>()
  const [asked, setAsked] = useState<Asked | undefined>()
  const [state, setState] = useState<Phase>('idle')
  // True between compositionstart and compositionend (an IME is turning keystrokes into text).
  const composing = useRef(false)
  const [isComposing, setComposing] = useState(false)
  const lastStatus = useRef('')
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

  /** Searches `q`; `choice`: the answer to the question asked back for `q` (re-ranks, keeps the question). */
  const run = (q: string, choice?: { dimension: string; value: string }) => {
    const n = ++seq.current
    if (settle.current) clearTimeout(settle.current)
    if (mode === 'page') document.documentElement.classList.toggle('search-has-q', Boolean(q.trim()))
    if (!q.trim()) {
      setResponse(undefined)
      setAsked(undefined)
      return
    }
    // After a failed load, typing does not download again; the next focus does.
    if (phase.current === 'error') return
    start()
    const facets: ChosenFacets | undefined = choice ? { [choice.dimension]: [choice.value] } : undefined
    getSearcher(props.indexUrl)
      .search(q, props.limit, facets)
      .then((r) => {
        if (n !== seq.current) return
        // Mid-composition text (かーど, ｍｙ) often finds nothing yet: keep the last answer on screen.
        if (composing.current && answerState(r) !== 'sure') return
        setResponse({ ...r, query: q })
        if (choice) setAsked((a) => (a && a.query === q ? { ...a, chosen: choice.value } : a))
        else setAsked(r.askBack ? { query: q, askBack: r.askBack } : undefined)
        if (composing.current) return
        settle.current = setTimeout(() => {
          record(q, r.results.length)
          if (mode === 'page')
            history.replaceState(null, '', `${location.pathname}?q=${encodeURIComponent(q.trim())}`)
        }, SETTLE_MS)
      })
      .catch(() => setPhase('error'))
  }

  /** A choice in the question asked back: search again with it at once; pressing it again undoes it. */
  const choose = (value: string) => {
    if (!asked || !response) return
    const q = asked.query
    if (asked.chosen === value) {
      setAsked({ query: q, askBack: asked.askBack })
      run(q)
      return
    }
    track({ type: 'facet-choice', dimension: asked.askBack.dimension, value })
    run(q, { dimension: asked.askBack.dimension, value })
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the island wakes up
  useEffect(() => {
    // Text typed before the island woke up (a slow phone), else ?q= on the search page.
    const typed = input.current?.value ?? ''
    // (A link's ?q= is cut to what the box takes.)
    const q =
      typed ||
      (mode === 'page' ? (new URLSearchParams(location.search).get('q') ?? '').slice(0, MAX_QUERY) : '')
    if (q) {
      setQuery(q)
      run(q)
    }
  }, [])

  useEffect(() => () => settle.current && clearTimeout(settle.current), [])

  // The search page is for searching: fetch the index once the page is idle, before the first key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the island wakes up
  useEffect(() => {
    if (mode !== 'page') return
    if (typeof requestIdleCallback === 'function') {
      const h = requestIdleCallback(start, { timeout: 3000 })
      return () => cancelIdleCallback(h)
    }
    const h = setTimeout(start, 500)
    return () => clearTimeout(h)
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

  const shown = response?.query.trim() ? response : undefined
  const results = shown?.results ?? []
  const answer = shown ? answerState(shown) : undefined
  const question = shown && asked && asked.query === shown.query ? asked : undefined
  const chosenName = question?.chosen
    ? question.askBack.options.find((o) => o.value === question.chosen)
    : undefined
  const statusNow =
    state === 'error'
      ? t.error
      : shown
        ? statusLine(
            t,
            shown.query,
            { ...shown, askBack: question?.askBack },
            chosenName && optionName(question!.askBack, chosenName, props.locale, t.facetNames).name,
          )
        : state === 'loading' && query
          ? t.loading
          : ''
  // While an IME composes, the live region keeps what it said before (no "0 results" per keystroke).
  const status = isComposing && state !== 'error' ? lastStatus.current : statusNow
  if (!isComposing) lastStatus.current = statusNow
  const open = () => shown && record(shown.query, results.length)

  return (
    <div className={`search search-${mode}`}>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is newer than some phones the site serves; role=search on the form is the ARIA landmark */}
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
            maxLength={MAX_QUERY}
            aria-describedby={`${id}-hint`}
            onFocus={start}
            onChange={(e) => {
              setQuery(e.target.value)
              run(e.target.value)
            }}
            onCompositionStart={() => {
              composing.current = true
              setComposing(true)
            }}
            onCompositionEnd={(e) => {
              composing.current = false
              setComposing(false)
              // The committed text (some browsers send its input event after this, which searches again).
              run(e.currentTarget.value)
            }}
          />
          <button type="submit">{t.submit}</button>
        </div>
        <p id={`${id}-hint`} className="hint">
          {t.hint}
        </p>
      </form>
      <div className="search-output">
        <p className="search-status" id={`${id}-status`} role="status" aria-live="polite">
          {status}
        </p>
        {question && state !== 'error' && (
          <AskBackQuestion
            askBack={question.askBack}
            chosen={question.chosen}
            onChoose={choose}
            props={props}
          />
        )}
        {answer === 'sure' && (
          <ol className="results" data-testid="search-results">
            {results.map((r) => (
              <ResultItem key={`${r.kind}:${r.id}`} r={r} props={props} onOpen={open} />
            ))}
          </ol>
        )}
        {mode === 'home' && answer === 'sure' && (
          <p className="more">
            <a href={`${props.action}?q=${encodeURIComponent(shown!.query.trim())}`}>{t.more}</a>
          </p>
        )}
        {shown && answer !== 'sure' && state !== 'error' && (
          <NoSureAnswer
            query={shown.query}
            response={shown}
            labelledBy={`${id}-status`}
            onSuggest={onSuggest}
            onOpen={open}
            props={props}
          />
        )}
      </div>
    </div>
  )
}

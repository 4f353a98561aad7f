/**
 * The search island's answer panels rendered to HTML (React's server renderer, no browser): the
 * not-sure panel with its close topics, the phone and today's hours; the question asked back with
 * one toggle button per choice.
 */
import { loadValidContent } from '@kotae/content'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'

import { toPublicData } from '../src/data'
import { strings } from '../src/i18n'
import { AskBackQuestion, NoSureAnswer, type SearchBoxProps } from '../src/islands/SearchBox'
import { isFax } from '../src/lib/format'
import { hoursPayload } from '../src/lib/hours-payload'
import type { SearchResult } from '../src/lib/search/protocol'

let props: SearchBoxProps
let numbers: string[]

beforeAll(async () => {
  const data = toPublicData(await loadValidContent(), '2026-11-30')
  const s = strings('ja')
  const { title: _t, noscript: _n, browse: _b, showing: _s, ...text } = s.search
  numbers = data.city.phones.filter((p) => !isFax(p.label)).map((p) => p.number)
  props = {
    mode: 'page',
    locale: 'ja',
    text,
    action: '/search/',
    base: '/',
    faqBase: '/faq/',
    indexUrl: '/search-index/ja.json',
    popular: [{ id: 'pin-forgot', title: '暗証番号を忘れました', lang: 'ja' }],
    phones: data.city.phones.map((p) => ({
      label: p.label,
      lang: 'ja' as const,
      number: p.number,
      fax: isFax(p.label),
    })),
    hours: hoursPayload(data.city, s),
    hoursTitle: s.hours.title,
    limit: 20,
  }
}, 60_000)

const result = (id: string): SearchResult => ({
  id,
  kind: 'faq',
  lang: 'ja',
  title: `題 ${id}`,
  snippetLang: 'ja',
  path: `faq/${id}/`,
  snippet: { text: `抜粋 ${id}`, highlights: [] },
})
const noop = () => undefined

describe('the not-sure panel', () => {
  it('shows the top 3 results as close topics, then the phone numbers and today’s hours', () => {
    const html = renderToStaticMarkup(
      createElement(NoSureAnswer, {
        query: 'ごみ',
        response: { results: ['a', 'b', 'c', 'd', 'e'].map(result), found: 5, sure: false, suggestions: [] },
        labelledBy: 'st',
        onSuggest: noop,
        onOpen: noop,
        props,
      }),
    )
    expect(html).toContain('data-testid="not-sure"')
    expect(html).toContain('aria-labelledby="st"')
    expect(html).toContain('<h2')
    expect(html).toContain('近い話題')
    expect(html.match(/href="\/faq\/[a-e]\/"/g)).toEqual([
      'href="/faq/a/"',
      'href="/faq/b/"',
      'href="/faq/c/"',
    ])
    expect(numbers.length).toBeGreaterThan(0)
    for (const n of numbers) expect(html).toContain(n)
    expect(html).not.toContain('0000-00-0000') // a placeholder number never shows
    expect(html).toMatch(/class="hours-status" data-state="(open|closed|unknown)"/)
    expect(html).toContain('きょう ')
    // No popular topics there: the close topics take their place.
    expect(html).not.toContain('よく見られている質問')
  })

  it('with nothing found: hints (or the two-character hint for one character), the phone, popular topics', () => {
    const none = (query: string) =>
      renderToStaticMarkup(
        createElement(NoSureAnswer, {
          query,
          response: { results: [], found: 0, sure: false, suggestions: [] },
          labelledBy: 'st',
          onSuggest: noop,
          onOpen: noop,
          props,
        }),
      )
    const html = none('粗大ゴミの出し方')
    expect(html).toContain('data-testid="zero-results"')
    expect(html).toContain('短い言葉で探してみてください')
    expect(html).toContain('よく見られている質問')
    expect(html).toContain(numbers[0])
    expect(none('カ')).toContain('2文字以上の言葉で探してみてください')
  })
})

describe('the question asked back', () => {
  const askBack = {
    dimension: 'what',
    question: 'どちらについてのご質問ですか？',
    options: [
      { value: 'card', name: 'カード本体' },
      { value: 'certificate', name: '電子証明書' },
    ],
  }

  it('is a labelled group of toggle buttons; the chosen one is pressed', () => {
    const html = renderToStaticMarkup(
      createElement(AskBackQuestion, { askBack, chosen: 'certificate', onChoose: noop, props }),
    )
    expect(html).toMatch(/role="group" aria-labelledby="[^"]+" aria-describedby="[^"]+"/)
    expect(html).toContain('どちらについてのご質問ですか？')
    expect(html).toContain(
      '<button type="button" lang="ja" data-value="card" aria-pressed="false">カード本体</button>',
    )
    expect(html).toContain(
      '<button type="button" lang="ja" data-value="certificate" aria-pressed="true">電子証明書</button>',
    )
  })

  it('on English pages, in English', () => {
    const html = renderToStaticMarkup(
      createElement(AskBackQuestion, {
        askBack,
        onChoose: noop,
        props: {
          ...props,
          locale: 'en',
          text: {
            ...props.text,
            ...(({ title: _t, noscript: _n, browse: _b, showing: _s, ...t }) => t)(strings('en').search),
          },
        },
      }),
    )
    expect(html).toContain('Which one is your question about?')
    expect(html).toContain(
      'lang="en" data-value="certificate" aria-pressed="false">The electronic certificates</button>',
    )
  })
})

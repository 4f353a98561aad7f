/**
 * What the search island shows for an answer, as pure functions (tested without a browser):
 *  - `sure`: results, the first a sure answer (the engine's calibrated model);
 *  - `not-sure`: results, but none the engine is sure of — the island says so plainly and shows
 *    the top few as close topics, with the phone number and today's hours;
 *  - `none`: nothing matched — the same plain sentence, spelling hints, the phone, popular topics.
 * A question asked back (`askBack`) can come with any of them; it is shown above the results.
 */
import { fill } from '../text'
import type { AskBack, SearchResponse } from './protocol'

export type AnswerState = 'sure' | 'not-sure' | 'none'

/** How many close topics a not-sure answer shows. */
export const NEAR_TOPICS = 3

export function answerState(r: Pick<SearchResponse, 'results' | 'sure'>): AnswerState {
  if (r.results.length === 0) return 'none'
  return r.sure ? 'sure' : 'not-sure'
}

/** A query as a page quotes it: trimmed, at most `max` characters (a `?q=` link may carry 10,000). */
export function quoted(query: string, max = 40): string {
  const chars = [...query.trim().replace(/\s+/gu, ' ')]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')
}

export type StatusStrings = {
  countFor: string
  countShown: string
  notSure: string
  notSureStatus: string
  askBackStatus: string
  askBackChosen: string
}

/**
 * The live region's sentence for an answer. `chosen`: the name of the facet the citizen picked in
 * answer to the question asked back (the results are re-ranked by it).
 */
export function statusLine(
  t: StatusStrings,
  query: string,
  r: Pick<SearchResponse, 'results' | 'sure' | 'askBack'> & { found?: number },
  chosen?: string,
): string {
  const q = quoted(query)
  const shown = r.results.length
  // What was found, not what is shown (the home page shows the first 5).
  const n = Math.max(r.found ?? shown, shown)
  const state = answerState(r)
  if (state === 'none') return fill(t.notSure, { q })
  if (state === 'not-sure') return fill(t.notSureStatus, { q, n: Math.min(shown, NEAR_TOPICS) })
  if (chosen) return fill(t.askBackChosen, { name: chosen, n })
  if (r.askBack) return fill(t.askBackStatus, { q, n })
  return fill(n > shown ? t.countShown : t.countFor, { q, n, shown })
}

/**
 * The name of a facet value on a page: the vocabulary's own (Japanese) name on Japanese pages; on
 * other pages the page language's name for `dimension.value` when it has one, else the Japanese
 * name marked as Japanese.
 */
export function optionName(
  askBack: Pick<AskBack, 'dimension'>,
  option: AskBack['options'][number],
  locale: 'ja' | 'en',
  names: Readonly<Record<string, string>>,
): { name: string; lang: 'ja' | 'en' } {
  if (locale === 'ja') return { name: option.name, lang: 'ja' }
  const own = names[`${askBack.dimension}.${option.value}`]
  return own ? { name: own, lang: locale } : { name: option.name, lang: 'ja' }
}

/** Picks a language's strings and formats the few things that differ by language. */
import { fill, formatYmd } from '../lib/text'
import { en } from './en'
import { ja, type Strings } from './ja'

export type Locale = 'ja' | 'en'
export type { Strings }
export { fill }
export const LOCALES: readonly Locale[] = ['ja', 'en']

export const strings = (locale: Locale): Strings => (locale === 'en' ? en : ja)

/** A YYYY-MM-DD date in the language's style (`full` with weekday, `short` without year, `plain` without weekday). */
export const formatDate = (s: Strings, ymd: string, style: 'full' | 'short' | 'plain' = 'plain'): string =>
  formatYmd(s.date[style], s.hours.weekdays, ymd)

/** The URL of a locale-neutral path (`faq/x/`, '' for home) in a language: Japanese at the root, English under /en/. */
export function localePath(locale: Locale, path = ''): string {
  const clean = path.replace(/^\/+/, '')
  return locale === 'en' ? `/en/${clean}` : `/${clean}`
}

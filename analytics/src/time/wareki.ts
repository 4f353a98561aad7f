/**
 * Dates for people, in 和暦 (令和8年10月) and 西暦 (2026年10月), always in Asia/Tokyo.
 *
 * The era comes from Intl's Japanese calendar (`ja-JP-u-ca-japanese`), which Node 20 (full ICU) and
 * current browsers carry with 令和 from 2019-05-01, so no era table is written by hand here. Intl
 * writes the first year of an era as 元 only in some styles, so the year is always normalised to 元.
 */
import { JST_TIME_ZONE, jstMidnight } from './jst'

const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: JST_TIME_ZONE,
  era: 'long',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
})

export interface WarekiParts {
  /** '令和', '平成', … */
  era: string
  /** Year of the era, 1 for 元年. */
  eraYear: number
  month: number
  day: number
}

/** The era, era year, month and day of an instant in JST. */
export function warekiParts(ms: number): WarekiParts {
  let era = ''
  let eraYear = Number.NaN
  let month = Number.NaN
  let day = Number.NaN
  for (const part of eraFormat.formatToParts(new Date(ms))) {
    if (part.type === 'era') era = part.value
    else if (part.type === 'year') eraYear = part.value === '元' ? 1 : Number(part.value)
    else if (part.type === 'month') month = Number(part.value)
    else if (part.type === 'day') day = Number(part.value)
  }
  if (!era || !Number.isFinite(eraYear))
    throw new Error('this runtime has no Japanese calendar in Intl (Node needs full ICU)')
  return { era, eraYear, month, day }
}

const eraYearText = (era: string, eraYear: number) => `${era}${eraYear === 1 ? '元' : eraYear}年`
/** Noon avoids any question of which side of midnight a date falls. */
const noon = (year: number, month: number, day: number) => jstMidnight(year, month, day) + 12 * 3_600_000

/** '令和8年10月1日' for an instant, in JST. */
export function formatWarekiDate(ms: number): string {
  const p = warekiParts(ms)
  return `${eraYearText(p.era, p.eraYear)}${p.month}月${p.day}日`
}

/** '2026年10月1日' for an instant, in JST. */
export function formatSeirekiDate(ms: number): string {
  const p = seirekiFormat.formatToParts(new Date(ms))
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? ''
  return `${get('year')}年${Number(get('month'))}月${Number(get('day'))}日`
}
const seirekiFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: JST_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
})

/** '令和8年10月'; the era in force at the month's end names it (平成31年4月, 令和元年5月, 平成元年1月). */
export function formatWarekiMonth(year: number, month: number): string {
  const p = warekiParts(noon(year, month + 1, 0))
  return `${eraYearText(p.era, p.eraYear)}${month}月`
}

/** '2026年10月'. */
export function formatSeirekiMonth(year: number, month: number): string {
  return `${year}年${month}月`
}

/**
 * '令和8年' for a calendar year, '令和8年度' for a fiscal year. A year in which the era changed is
 * named by the era in force at its end (2019 is 令和元年; fiscal 2019 is 令和元年度), as the
 * government did after 2019-05-01.
 */
export function formatWarekiYear(year: number, options: { fiscal?: boolean } = {}): string {
  const p = warekiParts(noon(year, 12, 31))
  return `${eraYearText(p.era, p.eraYear)}${options.fiscal ? '度' : ''}`
}

/** '2026年' or '2026年度'. */
export function formatSeirekiYear(year: number, options: { fiscal?: boolean } = {}): string {
  return `${year}年${options.fiscal ? '度' : ''}`
}

const dateTimeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: JST_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** '2026/10/01 09:05' in JST. */
export function formatJstDateTime(ms: number): string {
  return dateTimeFormat.format(new Date(ms))
}

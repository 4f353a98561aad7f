/**
 * Timestamps as PBXs write them, to UTC milliseconds. Formats:
 *  - 'iso': 2026-10-01T09:05:00, 2026-10-01 09:05:00.123, with or without Z / +09:00 (without: the mapping's zone);
 *  - 'epoch-seconds' / 'epoch-millis': Unix time;
 *  - a pattern of yyyy MM dd HH mm ss S… (fraction) and literal characters, e.g. 'yyyy/MM/dd HH:mm:ss'.
 *    Two-digit fields also take one digit (Excel writes 2026/10/1 9:05), and ':ss' may be missing
 *    (Excel drops seconds when it re-saves a CSV).
 * Wall times are read in the mapping's IANA zone (default Asia/Tokyo) or a fixed offset ('+09:00', 'UTC').
 * Every field is range-checked (no 31 April, no 25:00); a parser returns NaN for anything it cannot read.
 */
import { escapeRegExp } from '@kotae/content/escapeRegExp'

import { JST_OFFSET_MS } from '../time'

export type TimestampParser = (text: string) => number

// Pattern letters; any other character (T, /, 年) is literal. A run like 'yy' is rejected.
const TOKEN = /yyyy|MM?|dd?|HH?|mm|ss|S+|[yMdHms]+/g

/** Compiles a pattern (or 'iso', 'epoch-seconds', 'epoch-millis') and a zone into a parser; throws on a bad pattern or zone. */
export function compileTimestampParser(format: string, timeZone = 'Asia/Tokyo'): TimestampParser {
  const toUtc = wallClockToUtc(timeZone)
  if (format === 'epoch-seconds' || format === 'epoch-millis') {
    const scale = format === 'epoch-seconds' ? 1000 : 1
    return (text) => (/^\d{1,13}(?:\.\d+)?$/.test(text) ? Math.round(Number(text) * scale) : Number.NaN)
  }
  if (format === 'iso') {
    const re =
      /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
    return (text) => {
      const m = re.exec(text)
      if (!m) return Number.NaN
      const wall = wallMs(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, m[7])
      if (Number.isNaN(wall)) return wall
      return m[8] ? wall - offsetMs(m[8]) : toUtc(wall)
    }
  }
  const order: string[] = []
  let source = '^'
  let last = 0
  for (const match of format.matchAll(TOKEN)) {
    const token = match[0]
    source += escapeRegExp(format.slice(last, match.index))
    last = match.index + token.length
    const field =
      { yyyy: 'y', MM: 'M', M: 'M', dd: 'd', d: 'd', HH: 'H', H: 'H', mm: 'm', ss: 's' }[token] ??
      (token[0] === 'S' ? 'S' : undefined)
    if (!field)
      throw new Error(`unknown token "${token}" in timestamp format "${format}" (use yyyy MM dd HH mm ss S)`)
    if (order.includes(field)) throw new Error(`"${token}" twice in timestamp format "${format}"`)
    order.push(field)
    if (field === 's' && source.endsWith(':')) {
      source = `${source.slice(0, -1)}(?::(\\d{1,2}))?`
      continue
    }
    source +=
      field === 'y' ? '(\\d{4})' : field === 'S' ? '(\\d{1,9})' : field === 'm' ? '(\\d{2})' : '(\\d{1,2})'
  }
  source += `${escapeRegExp(format.slice(last))}$`
  for (const need of ['y', 'M', 'd', 'H', 'm'])
    if (!order.includes(need))
      throw new Error(`timestamp format "${format}" lacks ${need === 'm' ? 'mm' : need}`)
  const re = new RegExp(source)
  const at = (f: string) => order.indexOf(f) + 1
  const [y, M, d, H, mi, s, S] = ['y', 'M', 'd', 'H', 'm', 's', 'S'].map(at) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  return (text) => {
    const m = re.exec(text)
    if (!m) return Number.NaN
    const wall = wallMs(+m[y]!, +m[M]!, +m[d]!, +m[H]!, +m[mi]!, s && m[s] ? +m[s] : 0, S ? m[S] : undefined)
    return Number.isNaN(wall) ? wall : toUtc(wall)
  }
}

/** The wall-clock fields as if they were UTC, NaN when any is out of range (no 31 April, no 29 February 2026). */
function wallMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction?: string,
): number {
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return Number.NaN
  return Date.UTC(
    year,
    month - 1,
    day,
    hour,
    minute,
    second,
    fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
  )
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const daysInMonth = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS[month - 1]!

function offsetMs(designator: string): number {
  if (designator === 'Z' || designator === 'z') return 0
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(designator)
  if (!m) return Number.NaN
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000
}

/** Whether a string names a time zone this module can use. */
export function isUsableTimeZone(timeZone: string): boolean {
  try {
    wallClockToUtc(timeZone)
    return true
  } catch {
    return false
  }
}

/**
 * A function from wall-clock ms (fields read as UTC) to the true UTC instant in a zone. Fixed offsets
 * (Asia/Tokyo, UTC, ±HH:MM) are a subtraction; other IANA zones ask Intl once per hour of wall time.
 */
export function wallClockToUtc(timeZone: string): (wall: number) => number {
  if (timeZone === 'Asia/Tokyo' || timeZone === 'Japan') return (wall) => wall - JST_OFFSET_MS
  if (/^(?:UTC|Etc\/UTC|GMT|Z)$/i.test(timeZone)) return (wall) => wall
  if (/^[+-]\d{2}:?\d{2}$/.test(timeZone)) {
    const off = offsetMs(timeZone)
    return (wall) => wall - off
  }
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone, // throws RangeError for an unknown zone
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  const offsetAt = (instant: number): number => {
    const p: Record<string, number> = {}
    for (const part of fmt.formatToParts(new Date(instant)))
      if (part.type !== 'literal') p[part.type] = Number(part.value)
    const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!)
    return asUtc - Math.floor(instant / 1000) * 1000
  }
  const cache = new Map<number, number>()
  return (wall) => {
    const hour = Math.floor(wall / 3_600_000)
    let off = cache.get(hour)
    if (off === undefined) {
      const guess = wall - offsetAt(wall)
      off = offsetAt(guess)
      if (cache.size > 100_000) cache.clear()
      cache.set(hour, off)
    }
    return wall - off
  }
}

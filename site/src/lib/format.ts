/** Small display helpers shared by pages. */
import { fill, type Strings } from '../i18n'
import type { HoursRule } from './hours'

export { hm } from './text'

const ordinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`

/** "第2・第4日曜日" / "2nd & 4th Sun" for a weekly rule. */
export function ruleDays(s: Strings, rule: Pick<HoursRule, 'weekdays' | 'weeksOfMonth'>): string {
  const wd = [...rule.weekdays].sort((a, b) => a - b)
  const name = (d: number) => s.hours.weekdays[d] ?? ''
  const consecutive = wd.length >= 3 && wd.every((d, i) => i === 0 || d === (wd[i - 1] ?? 0) + 1)
  const days = consecutive
    ? fill(s.hours.range, { a: name(wd[0] ?? 0), b: name(wd.at(-1) ?? 0) })
    : wd.map(name).join(s.hours.dayJoin)
  const weeks = rule.weeksOfMonth?.length
    ? rule.weeksOfMonth
        .map((n) => fill(s.hours.nthWeeks, { n: s.lang === 'en' ? ordinal(n) : n }))
        .join(s.hours.nthJoin)
    : s.hours.everyWeek
  return fill(s.hours.ruleDays, { weeks, days }).trim()
}

/** A phone number as a tel: URL. */
export const telHref = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`

/** Whether a phone entry is a FAX line (shown, but not as a link to call). */
export const isFax = (label: string) => /FAX/i.test(label)

/** Whether a phone entry is the city's Citizens Division (市民課), the office whose hours the site shows. */
export const isCitizensDivision = (label: string) => label.includes('市民課')

/** Dependency-free text helpers, safe to bundle into the browser scripts. */

/** Fills `{name}` placeholders. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m))
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A YYYY-MM-DD date through a template with {y} {m} {d} {mon} {w}. */
export function formatYmd(template: string, weekdays: readonly string[], ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number]
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return fill(template, { y, m, d, mon: MONTHS[m - 1] ?? '', w: weekdays[w] ?? '' })
}

/** HH:MM → H:MM (no leading zero). */
export const hm = (t: string) => t.replace(/^0(\d)/, '$1')

import type { ContentBundle } from './load'
import type { ContentProblem } from './problems'

/** How many FAQs each category needs, so no category page is nearly empty. */
export const MIN_FAQS_PER_CATEGORY = 3

/** Checks across files: ids, references, duplicates. Each rule reports every offender. */
export function crossCheck(bundle: Omit<ContentBundle, 'problems'>): ContentProblem[] {
  const problems: ContentProblem[] = []
  const dup = <T>(items: T[], key: (t: T) => string, where: (t: T) => string, field: string, what: string) => {
    const seen = new Map<string, string>()
    for (const item of items) {
      const k = key(item)
      const first = seen.get(k)
      if (first) problems.push({ file: where(item), field, message: `${what} "${k}" is also used by ${first}` })
      else seen.set(k, where(item))
    }
  }
  dup(bundle.categories, (c) => c.id, (c) => `categories.yaml (${c.id})`, 'id', 'duplicate id')
  dup(bundle.sources, (s) => s.id, (s) => `sources.yaml (${s.id})`, 'id', 'duplicate id')
  dup([...bundle.faqs, ...bundle.guides], (e) => e.id, (e) => e.file, 'id', 'duplicate id')
  dup(
    bundle.faqs,
    (f) => `${f.locale}:${f.question.replace(/[\s？?。]/g, '')}`,
    (f) => f.file,
    'question',
    'duplicate question',
  )

  const categoryIds = new Set(bundle.categories.map((c) => c.id))
  const sourceIds = new Set(bundle.sources.map((s) => s.id))
  const faqIds = new Set(bundle.faqs.map((f) => f.id))
  const entryIds = new Set([...faqIds, ...bundle.guides.map((g) => g.id)])
  for (const e of [...bundle.faqs, ...bundle.guides]) {
    if (!categoryIds.has(e.category)) problems.push({ file: e.file, field: 'category', message: `unknown category "${e.category}" (see categories.yaml)` })
    e.sources.forEach((s, i) => {
      if (!sourceIds.has(s)) problems.push({ file: e.file, field: `sources.${i}`, message: `unknown source "${s}" (see sources.yaml)` })
    })
    e.related.forEach((r, i) => {
      if (!entryIds.has(r)) problems.push({ file: e.file, field: `related.${i}`, message: `unknown FAQ or guide "${r}"` })
      if (r === e.id) problems.push({ file: e.file, field: `related.${i}`, message: 'an entry cannot be related to itself' })
    })
  }
  for (const f of bundle.faqs) {
    if (f.translationOf && !faqIds.has(f.translationOf)) problems.push({ file: f.file, field: 'translationOf', message: `unknown FAQ "${f.translationOf}"` })
    if (f.locale === 'en' && !f.translationOf) problems.push({ file: f.file, field: 'translationOf', message: 'an English FAQ must name the Japanese FAQ it translates' })
    if (new Set(f.alternatives).size !== f.alternatives.length) problems.push({ file: f.file, field: 'alternatives', message: 'the same phrasing is listed twice' })
  }
  for (const c of bundle.categories) {
    const n = bundle.faqs.filter((f) => f.category === c.id && f.locale === 'ja').length
    if (n < MIN_FAQS_PER_CATEGORY) problems.push({ file: `categories.yaml (${c.id})`, field: 'id', message: `has ${n} Japanese FAQ(s); every category needs at least ${MIN_FAQS_PER_CATEGORY}` })
  }
  return problems
}

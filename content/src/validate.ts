/**
 * Checks that span files: ids, references, duplicates, category sizes. They run on what each
 * file holds even when the file failed its schema, so one bad field neither hides the other
 * problems of that file nor makes every file that refers to it look broken.
 */
import path from 'node:path'

import { facetDimensionRefs, findFacetIssues, type FacetDimensionRef } from './facets'
import type { ContentProblem } from './problems'
import type { Category, Faq, FacetDimension, Guide, Source } from './schema'

/** The facet vocabulary's file, relative to the content folder. */
export const FACETS_FILE = 'facets.yaml'

/** Every category needs at least this many Japanese FAQs, so no category page is nearly empty. */
export const MIN_FAQS_PER_CATEGORY = 3

/** The most characters a `shortAnswer` may have, so an operator can read it aloud in one breath. */
export const SHORT_ANSWER_MAX = 80

/** What the cross-file checks need to know about one FAQ or guide file, valid or not. */
export type EntryRef = {
  /** Path relative to the content folder, e.g. `faqs/ja/pin-forgot.md`. */
  file: string
  kind: 'faq' | 'guide'
  id?: string
  /** `ja` when the file does not say. */
  locale: string
  category?: string
  question?: string
  /** Kept by position so a problem names the right index; non-strings are `undefined`. */
  sources: (string | undefined)[]
  related: (string | undefined)[]
  alternatives: (string | undefined)[]
  translationOf?: string
  needsReview: boolean
  operatorNotes?: string
  /** The `facets` override as written: dimension id → value ids by position (non-strings `undefined`). */
  facets?: Record<string, (string | undefined)[]>
}

/** The list files by position: an item whose id is missing or not a string has `id: undefined`. */
export type CrossCheckInput = {
  categories: { id?: string }[]
  sources: { id?: string }[]
  entries: EntryRef[]
  /**
   * The facet vocabulary (facets.yaml) by position, valid or not: checked for duplicate ids and
   * forms, and FAQ overrides are checked against it. `[]` when the file is missing (every override
   * is then unknown); leave it out to skip both checks (e.g. a corpus assembled without facets).
   */
  facets?: FacetDimensionRef[]
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const strList = (v: unknown): (string | undefined)[] => (Array.isArray(v) ? v.map(str) : [])
const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** Reads the fields the cross-file checks use from a file's raw front matter (anything YAML gave). */
export function entryRef(file: string, kind: 'faq' | 'guide', raw: unknown): EntryRef {
  const r =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  return {
    file,
    kind,
    id: str(r.id),
    locale: str(r.locale) ?? 'ja',
    category: str(r.category),
    question: str(r.question),
    sources: strList(r.sources),
    related: strList(r.related),
    alternatives: strList(r.alternatives),
    translationOf: str(r.translationOf),
    needsReview: r.needsReview === true,
    operatorNotes: str(r.operatorNotes),
    facets: isRecord(r.facets)
      ? Object.fromEntries(Object.entries(r.facets).map(([k, v]) => [k, strList(v)]))
      : undefined,
  }
}

/** A question compared without spaces and closing punctuation, so `…ですか？` and `…ですか` collide. */
const questionKey = (q: string): string => q.normalize('NFKC').replace(/[\s?？。.!！]/g, '')

/** Runs every cross-file check and returns every problem found (never stops at the first). */
export function crossCheck(input: CrossCheckInput): ContentProblem[] {
  const problems: ContentProblem[] = []
  const report = (file: string, field: string | undefined, message: string) =>
    problems.push(field ? { file, field, message } : { file, message })

  const firstIndex = (items: { id?: string }[], file: string) => {
    const seen = new Map<string, number>()
    items.forEach((item, i) => {
      if (item.id === undefined) return
      const first = seen.get(item.id)
      if (first === undefined) seen.set(item.id, i)
      else report(file, `${i}.id`, `duplicate id "${item.id}" (also item ${first})`)
    })
    return new Set(seen.keys())
  }
  const categoryIds = firstIndex(input.categories, 'categories.yaml')
  const sourceIds = firstIndex(input.sources, 'sources.yaml')

  const byId = new Map<string, EntryRef>()
  const questions = new Map<string, string>()
  for (const e of input.entries) {
    if (e.id !== undefined) {
      const first = byId.get(e.id)
      if (first) report(e.file, 'id', `duplicate id "${e.id}" (also ${first.file})`)
      else byId.set(e.id, e)
      const name = path.basename(e.file, '.md')
      if (name !== e.id) report(e.file, 'id', `"${e.id}" must match the file name "${name}"`)
    }
    const folder = path.basename(path.dirname(e.file))
    if (folder !== e.locale)
      report(e.file, 'locale', `is "${e.locale}" but the file is in the ${folder}/ folder`)
    if (e.kind === 'faq' && e.question !== undefined) {
      const key = `${e.locale}:${questionKey(e.question)}`
      const first = questions.get(key)
      if (first) report(e.file, 'question', `the same question is asked by ${first}`)
      else questions.set(key, e.file)
    }
  }

  // One translation per Japanese FAQ and locale: two English versions of one entry would compete
  // for the same /en/ page, and an editor would not know which one readers see.
  const translations = new Map<string, string>()

  for (const e of input.entries) {
    if (e.category !== undefined && !categoryIds.has(e.category))
      report(e.file, 'category', `unknown category "${e.category}" (see categories.yaml)`)
    e.sources.forEach((s, i) => {
      if (s !== undefined && !sourceIds.has(s))
        report(e.file, `sources.${i}`, `unknown source "${s}" (see sources.yaml)`)
    })
    e.related.forEach((r, i) => {
      if (r === undefined) return
      if (r === e.id) report(e.file, `related.${i}`, 'an entry cannot be related to itself')
      else if (!byId.has(r)) report(e.file, `related.${i}`, `unknown FAQ or guide "${r}"`)
    })
    if (e.kind !== 'faq') continue
    const seen = new Set<string>()
    e.alternatives.forEach((a, i) => {
      if (a === undefined) return
      const key = questionKey(a)
      if (seen.has(key)) report(e.file, `alternatives.${i}`, `"${a}" is listed twice`)
      else if (e.question !== undefined && key === questionKey(e.question))
        report(e.file, `alternatives.${i}`, 'repeats the question; give a different phrasing')
      seen.add(key)
    })
    if (e.translationOf !== undefined) {
      const original = byId.get(e.translationOf)
      if (original?.kind !== 'faq')
        report(e.file, 'translationOf', `points to "${e.translationOf}", which is not an FAQ`)
      else if (original.locale !== 'ja')
        report(e.file, 'translationOf', `points to "${e.translationOf}", which is not a Japanese FAQ`)
      if (e.locale === 'ja')
        report(e.file, 'translationOf', 'only a translation (locale: en) names the FAQ it translates')
      else {
        const key = `${e.locale}:${e.translationOf}`
        const first = translations.get(key)
        if (first)
          report(
            e.file,
            'translationOf',
            `"${e.translationOf}" already has a translation (locale ${e.locale}): ${first}`,
          )
        else translations.set(key, e.file)
      }
    } else if (e.locale !== 'ja') {
      report(e.file, 'translationOf', `a ${e.locale} FAQ must name the Japanese FAQ it translates`)
    }
    if (e.needsReview && !e.operatorNotes?.trim())
      report(
        e.file,
        'operatorNotes',
        'needsReview is true: say in operatorNotes what a reviewer must confirm',
      )
    if (e.facets && input.facets) checkFacetOverride(e, input.facets, report)
  }

  if (input.facets)
    for (const issue of findFacetIssues(input.facets))
      report(FACETS_FILE, issue.path.join('.'), issue.message)

  input.categories.forEach((c, i) => {
    if (c.id === undefined) return
    const n = input.entries.filter((e) => e.kind === 'faq' && e.locale === 'ja' && e.category === c.id).length
    if (n < MIN_FAQS_PER_CATEGORY)
      report(
        'categories.yaml',
        `${i}.id`,
        `category "${c.id}" has ${n} Japanese FAQ(s); every category needs at least ${MIN_FAQS_PER_CATEGORY}`,
      )
  })
  return problems
}

/** An FAQ's `facets` override names dimensions and values that facets.yaml defines, each once. */
function checkFacetOverride(
  e: EntryRef,
  dimensions: FacetDimensionRef[],
  report: (file: string, field: string, message: string) => void,
): void {
  const known = dimensions.filter((d) => d.id !== undefined)
  for (const [dimension, values] of Object.entries(e.facets ?? {})) {
    const d = known.find((x) => x.id === dimension)
    if (!d) {
      const hint =
        known.length > 0
          ? `facets.yaml has ${known.map((x) => x.id).join(', ')}`
          : 'there is no facets.yaml, or it defines no dimension'
      report(e.file, `facets.${dimension}`, `unknown facet dimension "${dimension}" (${hint})`)
      continue
    }
    const ids = d.values.map((v) => v.id).filter((id): id is string => id !== undefined)
    const seen = new Set<string>()
    values.forEach((v, i) => {
      if (v === undefined) return
      if (!ids.includes(v))
        report(
          e.file,
          `facets.${dimension}.${i}`,
          `unknown value "${v}" in facet dimension "${dimension}" (facets.yaml has ${ids.join(', ')})`,
        )
      else if (seen.has(v)) report(e.file, `facets.${dimension}.${i}`, `"${v}" is listed twice`)
      seen.add(v)
    })
  }
}

/** Runs the cross-file checks on an already-parsed corpus (e.g. one assembled by the CMS). */
export function validateBundle(bundle: {
  faqs: Faq[]
  guides: Guide[]
  sources: Source[]
  categories: Category[]
  facets?: FacetDimension[]
}): ContentProblem[] {
  return crossCheck({
    categories: bundle.categories,
    sources: bundle.sources,
    facets: bundle.facets ? facetDimensionRefs({ dimensions: bundle.facets }) : undefined,
    entries: [
      ...bundle.faqs.map((f) => entryRef(f.file, 'faq', f)),
      ...bundle.guides.map((g) => entryRef(g.file, 'guide', g)),
    ],
  })
}

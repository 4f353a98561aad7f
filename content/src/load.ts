/**
 * Reads the content folder into a {@link ContentBundle}. Loading never throws on bad content:
 * every problem (schema, YAML, cross-file) is collected with its file and field, so an editor
 * sees all of them at once. {@link loadValidContent} throws when there is any.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import YAML from 'yaml'
import { z } from 'zod'

import { ContentInvalidError, type ContentProblem } from './problems'
import {
  categorySchema,
  cityProfileSchema,
  facetDimensionSchema,
  facetsFileShapeSchema,
  faqFrontMatterSchema,
  guideBringSchema,
  guideFrontMatterSchema,
  guideStepSchema,
  localeSchema,
  requiredItemSchema,
  sourceSchema,
  synonymGroupSchema,
  type Category,
  type CityProfile,
  type Faq,
  type FacetDimension,
  type Guide,
  type Source,
  type SynonymGroup,
} from './schema'
import { facetDimensionRefs, type FacetDimensionRef } from './facets'
import { crossCheck, entryRef, FACETS_FILE, type EntryRef } from './validate'
import { guideEnglishGaps } from './english'
import { BOLD_SPACING_RULE, findBoldSpacing } from './markdown/boldSpacing'
import { findNestedLists, NESTED_LIST_RULE } from './markdown/nestedList'
import { findRawHtml } from './markdown/rawHtml'
import { easyProblems } from './readability/readability'

export type { ContentProblem } from './problems'

/** The curated corpus: the folder that holds this package's `src/`. */
export const DEFAULT_CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The locales a `faqs/` or `guides/` folder may hold, one subfolder each. */
export const LOCALES = localeSchema.options

export type ContentBundle = {
  /** The folder that was read. */
  dir: string
  /** Only files that passed their schema; Japanese first, then English, each sorted by file name. */
  faqs: Faq[]
  guides: Guide[]
  sources: Source[]
  categories: Category[]
  synonyms: SynonymGroup[]
  /**
   * The facet vocabulary (facets.yaml): dimensions, their values and the forms that name them.
   * `[]` when the folder has no facets.yaml (the curated corpus must have one; its tests say so).
   * When the file fails its schema, the dimensions that pass on their own are kept.
   */
  facets: FacetDimension[]
  /** When city.yaml is missing or invalid this is `undefined` at run time and `problems` says why. */
  city: CityProfile
  /** Every problem found; empty when the content is valid. */
  problems: ContentProblem[]
}

// The schemas as the files must follow them: a misspelt field name (`needReview:`) is a problem,
// not silently dropped. Defaults and types are those of schema.ts.
const item = z.strictObject(requiredItemSchema.shape)
const faqFileSchema = z.strictObject({ ...faqFrontMatterSchema.shape, bring: z.array(item).default([]) })
const guideFileSchema = z.strictObject({
  ...guideFrontMatterSchema.shape,
  steps: z.array(z.strictObject(guideStepSchema.shape)).min(1),
  bring: z.array(z.strictObject({ ...guideBringSchema.shape, items: z.array(item).min(1) })).default([]),
})
const categoryFileSchema = z.strictObject(categorySchema.shape)
const sourceFileSchema = z.strictObject(sourceSchema.shape)
const synonymsFileSchema = z.strictObject({ groups: z.array(z.strictObject(synonymGroupSchema.shape)) })
const cityFileSchema = z.strictObject(cityProfileSchema.shape)

/** Reads the value at a zod issue path, to say how long a too-long text is. */
const valueAt = (root: unknown, at: PropertyKey[]): unknown =>
  at.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    root,
  )

/** Zod issues as problems, with plain messages: "is required", "is 93 characters long; at most 80". */
function issuesToProblems(
  file: string,
  error: z.ZodError,
  raw: unknown,
  prefix: (string | number)[] = [],
): ContentProblem[] {
  const out: ContentProblem[] = []
  const field = (at: PropertyKey[]) => [...prefix, ...at].map(String).join('.')
  for (const issue of error.issues) {
    const value = valueAt(raw, issue.path)
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({
          file,
          field: field([...issue.path, key]),
          message: 'unknown field (misspelt? see src/schema.ts)',
        })
      continue
    }
    let message = issue.message
    if (issue.code === 'invalid_type' && value === undefined) message = 'is required'
    else if (issue.code === 'too_big' && issue.origin === 'string' && typeof value === 'string')
      message = `is ${[...value].length} characters long; at most ${String(issue.maximum)}`
    else if (issue.code === 'too_small' && issue.origin === 'array' && Array.isArray(value))
      message = `has ${value.length} item(s); needs at least ${String(issue.minimum)}`
    const at = field(issue.path)
    out.push(at ? { file, field: at, message } : { file, message })
  }
  return out
}

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''

async function readText(dir: string, file: string, problems: ContentProblem[]): Promise<string | undefined> {
  try {
    return await fs.readFile(path.join(dir, file), 'utf8')
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    problems.push({ file, message: missing ? 'file is missing' : `cannot be read: ${firstLine(error)}` })
    return undefined
  }
}

/** Parses a YAML file; a syntax error (or a duplicate key) is a problem, and the result is `undefined`. */
async function readYaml(dir: string, file: string, problems: ContentProblem[]): Promise<unknown> {
  const text = await readText(dir, file, problems)
  if (text === undefined) return undefined
  try {
    return YAML.parse(text) as unknown
  } catch (error) {
    problems.push({ file, message: `YAML: ${firstLine(error)}` })
    return undefined
  }
}

/**
 * A YAML list file whose items each follow `schema`. Bad items are reported by index and left
 * out of `items`; `refs` keeps every item's id by position for the cross-file checks.
 */
async function readList<T>(
  dir: string,
  file: string,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): Promise<{ items: T[]; refs: { id?: string }[] }> {
  const raw = await readYaml(dir, file, problems)
  if (raw === undefined || raw === null) {
    if (raw === null) problems.push({ file, message: 'is empty; it must be a YAML list' })
    return { items: [], refs: [] }
  }
  if (!Array.isArray(raw)) {
    problems.push({ file, message: 'must be a YAML list (each item starting with "- ")' })
    return { items: [], refs: [] }
  }
  const items: T[] = []
  const refs = raw.map((entry: unknown, i) => {
    const parsed = schema.safeParse(entry)
    if (parsed.success) items.push(parsed.data)
    else problems.push(...issuesToProblems(file, parsed.error, entry, [i]))
    const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined
    return { id: typeof id === 'string' ? id : undefined }
  })
  return { items, refs }
}

/** A YAML file holding one object that follows `schema`. */
async function readObject<T>(
  dir: string,
  file: string,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): Promise<T | undefined> {
  const raw = await readYaml(dir, file, problems)
  if (raw === undefined) return undefined
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  problems.push(...issuesToProblems(file, parsed.error, raw))
  return undefined
}

/**
 * facets.yaml: the dimensions that pass their schema, and every dimension as written for the
 * cross-file checks (duplicates, FAQ overrides). A missing file is no problem here (`[]` for both,
 * so any FAQ override is reported as unknown); a file that cannot be parsed leaves `refs` out.
 */
async function readFacets(
  dir: string,
  problems: ContentProblem[],
): Promise<{ dimensions: FacetDimension[]; refs?: FacetDimensionRef[] }> {
  const exists = await fs.stat(path.join(dir, FACETS_FILE)).then(
    () => true,
    () => false,
  )
  if (!exists) return { dimensions: [], refs: [] }
  // Unreadable or empty: that is the problem reported; the FAQ overrides are not checked against nothing.
  const raw = await readYaml(dir, FACETS_FILE, problems)
  if (raw === undefined) return { dimensions: [] }
  if (raw === null) {
    problems.push({
      file: FACETS_FILE,
      message: 'is empty; it must hold "dimensions:", a list of dimensions',
    })
    return { dimensions: [] }
  }
  const refs = facetDimensionRefs(raw)
  const parsed = facetsFileShapeSchema.safeParse(raw)
  if (parsed.success) return { dimensions: parsed.data.dimensions, refs }
  problems.push(...issuesToProblems(FACETS_FILE, parsed.error, raw))
  const rawDimensions =
    raw !== null && typeof raw === 'object' ? (raw as { dimensions?: unknown }).dimensions : undefined
  const dimensions = (Array.isArray(rawDimensions) ? rawDimensions : []).flatMap((d: unknown) => {
    const one = facetDimensionSchema.safeParse(d)
    return one.success ? [one.data] : []
  })
  return { dimensions, refs }
}

/** The Markdown files of `faqs/` or `guides/`, by locale folder then name; anything else there is a problem. */
async function markdownFiles(
  dir: string,
  sub: 'faqs' | 'guides',
  problems: ContentProblem[],
): Promise<string[]> {
  const top = await fs.readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => undefined)
  if (!top) {
    problems.push({ file: sub, message: 'folder is missing' })
    return []
  }
  const out: string[] = []
  for (const entry of top.filter((e) => !e.name.startsWith('.'))) {
    if (!entry.isDirectory() || !(LOCALES as readonly string[]).includes(entry.name)) {
      problems.push({
        file: `${sub}/${entry.name}`,
        message: `not loaded: files go in ${LOCALES.map((l) => `${sub}/${l}/`).join(' or ')}`,
      })
    }
  }
  for (const locale of LOCALES) {
    const names = await fs.readdir(path.join(dir, sub, locale)).catch(() => [] as string[])
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue
      if (name.endsWith('.md')) out.push(`${sub}/${locale}/${name}`)
      else
        problems.push({
          file: `${sub}/${locale}/${name}`,
          message: 'not loaded: only .md files are read here',
        })
    }
  }
  return out
}

/**
 * A Markdown file's YAML front matter (between a first line `---` and the next line `---`) and the
 * body after it. Written here, not taken from a library: it is one regular expression, and
 * gray-matter, which did it before, brought js-yaml 3 beside the `yaml` 2 every file is parsed with.
 */
const FRONT_MATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/

/** One Markdown file with YAML front matter: the parsed data (when valid), the body and the raw front matter. */
async function readFrontMatter<T>(
  dir: string,
  file: string,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): Promise<{ data?: T; body: string; bodyLine: number; raw: unknown } | undefined> {
  const text = await readText(dir, file, problems)
  if (text === undefined) return undefined
  if (!/^\uFEFF?---\r?\n/.test(text)) {
    problems.push({
      file,
      field: 'front matter',
      message: 'is missing: the file must start with a line "---", the YAML fields, then "---"',
    })
    return undefined
  }
  const split = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''))
  if (!split) {
    problems.push({
      file,
      field: 'front matter',
      message: 'is not closed: a line "---" must end the YAML fields',
    })
    return undefined
  }
  let raw: unknown
  try {
    // The `yaml` package (YAML 1.2) keeps 2027-05-31 as a string, so the schema sees what the editor wrote.
    raw = YAML.parse(split[1] ?? '') ?? {}
  } catch (error) {
    problems.push({ file, field: 'front matter', message: `YAML: ${firstLine(error)}` })
    return undefined
  }
  const rest = split.input.slice(split[0].length)
  const body = rest.trim()
  // Lines of the file before the body's first line, so a problem in the body can name the file's line.
  const bodyLine = (
    split.input.slice(0, split[0].length + rest.length - rest.trimStart().length).match(/\n/g) ?? []
  ).length
  const result = schema.safeParse(raw)
  if (!result.success) {
    problems.push(...issuesToProblems(file, result.error, raw))
    return { body, bodyLine, raw }
  }
  return { data: result.data, body, bodyLine, raw }
}

const boldSpacingMessage = (line: number, bold: string) =>
  `line ${line}: ${BOLD_SPACING_RULE}: a space between Japanese text and ${bold} shows as a gap on the site; write it without the space (bold closes next to kana and 」 as it is)`

const nestedListMessage = (line: number, item: string) =>
  `line ${line}: ${NESTED_LIST_RULE}: 「${item}」 is a list inside a list item; the CMS keeps one list level, so it would publish differently from this file; make it one list, or write the inner items as text`

/**
 * The やさしい日本語 version's problems: written for a Japanese answer only, Markdown as the site
 * renders it (no raw HTML, no space before bold), and easy by the stricter rules ({@link easyProblems}).
 */
function easyVersionProblems(file: string, faq: { easy?: string; locale: string }): ContentProblem[] {
  const easy = faq.easy ?? ''
  if (faq.locale !== 'ja')
    return [
      {
        file,
        field: 'easy',
        message: 'is for Japanese FAQs only: an English FAQ has no やさしい日本語 version',
      },
    ]
  return [
    ...findRawHtml(easy).map(({ line, tag }) => ({
      file,
      field: 'easy',
      message: `line ${line} of easy: raw HTML ${tag} would be dropped on the site; write it in Markdown`,
    })),
    ...findBoldSpacing(easy).map(({ line, text }) => ({
      file,
      field: 'easy',
      message: `line ${line} of easy: ${BOLD_SPACING_RULE}: a space between Japanese text and ${text} shows as a gap on the site; write it without the space`,
    })),
    ...findNestedLists(easy).map(({ line, text }) => ({
      file,
      field: 'easy',
      message: `line ${line} of easy: ${NESTED_LIST_RULE}: 「${text}」 is a list inside a list item; the CMS keeps one list level; make it one list`,
    })),
    ...easyProblems(easy).map((message) => ({ file, field: 'easy', message })),
  ]
}

/**
 * Loads every content file under `dir` (default: this package's folder). Never throws on bad
 * content; see `problems`.
 */
export async function loadContent(dir: string = DEFAULT_CONTENT_DIR): Promise<ContentBundle> {
  const problems: ContentProblem[] = []
  const [categories, sources, synonyms, city, facets] = await Promise.all([
    readList(dir, 'categories.yaml', categoryFileSchema, problems),
    readList(dir, 'sources.yaml', sourceFileSchema, problems),
    readObject(dir, 'synonyms.yaml', synonymsFileSchema, problems),
    readObject(dir, 'city.yaml', cityFileSchema, problems),
    readFacets(dir, problems),
  ])

  const refs: EntryRef[] = []
  const faqs: Faq[] = []
  for (const file of await markdownFiles(dir, 'faqs', problems)) {
    const read = await readFrontMatter(dir, file, faqFileSchema, problems)
    if (!read) continue
    refs.push(entryRef(file, 'faq', read.raw))
    if (!read.body)
      problems.push({
        file,
        field: 'answer',
        message: 'is empty: the Markdown body after the front matter is the full answer',
      })
    for (const { line, tag } of findRawHtml(read.body))
      problems.push({
        file,
        field: 'answer',
        message: `line ${line} of the answer: raw HTML ${tag} would be dropped on the site; write it in Markdown`,
      })
    for (const { line, text } of findBoldSpacing(read.body))
      problems.push({ file, field: 'answer', message: boldSpacingMessage(read.bodyLine + line, text) })
    for (const { line, text } of findNestedLists(read.body))
      problems.push({ file, field: 'answer', message: nestedListMessage(read.bodyLine + line, text) })
    if (read.data?.easy !== undefined) problems.push(...easyVersionProblems(file, read.data))
    if (read.data) faqs.push({ ...read.data, answer: read.body, file })
  }
  const guides: Guide[] = []
  for (const file of await markdownFiles(dir, 'guides', problems)) {
    const read = await readFrontMatter(dir, file, guideFileSchema, problems)
    if (!read) continue
    refs.push(entryRef(file, 'guide', read.raw))
    for (const { line, text } of findBoldSpacing(read.body))
      problems.push({ file, field: 'body', message: boldSpacingMessage(read.bodyLine + line, text) })
    for (const { line, text } of findNestedLists(read.body))
      problems.push({ file, field: 'body', message: nestedListMessage(read.bodyLine + line, text) })
    if (read.data) {
      for (const gap of guideEnglishGaps(read.data, read.body)) problems.push({ file, ...gap })
      guides.push({ ...read.data, body: read.body, file })
    }
  }

  problems.push(
    ...crossCheck({ categories: categories.refs, sources: sources.refs, entries: refs, facets: facets.refs }),
  )
  // Grouped by file name (a stable sort, so each file's problems keep the order they were found in).
  problems.sort((a, b) => (a.file === b.file ? 0 : a.file < b.file ? -1 : 1))

  return {
    dir,
    faqs,
    guides,
    sources: sources.items,
    categories: categories.items,
    synonyms: synonyms?.groups ?? [],
    facets: facets.dimensions,
    city: city as CityProfile,
    problems,
  }
}

/** Like {@link loadContent}, but throws {@link ContentInvalidError} (listing every problem) when there is any. */
export async function loadValidContent(dir?: string): Promise<ContentBundle> {
  const bundle = await loadContent(dir)
  if (bundle.problems.length > 0) throw new ContentInvalidError(bundle.problems)
  return bundle
}

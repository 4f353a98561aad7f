import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import matter from 'gray-matter'
import YAML from 'yaml'
import type { z } from 'zod'

import { ContentInvalidError, type ContentProblem } from './problems'
import {
  categorySchema,
  cityProfileSchema,
  faqFrontMatterSchema,
  guideFrontMatterSchema,
  sourceSchema,
  synonymsFileSchema,
  type Category,
  type CityProfile,
  type Faq,
  type Guide,
  type Source,
  type SynonymGroup,
} from './schema'
import { crossCheck } from './validate'

/** The curated corpus as files, next to this package's src/. */
export const DEFAULT_CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export type ContentBundle = {
  dir: string
  faqs: Faq[]
  guides: Guide[]
  sources: Source[]
  categories: Category[]
  synonyms: SynonymGroup[]
  city: CityProfile
  problems: ContentProblem[]
}

/** A missing field reads "is required", not zod's type wording. */
const issueMessage = (i: z.core.$ZodIssue): string => (i.code === 'invalid_type' && /received undefined/.test(i.message) ? 'is required' : i.message)

const issuesToProblems = (file: string, error: z.ZodError, prefix = ''): ContentProblem[] =>
  error.issues.map((i) => ({ file, field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || undefined, message: issueMessage(i) }))

async function readYaml(dir: string, file: string, problems: ContentProblem[]): Promise<unknown> {
  try {
    return YAML.parse(await fs.readFile(path.join(dir, file), 'utf8'))
  } catch (error) {
    problems.push({ file, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file is missing' : `YAML: ${(error as Error).message.split('\n')[0]}` })
    return undefined
  }
}

/** Parses a YAML list file whose items each follow `schema`; bad items are reported by index. */
async function readList<T>(dir: string, file: string, schema: z.ZodType<T>, problems: ContentProblem[]): Promise<T[]> {
  const raw = await readYaml(dir, file, problems)
  if (raw === undefined) return []
  if (!Array.isArray(raw)) {
    problems.push({ file, message: 'must be a YAML list' })
    return []
  }
  const items: T[] = []
  raw.forEach((item, i) => {
    const parsed = schema.safeParse(item)
    if (parsed.success) items.push(parsed.data)
    else problems.push(...issuesToProblems(file, parsed.error, String(i)))
  })
  return items
}

async function markdownFiles(dir: string, sub: string): Promise<string[]> {
  const out: string[] = []
  for (const locale of ['ja', 'en']) {
    const folder = path.join(dir, sub, locale)
    const names = await fs.readdir(folder).catch(() => [] as string[])
    for (const name of names.sort()) if (name.endsWith('.md')) out.push(path.join(sub, locale, name))
  }
  return out
}

/** Reads one Markdown file with YAML front matter; `file` is relative to `dir`. */
async function readFrontMatter<T>(dir: string, file: string, schema: z.ZodType<T>, problems: ContentProblem[]): Promise<{ data: T; body: string } | undefined> {
  let parsed: matter.GrayMatterFile<string>
  try {
    // The `yaml` package (YAML 1.2) keeps dates as strings, so the schema sees what the editor wrote.
    parsed = matter(await fs.readFile(path.join(dir, file), 'utf8'), { engines: { yaml: (text: string) => YAML.parse(text) as object } })
  } catch (error) {
    problems.push({ file, field: 'front matter', message: `YAML: ${(error as Error).message.split('\n')[0]}` })
    return undefined
  }
  const result = schema.safeParse(parsed.data)
  if (!result.success) {
    problems.push(...issuesToProblems(file, result.error))
    return undefined
  }
  const id = (result.data as { id: string }).id
  if (path.basename(file, '.md') !== id) problems.push({ file, field: 'id', message: `must match the file name (${path.basename(file, '.md')})` })
  const locale = (result.data as { locale: string }).locale
  if (path.basename(path.dirname(file)) !== locale) problems.push({ file, field: 'locale', message: `is "${locale}" but the file is in the ${path.basename(path.dirname(file))}/ folder` })
  return { data: result.data, body: parsed.content.trim() }
}

/**
 * Loads every content file. Never throws on bad content: each problem is collected with its
 * file and field, so an editor sees all of them at once.
 */
export async function loadContent(dir: string = DEFAULT_CONTENT_DIR): Promise<ContentBundle> {
  const problems: ContentProblem[] = []
  const [categories, sources] = await Promise.all([
    readList(dir, 'categories.yaml', categorySchema, problems),
    readList(dir, 'sources.yaml', sourceSchema, problems),
  ])
  const synonymsRaw = await readYaml(dir, 'synonyms.yaml', problems)
  const synonymsParsed = synonymsRaw === undefined ? undefined : synonymsFileSchema.safeParse(synonymsRaw)
  if (synonymsParsed && !synonymsParsed.success) problems.push(...issuesToProblems('synonyms.yaml', synonymsParsed.error))
  const cityRaw = await readYaml(dir, 'city.yaml', problems)
  const cityParsed = cityRaw === undefined ? undefined : cityProfileSchema.safeParse(cityRaw)
  if (cityParsed && !cityParsed.success) problems.push(...issuesToProblems('city.yaml', cityParsed.error))

  const faqs: Faq[] = []
  for (const file of await markdownFiles(dir, 'faqs')) {
    const read = await readFrontMatter(dir, file, faqFrontMatterSchema, problems)
    if (!read) continue
    if (!read.body) problems.push({ file, field: 'answer', message: 'the Markdown body (the full answer) is empty' })
    faqs.push({ ...read.data, answer: read.body, file })
  }
  const guides: Guide[] = []
  for (const file of await markdownFiles(dir, 'guides')) {
    const read = await readFrontMatter(dir, file, guideFrontMatterSchema, problems)
    if (read) guides.push({ ...read.data, body: read.body, file })
  }

  const bundle: ContentBundle = {
    dir,
    faqs,
    guides,
    sources,
    categories,
    synonyms: synonymsParsed?.success ? synonymsParsed.data.groups : [],
    city: cityParsed?.success ? cityParsed.data : (undefined as unknown as CityProfile),
    problems,
  }
  problems.push(...crossCheck(bundle))
  return bundle
}

/** Like {@link loadContent}, but throws {@link ContentInvalidError} listing every problem. */
export async function loadValidContent(dir?: string): Promise<ContentBundle> {
  const bundle = await loadContent(dir)
  if (bundle.problems.length > 0) throw new ContentInvalidError(bundle.problems)
  return bundle
}

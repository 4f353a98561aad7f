import { faqFacetsSchema, loadContent, type FacetDimension, type FaqFacets } from '@kotae/content'

/**
 * The facet vocabulary (who, what, action, when): content's `facets.yaml`, edited in content/ and
 * never in the CMS. Read once per process through the content package's own loader (which
 * validates it with `facetsFileSchema`'s rules and keeps the dimensions that pass), from
 * KOTAE_CONTENT_DIR or the content package's folder. The operator index ranks with it, the FAQ
 * collection checks its per-FAQ override against it, the lookup checks a chosen facet against it,
 * and the site content carries it to the site.
 */
let cached: Promise<FacetDimension[]> | undefined

export function facetVocabulary(): Promise<FacetDimension[]> {
  cached ??= loadContent(process.env.KOTAE_CONTENT_DIR || undefined).then(
    (bundle) => {
      const problems = bundle.problems.filter((p) => p.file === 'facets.yaml')
      for (const p of problems)
        console.error(`kotae: facets.yaml${p.field ? ` ${p.field}` : ''}: ${p.message}`)
      return bundle.facets
    },
    (error: unknown) => {
      cached = undefined // read again next time
      throw error
    },
  )
  return cached
}

/** Whether `value` is a value id of dimension `dimension` in the vocabulary. */
export const hasFacetValue = (
  vocabulary: readonly FacetDimension[],
  dimension: string,
  value: string,
): boolean => vocabulary.some((d) => d.id === dimension && d.values.some((v) => v.id === value))

/**
 * Checks a per-FAQ override (`{ dimension: [valueId, …] }`): its shape by content's
 * `faqFacetsSchema`, then every dimension and value against the vocabulary. Returns the problems
 * in Japanese, each naming the path under `facets` (empty: valid).
 */
export function facetOverrideProblems(raw: unknown, vocabulary: readonly FacetDimension[]): string[] {
  if (raw === null || raw === undefined) return []
  const parsed = faqFacetsSchema.safeParse(raw)
  if (!parsed.success) {
    return parsed.error.issues.map(
      (i) =>
        `facets${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}（例: {"action": ["move-in"], "who": []}）`,
    )
  }
  const problems: string[] = []
  for (const [dimension, values] of Object.entries(parsed.data)) {
    const d = vocabulary.find((x) => x.id === dimension)
    if (!d) {
      problems.push(
        `facets.${dimension}: 「${dimension}」はファセットの語彙（content/facets.yaml）にない観点です（使える観点: ${vocabulary.map((x) => x.id).join(', ')}）`,
      )
      continue
    }
    values.forEach((v, i) => {
      if (!d.values.some((x) => x.id === v))
        problems.push(
          `facets.${dimension}.${i}: 「${v}」は観点 ${dimension} の値にありません（使える値: ${d.values.map((x) => x.id).join(', ')}）`,
        )
    })
  }
  return problems
}

/** A stored override as the search package takes it, or undefined when absent or not well formed. */
export function facetOverrideOf(raw: unknown): FaqFacets | undefined {
  if (raw === null || raw === undefined) return undefined
  const parsed = faqFacetsSchema.safeParse(raw)
  return parsed.success ? parsed.data : undefined
}

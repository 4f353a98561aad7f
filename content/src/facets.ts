/**
 * Helpers for the facet vocabulary (`facets.yaml`): how a form is compared, and the checks that
 * span the whole file (duplicate ids, duplicate forms). Pure and browser-safe; the schema
 * (schema.ts) and the cross-file checks (validate.ts) both use them.
 */

import { SMALL_KANA } from './kana'

/**
 * The key two forms are compared by: NFKC, lowercase, katakana → hiragana, small kana → large,
 * long-vowel marks after kana dropped, spaces removed. This is the folding the search analyzer
 * applies to queries and forms alike (minus okurigana and variant kanji), so two forms with the
 * same key are one form to the matcher: `カード` and `かーど` are the same, `更新` and `こうしん` are not.
 */
export function facetFormKey(form: string): string {
  let out = ''
  for (const c of form.normalize('NFKC').toLowerCase()) {
    const code = c.codePointAt(0) ?? 0
    let h = code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : c
    h = SMALL_KANA[h] ?? h
    if (h === 'ー' && /[\u3041-\u3096]/u.test(out.slice(-1))) continue
    if (/\s/u.test(h)) continue
    out += h
  }
  return out
}

/**
 * Why a form is too short to be a form (it would fire inside unrelated words), or undefined.
 * A form must fold to at least two characters; a single kanji (夜, 娘) is the one exception.
 */
export function facetFormTooShort(form: string): string | undefined {
  const key = [...facetFormKey(form)]
  if (key.length >= 2) return undefined
  if (key.length === 1 && /\p{Script=Han}/u.test(key[0] ?? '')) return undefined
  return 'is too short: a form needs at least two characters (one kanji is allowed), or it fires inside unrelated words'
}

/** What the file-wide checks need to know about one dimension, valid or not (ids by position). */
export type FacetDimensionRef = {
  id?: string
  values: { id?: string; forms: (string | undefined)[] }[]
}

/** A file-wide problem: the zod-style path inside facets.yaml and the message. */
export type FacetIssue = { path: (string | number)[]; message: string }

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** Reads the dimensions of a facets.yaml (anything YAML gave) leniently, for the file-wide checks. */
export function facetDimensionRefs(raw: unknown): FacetDimensionRef[] {
  return list(record(raw).dimensions).map((d) => ({
    id: str(record(d).id),
    values: list(record(d).values).map((v) => ({
      id: str(record(v).id),
      forms: list(record(v).forms).map(str),
    })),
  }))
}

/**
 * The checks that span facets.yaml: dimension ids unique in the file, value ids unique in their
 * dimension, and every form in one place only in the whole file (compared by {@link facetFormKey},
 * so `カード` and `かーど` collide). The search gives a span of text to one value only, longest form
 * first over all dimensions, so a form written twice counts for whichever comes first and never for
 * the other: 土日 cannot be both an opening-hours question and a time.
 */
export function findFacetIssues(dimensions: FacetDimensionRef[]): FacetIssue[] {
  const issues: FacetIssue[] = []
  const dimensionAt = new Map<string, number>()
  const formAt = new Map<string, { di: number; vi: number; fi: number; form: string }>()
  dimensions.forEach((d, di) => {
    if (d.id !== undefined) {
      const first = dimensionAt.get(d.id)
      if (first === undefined) dimensionAt.set(d.id, di)
      else
        issues.push({
          path: ['dimensions', di, 'id'],
          message: `duplicate dimension id "${d.id}" (also dimensions.${first})`,
        })
    }
    const valueAt = new Map<string, number>()
    d.values.forEach((v, vi) => {
      if (v.id !== undefined) {
        const first = valueAt.get(v.id)
        if (first === undefined) valueAt.set(v.id, vi)
        else
          issues.push({
            path: ['dimensions', di, 'values', vi, 'id'],
            message: `duplicate value id "${v.id}" in dimension "${d.id ?? di}" (also dimensions.${di}.values.${first})`,
          })
      }
      v.forms.forEach((form, fi) => {
        if (form === undefined) return
        const key = facetFormKey(form)
        if (!key) return
        const first = formAt.get(key)
        if (first === undefined) {
          formAt.set(key, { di, vi, fi, form })
          return
        }
        const other = dimensions[first.di]
        const owner =
          first.di === di && first.vi === vi
            ? 'earlier in this value'
            : first.di === di
              ? `value "${d.values[first.vi]?.id ?? first.vi}"`
              : `dimension "${other?.id ?? first.di}", value "${other?.values[first.vi]?.id ?? first.vi}" (a span of text counts for one value only)`
        const same =
          first.form === form ? '' : ` ("${first.form}" and "${form}" are the same after normalization)`
        issues.push({
          path: ['dimensions', di, 'values', vi, 'forms', fi],
          message: `duplicate form "${form}": also ${owner} at dimensions.${first.di}.values.${first.vi}.forms.${first.fi}${same}`,
        })
      })
    })
  })
  return issues
}

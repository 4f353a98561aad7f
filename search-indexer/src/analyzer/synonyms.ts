/**
 * Synonym expansion from a list of groups (`SynonymGroup[]`, e.g. the CMS's editable list): when a
 * query contains a term of a group, the other terms of the group are added as (lower-weighted)
 * query tokens. Terms are matched on the normalized text, longest first, so マイナ保険証 wins over
 * マイナ and 保険証 inside it. Latin terms (pin, e-tax) match whole words only.
 */
import { normalizeText } from './normalize'

/** The shape the analyzer needs; `SynonymGroup` from @kotae/content fits it. */
export type SynonymGroupLike = { readonly terms: readonly string[] }

export type SynonymMatch = {
  /** The term as written in the list that was found in the query. */
  term: string
  /** The other terms of its group, as written in the list. */
  expandedTo: string[]
}

type Entry = { key: string; term: string; group: number; latin: boolean }

export class SynonymSet {
  readonly groups: { terms: string[] }[]
  private readonly entries: Entry[]

  constructor(groups: readonly SynonymGroupLike[] = []) {
    this.groups = groups
      .filter((g) => g && Array.isArray(g.terms))
      .map((g) => ({
        terms: g.terms.filter((t): t is string => typeof t === 'string' && t.trim().length > 0),
      }))
      .filter((g) => g.terms.length >= 2)
    this.entries = []
    this.groups.forEach((g, group) => {
      for (const term of g.terms) {
        const key = normalizeText(term).replace(/\s+/gu, ' ').trim()
        if ([...key].length < 2 && !/\p{Script=Han}/u.test(key)) continue
        this.entries.push({ key, term, group, latin: /^[a-z0-9 '-]+$/u.test(key) })
      }
    })
    // Longest first, so that a longer term claims its span before the shorter ones inside it.
    this.entries.sort((a, b) => b.key.length - a.key.length)
  }

  get size(): number {
    return this.groups.length
  }

  /** Groups whose terms occur in `normalized` (a {@link normalizeText} result). */
  find(normalized: string): SynonymMatch[] {
    if (!normalized || this.entries.length === 0) return []
    const taken: boolean[] = new Array<boolean>(normalized.length).fill(false)
    const out: SynonymMatch[] = []
    const seen = new Set<number>()
    for (const e of this.entries) {
      let from = 0
      while (from <= normalized.length) {
        const at = normalized.indexOf(e.key, from)
        if (at < 0) break
        from = at + 1
        const end = at + e.key.length
        if (
          e.latin &&
          (/[a-z0-9]/u.test(normalized[at - 1] ?? '') || /[a-z0-9]/u.test(normalized[end] ?? ''))
        )
          continue
        let free = true
        for (let i = at; i < end; i++) if (taken[i]) free = false
        if (!free) continue
        for (let i = at; i < end; i++) taken[i] = true
        if (!seen.has(e.group)) {
          seen.add(e.group)
          out.push({
            term: e.term,
            expandedTo: (this.groups[e.group]?.terms ?? []).filter((t) => t !== e.term),
          })
        }
        break
      }
    }
    return out
  }
}

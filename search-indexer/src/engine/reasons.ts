/**
 * Why a result matched, in Japanese for operators (the desk's 一致の理由): the fields that hold the
 * query's words, synonyms, readings and corrections used, and the facets it agrees with or
 * contradicts. At most {@link MAX_REASONS}, strongest first. Browser-safe.
 */
import type { FacetVocabulary, FacetValues } from '../analyzer/facets'
import type { FacetMeeting } from './facet-score'

export type ReasonField =
  | 'question'
  | 'alternatives'
  | 'askedBefore'
  | 'shortAnswer'
  | 'body'
  | 'operatorNotes'
  | 'tags'

export const FIELD_NAMES: Record<ReasonField, string> = {
  question: '質問文',
  alternatives: '言い換え例',
  askedBefore: 'よくある聞き方',
  shortAnswer: '回答の要約',
  body: '回答本文',
  operatorNotes: 'オペレーター向けメモ',
  tags: 'タグ',
}
export const MAX_REASONS = 4

export type ReasonInput = {
  fields: { field: ReasonField; terms: string[] }[]
  synonyms: { term: string; used: string[] }[]
  romaji: { from: string; to: string }[]
  typos: { from: string; to: string }[]
  facets: FacetMeeting
  queryFacets: FacetValues
  documentFacets: FacetValues
}

const quote = (terms: readonly string[]) =>
  terms
    .slice(0, 3)
    .map((t) => `「${t}」`)
    .join('')

/** Reasons in Japanese, strongest first. */
export function reasonsInJapanese(input: ReasonInput, vocabulary: FacetVocabulary): string[] {
  const out: string[] = []
  const names = (dimension: string, values: readonly string[] = []) =>
    values.map((v) => vocabulary.nameOf(dimension, v)).join('・')
  for (const d of input.facets.conflict)
    out.push(
      `注意: ご質問は${names(d, input.queryFacets[d])}、この回答は${names(d, input.documentFacets[d])}について`,
    )
  for (const f of input.fields) out.push(`${FIELD_NAMES[f.field]}に${quote(f.terms)}`)
  for (const d of input.facets.agree) out.push(`${names(d, input.queryFacets[d])}について`)
  for (const s of input.synonyms)
    if (s.used.length) out.push(`言い換え: ${s.term} → ${s.used.slice(0, 2).join('、')}`)
  for (const t of input.typos) out.push(`誤字の読み替え: ${t.from} → ${t.to}`)
  for (const r of input.romaji) out.push(`ローマ字の読み替え: ${r.from} → ${r.to}`)
  // A contradiction is always shown; the rest are cut to the limit.
  const conflicts = input.facets.conflict.length
  return [...out.slice(0, conflicts), ...out.slice(conflicts, Math.max(conflicts, MAX_REASONS))]
}

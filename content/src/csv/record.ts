/**
 * The zod schema of one data row: the raw cells (by header name) in, a {@link FaqCsvRecord} out.
 * Limits are the CMS's (question and phrasings ≤ 200, short answer ≤ 80 to read aloud, slugs as
 * ids) so that a row that passes here also saves in the CMS.
 */
import { z } from 'zod'

import {
  AUDIENCE_LABELS,
  EXCEL_CELL_MAX,
  NO,
  STATUS_LABELS,
  YES,
  type FaqCsvRecord,
  type FaqCsvStatus,
} from './columns'
import { missingForReview } from './completeness'
import { decodeCell, decodeListCell } from './escape'
import { msg } from './messages'
import { findRawHtml } from '../markdown/rawHtml'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Text up to `max` characters; `blank: true` lets it be empty (checked by status below). */
const text = (max: number, { blank = false } = {}) =>
  z
    .string()
    .transform((cell) => decodeCell(cell).trim())
    .superRefine((value, ctx) => {
      if (value === '' && !blank) ctx.addIssue({ code: 'custom', message: msg.required })
      else if ([...value].length > max)
        ctx.addIssue({ code: 'custom', message: msg.tooLong([...value].length, max) })
    })

const slug = z.string().superRefine((value, ctx) => {
  if (value === '') ctx.addIssue({ code: 'custom', message: msg.required })
  else if (!SLUG.test(value) || value.length > 80) ctx.addIssue({ code: 'custom', message: msg.slug(value) })
})

const slugCell = z
  .string()
  .transform((cell) => decodeCell(cell).trim())
  .pipe(slug)
const optionalSlugCell = z
  .string()
  .transform((cell) => decodeCell(cell).trim())
  .pipe(z.union([z.literal(''), slug]))
  .transform((v) => (v === '' ? undefined : v))

const list = (item: z.ZodType<string, string>) => z.string().transform(decodeListCell).pipe(z.array(item))

/** Excel rewrites 2027-05-31 as 2027/5/31 when it saves: both are read. Empty stays '' (checked by status below). */
const date = z.string().transform((cell, ctx) => {
  const value = decodeCell(cell).trim()
  if (value === '') return ''
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value)
  if (!m) {
    ctx.addIssue({ code: 'custom', message: msg.date(value) })
    return z.NEVER
  }
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  const d = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    ctx.addIssue({ code: 'custom', message: msg.notADate(value) })
    return z.NEVER
  }
  return iso
})

const labelled = <K extends string>(labels: Record<K, string>) => {
  const byLabel = new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]))
  return z.string().transform((cell, ctx) => {
    const value = decodeCell(cell).trim()
    const key = byLabel.get(value)
    if (key === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: value === '' ? msg.required : msg.oneOf(value, [...byLabel.keys()]),
      })
      return z.NEVER
    }
    return key
  })
}

const yesNo = z.string().transform((cell, ctx) => {
  const value = decodeCell(cell).trim()
  if (value === YES) return true
  if (value === NO || value === '') return false
  ctx.addIssue({ code: 'custom', message: msg.oneOf(value, [YES, NO]) })
  return z.NEVER
})

const locale = z.string().transform((cell, ctx) => {
  const value = decodeCell(cell).trim()
  if (value === 'ja' || value === 'en') return value
  ctx.addIssue({ code: 'custom', message: value === '' ? msg.required : msg.oneOf(value, ['ja', 'en']) })
  return z.NEVER
})

/** Excel drops leading zeros of a code it takes for a number (012025 → 12025): they are put back. */
const code = (expected: string) =>
  z.string().transform((cell, ctx) => {
    const value = decodeCell(cell).trim()
    if (!/^\d{1,6}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: value === '' ? msg.required : msg.code(value) })
      return z.NEVER
    }
    const padded = value.padStart(6, '0')
    if (padded !== expected) ctx.addIssue({ code: 'custom', message: msg.otherCity(value, expected) })
    return padded
  })

const cityName = (expected: string) =>
  text(100).superRefine((value, ctx) => {
    if (value !== '' && value !== expected)
      ctx.addIssue({ code: 'custom', message: msg.otherCity(value, expected) })
  })

export type CityIdentity = { localGovernmentCode: string; name: string }

/** The schema of one data row for the given city. */
export function faqRowSchema(city: CityIdentity) {
  return z
    .object({
      全国地方公共団体コード: code(city.localGovernmentCode),
      ID: slugCell,
      地方公共団体名: cityName(city.name),
      // A 下書き may leave these empty; 承認待ち and 公開 rows may not (the superRefine below).
      質問: text(200, { blank: true }),
      言い換え: list(z.string().max(200, { error: (iss) => msg.tooLong(String(iss.input).length, 200) })),
      短い回答: text(80, { blank: true }),
      回答: text(EXCEL_CELL_MAX, { blank: true }).superRefine((value, ctx) => {
        const html = findRawHtml(value)
        if (html.length > 0) ctx.addIssue({ code: 'custom', message: msg.rawHtml(html.map((h) => h.tag)) })
      }),
      カテゴリ: optionalSlugCell,
      出典: list(slug),
      確認期限: date,
      状態: labelled<FaqCsvStatus>(STATUS_LABELS),
      公開範囲: labelled(AUDIENCE_LABELS),
      言語: locale,
      翻訳元ID: optionalSlugCell,
      関連FAQ: list(slug),
      要確認: yesNo,
    })
    .superRefine((r, ctx) => {
      if (r.状態 === 'draft') return
      const missing = missingForReview({
        question: r.質問,
        shortAnswer: r.短い回答,
        answer: r.回答,
        category: r.カテゴリ ?? '',
        sources: r.出典,
        reviewBy: r.確認期限,
      })
      for (const column of missing)
        ctx.addIssue({
          code: 'custom',
          path: [column],
          message: column === '出典' ? msg.noSources : msg.requiredForReview,
        })
    })
    .transform(
      (r): FaqCsvRecord => ({
        localGovernmentCode: r.全国地方公共団体コード,
        id: r.ID,
        cityName: r.地方公共団体名,
        question: r.質問,
        alternatives: r.言い換え,
        shortAnswer: r.短い回答,
        answer: r.回答,
        category: r.カテゴリ ?? '',
        sources: r.出典,
        reviewBy: r.確認期限,
        status: r.状態,
        audience: r.公開範囲,
        locale: r.言語,
        ...(r.翻訳元ID ? { translationOf: r.翻訳元ID } : {}),
        related: r.関連FAQ,
        needsReview: r.要確認,
      }),
    )
}

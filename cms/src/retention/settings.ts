/**
 * The retention periods as the run reads them: the city profile's `retentionMonths` (seeded from
 * content/city.yaml, editable by administrators in 自治体情報), checked by content's
 * retentionSchema. A blank field takes the schema's default.
 */
import {
  RETENTION_MONTHS_MAX,
  RETENTION_MONTHS_MIN,
  retentionMonthsSchema,
  retentionSchema,
  type Retention,
  type RetentionKind,
} from '@kotae/content'
import type { NumberFieldSingleValidation, Payload } from 'payload'

/** Each kind in the order the admin, the CLI and the audit entry list them, with its Japanese name. */
export const RETENTION_FIELDS: readonly { kind: RetentionKind; label: string }[] = [
  { kind: 'calls', label: '問い合わせ記録' },
  { kind: 'escalations', label: 'エスカレーション' },
  { kind: 'telephonyRecords', label: '電話システム記録' },
  { kind: 'transcripts', label: '通話の文字起こし' },
  { kind: 'siteEvents', label: 'サイト利用記録（検索以外）' },
  { kind: 'searchLogs', label: '検索ログ（サイトの検索・応対デスクの検索語）' },
  { kind: 'auditLog', label: '操作履歴' },
]

/** The admin form's check of one period: content's rule, in Japanese. */
export const retentionMonthsField: NumberFieldSingleValidation = (value) =>
  value === null || value === undefined || retentionMonthsSchema.safeParse(value).success
    ? true
    : `${RETENTION_MONTHS_MIN}～${RETENTION_MONTHS_MAX}の整数（月数）で入力してください。空欄にすると既定値になります。`

/** Thrown when the stored periods fail the schema (written around the form's check, e.g. by SQL). */
export class RetentionSettingsError extends Error {}

/** The city profile's periods, blanks at their defaults; throws RetentionSettingsError naming the field. */
export async function readRetention(payload: Payload): Promise<Retention> {
  const city = (await payload.findGlobal({ slug: 'city-profile', depth: 0, overrideAccess: true })) as {
    retentionMonths?: Record<string, unknown> | null
  }
  return parseRetention(city.retentionMonths ?? {})
}

/** Stored periods (null = blank) checked against content's schema. */
function parseRetention(stored: Record<string, unknown>): Retention {
  const given = Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== null && v !== undefined))
  const parsed = retentionSchema.safeParse(given)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `retentionMonths.${i.path.join('.')}: ${i.message}`)
  throw new RetentionSettingsError(
    `the city profile's retention periods are invalid (自治体情報 → 保存期間):\n  ${problems.join('\n  ')}`,
  )
}

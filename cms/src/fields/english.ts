import type { TextareaField, TextField } from 'payload'
import type { z } from 'zod'

/** Shown under every English field: what it does and what an empty one means (decision 0047). */
const SHOWN_ON_EN = '英語のページ（/en/）に表示します。空欄の場合は日本語のまま表示します。'

/**
 * The English sibling of a Japanese field (`titleEn` beside `title`, decisions 0047 and 0055):
 * optional, and checked by the content schema's own rule for it (`rule`, e.g.
 * `guideStepSchema.shape.titleEn`), so the admin, the content files and the site contract accept
 * the same text. The length limit is read from that rule, not written twice.
 */
export function englishField(
  name: string,
  label: string,
  rule: z.ZodOptional<z.ZodString>,
  type: 'text' | 'textarea' = 'text',
): TextField | TextareaField {
  const max = rule.unwrap().maxLength ?? undefined
  const validate = (value: unknown): true | string =>
    value === null || value === undefined || value === '' || rule.safeParse(value).success
      ? true
      : `${max ?? ''}文字以内の英語で入力してください。`
  const base = { name, label, maxLength: max, admin: { description: SHOWN_ON_EN }, validate }
  return type === 'text' ? { ...base, type: 'text' } : { ...base, type: 'textarea' }
}

/** A stored English sibling (null or empty when not written) as the content shape's optional field. */
export const englishOf = <K extends string>(key: K, value: string | null | undefined) =>
  (value ? { [key]: value } : {}) as Partial<Record<K, string>>

import type { TextField } from 'payload'

/**
 * The stable id of an entry: the file name in content/ and the public URL (/faq/<slug>/), so it
 * never changes when the question is edited. New entries made in the admin get a generated one.
 */
export const slugField = (prefix: string): TextField => ({
  name: 'slug',
  label: 'ID（URL）',
  type: 'text',
  unique: true,
  index: true,
  admin: { position: 'sidebar', description: '公開URLに使う英数字のIDです。公開後は変更しないでください。' },
  validate: (value: unknown) =>
    value == null || value === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(String(value))
      ? true
      : '半角英小文字・数字・ハイフンで入力してください（例: card-renewal-when）。',
  hooks: {
    beforeValidate: [
      ({ value }) =>
        value ? value : `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    ],
  },
})

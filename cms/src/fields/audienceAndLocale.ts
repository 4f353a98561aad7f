import type { SelectField } from 'payload'

/** Who may read an entry: everyone, or call-center staff only (see access/readContent.ts). */
export const audienceField: SelectField = {
  name: 'audience',
  label: '公開範囲',
  type: 'select',
  required: true,
  defaultValue: 'public',
  index: true,
  options: [
    { label: '一般公開', value: 'public' },
    { label: 'オペレーターのみ', value: 'operator' },
  ],
  admin: { position: 'sidebar' },
}

/** The entry's language; English entries name the Japanese entry they translate. */
export const localeField: SelectField = {
  name: 'locale',
  label: '言語',
  type: 'select',
  required: true,
  defaultValue: 'ja',
  options: [
    { label: '日本語', value: 'ja' },
    { label: '英語', value: 'en' },
  ],
  admin: { position: 'sidebar' },
}

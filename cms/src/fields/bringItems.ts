import { requiredItemSchema } from '@kotae/content/schema'
import type { ArrayField } from 'payload'

import { englishField } from './english'

export const BRING_CASES = [
  { label: '本人', value: 'self' },
  { label: '代理人', value: 'proxy' },
  { label: '15歳未満の子（法定代理人）', value: 'child' },
  { label: '外国籍の方', value: 'foreign' },
]

/**
 * What to bring, as a structured list rather than prose, so the site can print a checklist.
 * `withEnglish` adds the items' English siblings (`itemEn`, `noteEn`: a guide's, decision 0055).
 */
export const bringItemsField = (
  name: string,
  label: string,
  withCases: boolean,
  withEnglish = false,
): ArrayField => ({
  name,
  label,
  type: 'array',
  labels: { singular: '持ち物', plural: '持ち物' },
  fields: [
    { name: 'item', label: '持ち物', type: 'text', required: true, maxLength: 120 },
    { name: 'note', label: '注意', type: 'text', maxLength: 300 },
    ...(withEnglish
      ? [
          englishField('itemEn', '英語の持ち物', requiredItemSchema.shape.itemEn),
          englishField('noteEn', '英語の注意', requiredItemSchema.shape.noteEn),
        ]
      : []),
    ...(withCases
      ? [{ name: 'cases', label: '対象', type: 'select' as const, hasMany: true, options: BRING_CASES }]
      : []),
    { name: 'optional', label: '場合により不要', type: 'checkbox', defaultValue: false },
  ],
})

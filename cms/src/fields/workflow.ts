import type { Field } from 'payload'

import { REVIEW_STATES } from '../hooks/publishWorkflow'

/** Review state, approval record and review-by date shared by FAQs and guides. */
export const workflowFields: Field[] = [
  {
    name: 'reviewState',
    label: '承認状態',
    type: 'select',
    options: REVIEW_STATES.map((o) => ({ ...o })),
    defaultValue: 'draft',
    index: true,
    admin: { position: 'sidebar', description: '編集が終わったら「承認待ち」にして保存し、承認者に公開を依頼します。' },
  },
  {
    name: 'approvedBy',
    label: '承認者',
    type: 'relationship',
    relationTo: 'users',
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'approvedAt',
    label: '承認日時',
    type: 'date',
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'reviewBy',
    label: '次回見直し期限',
    type: 'date',
    required: true,
    index: true,
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy/MM/dd' } },
  },
  {
    name: 'needsReview',
    label: '要確認の事実を含む',
    type: 'checkbox',
    defaultValue: false,
    admin: { position: 'sidebar', description: '出典が未確定の内容を含みます。公開前に公式ページで確認してください。' },
  },
  {
    name: 'contentHash',
    type: 'text',
    admin: { hidden: true },
  },
]

import type { CollectionConfig } from 'payload'

import { roleIn } from '../../access/roleIn'
import { CALL_TAKERS } from '../../access/roles'
import { maskFreeText } from '../../hooks/maskFreeText'
import { textFieldsHoldText } from '../../hooks/textFieldsHoldText'
import { draftFaqEndpoint } from './draftFaqEndpoint'
import { notifyShiminka } from './notifyShiminka'
import { stampStatusChanges } from './stampStatusChanges'
import { anonymizedAtField } from '../../fields/anonymizedAt'
import { DAY_AND_TIME } from '../../fields/dates'

const ESCALATION_STATUSES = [
  { label: '未対応', value: 'open' },
  { label: '回答済み', value: 'answered' },
  { label: '完了', value: 'closed' },
]

/** Questions the call center could not decide, sent to 市民課 and answered there. */
export const Escalations: CollectionConfig = {
  slug: 'escalations',
  labels: { singular: 'エスカレーション', plural: 'エスカレーション' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'urgency', 'status', 'summary'],
    group: '応対',
  },
  defaultSort: '-createdAt',
  endpoints: [draftFaqEndpoint],
  access: {
    read: roleIn('admin', 'supervisor', 'reviewer', 'operator', 'editor'),
    create: roleIn(...CALL_TAKERS),
    update: roleIn('admin', 'supervisor', 'reviewer'),
    delete: roleIn('admin'),
  },
  hooks: {
    beforeValidate: [textFieldsHoldText],
    beforeChange: [maskFreeText(['summary', 'answer', 'assignedTo']), stampStatusChanges],
    afterChange: [notifyShiminka],
  },
  fields: [
    {
      // Opened from the desk for the call just saved: fills in that call and its context.
      name: 'fromCall',
      type: 'ui',
      admin: {
        condition: (data) => !data?.id,
        components: { Field: '/components/EscalationFromCall#EscalationFromCall' },
      },
    },
    { name: 'call', label: '元の問い合わせ', type: 'relationship', relationTo: 'calls', index: true },
    {
      name: 'summary',
      label: '内容（個人情報は自動でマスクされます）',
      type: 'textarea',
      required: true,
      maxLength: 4000,
    },
    {
      name: 'urgency',
      label: '緊急度',
      type: 'select',
      required: true,
      defaultValue: 'normal',
      options: [
        { label: '高（当日中）', value: 'high' },
        { label: '通常', value: 'normal' },
        { label: '低', value: 'low' },
      ],
    },
    { name: 'assignedTo', label: '担当', type: 'text', defaultValue: '市民課', required: true },
    {
      name: 'status',
      label: '状況',
      type: 'select',
      required: true,
      defaultValue: 'open',
      index: true,
      options: ESCALATION_STATUSES,
    },
    { name: 'answer', label: '市民課の回答', type: 'textarea', maxLength: 4000 },
    {
      name: 'answeredAt',
      label: '回答日時',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar', date: DAY_AND_TIME },
    },
    {
      name: 'answeredBy',
      label: '回答者',
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'closedAt',
      label: '完了日時',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar', date: DAY_AND_TIME },
    },
    {
      name: 'faqDraft',
      label: '回答から作ったFAQ下書き',
      type: 'relationship',
      relationTo: 'faqs',
      admin: { readOnly: true, position: 'sidebar' },
    },
    // Set by the retention run when it clears summary and answer.
    anonymizedAtField(),
  ],
}

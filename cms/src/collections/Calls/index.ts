import {
  CALL_CHANNEL_OPTIONS,
  CALL_OUTCOME_OPTIONS,
  CALLER_TYPE_OPTIONS,
} from '@kotae/content/contracts/calls'
import type { CollectionConfig } from 'payload'

import { ownCallsOrSupervisor } from '../../access/ownCallsOrSupervisor'
import { fieldRoleIn, roleIn } from '../../access/roleIn'
import { CALL_TAKERS, CONTACT_READERS } from '../../access/roles'
import { maskFreeText } from '../../hooks/maskFreeText'
import { textFieldsHoldText } from '../../hooks/textFieldsHoldText'
import { forgetPastCallsAfterChange, forgetPastCallsAfterDelete } from '../../search/pastCalls'
import { deleteTranscriptsOfCall } from './deleteTranscripts'
import { linkCallToTelephonyAfterChange } from '../TelephonyRecords/syncCallerHash'
import {
  refreshRollupsAfterCallChange,
  refreshRollupsAfterCallDelete,
  rememberCallBeforeChange,
  rememberCallBeforeDelete,
} from '../../reports/rollups/hooks'
import { setOperator } from './setOperator'
import { validateFaqsExist } from './validateFaqsExist'
import { validateTalkEnd } from './validateTalkEnd'
import { anonymizedAtField } from '../../fields/anonymizedAt'
import { DAY_AND_TIME } from '../../fields/dates'

/** 問い合わせ記録簿: one entry per call, written by the operator who took it. */
export const Calls: CollectionConfig = {
  slug: 'calls',
  labels: { singular: '問い合わせ記録', plural: '問い合わせ記録簿' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['talkStartedAt', 'operator', 'category', 'outcome', 'summary'],
    group: '応対',
  },
  defaultSort: '-talkStartedAt',
  access: {
    read: ownCallsOrSupervisor,
    create: roleIn(...CALL_TAKERS),
    update: ownCallsOrSupervisor,
    delete: roleIn('admin'),
  },
  hooks: {
    beforeValidate: [textFieldsHoldText],
    beforeChange: [
      setOperator,
      maskFreeText(['summary', 'queries', 'callback.preferredTime']),
      rememberCallBeforeChange,
    ],
    // The link first (it may give the call its caller hash), then the report's rollups (decision 0045).
    afterChange: [linkCallToTelephonyAfterChange, refreshRollupsAfterCallChange, forgetPastCallsAfterChange],
    beforeDelete: [deleteTranscriptsOfCall, rememberCallBeforeDelete],
    afterDelete: [refreshRollupsAfterCallDelete, forgetPastCallsAfterDelete],
  },
  fields: [
    {
      name: 'talkStartedAt',
      label: '通話開始',
      type: 'date',
      required: true,
      index: true,
      admin: { date: DAY_AND_TIME },
    },
    {
      name: 'talkEndedAt',
      label: '通話終了',
      type: 'date',
      required: true,
      validate: validateTalkEnd,
      admin: { date: DAY_AND_TIME },
    },
    { name: 'holdSeconds', label: '保留（秒）', type: 'number', min: 0, max: 4 * 3600, defaultValue: 0 },
    {
      name: 'afterCallWorkSeconds',
      label: '後処理（秒）',
      type: 'number',
      min: 0,
      max: 4 * 3600,
      defaultValue: 0,
    },
    {
      name: 'channel',
      label: '入電経路',
      type: 'select',
      required: true,
      defaultValue: 'direct',
      options: CALL_CHANNEL_OPTIONS,
    },
    {
      name: 'callerType',
      label: '相談者',
      type: 'select',
      required: true,
      defaultValue: 'self',
      options: CALLER_TYPE_OPTIONS,
    },
    {
      name: 'category',
      label: '用件（カテゴリ）',
      type: 'relationship',
      relationTo: 'categories',
      index: true,
    },
    {
      name: 'faqsUsed',
      label: '使用したFAQ（使った順）',
      type: 'relationship',
      relationTo: 'faqs',
      hasMany: true,
      index: true,
      validate: validateFaqsExist,
    },
    {
      name: 'queries',
      label: '検索した言葉（マスク済み）',
      type: 'text',
      hasMany: true,
      maxRows: 50,
      admin: { readOnly: true },
    },
    {
      name: 'summary',
      label: '要旨（個人情報は自動でマスクされます）',
      type: 'textarea',
      required: true,
      maxLength: 4000,
    },
    {
      name: 'outcome',
      label: '結果',
      type: 'select',
      required: true,
      index: true,
      options: CALL_OUTCOME_OPTIONS,
    },
    {
      name: 'callback',
      label: '折り返し先（スーパーバイザー・市職員のみ閲覧）',
      type: 'group',
      access: { read: fieldRoleIn(...CONTACT_READERS), update: fieldRoleIn(...CONTACT_READERS) },
      fields: [
        { name: 'name', label: 'お名前', type: 'text', maxLength: 100 },
        { name: 'phone', label: '電話番号', type: 'text', maxLength: 30 },
        { name: 'preferredTime', label: '希望の時間帯', type: 'text', maxLength: 100 },
      ],
    },
    {
      name: 'operator',
      label: '対応者',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'telephonyCallId',
      label: '電話システムの通話ID',
      type: 'text',
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      // The caller's salted hash (hashCaller), copied from the linked telephony record when the
      // telephony import links them (importTelephony.ts), so the monthly report's 一次完了 check reads
      // it with the call (decision 0011). Nobody reads or writes it through Payload: SQL only.
      name: 'callerHash',
      type: 'text',
      access: { read: () => false, create: () => false, update: () => false },
      admin: { hidden: true, disableListColumn: true, disableListFilter: true },
    },
    // Set by the retention run when it clears the personal fields.
    anonymizedAtField(),
    {
      // The masked transcript and its suggestions (src/components/TranscriptPanel.tsx); no column.
      name: 'transcript',
      type: 'ui',
      admin: {
        condition: (data) => Boolean(data?.id),
        components: { Field: '/components/TranscriptPanel#TranscriptPanel' },
      },
    },
    {
      name: 'clientRequestId',
      type: 'text',
      unique: true,
      admin: { hidden: true },
    },
  ],
}

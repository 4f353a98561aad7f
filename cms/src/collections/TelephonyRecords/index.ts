import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { roleIn } from '../../access/roleIn'
import { REPORT_READERS } from '../../reports/access'
import {
  refreshRollupsAfterTelephonyDelete,
  rememberTelephonyBeforeDelete,
} from '../../reports/rollups/hooks'
import { syncCallerHashAfterDelete } from './syncCallerHash'
import { DAY_AND_TIME } from '../../fields/dates'

export const LINK_METHODS = [
  { label: '通話IDで照合', value: 'call-id' },
  { label: '担当者と時刻で照合', value: 'agent-time' },
]

/**
 * 電話システム記録: one row per offered call from the PBX's call-detail CSV
 * (`npm run import:telephony`). Written only by the import (overrideAccess); staff who read
 * reports may read them. The caller's number is never stored: only its salted hash (hashCaller),
 * which the 一次完了 repeat check needs.
 */
export const TelephonyRecords: CollectionConfig = {
  slug: 'telephony-records',
  labels: { singular: '電話システム記録', plural: '電話システム記録' },
  admin: {
    useAsTitle: 'pbxCallId',
    defaultColumns: ['offeredAt', 'queue', 'answeredAt', 'abandonedAt', 'agent', 'call'],
    group: '応対',
  },
  defaultSort: '-offeredAt',
  access: { read: roleIn(...REPORT_READERS), create: nobody, update: nobody, delete: roleIn('admin') },
  hooks: {
    beforeDelete: [rememberTelephonyBeforeDelete],
    afterDelete: [syncCallerHashAfterDelete, refreshRollupsAfterTelephonyDelete],
  },
  // Indexed only where a query reads by the column: every index costs each imported row (decision
  // 0062). pbxCallId: the import's upsert, transcripts and the call hook find records by it.
  fields: [
    { name: 'pbxCallId', label: '通話ID', type: 'text', required: true, unique: true },
    { name: 'queue', label: 'キュー', type: 'text', required: true },
    {
      name: 'offeredAt',
      label: '着信',
      type: 'date',
      required: true,
      // The link step, rollups, frozen months, retention, the backup and the admin list read by it.
      index: true,
      admin: { date: DAY_AND_TIME },
    },
    { name: 'answeredAt', label: '応答', type: 'date', admin: { date: DAY_AND_TIME } },
    { name: 'abandonedAt', label: '放棄', type: 'date', admin: { date: DAY_AND_TIME } },
    { name: 'endedAt', label: '終話', type: 'date', admin: { date: DAY_AND_TIME } },
    { name: 'wrapUpEndedAt', label: '後処理終了', type: 'date', admin: { date: DAY_AND_TIME } },
    { name: 'agent', label: 'オペレーター（電話システムのID）', type: 'text' },
    {
      name: 'callerHash',
      label: '発信者（番号の仮名化ハッシュ）',
      type: 'text',
      admin: { readOnly: true },
    },
    {
      name: 'call',
      label: '問い合わせ記録',
      type: 'relationship',
      relationTo: 'calls',
      // A call takes its caller hash from its linked records; deleting a call unlinks them (FK).
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'linkMethod',
      label: '照合方法',
      type: 'select',
      options: LINK_METHODS,
      admin: { position: 'sidebar' },
    },
    { name: 'importedFrom', label: '取り込んだファイル', type: 'text', admin: { position: 'sidebar' } },
    // Payload's timestamps, declared so that they lose the index Payload gives them: nothing selects
    // or sorts records by them (frozen months count them within an offered_at range).
    { name: 'updatedAt', type: 'date', admin: { hidden: true, disableBulkEdit: true } },
    { name: 'createdAt', type: 'date', admin: { hidden: true, disableBulkEdit: true } },
  ],
}

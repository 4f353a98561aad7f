import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { staffReaders } from '../../access/staffReaders'

/**
 * The source watch's memory of each official source (src/sourceWatch, decision 0038): the main
 * text and its hash from the last good check, and how the last check went. Written by the watch
 * only (local API); staff read it. Kept apart from `sources`, which the public site reads.
 */
export const SourceChecks: CollectionConfig = {
  slug: 'source-checks',
  labels: { singular: '出典の確認結果', plural: '出典の確認結果' },
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['source', 'status', 'checkedAt', 'changedAt'],
    group: 'ナレッジ',
    description: '出典の自動確認（KOTAE_SOURCE_WATCH=on のとき）が記録します。編集はできません。',
  },
  access: { read: staffReaders, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'source',
      label: '出典',
      type: 'relationship',
      relationTo: 'sources',
      required: true,
      unique: true,
      index: true,
    },
    { name: 'url', label: '確認したURL', type: 'text', required: true },
    {
      name: 'status',
      label: '直近の確認',
      type: 'select',
      required: true,
      options: [
        { label: '取得できました', value: 'ok' },
        { label: '取得できませんでした', value: 'failed' },
      ],
    },
    {
      name: 'checkedAt',
      label: '確認日時',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'failure', label: '取得できなかった理由', type: 'text' },
    { name: 'hash', label: '本文のハッシュ（SHA-256）', type: 'text' },
    { name: 'text', label: '本文（1文1行）', type: 'textarea' },
    { name: 'encoding', label: '文字コード', type: 'text' },
    {
      name: 'changedAt',
      label: '本文が最後に変わった日時',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}

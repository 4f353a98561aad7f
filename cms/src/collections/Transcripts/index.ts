import { SPEAKERS, TRANSCRIPT_FORMATS } from '@kotae/analytics'
import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { roleIn } from '../../access/roleIn'
import { LINK_METHODS } from '../TelephonyRecords'
import { readTranscripts } from './access'

// The PBX records' methods, and a transcript may also stay unlinked.
const TRANSCRIPT_LINK_METHODS = [...LINK_METHODS, { label: '未照合', value: 'unlinked' }]

/**
 * 通話の文字起こし: one per call, written only by `npm run import:transcripts` or the admin upload (plain SQL, after
 * every segment went through the masker: src/transcripts/import.ts). Only masked text is stored;
 * the recording itself never, its path only when the mapping names where recordings are kept.
 * Deleted with its call (Calls' afterDelete), by the retention run with the call's period, and by
 * the purge. Never indexed, published, exported for analysis or sent anywhere (decision 0039).
 */
export const Transcripts: CollectionConfig = {
  slug: 'transcripts',
  labels: { singular: '通話の文字起こし', plural: '通話の文字起こし' },
  admin: {
    useAsTitle: 'transcriptKey',
    defaultColumns: ['startedAt', 'transcriptKey', 'call', 'linkMethod', 'segmentCount', 'importedFrom'],
    group: '応対',
    // The upload form (admins and supervisors): the same all-or-nothing import as the CLI.
    components: { beforeListTable: ['/components/TranscriptUpload#TranscriptUpload'] },
    description:
      '照合方法が「未照合」の文字起こしは、まだどの問い合わせ記録にも結びついていません。問い合わせ記録か電話システム記録が登録された後、同じファイルをもう一度取り込むと照合されます。',
  },
  defaultSort: '-createdAt',
  access: { read: readTranscripts, create: nobody, update: nobody, delete: roleIn('admin') },
  fields: [
    {
      name: 'transcriptKey',
      label: '取り込みキー（通話ID、または担当者@開始時刻）',
      type: 'text',
      required: true,
      unique: true,
    },
    { name: 'call', label: '問い合わせ記録', type: 'relationship', relationTo: 'calls', index: true },
    {
      name: 'linkMethod',
      label: '照合方法',
      type: 'select',
      required: true,
      index: true,
      options: TRANSCRIPT_LINK_METHODS,
    },
    { name: 'externalCallId', label: '通話ID（ファイルの記載）', type: 'text', index: true },
    { name: 'agent', label: 'オペレーター（電話システムのID）', type: 'text' },
    {
      name: 'startedAt',
      label: '録音開始',
      type: 'date',
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'format',
      label: '形式',
      type: 'select',
      required: true,
      options: TRANSCRIPT_FORMATS.map((f) => ({ label: f.toUpperCase(), value: f })),
    },
    {
      // [{ speaker, start, end, text }], text masked; the speaker is a role (never the label, which may be a name).
      name: 'segments',
      label: '発話（マスク済み）',
      type: 'json',
      required: true,
      admin: { readOnly: true, description: `話者: ${SPEAKERS.join(' / ')}` },
    },
    { name: 'segmentCount', label: '発話数', type: 'number', required: true },
    { name: 'durationSeconds', label: '長さ（秒）', type: 'number', required: true },
    { name: 'audioUri', label: '録音の場所（設定した場合のみ）', type: 'text' },
    { name: 'importedFrom', label: '取り込んだファイル（マスク済み）', type: 'text' },
    {
      name: 'contentHash',
      label: '内容のハッシュ（同じ内容の再取り込みを判別）',
      type: 'text',
      required: true,
      admin: { readOnly: true },
    },
  ],
}

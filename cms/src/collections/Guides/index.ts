import { guideFrontMatterSchema, guideStepSchema } from '@kotae/content/schema'
import type { CollectionConfig } from 'payload'

import { editorialContent } from '../../access/editorialContent'
import { audienceField, localeField } from '../../fields/audienceAndLocale'
import { BRING_CASES, bringItemsField } from '../../fields/bringItems'
import { englishField } from '../../fields/english'
import { groundingFields } from '../../fields/grounding'
import { slugField } from '../../fields/slug'
import { workflowFields } from '../../fields/workflow'
import { auditChange, auditDelete } from '../../hooks/audit'
import { enforcePublishWorkflow, refuseUnpublishByNonPublishers } from '../../hooks/publishWorkflow'
import { notifyReviewersOfSubmission } from '../../reviewQueue/notify'
import { recordReviewSteps } from '../../hooks/reviewSteps'
import { PUBLISHER_ONLY_EDIT_COMPONENTS } from '../../fields/workflow'
import { forgetPublicContactsAfter } from '../../privacy/maskStored'
import { rebuildSiteAfterChange, rebuildSiteAfterDelete } from '../../publish/hooks'
import { reindexAfterChange, reindexAfterDelete } from '../../search/hooks'
import { requireEnglishAllThrough } from './englishAllThrough'

const guide = guideFrontMatterSchema.shape

const PROCEDURES = [
  { label: '申請', value: 'application' },
  { label: '受け取り', value: 'pickup' },
  { label: 'カードの更新', value: 'card-renewal' },
  { label: '電子証明書の更新', value: 'certificate-renewal' },
  { label: '暗証番号の再設定・ロック解除', value: 'pin-reset' },
  { label: '健康保険証としての利用', value: 'health-insurance' },
  { label: '紛失・盗難', value: 'lost-card' },
  { label: '転入・転出', value: 'moving' },
  { label: 'その他', value: 'other' },
]

export const Guides: CollectionConfig = {
  slug: 'guides',
  labels: { singular: '手続きガイド', plural: '手続きガイド' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'procedure', '_status', 'reviewState', 'reviewBy'],
    group: 'ナレッジ',
    components: { edit: PUBLISHER_ONLY_EDIT_COMPONENTS },
    description: '申請・更新・再設定などの手順、持ち物、場所と時間をまとめたガイドです。',
  },
  ...editorialContent(),
  hooks: {
    beforeOperation: [refuseUnpublishByNonPublishers],
    beforeChange: [enforcePublishWorkflow, recordReviewSteps, requireEnglishAllThrough],
    afterChange: [
      auditChange('title'),
      notifyReviewersOfSubmission('title'),
      reindexAfterChange('guides'),
      rebuildSiteAfterChange('guides'),
      forgetPublicContactsAfter,
    ],
    afterDelete: [
      auditDelete('title'),
      reindexAfterDelete('guides'),
      rebuildSiteAfterDelete('guides'),
      forgetPublicContactsAfter,
    ],
  },
  fields: [
    // The source watch's review flag (src/sourceWatch): shown only while a cited source has an open change.
    {
      name: 'sourceChanges',
      type: 'ui',
      admin: { components: { Field: '/components/SourceChangesPanel#SourceChangesPanel' } },
    },
    { name: 'title', label: 'タイトル', type: 'text', required: true, maxLength: 120 },
    { name: 'summary', label: '概要', type: 'textarea', required: true, maxLength: 300 },
    { name: 'body', label: '説明', type: 'richText' },
    {
      name: 'steps',
      label: '手順',
      type: 'array',
      required: true,
      minRows: 1,
      labels: { singular: '手順', plural: '手順' },
      fields: [
        { name: 'title', label: '見出し', type: 'text', required: true, maxLength: 120 },
        { name: 'detail', label: '内容', type: 'textarea', required: true, maxLength: 1500 },
        englishField('titleEn', '英語の見出し', guideStepSchema.shape.titleEn),
        englishField('detailEn', '英語の内容', guideStepSchema.shape.detailEn, 'textarea'),
      ],
    },
    {
      name: 'bring',
      label: '持ち物（場合別）',
      type: 'array',
      labels: { singular: '場合', plural: '場合' },
      fields: [
        { name: 'case', label: '来庁する人', type: 'select', required: true, options: BRING_CASES },
        bringItemsField('items', '持ち物', false, true),
      ],
    },
    { name: 'where', label: '場所', type: 'textarea', required: true, maxLength: 500 },
    { name: 'when', label: '時間・日数', type: 'textarea', required: true, maxLength: 500 },
    {
      // A layout box only (no name): the English stays beside the Japanese in the stored record.
      type: 'collapsible',
      label: '英語版（/en/ のページ）',
      admin: {
        initCollapsed: true,
        description:
          '英語のタイトルを入れたガイドを公開するには、ほかの英語の欄（各手順・各持ち物の英語を含む）もすべて入力してください。下書きは途中まででも保存できます。',
      },
      fields: [
        englishField('titleEn', '英語のタイトル', guide.titleEn),
        englishField('summaryEn', '英語の概要', guide.summaryEn, 'textarea'),
        // Rich text like the Japanese body; sent to the site as Markdown.
        { name: 'bodyEn', label: '英語の説明', type: 'richText' },
        englishField('whereEn', '英語の場所', guide.whereEn, 'textarea'),
        englishField('whenEn', '英語の時間・日数', guide.whenEn, 'textarea'),
      ],
    },
    ...groundingFields(),
    slugField('guide'),
    {
      name: 'procedure',
      label: '手続き',
      type: 'select',
      required: true,
      options: PROCEDURES,
      admin: { position: 'sidebar' },
    },
    {
      name: 'category',
      label: 'カテゴリ',
      type: 'relationship',
      relationTo: 'categories',
      required: true,
      admin: { position: 'sidebar' },
    },
    audienceField,
    localeField,
    ...workflowFields,
  ],
}

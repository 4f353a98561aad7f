import type { CollectionConfig } from 'payload'

import { fieldRoleIn } from '../../access/roleIn'
import { editorialContent } from '../../access/editorialContent'
import { STAFF_READERS } from '../../access/roles'
import { audienceField, localeField } from '../../fields/audienceAndLocale'
import { bringItemsField } from '../../fields/bringItems'
import { groundingFields } from '../../fields/grounding'
import { readingsField } from '../../fields/readings'
import { slugField } from '../../fields/slug'
import { workflowFields } from '../../fields/workflow'
import { plainTextOf } from '../../hooks/answerText'
import { auditChange, auditDelete } from '../../hooks/audit'
import { enforcePublishWorkflow, refuseUnpublishByNonPublishers } from '../../hooks/publishWorkflow'
import { checkReviewReadiness } from '../../hooks/reviewReadiness'
import { notifyReviewersOfSubmission } from '../../reviewQueue/notify'
import { recordReviewSteps } from '../../hooks/reviewSteps'
import { PUBLISHER_ONLY_EDIT_COMPONENTS } from '../../fields/workflow'
import { forgetPublicContactsAfter } from '../../privacy/maskStored'
import { rebuildSiteAfterChange, rebuildSiteAfterDelete } from '../../publish/hooks'
import { reindexAfterChange, reindexAfterDelete } from '../../search/hooks'
import { facetsField } from './facets'
import { EASY_LABEL } from './limits'
import { FAQ_LIMITS } from './limits'
import { reviewDueEndpoint } from './reviewDueEndpoint'
import { usageCountField } from './usageCount'

/** The character counter under the question and the short answer (their `maxLength`). */
const CHAR_COUNTER = '/components/CharCounter#CharCounter'

export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQ' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'category', 'audience', '_status', 'reviewState', 'reviewBy'],
    listSearchableFields: ['question', 'shortAnswer', 'slug'],
    group: 'ナレッジ',
    components: { edit: PUBLISHER_ONLY_EDIT_COMPONENTS },
    description: '市民とオペレーターが使うよくある質問です。編集者が下書きし、承認者が公開します。',
  },
  endpoints: [reviewDueEndpoint],
  ...editorialContent(),
  hooks: {
    beforeOperation: [refuseUnpublishByNonPublishers],
    beforeChange: [
      checkReviewReadiness,
      enforcePublishWorkflow,
      recordReviewSteps,
      plainTextOf('answer', 'answerText'),
    ],
    afterChange: [
      auditChange('question'),
      notifyReviewersOfSubmission('question'),
      reindexAfterChange('faqs'),
      rebuildSiteAfterChange('faqs'),
      forgetPublicContactsAfter,
    ],
    afterDelete: [
      auditDelete('question'),
      reindexAfterDelete('faqs'),
      rebuildSiteAfterDelete('faqs'),
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
    {
      name: 'question',
      label: '質問',
      type: 'text',
      required: true,
      maxLength: FAQ_LIMITS.question,
      admin: { components: { afterInput: [CHAR_COUNTER] } },
    },
    {
      name: 'alternatives',
      label: '言い換え（実際の聞かれ方）',
      type: 'array',
      labels: { singular: '言い換え', plural: '言い換え' },
      admin: { description: '電話で実際に聞かれる言い方を入れると検索で見つかりやすくなります。' },
      fields: [
        { name: 'text', label: '言い換え', type: 'text', required: true, maxLength: FAQ_LIMITS.alternative },
      ],
    },
    {
      name: 'shortAnswer',
      label: '短い回答（読み上げ用）',
      type: 'textarea',
      required: true,
      maxLength: FAQ_LIMITS.shortAnswer,
      admin: {
        description: `オペレーターがそのまま読み上げられる1〜2文（${FAQ_LIMITS.shortAnswer}文字以内）。`,
        components: { afterInput: [CHAR_COUNTER] },
      },
    },
    { name: 'answer', label: '回答', type: 'richText', required: true },
    { name: 'answerText', label: '回答（検索用の本文）', type: 'textarea', admin: { hidden: true } },
    // やさしい日本語 (decision 0053): optional, approved with the answer (same drafts and
    // review); shown on the FAQ's Japanese page with furigana, never searched.
    {
      name: 'easy',
      label: EASY_LABEL,
      type: 'richText',
      admin: {
        description:
          '任意です。回答と同じ内容を、短い文（1文40字以内）・1文に1つのこと・よく使う言葉で書きます。新しい事実は書かないでください。市民向けのページに「やさしい日本語」として、ふりがな付きで表示されます。',
      },
    },
    bringItemsField('bring', '持ち物', true),
    // Furigana overrides of this FAQ's page (the site reads other kanji with its dictionary).
    readingsField(
      'サイトのふりがなが間違っている語だけを登録します（例: 東広島 → ひがしひろしま）。このFAQのページに使われ、市全体の修正（自治体情報）より優先されます。',
    ),
    {
      name: 'operatorNotes',
      label: 'オペレーター向けメモ（非公開）',
      type: 'textarea',
      maxLength: 2000,
      access: { read: fieldRoleIn(...STAFF_READERS) },
      admin: { description: '市民向けサイトには表示されません。' },
    },
    ...groundingFields(),
    slugField('faq'),
    {
      name: 'category',
      label: 'カテゴリ',
      type: 'relationship',
      relationTo: 'categories',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    { name: 'tags', label: 'タグ', type: 'text', hasMany: true, admin: { position: 'sidebar' } },
    facetsField,
    audienceField,
    localeField,
    {
      name: 'translationOf',
      label: '翻訳元のFAQ',
      type: 'relationship',
      relationTo: 'faqs',
      admin: { position: 'sidebar' },
    },
    usageCountField,
    ...workflowFields,
    // やさしい日本語: the figures and flagged sentences of the answer and short answer, as the editor types.
    {
      name: 'readability',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/ReadabilityPanel#ReadabilityPanel' } },
    },
  ],
}

import type { Field } from 'payload'

import { hasRole, PUBLISHERS, type RoleHolder } from '../access/roles'
import { REVIEW_STATES } from '../hooks/publishWorkflow'
import { DAY, DAY_AND_TIME } from './dates'

/** Review state, approval record and review-by date shared by FAQs and guides. */
export const workflowFields: Field[] = [
  {
    // 「差し戻す」 with its dialog, for reviewers and admins while the entry is in 承認待ち.
    name: 'sendBackAction',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '/components/SendBackButton#SendBackButton' },
      condition: (_data, _sibling, { user }) => hasRole(user as RoleHolder, ...PUBLISHERS),
    },
  },
  {
    name: 'reviewState',
    label: '承認状態',
    type: 'select',
    options: REVIEW_STATES.map((o) => ({ ...o })),
    defaultValue: 'draft',
    index: true,
    admin: {
      position: 'sidebar',
      description: '編集が終わったら「承認待ち」にして保存し、承認者に公開を依頼します。',
    },
  },
  {
    // Written by a reviewer when sending an entry back; the editor reads it on the entry and in
    // 編集中のFAQ; a new request for review clears it. Who may write it is checked in
    // hooks/reviewSteps.ts (not field access, which would also stop that hook from clearing it).
    name: 'sendBackReason',
    label: '差し戻し理由',
    type: 'textarea',
    maxLength: 1000,
    admin: {
      components: { Field: '/components/SendBackReasonField#SendBackReasonField' },
      position: 'sidebar',
      // Reviewers see it while they decide (also once they have chosen 下書き); editors once it holds a reason.
      condition: (data, _sibling, { user }) =>
        (hasRole(user as RoleHolder, ...PUBLISHERS) &&
          data?.reviewState !== 'approved' &&
          (data?.reviewState === 'in_review' || Boolean(data?.submittedAt))) ||
        (data?.reviewState === 'draft' && Boolean(data?.sendBackReason)),
      description:
        '差し戻すときは「差し戻す」を押して理由を書きます（承認状態を「下書き」にして理由を書き、「下書きを保存」でも同じです）。理由は編集者に表示されます。',
    },
  },
  {
    name: 'submittedBy',
    label: '承認依頼者',
    type: 'relationship',
    relationTo: 'users',
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.submittedBy) },
  },
  {
    name: 'submittedAt',
    label: '承認依頼日時',
    type: 'date',
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => Boolean(data?.submittedAt),
      date: DAY_AND_TIME,
    },
  },
  {
    name: 'sentBackBy',
    label: '差し戻した承認者',
    type: 'relationship',
    relationTo: 'users',
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => data?.reviewState === 'draft' && Boolean(data?.sentBackBy),
    },
  },
  {
    name: 'sentBackAt',
    label: '差し戻し日時',
    type: 'date',
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => data?.reviewState === 'draft' && Boolean(data?.sentBackAt),
      date: DAY_AND_TIME,
    },
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
    admin: { position: 'sidebar', readOnly: true, date: DAY_AND_TIME },
  },
  {
    name: 'reviewBy',
    label: '次回見直し期限',
    type: 'date',
    required: true,
    index: true,
    admin: { position: 'sidebar', date: DAY },
  },
  {
    name: 'needsReview',
    label: '要確認の事実を含む',
    type: 'checkbox',
    defaultValue: false,
    admin: {
      position: 'sidebar',
      description: '出典が未確定の内容を含みます。公開前に公式ページで確認してください。',
    },
  },
  {
    name: 'contentHash',
    label: '内容のハッシュ（取り込みの照合用）',
    type: 'text',
    admin: { hidden: true },
  },
]

/**
 * The edit screen's publish control (「変更内容を公開」 and its schedule menu) only for those who
 * may publish: an editor would get a 403 from it. Editors save drafts and ask for review.
 */
export const PUBLISHER_ONLY_EDIT_COMPONENTS = {
  PublishButton: '/components/PublishButtonForPublishers#PublishButtonForPublishers',
} as const

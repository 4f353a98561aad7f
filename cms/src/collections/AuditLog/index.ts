import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { roleIn } from '../../access/roleIn'
import { AUDIT_ACTIONS } from '../../hooks/audit'

/** Who created, changed, submitted, approved, published or deleted what. Written only by hooks. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: '操作履歴', plural: '操作履歴' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['createdAt', 'action', 'collectionSlug', 'title', 'userEmail', 'note'],
    group: '管理',
    description: '誰がいつ何を作成・変更・承認・公開・削除したかの記録です（変更できません）。',
  },
  defaultSort: '-createdAt',
  access: { read: roleIn('admin', 'reviewer', 'supervisor'), create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'action',
      label: '操作',
      type: 'select',
      required: true,
      options: AUDIT_ACTIONS.map((o) => ({ ...o })),
      index: true,
    },
    { name: 'collectionSlug', label: '対象', type: 'text', required: true, index: true },
    { name: 'docId', label: '対象ID', type: 'text', required: true, index: true },
    { name: 'title', label: '件名', type: 'text' },
    { name: 'user', label: 'ユーザー', type: 'relationship', relationTo: 'users' },
    { name: 'userEmail', label: 'ユーザー（メール）', type: 'text' },
    { name: 'changedFields', label: '変更された項目', type: 'text' },
    { name: 'note', label: 'メモ（差し戻し理由）', type: 'textarea' },
  ],
}

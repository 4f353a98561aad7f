import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { roleIn } from '../../access/roleIn'
import { CONTENT_WRITERS } from '../../access/roles'
import { staffReaders } from '../../access/staffReaders'
import { auditChange } from '../../hooks/audit'

/**
 * A change the source watch found in an official page's main text (decision 0038): the changed
 * passages, old and new, and the FAQs and guides that cited the source when it was found. An open
 * change is the review flag those entries carry (「出典が更新されました（3か所）」 on their edit
 * screen, GET /api/sources/changed); an editor or reviewer closes it with 確認済み once the
 * answers are checked. Only the watch creates one.
 */
export const SourceChanges: CollectionConfig = {
  slug: 'source-changes',
  labels: { singular: '出典の更新', plural: '出典の更新' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'passageCount', 'detectedAt', 'resolvedAt'],
    group: 'ナレッジ',
  },
  access: { read: staffReaders, create: nobody, update: roleIn(...CONTENT_WRITERS), delete: nobody },
  hooks: {
    // Who closed it is the signed-in user, whatever the request says.
    beforeChange: [
      ({ data, req, originalDoc }) =>
        data.resolvedAt && !originalDoc?.resolvedAt
          ? { ...data, resolvedBy: req.user?.id ?? null }
          : { ...data, resolvedBy: originalDoc?.resolvedBy ?? null },
    ],
    afterChange: [auditChange('title')],
  },
  fields: [
    {
      name: 'source',
      label: '出典',
      type: 'relationship',
      relationTo: 'sources',
      required: true,
      index: true,
      access: { update: () => false },
    },
    { name: 'title', label: '出典のタイトル', type: 'text', required: true, access: { update: () => false } },
    {
      name: 'detectedAt',
      label: '検出日時',
      type: 'date',
      required: true,
      index: true,
      access: { update: () => false },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'passageCount',
      label: '変わった箇所の数',
      type: 'number',
      required: true,
      access: { update: () => false },
    },
    {
      name: 'passages',
      label: '変わった箇所（旧・新）',
      type: 'json',
      required: true,
      access: { update: () => false },
    },
    {
      name: 'faqs',
      label: '引用しているFAQ',
      type: 'relationship',
      relationTo: 'faqs',
      hasMany: true,
      maxDepth: 0,
      access: { update: () => false },
    },
    {
      name: 'guides',
      label: '引用している手続きガイド',
      type: 'relationship',
      relationTo: 'guides',
      hasMany: true,
      maxDepth: 0,
      access: { update: () => false },
    },
    {
      name: 'resolvedAt',
      label: '確認済みにした日時',
      type: 'date',
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'resolvedBy', label: '確認した人', type: 'relationship', relationTo: 'users', maxDepth: 0 },
  ],
}

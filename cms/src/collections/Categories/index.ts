import { categorySchema } from '@kotae/content/schema'
import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../../access/referenceData'
import { englishField } from '../../fields/english'
import { slugField } from '../../fields/slug'
import { auditChange, auditDelete } from '../../hooks/audit'
import { rebuildSiteAfterAnyChange, rebuildSiteAfterDelete } from '../../publish/hooks'
import { forgetDeskCardsAfterChange, forgetDeskCardsAfterDelete } from '../../search/deskCards'

export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: 'カテゴリ', plural: 'カテゴリ' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'nameEn', 'order'], group: 'ナレッジ' },
  defaultSort: 'order',
  access: referenceDataAccess(),
  hooks: {
    afterChange: [auditChange('name'), rebuildSiteAfterAnyChange('categories'), forgetDeskCardsAfterChange],
    afterDelete: [auditDelete('name'), rebuildSiteAfterDelete('categories'), forgetDeskCardsAfterDelete],
  },
  fields: [
    { name: 'name', label: '名称', type: 'text', required: true, maxLength: 60 },
    { name: 'nameEn', label: '英語名', type: 'text', required: true, maxLength: 80 },
    { name: 'description', label: '説明', type: 'textarea', maxLength: 300 },
    englishField('descriptionEn', '英語の説明', categorySchema.shape.descriptionEn, 'textarea'),
    { name: 'order', label: '表示順', type: 'number', defaultValue: 100 },
    slugField('category'),
  ],
}

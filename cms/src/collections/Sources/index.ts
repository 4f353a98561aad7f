import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../../access/referenceData'
import { DAY } from '../../fields/dates'
import { slugField } from '../../fields/slug'
import { auditChange, auditDelete } from '../../hooks/audit'
import { forgetPublicContactsAfter } from '../../privacy/maskStored'
import { rebuildSiteAfterAnyChange, rebuildSiteAfterDelete } from '../../publish/hooks'
import { sourcesChangedEndpoint } from '../../sourceWatch/changedEndpoint'
import { forgetWatchedSource } from '../../sourceWatch/forgetSource'
import { forgetDeskCardsAfterChange, forgetDeskCardsAfterDelete } from '../../search/deskCards'

const isHttpUrl = (value: unknown): true | string => {
  try {
    const url = new URL(String(value))
    return url.protocol === 'http:' || url.protocol === 'https:' ? true : 'http(s) のURLを入力してください。'
  } catch {
    return 'URLの形式が正しくありません。'
  }
}

export const Sources: CollectionConfig = {
  slug: 'sources',
  labels: { singular: '出典', plural: '出典' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'publisher', 'checkedAt'], group: 'ナレッジ' },
  endpoints: [sourcesChangedEndpoint],
  access: referenceDataAccess(),
  hooks: {
    beforeDelete: [forgetWatchedSource],
    afterChange: [
      auditChange('title'),
      rebuildSiteAfterAnyChange('sources'),
      forgetDeskCardsAfterChange,
      forgetPublicContactsAfter,
    ],
    afterDelete: [
      auditDelete('title'),
      rebuildSiteAfterDelete('sources'),
      forgetDeskCardsAfterDelete,
      forgetPublicContactsAfter,
    ],
  },
  fields: [
    { name: 'title', label: 'タイトル', type: 'text', required: true, maxLength: 200 },
    { name: 'publisher', label: '発行元', type: 'text', required: true, maxLength: 120 },
    { name: 'url', label: 'URL', type: 'text', required: true, validate: isHttpUrl },
    { name: 'checkedAt', label: '最終確認日', type: 'date', required: true, admin: { date: DAY } },
    slugField('source'),
  ],
}

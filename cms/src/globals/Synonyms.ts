import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { roleIn } from '../access/roleIn'
import { CONTENT_WRITERS } from '../access/roles'
import { auditGlobalChange } from '../hooks/audit'
import { rebuildSiteAfterGlobalChange } from '../publish/hooks'
import { rebuildAfterSynonymsChange } from '../search/hooks'

/** Terms callers use interchangeably; the search analyzer expands queries with them. */
export const Synonyms: GlobalConfig = {
  slug: 'synonyms',
  label: '同義語',
  admin: { group: '設定', description: '同じ意味で使われる言葉のグループです。先頭が代表の言葉です。' },
  access: { read: anyone, update: roleIn(...CONTENT_WRITERS) },
  hooks: { afterChange: [auditGlobalChange, rebuildAfterSynonymsChange, rebuildSiteAfterGlobalChange] },
  fields: [
    {
      name: 'groups',
      label: 'グループ',
      type: 'array',
      labels: { singular: 'グループ', plural: 'グループ' },
      fields: [
        { name: 'terms', label: '言葉（2つ以上）', type: 'text', hasMany: true, required: true, minRows: 2 },
        { name: 'note', label: 'メモ', type: 'text' },
      ],
    },
    { name: 'contentHash', type: 'text', admin: { hidden: true } },
  ],
}

import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { roleIn } from '../../access/roleIn'
import { DAY_AND_TIME } from '../../fields/dates'

const SITE_EVENT_TYPES = ['search', 'zero-result', 'faq-view', 'helpful', 'facet-choice'] as const

/**
 * Anonymous events from the public site: what citizens search, what finds nothing, which FAQs
 * they read and whether they helped, and which facet they chose when asked back (site and desk:
 * `facet-choice`, its dimension and value). No cookie, IP address or user id is stored; query and
 * reason text are masked before they are written. Written only by POST /api/events.
 */
export const SiteEvents: CollectionConfig = {
  slug: 'site-events',
  labels: { singular: 'サイト利用記録', plural: 'サイト利用記録' },
  admin: { group: '分析', defaultColumns: ['at', 'type', 'query', 'faq', 'helpful'], useAsTitle: 'type' },
  defaultSort: '-at',
  access: {
    read: roleIn('admin', 'supervisor', 'reviewer', 'cityViewer', 'editor'),
    create: nobody,
    update: nobody,
    delete: roleIn('admin'),
  },
  fields: [
    {
      name: 'type',
      label: '種類',
      type: 'select',
      required: true,
      index: true,
      options: SITE_EVENT_TYPES.map((value) => ({ value, label: value })),
    },
    { name: 'at', label: '日時', type: 'date', required: true, index: true, admin: { date: DAY_AND_TIME } },
    { name: 'query', label: '検索語（マスク済み）', type: 'text', maxLength: 200 },
    { name: 'faq', label: 'FAQ', type: 'text', maxLength: 80, index: true },
    { name: 'helpful', label: '解決した', type: 'checkbox' },
    { name: 'reason', label: '理由（マスク済み）', type: 'text', maxLength: 500 },
    { name: 'dimension', label: '聞き返しの観点', type: 'text', maxLength: 40 },
    { name: 'value', label: '選ばれた値', type: 'text', maxLength: 40 },
    {
      name: 'locale',
      label: '言語',
      type: 'select',
      options: ['ja', 'en'].map((value) => ({ value, label: value })),
    },
  ],
}

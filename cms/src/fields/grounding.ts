import type { Field } from 'payload'

/**
 * What an FAQ or a guide rests on and points to, the same in both collections: its official
 * sources (required), related FAQs, and the fact-sheet bullet ids (`facts`) its text relies on.
 */
export const groundingFields = (): Field[] => [
  {
    name: 'sources',
    label: '出典',
    type: 'relationship',
    relationTo: 'sources',
    hasMany: true,
    required: true,
  },
  // A related FAQ is a link: populating it would repeat whole answers at every level of depth.
  {
    name: 'related',
    label: '関連FAQ',
    type: 'relationship',
    relationTo: 'faqs',
    hasMany: true,
    maxDepth: 0,
  },
  {
    name: 'facts',
    label: '根拠（事実シートID）',
    type: 'text',
    hasMany: true,
    admin: { position: 'sidebar' },
  },
]

import type { NumberField } from 'payload'

import { fieldRoleIn } from '../../access/roleIn'
import { hasRole, STAFF_READERS } from '../../access/roles'

/**
 * How many logged calls used this FAQ. Derived on read from the calls themselves, so there is no
 * counter to drift; staff only (the public never triggers the count).
 */
export const usageCountField: NumberField = {
  name: 'usageCount',
  label: '使用回数（問い合わせ記録から集計）',
  type: 'number',
  virtual: true,
  access: { read: fieldRoleIn(...STAFF_READERS) },
  admin: { readOnly: true, position: 'sidebar' },
  hooks: {
    afterRead: [
      async ({ originalDoc, req }) => {
        if (!originalDoc?.id || !hasRole(req.user, ...STAFF_READERS)) return undefined
        const { totalDocs } = await req.payload.count({
          collection: 'calls',
          where: { faqsUsed: { in: [originalDoc.id] } },
          overrideAccess: true,
          req,
        })
        return totalDocs
      },
    ],
  },
}

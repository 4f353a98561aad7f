import type { DateField } from 'payload'

import { DAY_AND_TIME } from './dates'

/**
 * When the retention run (src/retention) cleared a record's personal fields; never set by a user.
 * Calls and escalations carry it; the admin shows it in the sidebar once it is set.
 */
export const anonymizedAtField = (): DateField => ({
  name: 'anonymizedAt',
  label: '個人情報を消去した日時（保存期間の経過）',
  type: 'date',
  access: { create: () => false, update: () => false },
  admin: {
    readOnly: true,
    position: 'sidebar',
    date: DAY_AND_TIME,
    condition: (data) => Boolean(data?.anonymizedAt),
  },
})

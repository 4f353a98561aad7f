import type { Access, PayloadRequest } from 'payload'

import { hasRole, STAFF_READERS } from './roles'

/** Staff who work with the content (not the report-only city viewers, not visitors): the source watch's findings. */
export const isStaffReader = (req: Pick<PayloadRequest, 'user'>): boolean =>
  hasRole(req.user, ...STAFF_READERS)

export const staffReaders: Access = ({ req }) => isStaffReader(req)

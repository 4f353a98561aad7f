import type { Access } from 'payload'

import { hasRole } from '../../access/roles'

/**
 * Transcripts are the most personal text Kotae holds (masked, but a whole conversation): supervisors,
 * the city's roles (承認者, 市職員) and admins read every one; an operator only those of calls they
 * took. Unlinked transcripts (no call yet) are not an operator's. Editors never read them.
 */
export const TRANSCRIPT_READERS = ['admin', 'supervisor', 'reviewer', 'cityViewer'] as const

export const readTranscripts: Access = ({ req }) => {
  if (hasRole(req.user, ...TRANSCRIPT_READERS)) return true
  if (hasRole(req.user, 'operator') && req.user) return { 'call.operator': { equals: req.user.id } }
  return false
}

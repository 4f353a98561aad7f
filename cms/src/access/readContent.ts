import type { Access, Where } from 'payload'

import { CONTENT_WRITERS, hasRole } from './roles'

const published: Where = { _status: { equals: 'published' } }
const publishedPublic: Where = { and: [published, { audience: { equals: 'public' } }] }

/**
 * Read access for FAQs and guides, as a query filter:
 * - editors, reviewers and admins read everything, drafts included;
 * - operators and supervisors read published entries of every audience (operator-only FAQs too);
 * - everyone else (anonymous citizens, city viewers) reads published public entries only.
 */
export const readContent: Access = ({ req }) => {
  if (hasRole(req.user, ...CONTENT_WRITERS)) return true
  if (hasRole(req.user, 'operator', 'supervisor')) return published
  return publishedPublic
}

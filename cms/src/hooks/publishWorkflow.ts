import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type Where } from 'payload'

import { hasRole, PUBLISHERS } from '../access/roles'

/** Review states an entry moves through before a reviewer publishes it. */
export const REVIEW_STATES = [
  { label: '下書き', value: 'draft' },
  { label: '承認待ち', value: 'in_review' },
  { label: '承認済み（公開）', value: 'approved' },
] as const

export class PublishNotAllowedError extends APIError {
  constructor() {
    super('公開できるのは承認者（市職員）またはシステム管理者だけです。承認待ちにして承認を依頼してください。', 403, undefined, true)
    this.name = 'PublishNotAllowedError'
  }
}

export class UnpublishNotAllowedError extends APIError {
  constructor() {
    super('公開中の内容を非公開にできるのは承認者（市職員）またはシステム管理者だけです。変更は下書きとして保存してください。', 403, undefined, true)
    this.name = 'UnpublishNotAllowedError'
  }
}

/**
 * Taking a published entry offline is a publishing decision too. Saving `_status: 'draft'` to the
 * document itself (not as a draft version, which leaves the published one live) unpublishes it, so
 * only reviewers and admins may do it. Checked before the operation, where Payload still says
 * whether the save is a draft version (`draft`); a change hook cannot tell the two apart.
 */
export const refuseUnpublishByNonPublishers: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'update' || args.overrideAccess !== false || !req.user || hasRole(req.user, ...PUBLISHERS)) return args
  const data: object | undefined = args.data
  if (args.draft || !data || !('_status' in data) || data._status !== 'draft') return args
  const target: Where = 'id' in args && args.id !== undefined ? { id: { equals: args.id } } : 'where' in args && args.where ? args.where : {}
  const { totalDocs } = await req.payload.count({ collection: collection.slug, where: { and: [target, { _status: { equals: 'published' } }] }, overrideAccess: true, req })
  if (totalDocs > 0) throw new UnpublishNotAllowedError()
  return args
}

/**
 * draft → in review → published. Publishing is the reviewer's approval: only reviewers and
 * admins may publish, and the hook records who approved and when. Editors save drafts and ask
 * for review; they can never set the approval fields themselves. Requests without a user are the
 * system (seed, migrations) and pass, because collection access already refuses anonymous writes.
 */
export const enforcePublishWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const nextStatus = data._status ?? originalDoc?._status ?? 'draft'
  if (nextStatus === 'published') {
    if (req.user && !hasRole(req.user, ...PUBLISHERS)) throw new PublishNotAllowedError()
    const republishUnchanged = originalDoc?._status === 'published' && originalDoc?.reviewState === 'approved' && data._status === undefined
    return {
      ...data,
      reviewState: 'approved',
      approvedBy: republishUnchanged ? originalDoc?.approvedBy ?? null : req.user?.id ?? null,
      approvedAt: republishUnchanged ? originalDoc?.approvedAt ?? null : new Date().toISOString(),
    }
  }
  return {
    ...data,
    reviewState: data.reviewState === 'in_review' ? 'in_review' : 'draft',
    approvedBy: originalDoc?.approvedBy ?? null,
    approvedAt: originalDoc?.approvedAt ?? null,
  }
}

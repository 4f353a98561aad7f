import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
  type Where,
} from 'payload'

import { hasRole, PUBLISHERS } from '../access/roles'
import { REVIEW_STEP_CONTEXT } from './reviewSteps'

/** Review states an entry moves through before a reviewer publishes it. */
export const REVIEW_STATES = [
  { label: '下書き', value: 'draft' },
  { label: '承認待ち', value: 'in_review' },
  { label: '承認済み（公開）', value: 'approved' },
] as const

export class PublishNotAllowedError extends APIError {
  constructor() {
    super(
      '公開できるのは承認者（市職員）またはシステム管理者だけです。承認待ちにして承認を依頼してください。',
      403,
      undefined,
      true,
    )
    this.name = 'PublishNotAllowedError'
  }
}

export class UnpublishNotAllowedError extends APIError {
  constructor() {
    super(
      '公開中の内容を非公開にできるのは承認者（市職員）またはシステム管理者だけです。変更は下書きとして保存してください。',
      403,
      undefined,
      true,
    )
    this.name = 'UnpublishNotAllowedError'
  }
}

/**
 * Taking a published entry offline is a publishing decision too. Saving `_status: 'draft'` to the
 * document itself (not as a draft version, which leaves the published one live) unpublishes it, so
 * only reviewers and admins may do it. Checked before the operation, where Payload still says
 * whether the save is a draft version (`draft`); a change hook cannot tell the two apart.
 */
export const refuseUnpublishByNonPublishers: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (
    operation !== 'update' ||
    args.overrideAccess !== false ||
    !req.user ||
    hasRole(req.user, ...PUBLISHERS)
  )
    return args
  const data: object | undefined = args.data
  if (args.draft || !data || !('_status' in data) || data._status !== 'draft') return args
  const target: Where =
    'id' in args && args.id !== undefined
      ? { id: { equals: args.id } }
      : 'where' in args && args.where
        ? args.where
        : {}
  const { totalDocs } = await req.payload.count({
    collection: collection.slug,
    where: { and: [target, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) throw new UnpublishNotAllowedError()
  return args
}

/** Fields a save of the published content may carry with other values: bookkeeping and the workflow's own fields. */
const NOT_CONTENT = new Set([
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'reviewState',
  'approvedBy',
  'approvedAt',
  'submittedBy',
  'submittedAt',
  'sendBackReason',
  'sentBackBy',
  'sentBackAt',
  'answerText',
  'contentHash',
  'usageCount',
  'deletedAt',
])
const idOf = (v: unknown): unknown =>
  v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v
/** Relationships as ids, so a body read at depth 0 compares equal to the stored document. */
const comparable = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) && 'id' in value && 'createdAt' in value
      ? (value as { id: unknown }).id
      : value,
  )

/**
 * The published version of a document when `data` carries exactly its content (what Payload's
 * 「公開時の内容に戻す」 sends), otherwise null. Lets an editor discard a draft without letting an
 * editor publish anything that is not already live.
 */
async function publishedVersionIfSame(
  collection: string,
  id: unknown,
  data: Record<string, unknown>,
  req: PayloadRequest,
): Promise<Record<string, unknown> | null> {
  if (id === undefined || id === null) return null
  const published = (await req.payload.findByID({
    collection: collection as 'faqs',
    id: id as number,
    draft: false,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })) as Record<string, unknown> | null
  if (published?._status !== 'published') return null
  const same = Object.keys(data).every(
    (k) => NOT_CONTENT.has(k) || comparable(data[k]) === comparable(published[k]),
  )
  return same ? published : null
}

/**
 * draft → in review → published. Publishing is the reviewer's approval: only reviewers and
 * admins may publish, and the hook records who approved and when. Editors save drafts and ask
 * for review; they can never set the approval fields themselves. Requests without a user are the
 * system (seed, migrations) and pass, because collection access already refuses anonymous writes.
 */
export const enforcePublishWorkflow: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const nextStatus = data._status ?? originalDoc?._status ?? 'draft'
  if (nextStatus === 'published') {
    if (req.user && !hasRole(req.user, ...PUBLISHERS)) {
      const published = await publishedVersionIfSame(collection.slug, originalDoc?.id, data, req)
      if (!published) throw new PublishNotAllowedError()
      // 「公開時の内容に戻す」: the published content saved again, which discards the draft and publishes nothing new.
      req.context[REVIEW_STEP_CONTEXT.discard] = true
      return {
        ...data,
        reviewState: 'approved',
        approvedBy: idOf(published.approvedBy) ?? null,
        approvedAt: published.approvedAt ?? null,
      }
    }
    const republishUnchanged =
      originalDoc?._status === 'published' &&
      originalDoc?.reviewState === 'approved' &&
      data._status === undefined
    return {
      ...data,
      reviewState: 'approved',
      approvedBy: republishUnchanged ? (originalDoc?.approvedBy ?? null) : (req.user?.id ?? null),
      approvedAt: republishUnchanged ? (originalDoc?.approvedAt ?? null) : new Date().toISOString(),
    }
  }
  return {
    ...data,
    reviewState: data.reviewState === 'in_review' ? 'in_review' : 'draft',
    approvedBy: originalDoc?.approvedBy ?? null,
    approvedAt: originalDoc?.approvedAt ?? null,
  }
}

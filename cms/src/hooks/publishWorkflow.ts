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

class PublishNotAllowedError extends APIError {
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

class DiscardNotAllowedError extends APIError {
  constructor() {
    super(
      'この下書きを公開時の内容に戻せるのは、最後に編集または承認依頼をした人と、承認者（市職員）・システム管理者だけです。',
      403,
      undefined,
      true,
    )
    this.name = 'DiscardNotAllowedError'
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

/** Audit actions that write a draft: the person of the latest one is the one who last edited or submitted it. */
const DRAFT_WRITES = ['create', 'update', 'submit']

/**
 * Whether an editor may discard this draft: they asked for its review, or the last draft write in
 * the audit log (create, change, request for review) is theirs. The audit log is where Kotae
 * already records who wrote each version (Payload's versions carry no author), so no second
 * "last edited by" field has to be kept in step. A send-back is the reviewer's verdict, not an
 * edit: it leaves the draft with the editor who asked.
 */
async function ownsDraft(
  collection: string,
  draft: Record<string, unknown> | undefined,
  req: PayloadRequest,
): Promise<boolean> {
  const userId = String(req.user?.id)
  if (!draft || draft.id === undefined) return false
  if (draft.reviewState === 'in_review' && String(idOf(draft.submittedBy)) === userId) return true
  const { docs } = await req.payload.find({
    collection: 'audit-log',
    where: {
      and: [
        { collectionSlug: { equals: collection } },
        { docId: { equals: String(draft.id) } },
        { action: { in: DRAFT_WRITES } },
      ],
    },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.length > 0 && String(idOf(docs[0]?.user)) === userId
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
    const publisher = !req.user || hasRole(req.user, ...PUBLISHERS)
    // 「公開時の内容に戻す」: the published content saved again over a draft, which discards the draft
    // and publishes nothing new. A reviewer's publish of an entry in 承認待ち stays an approval.
    const hasDraft = originalDoc?._status === 'draft'
    const discarding =
      Boolean(req.user) && (!publisher || (hasDraft && originalDoc?.reviewState !== 'in_review'))
    const published = discarding
      ? await publishedVersionIfSame(collection.slug, originalDoc?.id, data, req)
      : null
    if (!publisher && !published) throw new PublishNotAllowedError()
    if (published) {
      // Only one's own draft: another editor's work is the reviewer's to throw away.
      if (!publisher && hasDraft && !(await ownsDraft(collection.slug, originalDoc, req)))
        throw new DiscardNotAllowedError()
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

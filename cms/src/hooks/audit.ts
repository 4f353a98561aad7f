import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { REVIEW_STEP_CONTEXT } from './reviewSteps'

/** What the audit log records. */
export const AUDIT_ACTIONS = [
  { label: '作成', value: 'create' },
  { label: '変更', value: 'update' },
  { label: '承認依頼', value: 'submit' },
  { label: '承認・公開', value: 'publish' },
  { label: '公開停止', value: 'unpublish' },
  { label: '差し戻し', value: 'sendBack' },
  { label: '下書きの破棄', value: 'discard' },
  { label: '削除', value: 'delete' },
  { label: '保存期間による削除・匿名化', value: 'retention' },
  { label: 'データの書き出し', value: 'export' },
] as const
type AuditAction = (typeof AUDIT_ACTIONS)[number]['value']

const IGNORED_KEYS = new Set([
  'updatedAt',
  'createdAt',
  'id',
  'approvedAt',
  'approvedBy',
  'answerText',
  'contentHash',
])

/** Top-level fields whose value differs between two versions of a document. */
export const changedFields = (
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): string[] =>
  Object.keys(after)
    .filter((k) => !IGNORED_KEYS.has(k))
    .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k] ?? null))

const actionFor = (
  operation: 'create' | 'update',
  doc: Record<string, unknown>,
  req: PayloadRequest,
  previous?: Record<string, unknown>,
): AuditAction => {
  if (req.context[REVIEW_STEP_CONTEXT.discard]) return 'discard'
  if (req.context[REVIEW_STEP_CONTEXT.sendBack]) return 'sendBack'
  if (
    doc._status === 'published' &&
    (operation === 'create' || previous?._status !== 'published' || doc.approvedAt !== previous?.approvedAt)
  ) {
    return 'publish'
  }
  if (operation === 'update' && doc.reviewState === 'in_review' && previous?.reviewState !== 'in_review')
    return 'submit'
  return operation
}

async function writeAudit(
  req: PayloadRequest,
  entry: {
    action: AuditAction
    collectionSlug: string
    docId: string
    title: string
    changed: string[]
    note?: string
  },
): Promise<void> {
  await req.payload.create({
    collection: 'audit-log',
    data: {
      action: entry.action,
      collectionSlug: entry.collectionSlug,
      docId: entry.docId,
      title: entry.title.slice(0, 200),
      user: req.user && req.user.collection === 'users' ? req.user.id : null,
      userEmail: (req.user as { email?: string } | null)?.email ?? 'system',
      changedFields: entry.changed.join(', ').slice(0, 1000),
      note: entry.note ? entry.note.slice(0, 1000) : null,
    },
    overrideAccess: true,
    req,
  })
}

/** Records create, change, submit-for-review and publish of any document in the audit log. */
export const auditChange =
  (titleField: string): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    await writeAudit(req, {
      action: actionFor(operation, doc, req, operation === 'update' ? previousDoc : undefined),
      collectionSlug: collection.slug,
      docId: String(doc.id),
      title: String(doc[titleField] ?? doc.id),
      changed: operation === 'create' ? [] : changedFields(previousDoc, doc),
      // A send-back keeps its reason in the log: the entry's own field is cleared by the next request for review.
      note:
        req.context[REVIEW_STEP_CONTEXT.sendBack] && typeof doc.sendBackReason === 'string'
          ? doc.sendBackReason
          : undefined,
    })
    // The step belongs to this save only, not to later saves in the same request.
    delete req.context[REVIEW_STEP_CONTEXT.sendBack]
    delete req.context[REVIEW_STEP_CONTEXT.discard]
    return doc
  }

/** Records deletions in the audit log. */
export const auditDelete =
  (titleField: string): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    await writeAudit(req, {
      action: 'delete',
      collectionSlug: collection.slug,
      docId: String(doc.id),
      title: String(doc[titleField] ?? doc.id),
      changed: [],
    })
    return doc
  }

/** Records changes to globals (city profile, synonyms) in the audit log. */
export const auditGlobalChange: GlobalAfterChangeHook = async ({ doc, global, previousDoc, req }) => {
  await writeAudit(req, {
    action: 'update',
    collectionSlug: global.slug,
    docId: global.slug,
    title: typeof global.label === 'string' ? global.label : global.slug,
    changed: changedFields(previousDoc, doc),
  })
  return doc
}

/**
 * Records that records left the system as a file (the inquiry-log export): who (null for a
 * command run on the server, recorded as `system`), what span and how many — never the content.
 */
export async function auditExport(
  payload: Payload,
  user: { id: number; email?: string | null } | null,
  entry: { collectionSlug: string; docId: string; title: string },
): Promise<void> {
  await payload.create({
    collection: 'audit-log',
    data: {
      action: 'export',
      collectionSlug: entry.collectionSlug,
      docId: entry.docId,
      title: entry.title.slice(0, 200),
      user: user?.id ?? null,
      userEmail: user?.email ?? 'system',
    },
    overrideAccess: true,
  })
}

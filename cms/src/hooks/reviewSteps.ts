import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { hasRole, PUBLISHERS } from '../access/roles'
import { SEND_BACK_REASON_REQUIRED } from '../reviewQueue/messages'

export { SEND_BACK_REASON_REQUIRED }

/** req.context keys the audit hook reads to name a step (see hooks/audit.ts). */
export const REVIEW_STEP_CONTEXT = { sendBack: 'kotaeSendBack', discard: 'kotaeDiscardDraft' } as const

const idOf = (v: unknown): unknown =>
  v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v

/**
 * Who asked for review and when, and a reviewer's send-back with its reason. Runs after
 * enforcePublishWorkflow, so `reviewState` is already the state being saved.
 *  - 下書き → 承認待ち: records the requester and the time, clears the last send-back.
 *  - 承認待ち → 下書き by a reviewer or admin who did not ask for the review themselves is a
 *    send-back: it needs a reason (a ValidationError naming the field), and records who and when.
 *  - Publishing clears the send-back, so an old reason does not reappear on the next draft.
 *  - Everything else keeps these fields as they were: nobody sets them by hand, and only
 *    reviewers and admins write the reason.
 */
export const recordReviewSteps: CollectionBeforeChangeHook = ({ collection, data, originalDoc, req }) => {
  const before = originalDoc?.reviewState ?? 'draft'
  const after = data.reviewState
  const now = new Date().toISOString()
  const kept = {
    submittedBy: idOf(originalDoc?.submittedBy) ?? null,
    submittedAt: originalDoc?.submittedAt ?? null,
    sentBackBy: idOf(originalDoc?.sentBackBy) ?? null,
    sentBackAt: originalDoc?.sentBackAt ?? null,
  }
  const publisher = Boolean(req.user) && hasRole(req.user, ...PUBLISHERS)
  const reason = typeof data.sendBackReason === 'string' ? data.sendBackReason.trim() : ''
  const keptReason = originalDoc?.sendBackReason ?? null
  if (after === 'in_review' && before !== 'in_review') {
    return {
      ...data,
      ...kept,
      submittedBy: req.user?.id ?? null,
      submittedAt: now,
      sendBackReason: null,
      sentBackBy: null,
      sentBackAt: null,
    }
  }
  if (after === 'approved')
    return { ...data, ...kept, sendBackReason: null, sentBackBy: null, sentBackAt: null }
  const submitter = kept.submittedBy !== null && String(kept.submittedBy) === String(req.user?.id)
  if (before === 'in_review' && after === 'draft' && publisher && !submitter) {
    if (!reason) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: [{ path: 'sendBackReason', label: '差し戻し理由', message: SEND_BACK_REASON_REQUIRED }],
        },
        req.t,
      )
    }
    req.context[REVIEW_STEP_CONTEXT.sendBack] = true
    return { ...data, ...kept, sendBackReason: reason, sentBackBy: req.user?.id ?? null, sentBackAt: now }
  }
  return {
    ...data,
    ...kept,
    sendBackReason: publisher && 'sendBackReason' in data ? reason || null : keptReason,
  }
}

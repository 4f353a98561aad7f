import type { CollectionAfterChangeHook } from 'payload'

import { PUBLISHERS } from '../access/roles'
import { readEnv } from '../env'

/**
 * When an entry enters 承認待ち, reviewers get a mail if the city's SMTP server is configured
 * (KOTAE_SMTP_URL). Without one nothing is sent or logged: the in-app notice is the 承認待ち
 * count in the menu and on the reviewer's first screen (components/ReviewQueueView.tsx). The
 * mail carries the entry's title and a link, never who asked. A mail failure is logged and never
 * undoes the save.
 */
export const notifyReviewersOfSubmission =
  (titleField: string): CollectionAfterChangeHook =>
  async ({ collection, doc, previousDoc, operation, req }) => {
    if (
      doc.reviewState !== 'in_review' ||
      (operation === 'update' && previousDoc?.reviewState === 'in_review')
    )
      return doc
    const env = readEnv()
    if (!env.KOTAE_SMTP_URL) return doc
    try {
      const reviewers = await req.payload.find({
        collection: 'users',
        where: { roles: { in: PUBLISHERS.filter((r) => r !== 'admin') } },
        depth: 0,
        limit: 200,
        pagination: false,
        overrideAccess: true,
        req,
      })
      const to = reviewers.docs.map((u) => u.email).filter(Boolean)
      if (to.length === 0) return doc
      await req.payload.sendEmail({
        to,
        subject: `【Kotae】承認待ちが1件増えました（${collection.labels?.singular === 'FAQ' ? 'FAQ' : '手続きガイド'}）`,
        text: [
          '承認待ちの項目が届きました。内容を確認し、公開するか、理由を書いて差し戻してください。',
          '',
          `件名: ${String(doc[titleField] ?? doc.id)}`,
          `承認待ちの一覧: ${env.KOTAE_SERVER_URL}/admin/review-queue`,
          `この項目: ${env.KOTAE_SERVER_URL}/admin/collections/${collection.slug}/${doc.id}`,
        ].join('\n'),
      })
    } catch (error) {
      req.payload.logger.error({
        err: error,
        msg: `${collection.slug} ${doc.id}: review request mail failed`,
      })
    }
    return doc
  }

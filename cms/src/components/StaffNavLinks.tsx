import Link from 'next/link'
import type { Payload, PayloadRequest } from 'payload'

import { CONTENT_WRITERS, hasRole, PUBLISHERS, type RoleHolder } from '../access/roles'
import { canReadHealthDetails } from '../health/access'
import { countReviewQueue } from '../reviewQueue/queue'
import { READOUT_READERS } from '../transcripts/readoutCheck'

const style = { display: 'block', padding: '0.25rem 0' } as const

/**
 * Sidebar links to Kotae's own admin pages (Payload passes the signed-in user to this server
 * component). Reviewers see how many entries wait for them on every page: the in-app notice of a
 * new request for review.
 */
export async function StaffNavLinks({ user, payload }: { user?: RoleHolder; payload?: Payload }) {
  const waiting =
    payload && user && hasRole(user, ...PUBLISHERS)
      ? await countReviewQueue(payload, user as PayloadRequest['user'])
      : null
  return (
    <nav aria-label="Kotae">
      {waiting !== null && (
        <Link
          href="/admin/review-queue"
          className="nav__link"
          style={{ ...style, fontWeight: waiting > 0 ? 700 : undefined }}
          data-testid="nav-review-queue"
        >
          承認待ち（{waiting}件）
        </Link>
      )}
      {hasRole(user, ...CONTENT_WRITERS) && (
        <Link href="/admin/my-faqs" className="nav__link" style={style}>
          編集中のFAQ
        </Link>
      )}
      <Link href="/admin/desk" className="nav__link" style={style}>
        応対デスク
      </Link>
      <Link href="/admin/review-due" className="nav__link" style={style}>
        見直し期限の確認
      </Link>
      <Link href="/admin/supervisor" className="nav__link" style={style}>
        本日の状況
      </Link>
      <Link href="/admin/dashboard" className="nav__link" style={style}>
        ダッシュボード
      </Link>
      <Link href="/admin/gap" className="nav__link" style={style}>
        ギャップ分析
      </Link>
      {hasRole(user, ...READOUT_READERS) && (
        <Link href="/admin/readout-check" className="nav__link" style={style}>
          読み上げ確認
        </Link>
      )}
      <Link href="/admin/reports" className="nav__link" style={style}>
        レポート
      </Link>
      <Link href="/admin/ai" className="nav__link" style={style}>
        AI の説明
      </Link>
      {canReadHealthDetails(user) && (
        <Link href="/admin/health" className="nav__link" style={style}>
          稼働状況
        </Link>
      )}
    </nav>
  )
}

import Link from 'next/link'

import type { RoleHolder } from '../access/roles'
import { canReadHealthDetails } from '../health/access'

const style = { display: 'block', padding: '0.25rem 0' } as const

/** Sidebar links to Kotae's own admin pages (Payload passes the signed-in user to this server component). */
export function StaffNavLinks({ user }: { user?: RoleHolder }) {
  return (
    <nav aria-label="Kotae">
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

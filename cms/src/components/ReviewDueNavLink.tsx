import Link from 'next/link'

/** Sidebar link to the review-due list, for editors and reviewers. */
export function ReviewDueNavLink() {
  return (
    <Link href="/admin/review-due" className="nav__link" style={{ display: 'block', padding: '0.25rem 0' }}>
      見直し期限の確認
    </Link>
  )
}

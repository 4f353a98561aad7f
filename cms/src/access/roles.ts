/** The roles of Kotae's staff. A user may hold several. */
export const ROLES = ['admin', 'editor', 'reviewer', 'operator', 'supervisor', 'cityViewer'] as const
export type Role = (typeof ROLES)[number]

/** Japanese labels for the admin UI. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'システム管理者',
  editor: 'FAQ編集者',
  reviewer: '承認者（市職員）',
  operator: 'オペレーター',
  supervisor: 'スーパーバイザー',
  cityViewer: '市職員（レポート閲覧のみ）',
}

/** The part of a user the access functions look at. */
export type RoleHolder = { roles?: readonly string[] | null } | null | undefined

export const hasRole = (user: RoleHolder, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((r) => (roles as string[]).includes(r)))

/** Who writes content (drafts). */
export const CONTENT_WRITERS: Role[] = ['admin', 'editor', 'reviewer']
/** Who may publish or approve content: an editor cannot publish alone. */
export const PUBLISHERS: Role[] = ['admin', 'reviewer']
/** Staff who may read operator-only content and fields. */
export const STAFF_READERS: Role[] = ['admin', 'editor', 'reviewer', 'operator', 'supervisor']

/** Who may read a caller's contact details for a callback (never operators, never analysis). */
export const CONTACT_READERS: Role[] = ['admin', 'supervisor', 'reviewer']
/** Who logs calls. */
export const CALL_TAKERS: Role[] = ['admin', 'supervisor', 'operator']

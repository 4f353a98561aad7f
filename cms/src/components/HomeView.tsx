import { DefaultDashboard, type DashboardViewServerProps } from '@payloadcms/next/views'
import { redirect } from 'next/navigation'

import { hasRole, type RoleHolder } from '../access/roles'

/**
 * Each role's first screen, in order of the work that waits for it. A user with several roles
 * lands on the first that applies; administrators keep Payload's collection overview.
 */
export function firstScreenOf(user: RoleHolder): string | null {
  if (hasRole(user, 'admin')) return null
  if (hasRole(user, 'reviewer')) return '/review-queue'
  if (hasRole(user, 'editor')) return '/my-faqs'
  if (hasRole(user, 'supervisor')) return '/supervisor'
  if (hasRole(user, 'operator')) return '/desk'
  if (hasRole(user, 'cityViewer')) return '/dashboard'
  return null
}

/**
 * /admin. Payload renders this inside its own template (admin.components.views.dashboard), so it
 * draws no template of its own: the ダッシュボード used to sit here and drew the header twice.
 */
export function HomeView(props: DashboardViewServerProps) {
  const target = firstScreenOf(props.user as RoleHolder)
  if (target) redirect(`${props.payload.config.routes.admin}${target}`)
  return <DefaultDashboard {...props} />
}

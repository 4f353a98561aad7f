import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { CALL_TAKERS, hasRole } from '../access/roles'
import { CALLER_TYPES, CHANNELS, OUTCOMES } from '../collections/Calls/options'
import { DeskClient } from './DeskClient'

/** 応対デスク: the operator's single screen during a call. */
export async function DeskView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const allowed = hasRole(req.user, ...CALL_TAKERS)
  const categories = allowed
    ? (await req.payload.find({ collection: 'categories', limit: 200, depth: 0, sort: 'order', pagination: false })).docs.map((c) => ({ label: c.name, value: String(c.id) }))
    : []
  return (
    <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={req.payload} permissions={permissions} searchParams={searchParams} user={req.user ?? undefined} visibleEntities={visibleEntities}>
      <Gutter>
        {allowed ? (
          <DeskClient channels={CHANNELS} callerTypes={CALLER_TYPES} outcomes={OUTCOMES} categories={categories} />
        ) : (
          <p>応対デスクはオペレーター、スーパーバイザー、システム管理者が使えます。</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}

import {
  CALL_CHANNEL_OPTIONS,
  CALL_OUTCOME_OPTIONS,
  CALLER_TYPE_OPTIONS,
} from '@kotae/content/contracts/calls'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { CALL_TAKERS, hasRole } from '../access/roles'
import { DeskClient } from './DeskClient'
import { DeskTranscripts } from './DeskTranscripts'

/** 応対デスク: the operator's single screen during a call. */
export async function DeskView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const allowed = hasRole(req.user, ...CALL_TAKERS)
  const categories = allowed
    ? (
        await req.payload.find({
          collection: 'categories',
          limit: 200,
          depth: 0,
          sort: 'order',
          pagination: false,
        })
      ).docs.map((c) => ({ label: c.name, value: String(c.id) }))
    : []
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        {allowed ? (
          <>
            <DeskClient
              channels={CALL_CHANNEL_OPTIONS}
              callerTypes={CALLER_TYPE_OPTIONS}
              outcomes={CALL_OUTCOME_OPTIONS}
              categories={categories}
            />
            {/* After the call: suggestions from the transcripts of the operator's own calls. */}
            <DeskTranscripts categories={categories} outcomes={CALL_OUTCOME_OPTIONS} />
          </>
        ) : (
          <p>応対デスクはオペレーター、スーパーバイザー、システム管理者が使えます。</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}

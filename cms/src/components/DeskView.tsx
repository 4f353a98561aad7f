import {
  CALL_CHANNEL_OPTIONS,
  CALL_OUTCOME_OPTIONS,
  CALLER_TYPE_OPTIONS,
} from '@kotae/content/contracts/calls'
import type { AdminViewServerProps } from 'payload'

import { CALL_TAKERS, hasRole } from '../access/roles'
import { DeskClient } from './DeskClient'
import { DeskTranscripts } from './DeskTranscripts'
import { StaffPage } from './StaffPage'

/** 応対デスク: the operator's single screen during a call. */
export async function DeskView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
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
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
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
    </StaffPage>
  )
}

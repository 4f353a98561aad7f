import { describe, expect, it } from 'vitest'

import type { CallLogRecord, TelephonyRecord } from '../src/records'
import { linkCallsToTelephony } from '../src/telephony'
import { calls, telephony } from './fixtures/october-2026'

describe('linkCallsToTelephony', () => {
  it('links by telephony call id, then by agent and time', () => {
    const r = linkCallsToTelephony(calls, telephony)
    const by = Object.fromEntries(r.links.map((l) => [l.callLogId, [l.telephonyCallId, l.method]]))
    expect(by).toEqual({
      C1: ['T1', 'call-id'],
      C2: ['T2', 'agent-time'],
      C3: ['T6', 'call-id'],
      C4: ['T5', 'call-id'],
      C5: ['T7', 'agent-time'],
      C6: ['T8', 'call-id'],
      C8: ['T9', 'call-id'],
    })
    expect(r.unlinkedCallIds).toEqual(['C7', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15'])
    expect(r.unlinkedTelephonyCallIds).toEqual(['T3', 'T4', 'T10', 'T11', 'T12', 'T13', 'T14'])
  })

  const t = (callId: string, answeredAt: string, agent: string): TelephonyRecord => ({
    callId,
    queue: 'q',
    offeredAt: '2026-10-01T00:00:00Z',
    answeredAt,
    abandonedAt: null,
    endedAt: null,
    agent,
    wrapUpEndedAt: null,
  })
  const c = (
    id: string,
    start: string,
    operator: string,
    telephonyCallId: string | null = null,
  ): CallLogRecord => ({
    ...calls[0]!,
    id,
    talkStartedAt: start,
    operator,
    telephonyCallId,
  })

  it('within the tolerance only, closest first, each record once, agents mapped to operators', () => {
    const tel = [
      t('A', '2026-10-01T01:00:00Z', 'pbx-7'),
      t('B', '2026-10-01T01:01:00Z', 'pbx-7'),
      t('C', '2026-10-01T02:00:00Z', 'pbx-7'),
    ]
    const cl = [
      c('x', '2026-10-01T01:01:10Z', 'sato'), // 10 s after B, 70 s after A
      c('y', '2026-10-01T01:00:30Z', 'sato'), // 30 s after A, 30 s before B: B is taken by the closer x
      c('z', '2026-10-01T02:02:30Z', 'sato'), // 150 s after C: beyond 120 s
    ]
    const r = linkCallsToTelephony(cl, tel, { agentToOperator: { 'pbx-7': 'sato' } })
    expect(r.links.map((l) => [l.callLogId, l.telephonyCallId, l.offsetSeconds])).toEqual([
      ['x', 'B', 10],
      ['y', 'A', 30],
    ])
    expect(r.unlinkedCallIds).toEqual(['z'])
    expect(
      linkCallsToTelephony(cl, tel, { agentToOperator: { 'pbx-7': 'sato' }, toleranceSeconds: 200 })
        .unlinkedCallIds,
    ).toEqual([])
    expect(linkCallsToTelephony(cl, tel).links).toEqual([]) // pbx-7 is not sato without the mapping
  })

  it('an id the telephony data lacks is not guessed by time', () => {
    const r = linkCallsToTelephony(
      [c('x', '2026-10-01T01:00:00Z', 'sato', 'MISSING')],
      [t('A', '2026-10-01T01:00:00Z', 'sato')],
    )
    expect(r.links).toEqual([])
  })
})

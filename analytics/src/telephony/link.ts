/**
 * Links operators' call logs to the PBX's telephony records.
 *
 * 1. By id: a call log whose telephonyCallId names a telephony record's callId is linked to it. A
 *    call log with an id the telephony data does not contain stays unlinked (its record is missing;
 *    guessing by time could take another call's record).
 * 2. By agent and time, for call logs without telephonyCallId: the telephony record's agent (mapped
 *    to an operator with `agentToOperator`) equals the log's operator, and its answeredAt (offeredAt
 *    when there is no answer time) lies within `toleranceSeconds` (default 120) of talkStartedAt.
 *    Each record and each log is used once; the closest pairs are taken first (ties: earlier call).
 *
 * O(n log n): records are grouped by operator and sorted once; each log looks up its window by
 * binary search.
 */
import type { CallLogRecord, TelephonyRecord } from '../records'
import { parseInstant } from '../time'
import { lowerBound } from '../lib/lowerBound'

export interface LinkOptions {
  toleranceSeconds?: number
  /** PBX agent id → CMS operator, when they differ. A function returning null drops the agent. */
  agentToOperator?: Readonly<Record<string, string>> | ((agent: string) => string | null)
}

export interface CallTelephonyLink {
  callLogId: string
  telephonyCallId: string
  method: 'call-id' | 'agent-time'
  /** talkStartedAt − (answeredAt ?? offeredAt) in seconds, for agent-time links; null for id links. */
  offsetSeconds: number | null
}

export interface LinkResult {
  links: CallTelephonyLink[]
  unlinkedCallIds: string[]
  unlinkedTelephonyCallIds: string[]
}

export function linkCallsToTelephony(
  calls: readonly CallLogRecord[],
  telephony: readonly TelephonyRecord[],
  options: LinkOptions = {},
): LinkResult {
  const toleranceMs = (options.toleranceSeconds ?? 120) * 1000
  const mapAgent = options.agentToOperator
  const operatorOf = (agent: string | null): string | null => {
    if (!agent) return null
    if (typeof mapAgent === 'function') return mapAgent(agent)
    return mapAgent?.[agent] ?? agent
  }

  const byId = new Map<string, number>()
  telephony.forEach((t, i) => {
    if (!byId.has(t.callId)) byId.set(t.callId, i)
  })
  const telUsed = new Uint8Array(telephony.length)
  const linkOf: (CallTelephonyLink | undefined)[] = new Array(calls.length)

  // 1. By id.
  calls.forEach((c, i) => {
    if (!c.telephonyCallId) return
    const t = byId.get(c.telephonyCallId)
    if (t === undefined || telUsed[t]) return
    telUsed[t] = 1
    linkOf[i] = {
      callLogId: c.id,
      telephonyCallId: c.telephonyCallId,
      method: 'call-id',
      offsetSeconds: null,
    }
  })

  // 2. By agent and time.
  const groups = new Map<string, { at: number; index: number }[]>()
  telephony.forEach((t, i) => {
    if (telUsed[i]) return
    const operator = operatorOf(t.agent)
    const at = parseInstant(t.answeredAt ?? t.offeredAt)
    if (operator === null || !Number.isFinite(at)) return
    const g = groups.get(operator)
    if (g) g.push({ at, index: i })
    else groups.set(operator, [{ at, index: i }])
  })
  for (const g of groups.values()) g.sort((a, b) => a.at - b.at)

  const pairs: { call: number; tel: number; diff: number; start: number }[] = []
  calls.forEach((c, i) => {
    if (c.telephonyCallId || !c.operator) return
    const g = groups.get(c.operator)
    const start = parseInstant(c.talkStartedAt)
    if (!g || !Number.isFinite(start)) return
    const first = lowerBound(g, start - toleranceMs, (e) => e.at)
    for (let k = first; k < g.length && g[k]!.at <= start + toleranceMs; k++)
      pairs.push({ call: i, tel: g[k]!.index, diff: start - g[k]!.at, start })
  })
  pairs.sort((a, b) => Math.abs(a.diff) - Math.abs(b.diff) || a.start - b.start || a.call - b.call)
  for (const p of pairs) {
    if (linkOf[p.call] || telUsed[p.tel]) continue
    telUsed[p.tel] = 1
    linkOf[p.call] = {
      callLogId: calls[p.call]!.id,
      telephonyCallId: telephony[p.tel]!.callId,
      method: 'agent-time',
      offsetSeconds: p.diff / 1000,
    }
  }

  const links: CallTelephonyLink[] = []
  const unlinkedCallIds: string[] = []
  calls.forEach((c, i) => {
    const l = linkOf[i]
    if (l) links.push(l)
    else unlinkedCallIds.push(c.id)
  })
  const unlinkedTelephonyCallIds = telephony.filter((_, i) => !telUsed[i]).map((t) => t.callId)
  return { links, unlinkedCallIds, unlinkedTelephonyCallIds }
}

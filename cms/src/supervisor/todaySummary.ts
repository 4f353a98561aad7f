import type { Payload, PayloadRequest } from 'payload'

/** Midnight-to-midnight of the current day in Asia/Tokyo (JST has no daylight saving). */
export function jstDayRange(now = new Date()): { from: Date; to: Date } {
  const jst = new Date(now.getTime() + 9 * 3600 * 1000)
  const from = new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate()) - 9 * 3600 * 1000)
  return { from, to: new Date(from.getTime() + 24 * 3600 * 1000) }
}

export type SupervisorSummary = {
  calls: number
  resolved: number
  byOperator: { operator: string; calls: number; resolved: number; meanTalkSeconds: number }[]
  openEscalations: { id: number | string; summary: string; urgency: string; createdAt: string }[]
}

/** Today's calls per operator and the escalations still open, read with the caller's access. */
export async function supervisorSummary(
  payload: Payload,
  req: PayloadRequest,
  now = new Date(),
): Promise<SupervisorSummary> {
  const { from, to } = jstDayRange(now)
  const access = { overrideAccess: false, req, user: req.user } as const
  const calls = await payload.find({
    collection: 'calls',
    where: {
      and: [
        { talkStartedAt: { greater_than_equal: from.toISOString() } },
        { talkStartedAt: { less_than: to.toISOString() } },
      ],
    },
    depth: 0,
    limit: 5000,
    pagination: false,
    select: { talkStartedAt: true, talkEndedAt: true, outcome: true, operator: true },
    ...access,
  })
  // Supervisors may not read user records, but may see who took which call: names only.
  const operatorIds = [
    ...new Set(calls.docs.map((c) => c.operator).filter((id): id is number => typeof id === 'number')),
  ]
  const operators = operatorIds.length
    ? (
        await payload.find({
          collection: 'users',
          where: { id: { in: operatorIds } },
          select: { name: true, email: true },
          depth: 0,
          limit: operatorIds.length,
          overrideAccess: true,
          req,
        })
      ).docs
    : []
  const nameOf = new Map(operators.map((u) => [u.id, u.name || u.email]))
  const byOperator = new Map<string, { calls: number; resolved: number; talk: number }>()
  for (const c of calls.docs) {
    const op = (typeof c.operator === 'number' && nameOf.get(c.operator)) || '（不明）'
    const row = byOperator.get(op) ?? { calls: 0, resolved: 0, talk: 0 }
    row.calls += 1
    if (c.outcome === 'resolved') row.resolved += 1
    row.talk += Math.max(0, (Date.parse(c.talkEndedAt) - Date.parse(c.talkStartedAt)) / 1000)
    byOperator.set(op, row)
  }
  const open = await payload.find({
    collection: 'escalations',
    where: { status: { not_equals: 'closed' } },
    sort: 'createdAt',
    limit: 100,
    depth: 0,
    ...access,
  })
  return {
    calls: calls.docs.length,
    resolved: calls.docs.filter((c) => c.outcome === 'resolved').length,
    byOperator: [...byOperator.entries()]
      .map(([operator, r]) => ({
        operator,
        calls: r.calls,
        resolved: r.resolved,
        meanTalkSeconds: r.calls ? Math.round(r.talk / r.calls) : 0,
      }))
      .sort((a, b) => b.calls - a.calls),
    openEscalations: open.docs.map((e) => ({
      id: e.id,
      summary: e.summary,
      urgency: e.urgency,
      createdAt: e.createdAt,
    })),
  }
}

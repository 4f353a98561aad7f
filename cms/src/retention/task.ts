import type { TaskConfig } from 'payload'

import { changedCount, runRetention } from './run'

/** The retention run's own job queue, so a long first run never delays a scheduled publish. */
export const RETENTION_QUEUE = 'retention'
/**
 * A cron expression for hh:mm JST in this process's time zone: Payload's scheduler reads crons in
 * local time and takes no time zone, and a server set to UTC would otherwise run it at 12:30 JST.
 */
export function cronAtJst(hour: number, minute: number, now = new Date()): string {
  const local = (((hour * 60 + minute - 9 * 60 - now.getTimezoneOffset()) % 1440) + 1440) % 1440
  return `${local % 60} ${Math.floor(local / 60)} * * *`
}

/** Every night at 03:30 JST, when no one is at the desk. */
export const RETENTION_CRON = cronAtJst(3, 30)

/**
 * The nightly retention run as a Payload task: Payload queues the next night's job on its schedule
 * (it waits in the database, so a night missed while the servers were down runs when one is back)
 * and every app server's job runner may pick it up; the run's lock lets one of them do the work
 * (src/retention/run.ts).
 */
export const retentionTask: TaskConfig<{
  input: object
  output: { changed: number; skipped: boolean; auditEntryId: number | null }
}> = {
  slug: 'retention',
  label: '保存期間による削除・匿名化',
  schedule: [{ cron: RETENTION_CRON, queue: RETENTION_QUEUE }],
  handler: async ({ req }) => {
    const report = await runRetention(req.payload)
    const changed = changedCount(report.counts)
    // Counts only: no record's content reaches the log.
    req.payload.logger.info({
      msg: 'retention run',
      skipped: report.skipped,
      counts: report.counts,
      auditEntryId: report.auditEntryId,
    })
    return { output: { changed, skipped: report.skipped, auditEntryId: report.auditEntryId } }
  },
}

import type { TaskConfig } from 'payload'

import { changedCount, runRetention } from './run'

/** The retention run's own job queue, so a long first run never delays a scheduled publish. */
export const RETENTION_QUEUE = 'retention'
/** Every night at 03:30 in the server's time zone (Asia/Tokyo on the city's servers). */
export const RETENTION_CRON = '30 3 * * *'

/**
 * The nightly retention run as a Payload task: Payload queues it on its schedule (a run missed while
 * the servers were down is queued at the next start) and every app server's job runner may pick it
 * up; the run's advisory lock lets one of them do the work (src/retention/run.ts).
 */
export const retentionTask: TaskConfig<{ input: object; output: { changed: number; skipped: boolean; auditEntryId: number | null } }> = {
  slug: 'retention',
  label: '保存期間による削除・匿名化',
  schedule: [{ cron: RETENTION_CRON, queue: RETENTION_QUEUE }],
  handler: async ({ req }) => {
    const report = await runRetention(req.payload)
    const changed = changedCount(report.counts)
    // Counts only: no record's content reaches the log.
    req.payload.logger.info({ msg: 'retention run', skipped: report.skipped, counts: report.counts, auditEntryId: report.auditEntryId })
    return { output: { changed, skipped: report.skipped, auditEntryId: report.auditEntryId } }
  },
}

import type { TaskConfig } from 'payload'

import { readEnv } from '../env'
import { cronAtJst } from '../retention/task'
import { checkSources, countBy } from './run'
import { deploymentSettings, sourceWatchOn } from './settings'

/** The watch's own job queue: a run waits on slow sites and must never delay a scheduled publish. */
export const SOURCE_WATCH_QUEUE = 'source-watch'
/** Every morning at 05:00 JST, before the desk opens and outside the city sites' busy hours. */
const SOURCE_WATCH_CRON = cronAtJst(5, 0)

/**
 * The daily source watch as a Payload task. Scheduled only when KOTAE_SOURCE_WATCH=on
 * (payload.config.ts); a job that reaches a server where it is off does nothing.
 */
export const sourceWatchTask: TaskConfig<{
  input: object
  output: { checked: number; changed: number; failed: number; skipped: boolean }
}> = {
  slug: 'source-watch',
  label: '出典の自動確認',
  schedule: [{ cron: SOURCE_WATCH_CRON, queue: SOURCE_WATCH_QUEUE }],
  handler: async ({ req }) => {
    if (!sourceWatchOn()) return { output: { checked: 0, changed: 0, failed: 0, skipped: true } }
    const report = await checkSources(
      req.payload,
      await deploymentSettings(req.payload, readEnv().KOTAE_SERVER_URL),
    )
    const counts = countBy(report.outcomes)
    // Source ids, URLs and reasons only: official pages, no personal data.
    const failed = report.outcomes.flatMap((o) =>
      o.outcome === 'failed' ? [{ source: o.source, url: o.url, reason: o.reason, detail: o.detail }] : [],
    )
    req.payload.logger.info({ msg: 'source watch run', seconds: Math.round(report.seconds), counts, failed })
    return {
      output: {
        checked: report.outcomes.length,
        changed: counts.changed,
        failed: counts.failed,
        skipped: false,
      },
    }
  },
}

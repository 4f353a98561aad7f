/**
 * `npm run retention [-- --dry-run]`: the retention run the server does every night
 * (docs/decisions/0029-retention.md), now: what the city profile's periods (自治体情報 → 保存期間)
 * say has expired is anonymized or deleted, and the run is written to the audit log. With
 * --dry-run it only counts, per kind. Safe beside running servers (one run at a time). Exit code 0
 * on success, 1 when refused or when another run holds the lock, 2 on wrong arguments.
 */

import { InvalidEnvironmentError } from '../src/env'
import { RetentionSettingsError } from '../src/retention/settings'
import { runRetention, type RetentionReport } from '../src/retention/run'

import { parseCommandLine } from './lib/commandLine'
import { withCliPayload } from './lib/cliPayload'
import { runCli } from './lib/runCli'

const USAGE = 'usage: npm run retention [-- --dry-run]'

/** One English line per kind: its period, the last month it reaches, and what was (or would be) done. */
function retentionLines(r: RetentionReport): string[] {
  const { counts: c, cutoffs, retention } = r
  const verb = (done: string, todo: string) => (r.dryRun ? todo : done)
  const period = (kind: keyof typeof cutoffs) => `${retention[kind]} months; up to ${cutoffs[kind].lastMonth}`
  const words = cutoffs.searchLogs.before >= cutoffs.calls.before ? 'searchLogs' : 'calls'
  return [
    `calls (${period('calls')}): ${c.callsAnonymized} ${verb('anonymized', 'to anonymize')}; caller pseudonyms: ${c.callerPseudonymsReplaced} ${verb('replaced', 'to replace')}, ${c.callerPseudonymsHeld} held (the caller called again within the repeat window after the cutoff)`,
    `desk search words on calls (${period(words)}): ${c.callSearchWordsCleared} ${verb('deleted', 'to delete')}`,
    `escalations (${period('escalations')}): ${c.escalationsAnonymized} ${verb('anonymized', 'to anonymize')}, ${c.escalationsKeptOpen} still open (kept)`,
    `telephony records (${period('telephonyRecords')}): ${c.telephonyRecordsAnonymized} ${verb('anonymized', 'to anonymize')}`,
    `transcripts (${period('transcripts')}): ${c.transcriptsDeleted} ${verb('deleted', 'to delete')}`,
    `site events (${period('siteEvents')}): ${c.siteEventsDeleted} ${verb('deleted', 'to delete')}`,
    `search events (${period('searchLogs')}): ${c.searchEventsDeleted} ${verb('deleted', 'to delete')}`,
    `audit log (${period('auditLog')}): ${c.auditEntriesDeleted} ${verb('deleted', 'to delete')}`,
  ]
}

async function main(): Promise<number> {
  const args = parseCommandLine({ options: { 'dry-run': { type: 'boolean', default: false } } }, USAGE)
  if (!args) return 2
  return withCliPayload(async (payload) => {
    const started = performance.now()
    const r = await runRetention(payload, { dryRun: args.values['dry-run'] })
    if (r.skipped) {
      console.error(
        "retention: another run (an app server's nightly run) is under way; nothing done. Run it again when that one has finished.",
      )
      return 1
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `retention${r.dryRun ? ' (dry run: nothing changed)' : ''} as of ${r.ranAt.slice(0, 10)}, periods from 自治体情報 → 保存期間, ${seconds} s:`,
    )
    for (const line of retentionLines(r)) console.log(`  ${line}`)
    if (!r.dryRun)
      console.log(
        r.auditEntryId === null
          ? 'retention: nothing had expired; no audit entry written'
          : `retention: written to the audit log (操作履歴 #${r.auditEntryId})`,
      )
    return 0
  })
}

runCli(main, [RetentionSettingsError, InvalidEnvironmentError])

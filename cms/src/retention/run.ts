/**
 * The retention run (docs/decisions/0029-retention.md): what the city profile's periods say has
 * expired is anonymized or deleted, in one transaction with the audit entry that says what was
 * done. Anonymized, not deleted, wherever a report counts the rows (calls, escalations, telephony
 * records): the personal fields are cleared and every field a report reads stays, so a past
 * month's report is the same afterwards. Site events and audit entries no report reads are deleted.
 *
 * Several app servers may start it at once: on PostgreSQL the transaction takes an advisory lock
 * and a run that finds it taken does nothing; SQLite has one writer at a time anyway. Every step
 * only touches what is still there to change, so a second run changes nothing.
 *
 * Plain SQL through the reports' runner (sql.ts): a first run may change hundreds of thousands of
 * rows, which Payload's local API would write one document at a time.
 */
import { DAY_MS, resolveReportOptions } from '@kotae/analytics'
import type { Retention, RetentionKind } from '@kotae/content'
import type { Payload } from 'payload'

import { sqliteFileOf } from '../db/driver'
import { openSqliteSql, sqlOf, type Sql } from '../db/sql'
import { writeAuditEntry } from './auditEntry'
import { replaceCallerPseudonyms } from './callerPseudonyms'
import { cutoffsOf, type Cutoff } from './cutoffs'
import { readRetention } from './settings'

/** Site events that carry what someone typed (`query`): the search logs. */
const SEARCH_EVENT_TYPES = ['search', 'zero-result'] as const
const searchTypes = SEARCH_EVENT_TYPES.map((t) => `'${t}'`).join(', ')

/** What one run changed (or, dry, would change), by what it is. */
export interface RetentionCounts {
  /** Calls whose summary and callback fields were cleared. */
  callsAnonymized: number
  /** Calls whose caller pseudonym was replaced by one that links only the calls of one repeat chain. */
  callerPseudonymsReplaced: number
  /** Expired calls whose pseudonym waits: the caller called again within the repeat window after the cutoff. */
  callerPseudonymsHeld: number
  /** The desk's search words removed from calls. */
  callSearchWordsCleared: number
  escalationsAnonymized: number
  /** Expired escalations still open (未対応): kept whole until answered. */
  escalationsKeptOpen: number
  /** Telephony records whose caller pseudonym was cleared. */
  telephonyRecordsAnonymized: number
  /** Call transcripts deleted (decision 0039). */
  transcriptsDeleted: number
  siteEventsDeleted: number
  searchEventsDeleted: number
  auditEntriesDeleted: number
}

export interface RetentionReport {
  ranAt: string
  dryRun: boolean
  /** True when another app server was running it: nothing was read or changed. */
  skipped: boolean
  retention: Retention
  cutoffs: Record<RetentionKind, Cutoff>
  counts: RetentionCounts
  /** The audit entry written (none on a dry run, a skipped run or a run that changed nothing). */
  auditEntryId: number | null
}

export interface RetentionOptions {
  /** The run's "today" (tests; default now). */
  now?: Date
  /** Count only; change nothing, write no audit entry. */
  dryRun?: boolean
  /** The report options' repeat window the caller pseudonyms must keep (default: the reports' own). */
  repeatWindowDays?: number
}

/** The later of two cutoffs (the one that expires more). */
const later = (a: Cutoff, b: Cutoff): Cutoff => (a.before >= b.before ? a : b)

/**
 * One kind of change: the rows it applies to (`table WHERE …`, the cutoff its one parameter) and
 * the statement that changes them, `?` bound to `set` (the run's time), if it has one, then the
 * cutoff. A step without `apply` only counts.
 */
interface Step {
  key: Exclude<keyof RetentionCounts, 'callerPseudonymsReplaced' | 'callerPseudonymsHeld'>
  cutoff: (c: Record<RetentionKind, Cutoff>) => Cutoff
  where: string
  apply?: { text: string; stampsTime?: true }
}

const STEPS: readonly Step[] = [
  {
    key: 'callsAnonymized',
    cutoff: (c) => c.calls,
    where: 'calls WHERE talk_started_at < ? AND anonymized_at IS NULL',
    apply: {
      text: `UPDATE calls SET summary = '', callback_name = NULL, callback_phone = NULL, callback_preferred_time = NULL, anonymized_at = ?
        WHERE talk_started_at < ? AND anonymized_at IS NULL`,
      stampsTime: true,
    },
  },
  {
    // The desk's search words are search logs; an anonymized call loses them too.
    key: 'callSearchWordsCleared',
    cutoff: (c) => later(c.searchLogs, c.calls),
    where:
      "calls_texts WHERE path = 'queries' AND parent_id IN (SELECT id FROM calls WHERE talk_started_at < ?)",
    apply: {
      text: "DELETE FROM calls_texts WHERE path = 'queries' AND parent_id IN (SELECT id FROM calls WHERE talk_started_at < ?)",
    },
  },
  {
    key: 'escalationsAnonymized',
    cutoff: (c) => c.escalations,
    where: "escalations WHERE created_at < ? AND anonymized_at IS NULL AND status <> 'open'",
    apply: {
      text: "UPDATE escalations SET summary = '', answer = NULL, anonymized_at = ? WHERE created_at < ? AND anonymized_at IS NULL AND status <> 'open'",
      stampsTime: true,
    },
  },
  {
    key: 'escalationsKeptOpen',
    cutoff: (c) => c.escalations,
    where: "escalations WHERE created_at < ? AND anonymized_at IS NULL AND status = 'open'",
  },
  {
    key: 'telephonyRecordsAnonymized',
    cutoff: (c) => c.telephonyRecords,
    where: 'telephony_records WHERE offered_at < ? AND caller_hash IS NOT NULL',
    apply: {
      text: 'UPDATE telephony_records SET caller_hash = NULL WHERE offered_at < ? AND caller_hash IS NOT NULL',
    },
  },
  {
    // From the call's start; an unlinked transcript from the recording's start, else its import.
    key: 'transcriptsDeleted',
    cutoff: (c) => c.transcripts,
    where:
      'transcripts WHERE coalesce((SELECT c.talk_started_at FROM calls c WHERE c.id = transcripts.call_id), transcripts.started_at, transcripts.created_at) < ?',
    apply: {
      text: 'DELETE FROM transcripts WHERE coalesce((SELECT c.talk_started_at FROM calls c WHERE c.id = transcripts.call_id), transcripts.started_at, transcripts.created_at) < ?',
    },
  },
  {
    key: 'siteEventsDeleted',
    cutoff: (c) => c.siteEvents,
    where: `site_events WHERE at < ? AND type NOT IN (${searchTypes})`,
    apply: { text: `DELETE FROM site_events WHERE at < ? AND type NOT IN (${searchTypes})` },
  },
  {
    key: 'searchEventsDeleted',
    cutoff: (c) => c.searchLogs,
    where: `site_events WHERE at < ? AND type IN (${searchTypes})`,
    apply: { text: `DELETE FROM site_events WHERE at < ? AND type IN (${searchTypes})` },
  },
  {
    key: 'auditEntriesDeleted',
    cutoff: (c) => c.auditLog,
    where: 'audit_log WHERE created_at < ?',
    apply: { text: 'DELETE FROM audit_log WHERE created_at < ?' },
  },
]

/** The PostgreSQL advisory lock of the run (any constant no other code of this database takes). */
const LOCK_KEY = 4_202_900_029

const noCounts = (): RetentionCounts => ({
  callsAnonymized: 0,
  callerPseudonymsReplaced: 0,
  callerPseudonymsHeld: 0,
  callSearchWordsCleared: 0,
  escalationsAnonymized: 0,
  escalationsKeptOpen: 0,
  telephonyRecordsAnonymized: 0,
  transcriptsDeleted: 0,
  siteEventsDeleted: 0,
  searchEventsDeleted: 0,
  auditEntriesDeleted: 0,
})

/** The rows a run with these counts changed (kept and held rows are not changes). */
export const changedCount = (c: RetentionCounts): number =>
  Object.entries(c).reduce(
    (sum, [key, n]) => (key === 'escalationsKeptOpen' || key === 'callerPseudonymsHeld' ? sum : sum + n),
    0,
  )

/** Runs (or, with `dryRun`, counts) the retention of the city profile's periods as of `now`. */
export async function runRetention(
  payload: Payload,
  options: RetentionOptions = {},
): Promise<RetentionReport> {
  const now = options.now ?? new Date()
  const retention = await readRetention(payload)
  const cutoffs = cutoffsOf(now, retention)
  const windowMs = (options.repeatWindowDays ?? resolveReportOptions().repeatWindowDays) * DAY_MS
  const report: RetentionReport = {
    ranAt: now.toISOString(),
    dryRun: Boolean(options.dryRun),
    skipped: false,
    retention,
    cutoffs,
    counts: noCounts(),
    auditEntryId: null,
  }
  const work = async (db: Sql, apply: boolean) => {
    for (const step of STEPS) {
      const cutoff = step.cutoff(cutoffs).before
      report.counts[step.key] =
        apply && step.apply
          ? await db.run(step.apply.text, step.apply.stampsTime ? [report.ranAt, cutoff] : [cutoff])
          : Number(
              (await db.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${step.where}`, [cutoff]))[0]?.n ??
                0,
            )
    }
    const pseudonyms = await replaceCallerPseudonyms(db, cutoffs.calls.before, windowMs, apply)
    report.counts.callerPseudonymsReplaced = pseudonyms.replaced
    report.counts.callerPseudonymsHeld = pseudonyms.held
  }
  if (options.dryRun) {
    await work(sqlOf(payload), false)
    return report
  }
  const ran = await inRunLock(payload, async (tx) => {
    await work(tx, true)
    if (changedCount(report.counts) > 0) report.auditEntryId = await writeAuditEntry(tx, report)
  })
  report.skipped = !ran
  return report
}

/**
 * Runs `fn` in one write transaction that only one run at a time gets; false (nothing run) when
 * another has it. PostgreSQL: an advisory lock taken inside the transaction, not waited for.
 * SQLite: the database's write lock on a connection of the run's own, waited for up to 10 s (a
 * desk save holds it for milliseconds); still busy means another run, or an import, holds it.
 */
async function inRunLock(payload: Payload, fn: (tx: Sql) => Promise<void>): Promise<boolean> {
  const sql = sqlOf(payload)
  if (sql.dialect === 'postgres')
    return sql.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`,
      )
      if (!lock?.locked) return false
      await fn(tx)
      return true
    })
  const conn = openSqliteSql(sqliteFileOf(payload))
  let began = false
  try {
    return await conn.transaction(async (tx) => {
      began = true
      await fn(tx)
      return true
    })
  } catch (e) {
    if (!began && (e as { code?: unknown }).code === 'SQLITE_BUSY') return false
    throw e
  } finally {
    conn.close()
  }
}

/**
 * The run's 操作履歴 entry: what it changed per kind, with the last month each cutoff reached. Counts
 * and months only, never a record's content. Written by SQL in the run's own transaction (the
 * local API would write on another connection, outside it), so the entry exists exactly when the
 * changes do.
 */
import { jstDateKey } from '@kotae/analytics'

import type { Sql } from '../db/sql'
import { changedCount, type RetentionReport } from './run'

/** The audit entry's collection: not a collection, the run itself. */
const RETENTION_AUDIT_SLUG = 'retention'

/** Japanese lines, one per kind: `問い合わせ記録（2024-11以前）: 12件を匿名化（…）`. */
function retentionSummaryLines({
  counts: c,
  cutoffs,
}: Pick<RetentionReport, 'counts' | 'cutoffs'>): string[] {
  const upTo = (month: string) => `（${month}以前）`
  const searchWords = cutoffs.searchLogs.before >= cutoffs.calls.before ? cutoffs.searchLogs : cutoffs.calls
  return [
    `問い合わせ記録${upTo(cutoffs.calls.lastMonth)}: ${c.callsAnonymized}件の要旨・折り返し先を消去、発信者の仮名${c.callerPseudonymsReplaced}件を置換${c.callerPseudonymsHeld ? `（${c.callerPseudonymsHeld}件は再入電の確認期間のため保留）` : ''}`,
    `応対デスクの検索語${upTo(searchWords.lastMonth)}: ${c.callSearchWordsCleared}件を削除`,
    `エスカレーション${upTo(cutoffs.escalations.lastMonth)}: ${c.escalationsAnonymized}件の内容・回答を消去${c.escalationsKeptOpen ? `（未対応${c.escalationsKeptOpen}件は保持）` : ''}`,
    `電話システム記録${upTo(cutoffs.telephonyRecords.lastMonth)}: ${c.telephonyRecordsAnonymized}件の発信者の仮名を消去`,
    `通話の文字起こし${upTo(cutoffs.transcripts.lastMonth)}: ${c.transcriptsDeleted}件を削除`,
    `サイト利用記録（検索以外）${upTo(cutoffs.siteEvents.lastMonth)}: ${c.siteEventsDeleted}件を削除`,
    `サイトの検索記録${upTo(cutoffs.searchLogs.lastMonth)}: ${c.searchEventsDeleted}件を削除`,
    `操作履歴${upTo(cutoffs.auditLog.lastMonth)}: ${c.auditEntriesDeleted}件を削除`,
  ]
}

/** Inserts the entry; returns its id. */
export async function writeAuditEntry(db: Sql, report: RetentionReport): Promise<number> {
  const total = changedCount(report.counts)
  const [row] = await db.query<{ id: unknown }>(
    `INSERT INTO audit_log (action, collection_slug, doc_id, title, user_id, user_email, changed_fields, updated_at, created_at)
      VALUES ('retention', ?, ?, ?, NULL, 'system', ?, ?, ?) RETURNING id`,
    [
      RETENTION_AUDIT_SLUG,
      jstDateKey(Date.parse(report.ranAt)),
      `保存期間の経過による削除・匿名化（計${total}件）`,
      retentionSummaryLines(report).join('\n').slice(0, 1000),
      report.ranAt,
      report.ranAt,
    ],
  )
  return Number(row!.id)
}

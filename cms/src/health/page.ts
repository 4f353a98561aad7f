import type { PayloadRequest } from 'payload'

import { canReadHealthDetails } from './access'
import {
  DATABASE_SLOW_MS,
  healthDetails,
  SITE_BEHIND_AFTER_MS,
  type HealthAttention,
  type HealthDetails,
} from './details'

/**
 * The admin's 稼働状況 page (/admin/health): GET /api/health's details in Japanese, for
 * administrators only. The wording lives here, the checks in details.ts.
 */

export const HEALTH_STRINGS = {
  title: '稼働状況',
  lead: 'このアプリサーバーの稼働状況です。監視用の GET /api/health と同じ値を、確認した時点のものとして表示しています。ページを再読み込みすると最新の値になります。',
  noAccess: 'このページはシステム管理者だけが見られます。',
  state: { ok: '正常', attention: '注意' },
  allGood: 'すべての項目に問題はありません。',
  itemsCaption: '項目ごとの状態',
  item: '項目',
  value: '値',
} as const

const MINUTES_BEHIND = Math.round(SITE_BEHIND_AFTER_MS / 60_000)

const ATTENTION: Record<HealthAttention, (d: HealthDetails) => string> = {
  'database-down': () =>
    'データベースが応答していません。データベースサーバーの稼働と接続設定（DATABASE_URL）を確認してください。',
  'database-slow': (d) =>
    `データベースの応答に時間がかかっています（${d.database.ms} ミリ秒。目安は ${DATABASE_SLOW_MS} ミリ秒未満です）。`,
  'index-not-built': () =>
    'このサーバーの応対デスク用の検索索引がまだ作られていません。最初の検索に時間がかかります。',
  'site-not-built': () =>
    '公開サイトのビルドがまだありません。ビルド中か、ビルドに失敗しています。サーバーのログを確認してください。',
  'site-behind': () =>
    `公開サイトが最新の公開内容を反映していません（最後の変更から ${MINUTES_BEHIND} 分以上たっています）。サーバーのログでサイトのビルドを確認してください。`,
}

/** 「12 秒前」「5 分前」「3 時間前」「2 日前」. */
function ageText(seconds: number): string {
  const s = Math.max(0, seconds)
  if (s < 60) return `${s} 秒前`
  if (s < 3600) return `${Math.floor(s / 60)} 分前`
  if (s < 86_400) return `${Math.floor(s / 3600)} 時間前`
  return `${Math.floor(s / 86_400)} 日前`
}

const jst = (iso: string) =>
  // YYYY/MM/DD HH:MM:SS as everywhere in the admin ('short'/'medium' styles print 1:05:00 before 10 a.m.).
  new Intl.DateTimeFormat('ja-JP', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso))
const when = (iso: string, seconds: number | null) => `${ageText(seconds ?? 0)}（${jst(iso)}）`

export type HealthPage = {
  state: HealthDetails['state']
  stateLabel: string
  /** One sentence per reason for 注意, or the all-good sentence. */
  messages: string[]
  rows: { item: string; value: string }[]
  checkedAt: string
}

/** The page's text for these details. */
export function healthPage(d: HealthDetails): HealthPage {
  const { database: db, operatorIndex: index, site } = d
  const kind = db.kind === 'postgres' ? 'PostgreSQL' : 'SQLite'
  const rows = [
    {
      item: 'データベース',
      value: db.ok ? `${kind}、応答時間 ${db.ms} ミリ秒` : `${kind}、応答なし（${db.ms} ミリ秒で失敗）`,
    },
    {
      item: '応対デスクの検索索引（このサーバー）',
      value:
        index.built && index.builtAt
          ? `${index.documents ?? 0} 件、作成 ${when(index.builtAt, index.ageSeconds)}${index.changedAt ? `、最終更新 ${jst(index.changedAt)}` : ''}`
          : 'まだ作られていません',
    },
    {
      item: '公開サイトのビルド',
      value: !site.enabled
        ? 'このサーバーでは公開サイトを配信していません（KOTAE_SITE=off）'
        : site.builtAt
          ? when(site.builtAt, site.ageSeconds)
          : 'まだありません',
    },
  ]
  if (site.enabled && site.contentChangedAt)
    rows.push({ item: '公開内容の最終変更', value: jst(site.contentChangedAt) })
  return {
    state: d.state,
    stateLabel: HEALTH_STRINGS.state[d.state],
    messages: d.attention.length ? d.attention.map((a) => ATTENTION[a](d)) : [HEALTH_STRINGS.allGood],
    rows,
    checkedAt: jst(d.checkedAt),
  }
}

/** The page for this request's user: null unless an administrator (nothing is read for anyone else). */
export async function healthPageData(req: PayloadRequest): Promise<HealthPage | null> {
  return canReadHealthDetails(req.user) ? healthPage(await healthDetails(req)) : null
}

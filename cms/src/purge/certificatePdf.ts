/**
 * The certificate as a printable Japanese page, printed by the reports' Chromium setup
 * (src/lib/printPdf.ts: Debian's Chromium, Noto CJK fonts by name, nothing fetched).
 * It shows the same facts as the JSON and the same sha256.
 */
import { esc } from '@kotae/analytics'

import { printPdf } from '../lib/printPdf'
import type { Certificate } from './certificate'

const ACTION: Record<Certificate['tables'][number]['action'], string> = {
  emptied: '消去',
  'kept-content': '保持（コンテンツ）',
  'kept-schema': '保持（スキーマ）',
  'kept-user': '1名を除き消去',
}
const SECRET: Record<Certificate['files']['secrets'][number]['result'], string> = {
  deleted: '削除しました',
  absent: 'ファイルなし（削除済み）',
  environment: '環境変数で設定（ファイルなし。設定から削除してください）',
}

const n = (v: number) => v.toLocaleString('ja-JP')
/** 2026-12-01T02:15:00.000+09:00 → 2026年12月01日 02:15:00（日本時間） */
const when = (iso: string) =>
  `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日 ${iso.slice(11, 19)}（日本時間）`

function certificateHtml(c: Certificate): string {
  const db = c.database
  const dbRows =
    db.kind === 'sqlite'
      ? [
          ['種類', 'SQLite'],
          ['ファイル', db.path],
          ['SQLite', db.sqliteVersion],
          ['ファイルサイズ（消去前）', `${n(db.bytesBefore)} バイト（WAL ${n(db.walBytesBefore)} バイト）`],
          ['ファイルサイズ（消去後）', `${n(db.bytesAfter)} バイト（WAL ${n(db.walBytesAfter)} バイト）`],
        ]
      : [
          ['種類', 'PostgreSQL'],
          ['サーバーのバージョン', db.serverVersion],
          ['データベース名', db.database],
          ['システム識別子', db.systemIdentifier ?? '（この権限では取得できません）'],
        ]
  const kv = (rows: string[][]) =>
    `<table class="kv">${rows.map(([k, v]) => `<tr><th>${esc(k!)}</th><td>${esc(v!)}</td></tr>`).join('')}</table>`
  const tables = c.tables
    .map(
      (t) =>
        `<tr><td class="name">${esc(t.table)}</td><td>${ACTION[t.action]}</td><td class="num">${n(t.before)}</td><td class="num">${n(t.after)}</td></tr>`,
    )
    .join('')
  const before = c.tables.reduce((s, t) => s + t.before, 0)
  const after = c.tables.reduce((s, t) => s + t.after, 0)
  const notes = [
    c.run.alreadyPurged ? 'このデータベースは既に消去済みでした（消去する行はありませんでした）。' : '',
    c.run.resumed
      ? '中断された消去処理を、記録（ジャーナル）から再開して完了しました。消去前の件数は最初の実行時のものです。'
      : '',
  ].filter(Boolean)
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>消去証明書</title><style>
@page { size: A4 portrait; margin: 16mm 14mm 18mm 14mm; }
body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; font-size: 9.5pt; color: #111; margin: 0; line-height: 1.5; }
h1 { font-size: 20pt; text-align: center; letter-spacing: 0.5em; margin: 0 0 4mm; }
h2 { font-size: 11pt; border-bottom: 1.5px solid #1f4e79; margin: 6mm 0 2mm; }
p.lead { margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5px solid #999; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
table.kv th { width: 38%; background: #eef3f8; font-weight: normal; }
table.rows th { background: #eef3f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.name { font-family: 'Noto Sans Mono CJK JP', monospace; font-size: 8.5pt; }
tr.total td { font-weight: bold; }
.checksum { font-family: 'Noto Sans Mono CJK JP', monospace; font-size: 9pt; word-break: break-all; border: 1px solid #1f4e79; padding: 2mm; }
</style></head><body>
<h1>消去証明書</h1>
<p class="lead">${esc(c.city.name || '（自治体名なし）')}（全国地方公共団体コード ${esc(c.city.code)}）のマイナンバーカードコールセンター ナレッジベース「Kotae」について、契約終了に伴い、下記のとおりデータを消去したことを証明します。</p>
${notes.map((t) => `<p class="lead">${esc(t)}</p>`).join('')}
<h2>概要</h2>
${kv([
  ['自治体名', c.city.name || '（なし）'],
  ['全国地方公共団体コード', `${c.city.code}${c.city.code === '000000' ? '（仮の値）' : ''}`],
  ['消去開始', when(c.startedAt)],
  ['消去完了', when(c.finishedAt)],
  ['実行者（OSユーザー）', c.by.osUser],
  ['実行したホスト', c.by.host],
  ['コンテンツ（FAQ・手続きガイド等）', c.options.keepContent ? '保持（--keep-content）' : '消去'],
  [
    '残したユーザー',
    c.kept.users === 0
      ? 'なし'
      : `${c.kept.users}名（${c.kept.keptUserRoles.join('、')}。パスワードは再設定済み）`,
  ],
  ['領域の解放', c.vacuum],
])}
<h2>データベース</h2>
${kv(dbRows)}
<h2>ファイル</h2>
${kv([
  [
    'バックアップ（Kotae が作成したもの）',
    c.files.backupsDeleted.length
      ? `${c.files.backupsDeleted.length}件を削除: ${c.files.backupsDeleted.join('、')}`
      : 'なし',
  ],
  ...c.files.secrets.map((s) => [`秘密鍵 ${s.setting}`, `${s.file}: ${SECRET[s.result]}`]),
  ['アップロードファイル', 'なし（Kotae はファイルのアップロード機能を持ちません）'],
])}
<h2>テーブルごとの件数</h2>
<table class="rows"><thead><tr><th>テーブル</th><th>処理</th><th>消去前（件）</th><th>消去後（件）</th></tr></thead>
<tbody>${tables}<tr class="total"><td>合計</td><td></td><td class="num">${n(before)}</td><td class="num">${n(after)}</td></tr></tbody></table>
<h2>検証用チェックサム（SHA-256）</h2>
<p>同じフォルダの certificate.json から checksum を除き、キーを並べ替えた JSON（正規形）の SHA-256 です。</p>
<p class="checksum">${esc(c.checksum.value)}</p>
</body></html>`
}

export const renderCertificatePdf = (c: Certificate): Promise<Buffer> => printPdf(certificateHtml(c))

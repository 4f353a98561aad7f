/** Japanese text of the inquiry-log export (admin download and its API answers). */
export const CALLS_EXPORT_STRINGS = {
  noPermission: '対応履歴の書き出しは、スーパーバイザー、市職員とシステム管理者だけが行えます。',
  empty: (from: string, to: string) => `${from}〜${to} に記録された問い合わせはありません。`,
  auditTitle: (from: string, to: string, format: string, rows: number) =>
    `対応履歴の書き出し（${from}〜${to}、${format}、${rows}件）`,
  failed: '対応履歴を書き出せませんでした。時間をおいてもう一度お試しください。',
  // The admin's form (DashboardView).
  formHeading: '対応履歴のダウンロード（市への提供用）',
  formIntro:
    '選んだ期間の問い合わせ記録を1件1行で書き出します。要旨と検索した言葉は個人情報をマスクした文面で、折り返し先（お名前・電話番号・希望の時間帯）は含みません。項目の説明は docs/calls-export.md にあります。書き出しは操作履歴に記録されます。',
  from: '開始日',
  to: '終了日',
  format: '形式',
  encoding: '文字コード（CSVのみ）',
  utf8: 'UTF-8（BOM付き）',
  sjis: 'Shift_JIS',
  download: 'ダウンロード',
} as const

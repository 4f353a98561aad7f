/** The transcript panel's words (the call's page in the admin). */
export const TRANSCRIPT_STRINGS = {
  heading: '通話の文字起こし（マスク済み）',
  none: 'この通話の文字起こしはまだありません。',
  loading: '読み込んでいます…',
  failed: '文字起こしを読み込めませんでした。',
  speaker: { operator: '対応者', caller: '相談者', unknown: '話者不明' } as Record<string, string>,
  suggestions: '記録の候補（確認して採用してください。採用するまで何も保存されません）',
  faqs: '使用したFAQの候補',
  noFaqs: '候補はありません。',
  evidence: '根拠',
  reasons: { 'read-out': '回答を読み上げ', asked: '相談者の質問から' } as Record<string, string>,
  accept: '使用したFAQに追加',
  accepting: '追加しています…',
  accepted: '追加しました',
  acceptFailed: '追加できませんでした。',
  summary: '要旨の下書き（発話から抜き出し）',
  category: '用件（カテゴリ）の候補',
  outcome: '結果の候補',
} as const

/** The upload form above the transcripts list (admins and supervisors). */
export const TRANSCRIPT_UPLOAD_STRINGS = {
  heading: '文字起こしファイルの取り込み',
  intro:
    'WebVTT・SRT・JSON・CSV のファイルを選んでください（複数可、1 ファイル 20 MB、合計 50 MB まで）。保存する前にすべてのファイルを確認し、1 つでも誤りがあれば何も保存しません。本文は保存前に個人情報をマスクします。同じファイルをもう一度取り込んでも変わりません。',
  files: '取り込むファイル',
  mapping: '対応づけ（マッピング JSON、任意）',
  submit: '確認して取り込む',
  busy: '確認しています…',
  okHeading: '取り込みました',
  ok: (s: { transcripts: number; inserted: number; updated: number; unchanged: number; unlinked: number }) =>
    `文字起こし ${s.transcripts} 件：新規 ${s.inserted} 件、更新 ${s.updated} 件、変更なし ${s.unchanged} 件（未照合 ${s.unlinked} 件）。`,
  failedHeading:
    '取り込めませんでした。何も保存していません。次の点を直して、もう一度すべてのファイルを選んでください。',
  networkFailed: '送信できませんでした。もう一度お試しください。',
  line: (n: number) => `${n} 行目`,
  wholeFile: 'ファイル全体',
} as const

/** The desk's after-call section: suggestions from the transcripts of the operator's own calls. */
export const DESK_TRANSCRIPT_STRINGS = {
  heading: '通話後の記録の候補（文字起こしから）',
  intro:
    'あなたが受けた通話のうち、文字起こしが取り込まれたものです。候補を確認し、採用するものだけ記録に反映してください。ボタンを押すまで何も保存されません。',
  none: '文字起こしのある通話はまだありません。',
  loading: '読み込んでいます…',
  failed: '読み込めませんでした。',
  call: (when: string) => `${when} の通話`,
  open: '候補を見る',
  opened: '表示中',
  recordedSummary: '記録済みの要旨',
  draft: '要旨の下書き（編集できます）',
  apply: '要旨・用件・結果を記録に反映',
  applying: '反映しています…',
  applied: '記録に反映しました',
  applyFailed: '反映できませんでした。',
} as const

/** 読み上げ確認 (supervisors): where the operator's words differ from the FAQ marked used. */
export const READOUT_STRINGS = {
  title: '読み上げ確認',
  intro:
    '文字起こしのある問い合わせ記録のうち、オペレーターの発言が「使用したFAQ」の回答と食い違うもの（手数料・期間・回数・桁数・日付・書類名）を一覧にします。発言はマスク済みです。食い違いの確認と指導にお使いください。',
  noAccess: '読み上げ確認はスーパーバイザー、承認者、システム管理者が使えます。',
  period: '期間（通話開始日）',
  from: '開始日',
  to: '終了日',
  show: '表示',
  badRange: '期間が正しくありません。直近30日を表示しています。',
  checked: (n: number, found: number) => `確認した通話 ${n} 件、食い違い ${found} 件`,
  none: 'この期間に食い違いは見つかりませんでした。',
  call: '通話',
  faq: '使用したFAQ',
  kind: '種類',
  operatorLine: 'オペレーターの発言',
  faqLine: 'FAQの記載',
  said: '発言の値',
  kinds: { fee: '手数料', period: '期間', count: '回数・桁数', date: '日付', document: '書類名' } as Record<
    string,
    string
  >,
} as const

/**
 * The report as sections of tables, shared by every renderer so the CSV, the XLSX (and later the
 * PDF) show the same figures under the same Japanese headings. Cells keep raw numbers (rates as
 * 0–1); each column says how to show them.
 */
import type { Report } from '../kpi/report'
import { DAY_TYPE_LABELS } from '../kpi/by-weekday'
import { formatSeirekiDate, formatWarekiDate, parseInstant } from '../time'

export type ColumnKind = 'text' | 'count' | 'rate' | 'seconds' | 'hours' | 'number'
export type Cell = string | number | null

export interface Column {
  header: string
  kind: ColumnKind
  /** Width in characters for spreadsheets. */
  width: number
}

export interface Table {
  /** A sub-heading inside the section, if any. */
  title?: string
  columns: Column[]
  rows: Cell[][]
  /** A 合計 row to print after the rows, bold. */
  total?: Cell[]
  /** In label/value tables, the kind of each row's 'number' cell (rate, seconds …). */
  rowKinds?: ColumnKind[]
}

export interface Section {
  key: 'summary' | 'halfHour' | 'weekday' | 'topic' | 'faq' | 'escalation'
  /** Sheet name and heading: 概要, 時間帯別, 曜日別, 用件別, FAQ利用, エスカレーション. */
  title: string
  tables: Table[]
}

export interface ReportLabels {
  /** Category slug → Japanese name (用件). */
  categories?: Readonly<Record<string, string>>
  /** FAQ id → question. */
  faqs?: Readonly<Record<string, string>>
  /** Escalation urgency → Japanese. */
  urgency?: Readonly<Record<string, string>>
}

export interface RenderOptions {
  /** Heading of the document; default 'マイナンバーカード コールセンター'. */
  organization?: string
  labels?: ReportLabels
  /** Printed as 作成日時 when given (renderers stay deterministic without it). */
  generatedAt?: Date | string
}

export const SECTION_TITLES: Record<Section['key'], string> = {
  summary: '概要',
  halfHour: '時間帯別',
  weekday: '曜日別',
  topic: '用件別',
  faq: 'FAQ利用',
  escalation: 'エスカレーション',
}

export const UNCATEGORIZED_LABEL = '（未分類）'
const DEFAULT_URGENCY: Record<string, string> = { urgent: '至急', high: '高', normal: '通常', low: '低' }

export interface ReportHeading {
  /** 'マイナンバーカード コールセンター 月次報告書' */
  title: string
  /** '令和8年10月（2026年10月）' */
  period: string
  /** '令和8年10月1日～令和8年10月31日（2026年10月1日～2026年10月31日）' */
  dates: string
  generatedAt: string | null
  /** Plain sentences: no data, no telephony data, repeat-check coverage. */
  notes: string[]
}

/** Title, period in 和暦 and 西暦, and the notes every rendering starts with. */
export function reportHeading(report: Report, options: RenderOptions = {}): ReportHeading {
  const p = report.meta.period
  const start = parseInstant(p.start)
  const last = parseInstant(p.end) - 1
  const notes: string[] = []
  if (report.empty) notes.push('この期間のデータはありません（件数はすべて 0 件です）。')
  if (!report.meta.hasTelephony)
    notes.push('電話（PBX）の着信データがないため、入電件数・応答件数・放棄呼・応答率・サービスレベル・平均応答時間は算出していません（空欄）。')
  const inv = report.meta.counts.invalid
  const skipped = inv.calls + inv.telephony + inv.escalations
  if (skipped) notes.push(`日時を読み取れない記録 ${skipped} 件を除外しました。`)
  const generated = options.generatedAt === undefined ? null : new Date(options.generatedAt)
  return {
    title: `${options.organization ?? 'マイナンバーカード コールセンター'} ${p.labels.kind}報告書`,
    period: p.labels.both,
    dates: `${formatWarekiDate(start)}～${formatWarekiDate(last)}（${formatSeirekiDate(start)}～${formatSeirekiDate(last)}）`,
    generatedAt: generated && !Number.isNaN(generated.getTime()) ? `${formatSeirekiDate(generated.getTime())}（${formatWarekiDate(generated.getTime())}）` : null,
    notes,
  }
}

const col = (header: string, kind: ColumnKind, width = kind === 'text' ? 28 : 12): Column => ({ header, kind, width })
const sum = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + (b ?? 0), 0))

/** Every section of a report, in order. */
export function buildSections(report: Report, options: RenderOptions = {}): Section[] {
  const labels = options.labels ?? {}
  const r = report
  const sl = r.serviceLevel
  const short = r.abandoned.shortThresholdSeconds
  const days = r.meta.options.repeatWindowDays

  const summary: Section = {
    key: 'summary',
    title: SECTION_TITLES.summary,
    tables: [
      {
        columns: [col('項目', 'text', 34), col('値', 'number', 14), col('単位', 'text', 6), col('定義', 'text', 60)],
        rows: [
          ['入電件数', r.offered, '件', 'PBX が受け付けた着信（短時間放棄を含む）'],
          ['応答件数', r.answered, '件', 'オペレーターが応答した着信'],
          ['放棄呼件数', r.abandoned.count, '件', `応答前に切れた着信のうち、待ち時間 ${short} 秒以上`],
          [`短時間放棄件数（${short}秒未満）`, r.abandoned.short, '件', '率の計算から除外'],
          ['応答率', r.answerRate, '%', '応答件数 ÷（入電件数 － 短時間放棄）'],
          ['放棄率', r.abandoned.rate, '%', '放棄呼件数 ÷（入電件数 － 短時間放棄）'],
          [
            `サービスレベル（${sl.thresholdSeconds}秒以内応答）`,
            sl.rate,
            '%',
            `${sl.thresholdSeconds} 秒以内に応答した件数 ÷ ${sl.base === 'answered' ? '応答件数' : '（入電件数 － 短時間放棄）'}`,
          ],
          ['一次完了率', r.firstContactResolutionRate, '%', `「解決」と記録され、${days} 日以内に同じ発信者から同じ用件の再入電がない応対 ÷ 応対記録件数`],
          ['平均応答時間（ASA）', r.asaSeconds, '秒', '応答した着信の待ち時間の平均（放棄呼を除く）'],
          ['平均通話時間（ATT）', r.attSeconds, '秒', '応対記録の通話時間（保留を除く）の平均'],
          ['平均処理時間（AHT）', r.ahtSeconds, '秒', '通話 ＋ 保留 ＋ 後処理 の平均'],
          ['応対記録件数', r.meta.counts.calls, '件', 'オペレーターの問い合わせ記録'],
          ['FAQ を参照しなかった応対', r.meta.details.callsWithoutFaq, '件', 'ナレッジ不足の候補'],
          ['エスカレーション件数', r.escalations.count, '件', '市の担当課へ引き継いだ件数'],
        ],
      },
    ],
  }
  withRowKinds(summary.tables[0]!)

  const halfHour: Section = {
    key: 'halfHour',
    title: SECTION_TITLES.halfHour,
    tables: [
      {
        columns: [col('時間帯', 'text', 14), col('入電件数', 'count'), col('応答件数', 'count'), col('放棄呼', 'count'), col('短時間放棄', 'count'), col('応対記録件数', 'count')],
        rows: r.byHalfHour.map((s) => [s.label, s.offered, s.answered, s.abandoned, s.shortAbandoned, s.calls]),
        total: ['合計', r.offered, r.answered, r.abandoned.count, r.abandoned.short, r.meta.counts.calls],
      },
    ],
  }

  const weekday: Section = {
    key: 'weekday',
    title: SECTION_TITLES.weekday,
    tables: [
      {
        columns: [
          col('曜日', 'text', 8),
          col('日数', 'count', 8),
          col('入電件数', 'count'),
          col('応答件数', 'count'),
          col('放棄呼', 'count'),
          col('短時間放棄', 'count'),
          col('応対記録件数', 'count'),
          col('1日平均応対', 'number'),
        ],
        rows: r.byWeekday.map((w) => [w.label, w.days, w.offered, w.answered, w.abandoned, w.shortAbandoned, w.calls, w.days ? w.calls / w.days : null]),
        total: [
          '合計',
          r.meta.period.days,
          sum(r.byWeekday.map((w) => w.offered)),
          sum(r.byWeekday.map((w) => w.answered)),
          sum(r.byWeekday.map((w) => w.abandoned)),
          sum(r.byWeekday.map((w) => w.shortAbandoned)),
          r.meta.counts.calls,
          r.meta.period.days ? r.meta.counts.calls / r.meta.period.days : null,
        ],
      },
    ],
  }
  if (r.byWeekday.some((w) => w.label === DAY_TYPE_LABELS.holiday) && r.meta.period.holidays.length)
    weekday.tables.push({
      title: '期間中の祝日',
      columns: [col('日付', 'text', 16), col('祝日', 'text', 24)],
      rows: r.meta.period.holidays.map((h) => [h.date, h.name]),
    })

  const topic: Section = {
    key: 'topic',
    title: SECTION_TITLES.topic,
    tables: [
      {
        columns: [col('用件', 'text', 30), col('件数', 'count'), col('構成比', 'rate'), col('一次完了件数', 'count'), col('一次完了率', 'rate'), col('平均処理時間（秒）', 'seconds', 16)],
        rows: r.byTopic.map((t) => [
          t.category === null ? UNCATEGORIZED_LABEL : (labels.categories?.[t.category] ?? t.category),
          t.calls,
          t.share,
          t.firstContactResolved,
          t.firstContactResolutionRate,
          t.ahtSeconds,
        ]),
        total: ['合計', r.meta.counts.calls, r.meta.counts.calls ? 1 : null, r.meta.details.firstContactResolved, r.firstContactResolutionRate, r.ahtSeconds],
      },
    ],
  }

  const faq: Section = {
    key: 'faq',
    title: SECTION_TITLES.faq,
    tables: [
      {
        columns: [col('順位', 'count', 6), col('FAQ ID', 'text', 18), col('FAQ', 'text', 48), col('利用件数', 'count'), col('うち最初に参照', 'count', 14), col('利用率', 'rate')],
        rows: r.faqUsage.map((f, i) => [i + 1, f.faqId, labels.faqs?.[f.faqId] ?? '', f.count, f.first, f.share]),
      },
    ],
  }

  const e = r.escalations
  const urgency = { ...DEFAULT_URGENCY, ...labels.urgency }
  const escalation: Section = {
    key: 'escalation',
    title: SECTION_TITLES.escalation,
    tables: [
      {
        columns: [col('項目', 'text', 30), col('値', 'number', 14), col('単位', 'text', 6)],
        rows: [
          ['エスカレーション件数', e.count, '件'],
          ['回答済み', e.answered, '件'],
          ['完了', e.closed, '件'],
          ['未完了', e.open, '件'],
          ['回答までの平均時間', e.answerTurnaround.meanHours, '時間'],
          ['回答までの時間（中央値）', e.answerTurnaround.medianHours, '時間'],
          ['完了までの平均時間', e.closeTurnaround.meanHours, '時間'],
          ['完了までの時間（中央値）', e.closeTurnaround.medianHours, '時間'],
        ],
      },
      {
        title: '緊急度別',
        columns: [col('緊急度', 'text', 16), col('件数', 'count')],
        rows: e.byUrgency.map((u) => [urgency[u.urgency] ?? u.urgency, u.count]),
      },
    ],
  }
  withRowKinds(escalation.tables[0]!)

  return [summary, halfHour, weekday, topic, faq, escalation]
}

const UNIT_KINDS: Record<string, ColumnKind> = { '%': 'rate', 秒: 'seconds', 時間: 'hours', 件: 'count' }

/** In a 項目/値/単位 table the unit tells how to show the value. */
function withRowKinds(table: Table): void {
  table.rowKinds = table.rows.map((row) => UNIT_KINDS[String(row[2])] ?? 'number')
}

/** How to show a cell: its column's kind, or per row in the label/value tables. */
export function cellKind(table: Table, row: number, column: number): ColumnKind {
  const kind = table.columns[column]?.kind ?? 'text'
  return kind === 'number' && table.rowKinds ? (table.rowKinds[row] ?? 'number') : kind
}

/** A cell as text: counts as integers, rates as % with one decimal, seconds and hours with one decimal; null as ''. */
export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null) return ''
  if (typeof value === 'string') return value
  switch (kind) {
    case 'count':
      return String(Math.round(value))
    case 'rate':
      return (value * 100).toFixed(1)
    case 'seconds':
    case 'hours':
    case 'number':
      return (Math.round(value * 10) / 10).toFixed(1)
    case 'text':
      return String(value)
  }
}

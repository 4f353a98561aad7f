/**
 * The report as sections of tables, shared by every renderer so the CSV, the XLSX (and later the
 * PDF) show the same figures under the same Japanese headings. Cells keep raw numbers (rates as
 * 0–1); each column says how to show them.
 */
import type { Report } from '../kpi/report'
import { DAY_TYPE_LABELS } from '../kpi/by-weekday'
import { formatSeirekiDate, formatWarekiDate, parseInstant } from '../time'

export type ColumnKind = 'text' | 'count' | 'rate' | 'seconds' | 'hours' | 'number' | 'date'
/** A 'date' cell holds the epoch ms of a JST midnight (shown in 和暦; a date cell in the XLSX). */
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
  key:
    | 'rules'
    | 'summary'
    | 'hour'
    | 'topic'
    | 'faq'
    | 'months'
    | 'halfHour'
    | 'weekday'
    | 'serviceLevel'
    | 'escalation'
  /** Sheet name and heading (SECTION_TITLES). */
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
  /** A fiscal year's months, each its own report: the 月別 table of every headline KPI. */
  months?: readonly Report[]
  /** A closed month's report stored when it was frozen (the CMS, decision 0051), and the records changed since. */
  frozen?: { at: string; laterChanges: number }
}

export const SECTION_TITLES: Record<Section['key'], string> = {
  rules: '集計ルール',
  summary: '概要',
  hour: '時間別',
  topic: '用件別',
  faq: 'FAQ利用',
  months: '月別',
  halfHour: '付録 時間帯別',
  weekday: '付録 曜日別',
  serviceLevel: '付録 サービスレベル・放棄',
  escalation: '付録 エスカレーション',
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
  if (options.frozen) {
    const at = parseInstant(options.frozen.at)
    const later = options.frozen.laterChanges
    notes.push(
      `このレポートは${formatWarekiDate(at)}（${formatSeirekiDate(at)}）に確定した内容です。確定後の記録の追加・修正・削除は反映していません${later ? `（確定後に変わった記録：${later} 件）` : ''}。`,
    )
  }
  if (report.empty) notes.push('この期間のデータはありません（件数はすべて 0 件です）。')
  if (!report.meta.hasTelephony)
    notes.push(
      '電話（PBX）の着信データがないため、入電件数・応答件数・放棄呼・応答率・サービスレベル・平均応答時間は算出していません（空欄）。',
    )
  const inv = report.meta.counts.invalid
  const skipped = inv.calls + inv.telephony + inv.escalations
  if (skipped) notes.push(`日時を読み取れない記録 ${skipped} 件を除外しました。`)
  const d = report.meta.details
  if (report.meta.counts.calls)
    notes.push(
      `一次完了率の再入電の確認：応対記録 ${report.meta.counts.calls} 件中 ${d.callsCrossCheckable} 件で再入電を確認しました（発信者番号と用件のある応対。ほかは記録した結果のまま）。`,
    )
  if (report.outbound.calls)
    notes.push(
      `センターからの発信（折り返し等）${report.outbound.calls} 件は別に集計し、平均通話時間・平均処理時間・一次完了率に含めていません。`,
    )
  const generated = options.generatedAt === undefined ? null : new Date(options.generatedAt)
  return {
    title: `${options.organization ?? 'マイナンバーカード コールセンター'} ${p.labels.kind}報告書`,
    period: p.labels.both,
    dates: `${formatWarekiDate(start)}～${formatWarekiDate(last)}（${formatSeirekiDate(start)}～${formatSeirekiDate(last)}）`,
    generatedAt:
      generated && !Number.isNaN(generated.getTime())
        ? `${formatSeirekiDate(generated.getTime())}（${formatWarekiDate(generated.getTime())}）`
        : null,
    notes,
  }
}

const col = (header: string, kind: ColumnKind, width = kind === 'text' ? 28 : 12): Column => ({
  header,
  kind,
  width,
})
const sum = (xs: (number | null)[]): number | null =>
  xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + (b ?? 0), 0)

/** A label/value table with each value's unit and definition (the summary, the service level). */
const DEFINED_VALUE_COLUMNS = [
  col('項目', 'text', 34),
  col('値', 'number', 14),
  col('単位', 'text', 6),
  col('定義', 'text', 60),
]

const WEEKDAY_NAMES = ['日', '月', '火', '水', '木', '金', '土']
const OUT_OF_HOURS_LABELS: Record<string, string> = {
  'after-hours': '開庁日の受付時間外',
  'no-opening': '閉庁日（土日など）',
  holiday: '祝日',
  'year-end': '年末年始',
  'closed-date': '臨時休業日',
}
/** 'YYYY-MM-DD' (JST) in 和暦. */
const warekiDay = (date: string) => formatWarekiDate(parseInstant(`${date}T00:00:00+09:00`))
/** 'MM-DD' as 12月29日. */
const monthDay = (md: string) => `${Number(md.slice(0, 2))}月${Number(md.slice(3, 5))}日`

/** The hours (0–23) a table by hour shows: those the centre is open in, and any with a count. */
function shownHours(report: Report): Set<number> {
  const hours = new Set<number>()
  for (const rule of report.meta.options.hours?.hours ?? []) {
    const [oh] = rule.opens.split(':').map(Number) as [number]
    const [ch, cm] = rule.closes.split(':').map(Number) as [number, number]
    for (let h = oh; h < ch || (h === ch && cm > 0); h++) hours.add(h)
  }
  if (!report.meta.options.hours) for (let h = 8; h <= 18; h++) hours.add(h)
  for (const s of report.byHalfHour)
    if (s.calls || s.offered || s.answered || s.abandoned || s.shortAbandoned)
      hours.add(Math.floor(s.slot / 2))
  return hours
}

/** Every section of a report, in the specification's order (§13(2) ①–⑤), then the annexes. */
export function buildSections(report: Report, options: RenderOptions = {}): Section[] {
  const labels = options.labels ?? {}
  const r = report
  const o = r.meta.options
  const sl = r.serviceLevel
  const short = r.abandoned.shortThresholdSeconds
  const days = o.repeatWindowDays
  const d = r.meta.details
  const inHours = o.hours ? '（受付時間内）' : ''

  const rules: Section = {
    key: 'rules',
    title: SECTION_TITLES.rules,
    tables: [
      {
        columns: [col('項目', 'text', 24), col('内容', 'text', 70)],
        rows: [
          ...(o.hours
            ? [
                ...o.hours.hours.map((h): Cell[] => [
                  '受付時間',
                  `${h.label}：${h.weeksOfMonth?.length ? `第${h.weeksOfMonth.join('・第')}` : '毎週'}${h.weekdays.map((w) => WEEKDAY_NAMES[w]).join('・')}曜日 ${h.opens}～${h.closes}${h.closedOnHolidays ? '（祝日は休み）' : ''}`,
                ]),
                [
                  '年末年始の休み',
                  `${monthDay(o.hours.yearEndClosure.from)}～${monthDay(o.hours.yearEndClosure.to)}`,
                ],
                [
                  '臨時休業日',
                  o.hours.closedDates.length ? o.hours.closedDates.map(warekiDay).join('、') : 'なし',
                ],
              ]
            : [['受付時間', '設定なし（すべての入電を受付時間内として集計）'] as Cell[]]),
          [
            '期間中の祝日',
            r.meta.period.holidays.length
              ? r.meta.period.holidays.map((h) => `${warekiDay(h.date)} ${h.name}`).join('、')
              : 'なし',
          ],
          ['集計するキュー', o.queues === null ? 'すべてのキュー' : o.queues.join('、')],
          ['短時間放棄', `応答前に ${short} 秒未満で切れた着信（率の計算から除外）`],
          ['サービスレベルの目標', `${Math.round(sl.target * 100)}% を ${sl.thresholdSeconds} 秒以内に応答`],
          ['受付時間外の入電', '入電件数・応答率などには含めず、概要の「受付時間外」の行に別に集計'],
          [
            '発信（折り返し等）',
            '応対記録のうちセンターからの発信は別に集計し、平均通話時間・平均処理時間・一次完了率・FAQ利用に含めない',
          ],
        ],
      },
    ],
  }

  const summary: Section = {
    key: 'summary',
    title: SECTION_TITLES.summary,
    tables: [
      {
        columns: DEFINED_VALUE_COLUMNS,
        rows: [
          ['入電件数', r.offered, '件', `① PBX が受け付けた着信${inHours}（短時間放棄を含む）`],
          ['応答件数', r.answered, '件', `① オペレーターが応答した着信${inHours}`],
          ['応答率', r.answerRate, '%', '② 応答件数 ÷（入電件数 － 短時間放棄）'],
          [
            '一次完了率',
            r.firstContactResolutionRate,
            '%',
            `② 「解決」と記録され、${days} 日以内に同じ発信者から同じ用件の再入電がない応対 ÷ 応対記録件数（発信を除く）`,
          ],
          [
            '再入電を確認できた応対',
            d.callsCrossCheckable,
            '件',
            `② ${r.meta.counts.calls} 件中 ${d.callsCrossCheckable} 件で再入電を確認（発信者番号と用件のある応対）`,
          ],
          ['平均応答時間（ASA）', r.asaSeconds, '秒', '④ 応答した着信の待ち時間の平均（放棄呼を除く）'],
          [
            '平均通話時間（ATT）',
            r.attSeconds,
            '秒',
            '④ 応対記録の通話時間（保留を除く）の平均（発信を除く）',
          ],
          [
            '平均処理時間（AHT）',
            r.ahtSeconds,
            '秒',
            '④ 通話開始から終了まで ＋ 後処理 の平均（発信を除く）',
          ],
          ...(o.hours
            ? ([
                [
                  '受付時間外の入電件数',
                  r.outOfHours.offered,
                  '件',
                  '閉庁中の着信（上の件数・率には含めない）',
                ],
                ['受付時間外のうち応答', r.outOfHours.answered, '件', ''],
                ...r.outOfHours.byReason
                  .filter((x) => x.offered)
                  .map((x): Cell[] => [`　うち${OUT_OF_HOURS_LABELS[x.reason]}`, x.offered, '件', '']),
              ] as Cell[][])
            : []),
          ['応対記録件数', r.meta.counts.calls, '件', 'オペレーターの問い合わせ記録（発信を除く）'],
          [
            '発信（折り返し等）の記録件数',
            r.outbound.calls,
            '件',
            'センターからの発信。上の平均・率には含めない',
          ],
          ['発信の平均処理時間', r.outbound.ahtSeconds, '秒', ''],
          [
            'FAQ を参照しなかった応対',
            d.callsWithoutFaq,
            '件',
            `応対記録 ${r.meta.counts.calls} 件のうち FAQ の記録がないもの（ナレッジ不足の候補）`,
          ],
          ['エスカレーション件数', r.escalations.count, '件', '市の担当課へ引き継いだ件数'],
        ],
      },
    ],
  }
  withRowKinds(summary.tables[0]!)

  const counts = (s: {
    offered: number | null
    answered: number | null
    abandoned: number | null
    shortAbandoned: number | null
    calls: number
  }): Cell[] => [s.offered, s.answered, s.abandoned, s.shortAbandoned, s.calls]
  const countColumns = [
    col(`入電件数${inHours}`, 'count', 14),
    col('応答件数', 'count'),
    col('放棄呼', 'count'),
    col('短時間放棄', 'count'),
    col('応対記録件数', 'count'),
  ]
  const total: Cell[] = [
    o.hours ? '合計（受付時間内）' : '合計',
    r.offered,
    r.answered,
    r.abandoned.count,
    r.abandoned.short,
    r.meta.counts.calls,
  ]
  const shown = shownHours(r)
  const hour: Section = {
    key: 'hour',
    title: SECTION_TITLES.hour,
    tables: [
      {
        columns: [col('時間帯', 'text', 10), ...countColumns],
        rows: [...shown]
          .sort((a, b) => a - b)
          .map((h) => {
            const [x, y] = [r.byHalfHour[2 * h]!, r.byHalfHour[2 * h + 1]!]
            const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b)
            return [
              `${h}時台`,
              ...counts({
                offered: add(x.offered, y.offered),
                answered: add(x.answered, y.answered),
                abandoned: add(x.abandoned, y.abandoned),
                shortAbandoned: add(x.shortAbandoned, y.shortAbandoned),
                calls: x.calls + y.calls,
              }),
            ]
          }),
        total,
      },
    ],
  }

  const halfHour: Section = {
    key: 'halfHour',
    title: SECTION_TITLES.halfHour,
    tables: [
      {
        columns: [col('時間帯', 'text', 14), ...countColumns],
        rows: r.byHalfHour
          .filter((s) => shown.has(Math.floor(s.slot / 2)))
          .map((s) => [s.label, ...counts(s)]),
        total,
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
        rows: r.byWeekday.map((w) => [
          w.label,
          w.days,
          w.offered,
          w.answered,
          w.abandoned,
          w.shortAbandoned,
          w.calls,
          w.days ? w.calls / w.days : null,
        ]),
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
      columns: [col('日付', 'date', 18), col('祝日', 'text', 24)],
      rows: r.meta.period.holidays.map((h) => [parseInstant(`${h.date}T00:00:00+09:00`), h.name]),
    })

  const topic: Section = {
    key: 'topic',
    title: SECTION_TITLES.topic,
    tables: [
      {
        columns: [
          col('用件', 'text', 30),
          col('件数', 'count'),
          col('構成比', 'rate'),
          col('一次完了件数', 'count'),
          col('一次完了率', 'rate'),
          col('平均処理時間', 'seconds', 16),
        ],
        rows: r.byTopic.map((t) => [
          t.category === null ? UNCATEGORIZED_LABEL : (labels.categories?.[t.category] ?? t.category),
          t.calls,
          t.share,
          t.firstContactResolved,
          t.firstContactResolutionRate,
          t.ahtSeconds,
        ]),
        total: [
          '合計',
          r.meta.counts.calls,
          r.meta.counts.calls ? 1 : null,
          r.meta.details.firstContactResolved,
          r.firstContactResolutionRate,
          r.ahtSeconds,
        ],
      },
    ],
  }

  const faq: Section = {
    key: 'faq',
    title: SECTION_TITLES.faq,
    tables: [
      {
        columns: [
          col('順位', 'count', 6),
          col('FAQ ID', 'text', 18),
          col('FAQ', 'text', 48),
          col('利用件数', 'count'),
          col('うち最初に参照', 'count', 14),
          col('利用率', 'rate'),
        ],
        rows: r.faqUsage.map((f, i) => [
          i + 1,
          f.faqId,
          labels.faqs?.[f.faqId] ?? '',
          f.count,
          f.first,
          f.share,
        ]),
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

  const serviceLevel: Section = {
    key: 'serviceLevel',
    title: SECTION_TITLES.serviceLevel,
    tables: [
      {
        columns: DEFINED_VALUE_COLUMNS,
        rows: [
          [
            `サービスレベル（${sl.thresholdSeconds}秒以内応答）`,
            sl.rate,
            '%',
            `${sl.thresholdSeconds} 秒以内に応答した件数 ÷ ${sl.base === 'answered' ? '応答件数' : '（入電件数 － 短時間放棄）'}`,
          ],
          ['サービスレベルの目標', sl.target, '%', `目標 ${Math.round(sl.target * 100)}%`],
          ['放棄呼件数', r.abandoned.count, '件', `応答前に切れた着信のうち、待ち時間 ${short} 秒以上`],
          [`短時間放棄件数（${short}秒未満）`, r.abandoned.short, '件', '率の計算から除外'],
          ['放棄率', r.abandoned.rate, '%', '放棄呼件数 ÷（入電件数 － 短時間放棄）'],
        ],
      },
    ],
  }
  withRowKinds(serviceLevel.tables[0]!)

  const sections = [rules, summary, hour, topic, faq]
  // The 月別 table: one column per headline KPI, each month's value in a row and the year's in the total.
  const byMonth: [Column, (m: Report) => Cell][] = [
    [col(`入電件数${inHours}`, 'count', 14), (m) => m.offered],
    [col('応答件数', 'count'), (m) => m.answered],
    [col('応答率', 'rate'), (m) => m.answerRate],
    [col('一次完了率', 'rate'), (m) => m.firstContactResolutionRate],
    [col('平均応答時間', 'seconds'), (m) => m.asaSeconds],
    [col('平均通話時間', 'seconds'), (m) => m.attSeconds],
    [col('平均処理時間', 'seconds'), (m) => m.ahtSeconds],
    [col('時間外入電', 'count'), (m) => m.outOfHours.offered],
    [col('サービスレベル', 'rate'), (m) => m.serviceLevel.rate],
    [col('放棄率', 'rate'), (m) => m.abandoned.rate],
    [col('応対記録件数', 'count'), (m) => m.meta.counts.calls],
  ]
  const months = options.months
  if (months?.length)
    sections.push({
      key: 'months',
      title: SECTION_TITLES.months,
      tables: [
        {
          columns: [col('月', 'text', 12), ...byMonth.map(([c]) => c)],
          rows: months.map((m) => [m.meta.period.labels.wareki, ...byMonth.map(([, pick]) => pick(m))]),
          total: ['年度計', ...byMonth.map(([, pick]) => pick(r))],
        },
      ],
    })
  return [...sections, halfHour, weekday, serviceLevel, escalation]
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
    case 'date':
      return formatWarekiDate(value)
  }
}

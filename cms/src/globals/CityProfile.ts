import type { GlobalConfig } from 'payload'

import { RETENTION_DEFAULTS, RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN } from '@kotae/content'
import { cityProfileSchema, openingRuleSchema } from '@kotae/content/schema'

import { anyone } from '../access/anyone'
import { fieldRoleIn, roleIn } from '../access/roleIn'
import { auditGlobalChange } from '../hooks/audit'
import { rebuildSiteAfterGlobalChange } from '../publish/hooks'
import { forgetPublicContacts } from '../privacy/maskStored'
import { RETENTION_FIELDS, retentionMonthsField } from '../retention/settings'
import { DAY } from '../fields/dates'
import { englishField } from '../fields/english'
import { readingsField } from '../fields/readings'

// content's rules for the English siblings (decisions 0047, 0055): the same limits as city.yaml.
const city = cityProfileSchema.shape
const notice = city.notices.unwrap().element.shape

const hhmm = (value: unknown): true | string =>
  typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
    ? true
    : '24時間表記の HH:MM で入力してください（例: 08:30）。'

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'].map((label, i) => ({
  label: `${label}曜日`,
  value: String(i),
}))

/** The city's name, numbers, counters and opening rules; the site computes "open now" from it. */
export const CityProfile: GlobalConfig = {
  slug: 'city-profile',
  label: '自治体情報',
  admin: { group: '設定' },
  access: { read: anyone, update: roleIn('admin', 'reviewer') },
  hooks: { afterChange: [auditGlobalChange, rebuildSiteAfterGlobalChange, () => forgetPublicContacts()] },
  fields: [
    { name: 'name', label: '自治体名', type: 'text', required: true },
    { name: 'nameEn', label: '自治体名（英語）', type: 'text', required: true },
    {
      name: 'localGovernmentCode',
      label: '全国地方公共団体コード',
      type: 'text',
      required: true,
      validate: (v: unknown) => (/^\d{6}$/.test(String(v)) ? true : '6桁の数字で入力してください。'),
    },
    {
      name: 'phones',
      label: '電話番号',
      type: 'array',
      fields: [
        { name: 'label', label: '名称', type: 'text', required: true },
        englishField('labelEn', '英語の名称', city.phones.element.shape.labelEn),
        {
          name: 'number',
          label: '番号',
          type: 'text',
          required: true,
          validate: (v: unknown) =>
            /^[0-9-]+$/.test(String(v)) ? true : '半角数字とハイフンで入力してください。',
        },
        { name: 'placeholder', label: '仮の値（要入力）', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      name: 'counters',
      label: '窓口',
      type: 'array',
      fields: [
        { name: 'name', label: '名称', type: 'text', required: true },
        englishField('nameEn', '英語の名称', city.counters.element.shape.nameEn),
        { name: 'address', label: '所在地', type: 'text', required: true },
        { name: 'placeholder', label: '仮の値（要入力）', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      name: 'hours',
      label: '受付時間',
      type: 'array',
      minRows: 1,
      admin: {
        description:
          '平日の通常受付と、第2・第4日曜日や第1・第3木曜日の延長受付などを登録します（日本時間）。',
      },
      fields: [
        { name: 'label', label: '名称', type: 'text', required: true },
        englishField('labelEn', '英語の名称', openingRuleSchema.shape.labelEn),
        { name: 'weekdays', label: '曜日', type: 'select', hasMany: true, required: true, options: WEEKDAYS },
        {
          name: 'weeksOfMonth',
          label: '第何週（空欄は毎週）',
          type: 'select',
          hasMany: true,
          options: [1, 2, 3, 4, 5].map((n) => ({ label: `第${n}`, value: String(n) })),
        },
        { name: 'opens', label: '開始', type: 'text', required: true, validate: hhmm },
        { name: 'closes', label: '終了', type: 'text', required: true, validate: hhmm },
        { name: 'closedOnHolidays', label: '祝日は休み', type: 'checkbox', defaultValue: true },
      ],
    },
    {
      name: 'yearEndClosure',
      label: '年末年始の休み',
      type: 'group',
      fields: [
        { name: 'from', label: '開始（MM-DD）', type: 'text', defaultValue: '12-29' },
        { name: 'to', label: '終了（MM-DD）', type: 'text', defaultValue: '01-03' },
      ],
    },
    {
      name: 'closedDates',
      label: '臨時休業日',
      type: 'array',
      fields: [{ name: 'date', label: '日付', type: 'date', required: true, admin: { date: DAY } }],
    },
    {
      name: 'notices',
      label: 'お知らせ',
      type: 'array',
      fields: [
        { name: 'title', label: '見出し', type: 'text', required: true },
        { name: 'body', label: '本文', type: 'textarea', required: true },
        englishField('titleEn', '英語の見出し', notice.titleEn),
        englishField('bodyEn', '英語の本文', notice.bodyEn, 'textarea'),
        { name: 'until', label: '掲載終了日', type: 'date', admin: { date: DAY } },
      ],
    },
    // City-wide furigana overrides (city.yaml `readings`): place names and the city's own words.
    readingsField(
      'サイトのふりがなが間違っている語を、市全体で直します（例: 東広島 → ひがしひろしま）。すべての日本語のページに使われます。',
    ),
    {
      // content's callCenterSchema is the one rule (city.yaml, this form, the reports: reports/counting.ts).
      name: 'callCenter',
      label: 'レポートの集計ルール（コールセンター）',
      type: 'group',
      admin: {
        description:
          'センターの受付時間は上の「受付時間」「年末年始の休み」「臨時休業日」です。時間外の入電は別の行に集計し、応答率などには含めません。月次・年度レポートの冒頭に毎回印刷されます。',
      },
      fields: [
        { name: 'queues', label: '集計する電話システムのキュー（1行に1つ。空欄はすべて）', type: 'textarea' },
        {
          name: 'shortAbandonSeconds',
          label: '短時間放棄とみなす秒数（既定 5）',
          type: 'number',
          min: 0,
          max: 60,
        },
        {
          name: 'serviceLevelSeconds',
          label: 'サービスレベルの応答秒数（既定 20）',
          type: 'number',
          min: 1,
          max: 600,
        },
        {
          name: 'serviceLevelTarget',
          label: 'サービスレベルの目標（0～1、既定 0.8 = 80%）',
          type: 'number',
          min: 0,
          max: 1,
        },
      ],
    },
    {
      // content's retentionSchema is the one rule for these (city.yaml, this form, the run); blank = its default.
      name: 'retentionMonths',
      label: '保存期間（月数）',
      type: 'group',
      access: { update: fieldRoleIn('admin') },
      admin: {
        description:
          '記録した月の末日から数えて、この月数を過ぎた記録を毎晩削除または匿名化します（1～120か月。空欄は既定値）。匿名化した問い合わせ記録も件数・時間・カテゴリ・結果は残るため、月次・年度レポートの数値は変わりません。変更できるのはシステム管理者のみです。',
      },
      fields: RETENTION_FIELDS.map(({ kind, label }) => ({
        name: kind,
        label: `${label}（既定 ${RETENTION_DEFAULTS[kind]}か月）`,
        type: 'number' as const,
        min: RETENTION_MONTHS_MIN,
        max: RETENTION_MONTHS_MAX,
        admin: { step: 1, placeholder: String(RETENTION_DEFAULTS[kind]) },
        validate: retentionMonthsField,
      })),
    },
    { name: 'contentHash', type: 'text', admin: { hidden: true } },
  ],
}

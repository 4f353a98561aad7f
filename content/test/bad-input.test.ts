import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  ContentInvalidError,
  loadContent,
  loadValidContent,
  RETENTION_DEFAULTS,
  type ContentProblem,
} from '../src/index'
import { edit, faqText, miniCorpus, write } from './helpers'

const A = 'faqs/ja/faq-a.md'
const B = 'faqs/ja/faq-b.md'
const C = 'faqs/ja/faq-c.md'

const has = (problems: ContentProblem[], file: string, field: string | undefined, message: RegExp | string) =>
  expect(problems).toContainEqual(
    expect.objectContaining({
      file,
      ...(field === undefined ? {} : { field }),
      message:
        typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
    }),
  )

/** Each kind of bad input: how to break the mini corpus, and the problem it must produce. */
const cases: {
  name: string
  breakIt: (dir: string) => void
  file: string
  field?: string
  message: RegExp | string
}[] = [
  {
    name: 'missing field',
    breakIt: (d) => edit(d, A, (t) => t.replace(/^shortAnswer:.*\n/m, '')),
    file: A,
    field: 'shortAnswer',
    message: 'is required',
  },
  {
    name: 'short answer too long',
    breakIt: (d) => edit(d, A, (t) => t.replace(/^shortAnswer:.*$/m, `shortAnswer: ${'あ'.repeat(81)}`)),
    file: A,
    field: 'shortAnswer',
    message: 'is 81 characters long; at most 80',
  },
  {
    name: 'too few alternatives',
    breakIt: (d) => edit(d, A, (t) => t.replace(/^ {2}- faq-a その3\n/m, '')),
    file: A,
    field: 'alternatives',
    message: 'needs at least 3',
  },
  {
    name: 'raw HTML in the answer',
    breakIt: (d) => edit(d, A, (t) => `${t.trimEnd()}\n\n<div>消える文</div>\n`),
    file: A,
    field: 'answer',
    message: 'raw HTML <div> would be dropped on the site',
  },
  {
    name: 'bad URL',
    breakIt: (d) => edit(d, 'sources.yaml', (t) => t.replace('https://example.org/b', 'ftp://example.org/b')),
    file: 'sources.yaml',
    field: '1.url',
    message: 'http(s) URL',
  },
  {
    name: 'unknown category',
    breakIt: (d) => edit(d, B, (t) => t.replace('category: basics', 'category: no-such-category')),
    file: B,
    field: 'category',
    message: 'unknown category "no-such-category"',
  },
  {
    name: 'unknown source',
    breakIt: (d) => edit(d, B, (t) => t.replace('  - src-a', '  - src-a\n  - no-such-source')),
    file: B,
    field: 'sources.1',
    message: 'unknown source "no-such-source"',
  },
  {
    name: 'unknown related id',
    breakIt: (d) => edit(d, B, (t) => t.replace('  - faq-a', '  - faq-a\n  - no-such-faq')),
    file: B,
    field: 'related.1',
    message: 'unknown FAQ or guide "no-such-faq"',
  },
  {
    name: 'unknown related id in a guide',
    breakIt: (d) =>
      edit(d, 'guides/ja/guide-a.md', (t) => t.replace('related: [faq-a]', 'related: [faq-a, gone]')),
    file: 'guides/ja/guide-a.md',
    field: 'related.1',
    message: 'unknown FAQ or guide "gone"',
  },
  {
    name: 'duplicate id across files',
    breakIt: (d) => write(d, 'faqs/ja/faq-z.md', faqText({ id: 'faq-a', question: '別の質問ですか？' })),
    file: 'faqs/ja/faq-z.md',
    field: 'id',
    message: 'duplicate id "faq-a" (also faqs/ja/faq-a.md)',
  },
  {
    name: 'file name differs from id',
    breakIt: (d) => write(d, 'faqs/ja/faq-z.md', faqText({ id: 'faq-y', question: '別の質問ですか？' })),
    file: 'faqs/ja/faq-z.md',
    field: 'id',
    message: 'must match the file name "faq-z"',
  },
  {
    name: 'duplicate question',
    breakIt: (d) => write(d, 'faqs/ja/faq-z.md', faqText({ id: 'faq-z', question: '質問Aはどうなりますか' })),
    file: 'faqs/ja/faq-z.md',
    field: 'question',
    message: 'the same question is asked by faqs/ja/faq-a.md',
  },
  {
    name: 'duplicate source id',
    breakIt: (d) => edit(d, 'sources.yaml', (t) => t.replace('id: src-b', 'id: src-a')),
    file: 'sources.yaml',
    field: '1.id',
    message: 'duplicate id "src-a"',
  },
  {
    name: 'category with fewer than 3 FAQs',
    breakIt: (d) => fs.rmSync(path.join(d, C)),
    file: 'categories.yaml',
    field: '0.id',
    message: 'category "basics" has 2 Japanese FAQ(s)',
  },
  {
    name: 'translationOf pointing nowhere',
    breakIt: (d) =>
      write(
        d,
        'faqs/en/faq-a-en.md',
        faqText({
          id: 'faq-a-en',
          question: 'What about A?',
          extra: 'locale: en\ntranslationOf: no-such-faq\n',
        }),
      ),
    file: 'faqs/en/faq-a-en.md',
    field: 'translationOf',
    message: 'points to "no-such-faq", which is not an FAQ',
  },
  {
    name: 'two English translations of one Japanese FAQ',
    breakIt: (d) => {
      write(
        d,
        'faqs/en/faq-a-en.md',
        faqText({ id: 'faq-a-en', question: 'What about A?', extra: 'locale: en\ntranslationOf: faq-a\n' }),
      )
      write(
        d,
        'faqs/en/faq-a-en2.md',
        faqText({
          id: 'faq-a-en2',
          question: 'And what about A?',
          extra: 'locale: en\ntranslationOf: faq-a\n',
        }),
      )
    },
    file: 'faqs/en/faq-a-en2.md',
    field: 'translationOf',
    message: '"faq-a" already has a translation (locale en): faqs/en/faq-a-en.md',
  },
  {
    name: 'English FAQ without translationOf',
    breakIt: (d) =>
      write(
        d,
        'faqs/en/faq-a-en.md',
        faqText({ id: 'faq-a-en', question: 'What about A?', extra: 'locale: en\n' }),
      ),
    file: 'faqs/en/faq-a-en.md',
    field: 'translationOf',
    message: 'must name the Japanese FAQ',
  },
  {
    name: 'locale not matching the folder',
    breakIt: (d) => edit(d, A, (t) => t.replace('reviewBy:', 'locale: en\nreviewBy:')),
    file: A,
    field: 'locale',
    message: 'is "en" but the file is in the ja/ folder',
  },
  {
    name: 'misspelt field',
    breakIt: (d) => edit(d, A, (t) => t.replace('reviewBy:', 'needReview: true\nreviewBy:')),
    file: A,
    field: 'needReview',
    message: 'unknown field',
  },
  {
    name: 'not a real date',
    breakIt: (d) => edit(d, A, (t) => t.replace('reviewBy: 2027-05-31', 'reviewBy: 2027-02-30')),
    file: A,
    field: 'reviewBy',
    message: 'is not a real calendar date',
  },
  {
    name: 'broken front matter YAML',
    breakIt: (d) => edit(d, A, (t) => t.replace(/^question:.*$/m, 'question: [unclosed')),
    file: A,
    field: 'front matter',
    message: /^YAML: /,
  },
  {
    name: 'front matter never closed',
    breakIt: (d) => edit(d, A, (t) => t.replace(/\n---\n/, '\n\n')),
    file: A,
    field: 'front matter',
    message: /^is not closed/,
  },
  {
    name: 'no front matter at all',
    breakIt: (d) => write(d, A, '# 質問A\n答えです。\n'),
    file: A,
    field: 'front matter',
    message: 'is missing',
  },
  {
    name: 'space around bold in Japanese',
    breakIt: (d) => edit(d, A, (t) => `${t.trimEnd()}\n\n申請は **ご本人** が行います。\n`),
    file: A,
    field: 'answer',
    message: 'line 17: bold-spacing: a space between Japanese text and **ご本人**',
  },
  {
    name: 'space after bold in a guide',
    breakIt: (d) =>
      edit(d, 'guides/ja/guide-a.md', (t) => `${t.trimEnd()}\n\n**無料です。** 予約は要りません。\n`),
    file: 'guides/ja/guide-a.md',
    field: 'body',
    message: 'bold-spacing',
  },
  {
    name: 'a list nested in a list item',
    breakIt: (d) => edit(d, A, (t) => `${t.trimEnd()}\n\n- 本人確認書類\n  - マイナンバーカード\n- 通知書\n`),
    file: A,
    field: 'answer',
    message: 'line 18: nested-list: 「- マイナンバーカード」 is a list inside a list item',
  },
  {
    name: 'a nested list in a guide',
    breakIt: (d) =>
      edit(d, 'guides/ja/guide-a.md', (t) => `${t.trimEnd()}\n\n1. 予約する\n    1. 日時を選ぶ\n`),
    file: 'guides/ja/guide-a.md',
    field: 'body',
    message: 'nested-list',
  },
  {
    name: 'empty answer',
    breakIt: (d) => edit(d, A, (t) => t.replace(/---\n\nfaq-a の答えです。\n$/, '---\n')),
    file: A,
    field: 'answer',
    message: 'is empty',
  },
  {
    name: 'broken YAML in a list file',
    breakIt: (d) => write(d, 'sources.yaml', '- { id: src-a, title: [\n'),
    file: 'sources.yaml',
    field: undefined,
    message: /^YAML: /,
  },
  {
    name: 'missing file',
    breakIt: (d) => fs.rmSync(path.join(d, 'city.yaml')),
    file: 'city.yaml',
    field: undefined,
    message: 'file is missing',
  },
  {
    name: 'bad field inside city.yaml',
    breakIt: (d) => edit(d, 'city.yaml', (t) => t.replace('opens: "08:30"', 'opens: "8:30"')),
    file: 'city.yaml',
    field: 'hours.0.opens',
    message: 'HH:MM',
  },
  {
    name: 'a 要確認 counter address not marked placeholder',
    breakIt: (d) => edit(d, 'city.yaml', (t) => t.replace('address: テスト市1-1', 'address: 要確認')),
    file: 'city.yaml',
    field: 'counters.0.placeholder',
    message: 'must be true: the address says 要確認',
  },
  {
    name: 'negative retention period',
    breakIt: (d) => edit(d, 'city.yaml', (t) => `${t}retentionMonths: { calls: -1 }\n`),
    file: 'city.yaml',
    field: 'retentionMonths.calls',
    message: 'must be at least 1 month',
  },
  {
    name: 'absurd retention period',
    breakIt: (d) => edit(d, 'city.yaml', (t) => `${t}retentionMonths: { auditLog: 6000 }\n`),
    file: 'city.yaml',
    field: 'retentionMonths.auditLog',
    message: 'must be at most 120 months',
  },
  {
    name: 'retention period of zero',
    breakIt: (d) => edit(d, 'city.yaml', (t) => `${t}retentionMonths: { searchLogs: 0 }\n`),
    file: 'city.yaml',
    field: 'retentionMonths.searchLogs',
    message: 'must be at least 1 month',
  },
  {
    name: 'retention period in part-months',
    breakIt: (d) => edit(d, 'city.yaml', (t) => `${t}retentionMonths: { siteEvents: 1.5 }\n`),
    file: 'city.yaml',
    field: 'retentionMonths.siteEvents',
    message: 'whole number of months',
  },
  {
    name: 'retention period as text',
    breakIt: (d) => edit(d, 'city.yaml', (t) => `${t}retentionMonths: { calls: 2年 }\n`),
    file: 'city.yaml',
    field: 'retentionMonths.calls',
    message: 'must be a number of months',
  },
  {
    name: 'misspelt retention kind',
    breakIt: (d) => edit(d, 'city.yaml', (t) => `${t}retentionMonths: { call: 12 }\n`),
    file: 'city.yaml',
    field: 'retentionMonths.call',
    message: 'unknown field',
  },
  {
    name: 'bad item in a bring list',
    breakIt: (d) => edit(d, 'guides/ja/guide-a.md', (t) => t.replace('- case: self', '- case: neighbour')),
    file: 'guides/ja/guide-a.md',
    field: 'bring.0.case',
    message: /./,
  },
  {
    name: 'a guide half in English: a step without its English',
    breakIt: (d) =>
      edit(d, 'guides/ja/guide-a.md', (t) =>
        t
          .replace('title: 手続きA', 'title: 手続きA\ntitleEn: Procedure A')
          .replace(
            'summary: 手続きAの要約です。',
            'summary: 手続きAの要約です。\nsummaryEn: What procedure A is.',
          )
          .replace('where: 市民課', 'where: 市民課\nwhereEn: The Citizens Division')
          .replace('when: 平日', 'when: 平日\nwhenEn: Weekdays')
          .replace(
            '{ item: マイナンバーカード }',
            '{ item: マイナンバーカード, itemEn: Your My Number Card }',
          ),
      ),
    file: 'guides/ja/guide-a.md',
    field: 'steps.0.titleEn',
    message: 'every English field is needed',
  },
  {
    name: 'an empty English label in the city profile',
    breakIt: (d) => edit(d, 'city.yaml', (t) => t.replace(/label: ([^,}]+),/, 'label: $1, labelEn: "",')),
    file: 'city.yaml',
    field: 'phones.0.labelEn',
    message: /./,
  },
  {
    name: 'review flag without a note',
    breakIt: (d) => edit(d, A, (t) => t.replace('reviewBy:', 'needsReview: true\nreviewBy:')),
    file: A,
    field: 'operatorNotes',
    message: 'needsReview is true',
  },
  {
    name: 'a やさしい日本語 version with a sentence over 40 characters',
    breakIt: (d) =>
      edit(d, A, (t) =>
        t.replace('reviewBy:', `easy: |\n  短い文です。\n  ${'い'.repeat(40)}です。\nreviewBy:`),
      ),
    file: A,
    field: 'easy',
    message: `やさしい日本語: 40字を超える文（43字）: ${'い'.repeat(40)}です。`,
  },
  {
    name: 'a やさしい日本語 version with a double negative',
    breakIt: (d) =>
      edit(d, A, (t) =>
        t.replace('reviewBy:', 'easy: |\n  カードを持って、窓口に来なければなりません。\nreviewBy:'),
      ),
    file: A,
    field: 'easy',
    message: '二重否定（なければなりません）',
  },
  {
    name: 'raw HTML in the やさしい日本語 version',
    breakIt: (d) =>
      edit(d, A, (t) =>
        t.replace('reviewBy:', 'easy: |\n  カードを持ってきてください。\n  <b>大事</b>です。\nreviewBy:'),
      ),
    file: A,
    field: 'easy',
    message: 'line 2 of easy: raw HTML <b> would be dropped on the site',
  },
  {
    name: 'a やさしい日本語 version on an English FAQ',
    breakIt: (d) =>
      write(
        d,
        'faqs/en/faq-a-en.md',
        faqText({
          id: 'faq-a-en',
          question: 'What about A?',
          extra: 'locale: en\ntranslationOf: faq-a\neasy: カードを持ってきてください。窓口で渡します。\n',
        }),
      ),
    file: 'faqs/en/faq-a-en.md',
    field: 'easy',
    message: 'is for Japanese FAQs only',
  },
  {
    name: 'a やさしい日本語 version too short to be an answer',
    breakIt: (d) => edit(d, A, (t) => t.replace('reviewBy:', 'easy: はい。\nreviewBy:')),
    file: A,
    field: 'easy',
    message: /at least 20|>=20/,
  },
  {
    name: 'a file outside the locale folders',
    breakIt: (d) => write(d, 'faqs/faq-q.md', faqText({ id: 'faq-q', question: '迷子の質問ですか？' })),
    file: 'faqs/faq-q.md',
    field: undefined,
    message: 'not loaded',
  },
]

describe('bad content is reported with file and field', () => {
  it('the mini corpus itself is valid', async () => {
    const bundle = await loadContent(miniCorpus())
    expect(bundle.problems).toEqual([])
    expect(bundle.faqs.map((f) => f.id)).toEqual(['faq-a', 'faq-b', 'faq-c', 'faq-d', 'faq-e', 'faq-f'])
    expect(bundle.guides[0]?.bring[0]?.items[0]).toEqual({ item: 'マイナンバーカード', optional: false })
  })

  it('a city.yaml without retentionMonths takes every default; one period given keeps the others at theirs', async () => {
    const dir = miniCorpus()
    expect((await loadContent(dir)).city.retentionMonths).toEqual(RETENTION_DEFAULTS)
    edit(dir, 'city.yaml', (t) => `${t}retentionMonths: { calls: 36 }\n`)
    const { city, problems } = await loadContent(dir)
    expect(problems).toEqual([])
    expect(city.retentionMonths).toEqual({ ...RETENTION_DEFAULTS, calls: 36 })
  })

  it.each(cases)('$name', async ({ breakIt, file, field, message }) => {
    const dir = miniCorpus()
    breakIt(dir)
    const { problems } = await loadContent(dir)
    has(problems, file, field, message)
  })

  it('lists ALL problems at once, across files and within one file', async () => {
    const dir = miniCorpus()
    // One file with three problems: all three are reported.
    write(
      dir,
      'faqs/ja/faq-m.md',
      faqText({ id: 'faq-m', question: '質問Mですか？', category: 'nowhere' })
        .replace('  - src-a', '  - gone-source')
        .replace(/^shortAnswer:.*\n/m, ''),
    )
    edit(dir, B, (t) =>
      t.replace('category: basics', 'category: elsewhere').replace('  - faq-a', '  - faq-a\n  - no-such-faq'),
    )
    edit(dir, C, (t) => t.replace(/^shortAnswer:.*$/m, `shortAnswer: ${'い'.repeat(85)}`))
    edit(dir, 'sources.yaml', (t) => t.replace('https://example.org/b', 'ftp://example.org/b'))
    edit(dir, 'city.yaml', (t) => t.replace('opens: "08:30"', 'opens: "8:30"'))
    write(dir, 'faqs/ja/faq-z.md', faqText({ id: 'faq-a', question: '別の質問ですか？', category: 'more' }))
    write(
      dir,
      'faqs/en/faq-a-en.md',
      faqText({
        id: 'faq-a-en',
        question: 'What about A?',
        extra: 'locale: en\ntranslationOf: no-such-faq\n',
      }),
    )
    const { problems } = await loadContent(dir)
    has(problems, 'faqs/ja/faq-m.md', 'shortAnswer', 'is required')
    has(problems, 'faqs/ja/faq-m.md', 'category', 'unknown category "nowhere"')
    has(problems, 'faqs/ja/faq-m.md', 'sources.0', 'unknown source "gone-source"')
    has(problems, B, 'category', 'unknown category "elsewhere"')
    has(problems, B, 'related.1', 'unknown FAQ or guide "no-such-faq"')
    has(problems, C, 'shortAnswer', 'is 85 characters long')
    has(problems, 'sources.yaml', '1.url', 'http(s) URL')
    has(problems, 'city.yaml', 'hours.0.opens', 'HH:MM')
    has(problems, 'faqs/ja/faq-z.md', 'id', 'duplicate id "faq-a"')
    has(problems, 'faqs/ja/faq-z.md', 'id', 'must match the file name')
    has(problems, 'faqs/en/faq-a-en.md', 'translationOf', 'no-such-faq')
    has(problems, 'categories.yaml', '0.id', 'category "basics" has 2')
    expect(problems).toHaveLength(12)
    // Grouped by file, so the CLI output reads file by file.
    const files = problems.map((p) => p.file)
    expect(files).toEqual([...files].sort())
  })

  it('one bad field does not make other files look broken', async () => {
    const dir = miniCorpus()
    edit(dir, 'sources.yaml', (t) => t.replace('https://example.org/a', 'not a url'))
    edit(dir, A, (t) => t.replace(/^shortAnswer:.*$/m, `shortAnswer: ${'あ'.repeat(90)}`))
    const { problems, faqs } = await loadContent(dir)
    // faq-a failed its schema and is left out of `faqs`, but faq-b may still point to it,
    // every FAQ may still cite src-a, and category "basics" still counts three FAQs.
    expect(faqs.map((f) => f.id)).not.toContain('faq-a')
    expect(problems).toHaveLength(2)
    has(problems, 'sources.yaml', '0.url', /./)
    has(problems, A, 'shortAnswer', 'is 90 characters long')
  })

  it('loads an English translation next to its Japanese FAQ', async () => {
    const dir = miniCorpus()
    write(
      dir,
      'faqs/en/faq-a-en.md',
      faqText({
        id: 'faq-a-en',
        question: 'What happens with A?',
        extra: 'locale: en\ntranslationOf: faq-a\n',
      }),
    )
    const bundle = await loadValidContent(dir)
    expect(bundle.faqs.find((f) => f.id === 'faq-a-en')).toMatchObject({
      locale: 'en',
      translationOf: 'faq-a',
      file: 'faqs/en/faq-a-en.md',
    })
  })

  it('loadValidContent throws ContentInvalidError carrying every problem', async () => {
    const dir = miniCorpus()
    edit(dir, A, (t) => t.replace('category: basics', 'category: nope'))
    edit(dir, B, (t) => t.replace('  - src-a', '  - nope'))
    const error = await loadValidContent(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentInvalidError)
    expect((error as ContentInvalidError).name).toBe('ContentInvalidError')
    // Two broken fields, and category "basics" is left with two FAQs: three problems.
    expect((error as ContentInvalidError).problems).toHaveLength(3)
    expect((error as Error).message).toContain(`${A}: category: unknown category "nope"`)
  })

  it('a folder that does not exist is a list of problems, not a crash', async () => {
    const { problems } = await loadContent(path.join(miniCorpus(), 'nowhere'))
    expect(problems.map((p) => p.file)).toEqual(
      expect.arrayContaining([
        'categories.yaml',
        'sources.yaml',
        'synonyms.yaml',
        'city.yaml',
        'faqs',
        'guides',
      ]),
    )
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-content-'))

/** Writes `text` to `file` (relative to `dir`), creating folders. */
export function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
  fs.writeFileSync(path.join(dir, file), text)
}

/** Rewrites a file through `change`; fails the test when `change` leaves it as it was. */
export function edit(dir: string, file: string, change: (text: string) => string): void {
  const full = path.join(dir, file)
  const before = fs.readFileSync(full, 'utf8')
  const after = change(before)
  if (after === before) throw new Error(`edit(${file}) changed nothing: the test no longer matches the file`)
  fs.writeFileSync(full, after)
}

/** A small facet vocabulary: three dimensions. */
const MINI_FACETS = `# test vocabulary
dimensions:
  - id: who
    name: どなたの
    values:
      - { id: self, name: ご本人, forms: [自分, 本人が] }
      - { id: child, name: お子さま, forms: [子ども, こども] }
  - id: action
    name: ご用件
    values:
      - { id: move-in, name: 転入, forms: [転入, 引っ越してきた] }
      - { id: move-out, name: 転出, forms: [転出, 引っ越す] }
      - { id: hours, name: 受付時間, forms: [何時, 開いて] }
  - id: when
    name: いつ
    values:
      - { id: weekend, name: 土日・夜間, forms: [土日, 夜] }
`

export type MiniFaq = { id: string; question: string; category?: string; extra?: string; body?: string }

/** One FAQ file as an editor would write it; `extra` is appended to the front matter. */
export const faqText = (f: MiniFaq): string => `---
id: ${f.id}
question: ${f.question}
alternatives:
  - ${f.id} その1
  - ${f.id} その2
  - ${f.id} その3
shortAnswer: ${f.id} の短い答えです。
category: ${f.category ?? 'basics'}
sources:
  - src-a
reviewBy: 2027-05-31
${f.extra ?? ''}---

${f.body ?? `${f.id} の答えです。`}
`

/**
 * A small, valid corpus written from scratch: one category with three FAQs (`faq-a`, `faq-b`,
 * `faq-c`), one guide, two sources, synonyms, a city and a facet vocabulary ({@link MINI_FACETS}). Tests break one thing at a time.
 */
export function miniCorpus(): string {
  const dir = tempDir()
  write(
    dir,
    'categories.yaml',
    '- id: basics\n  name: 基本\n  nameEn: Basics\n- id: more\n  name: そのほか\n  nameEn: More\n',
  )
  write(
    dir,
    'sources.yaml',
    [
      '- { id: src-a, title: 出典A, publisher: 発行者A, url: "https://example.org/a", checkedAt: 2026-11-24 }',
      '- { id: src-b, title: 出典B, publisher: 発行者B, url: "https://example.org/b", checkedAt: 2026-11-24 }',
      '',
    ].join('\n'),
  )
  write(dir, 'synonyms.yaml', 'groups:\n  - { terms: [マイナンバーカード, マイナ] }\n')
  write(dir, 'facets.yaml', MINI_FACETS)
  write(
    dir,
    'city.yaml',
    [
      'name: テスト市',
      'nameEn: Test City',
      'localGovernmentCode: "000000"',
      'phones: [{ label: 市民課, number: 000-000-0000, placeholder: true }]',
      'counters: [{ name: 市民課, address: テスト市1-1 }]',
      'hours: [{ label: 平日, weekdays: [1, 2, 3, 4, 5], opens: "08:30", closes: "17:15" }]',
      'yearEndClosure: { from: "12-29", to: "01-03" }',
      '',
    ].join('\n'),
  )
  const faqs: MiniFaq[] = [
    { id: 'faq-a', question: '質問Aはどうなりますか？' },
    { id: 'faq-b', question: '質問Bはどうなりますか？', extra: 'related:\n  - faq-a\n' },
    { id: 'faq-c', question: '質問Cはどうなりますか？' },
    { id: 'faq-d', question: '質問Dはどうなりますか？', category: 'more' },
    { id: 'faq-e', question: '質問Eはどうなりますか？', category: 'more' },
    { id: 'faq-f', question: '質問Fはどうなりますか？', category: 'more' },
  ]
  for (const f of faqs) write(dir, `faqs/ja/${f.id}.md`, faqText(f))
  write(
    dir,
    'guides/ja/guide-a.md',
    `---
id: guide-a
title: 手続きA
procedure: other
summary: 手続きAの要約です。
category: basics
steps:
  - { title: 手順1, detail: 手順1の説明です。 }
bring:
  - case: self
    items:
      - { item: マイナンバーカード }
where: 市民課
when: 平日
sources: [src-b]
related: [faq-a]
reviewBy: 2027-05-31
---
`,
  )
  return dir
}

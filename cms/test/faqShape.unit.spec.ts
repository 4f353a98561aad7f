/**
 * The FAQ module (cms/src/faq, @kotae/content/faq) carries every field of an FAQ to every shape
 * that should hold it. The field lists are read from the content schema, the collection config,
 * the CSV header and the site and search schemas; a new field fails here until each mapping gives
 * it a place or names why it has none.
 */
import { siteContentSchema } from '@kotae/content/contracts/siteContent'
import { FAQ_CSV_HEADER, faqCsvText, readFaqCsv } from '@kotae/content/csv/index'
import {
  FAQ_CSV_FIELDS,
  FAQ_CSV_NOT_CARRIED,
  FAQ_FIELDS,
  FAQ_FIELDS_NOT_IN_CMS,
  SITE_FAQ_NOT_SENT,
  faqToCsvRecord,
  faqToSiteEntry,
  type FaqEntry,
} from '@kotae/content/faq/index'
import { indexableFaqSchema } from '@kotae/search-indexer/engine/indexable'
import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { Faqs } from '../src/collections/Faqs'
import {
  FAQ_CMS_ONLY_FIELDS,
  FAQ_LINK_FIELDS,
  FAQ_STORED_FIELDS,
  faqFromPayload,
  faqLinksToPayload,
  faqToPayload,
  slugsOf,
  storable,
  type StoredFaq,
} from '../src/faq'
import type { FromMarkdown, ToMarkdown } from '../src/lib/markdown'
import { faqInput } from '../src/search/indexable'

/** An entry with every field set to a value that is not its default. */
const entry: FaqEntry = {
  id: 'pin-forgotten',
  question: '暗証番号を忘れたときはどうすればいいですか？',
  alternatives: ['暗証番号 忘れた', 'あんしょうばんごう わすれた', 'パスワード分からない'],
  shortAnswer: '本人確認書類を持って市民課の窓口で再設定できます。',
  answer: '## 窓口で再設定\nマイナンバーカードを持って来てください。',
  easy: '窓口で暗証番号を新しく決めます。\nマイナンバーカードを持ってきてください。',
  category: 'pin',
  tags: ['暗証番号', '再設定'],
  audience: 'public',
  operatorNotes: 'ロック解除も同じ窓口です。',
  sources: ['jpki-faq', 'digital-agency'],
  facts: ['PIN-01'],
  bring: [
    { item: 'マイナンバーカード', note: '有効期限内のもの', cases: ['self', 'proxy'], optional: false },
    { item: '委任状', optional: true },
  ],
  related: ['pin-locked'],
  reviewBy: '2027-05-31',
  locale: 'en',
  translationOf: 'pin-forgotten-ja',
  needsReview: true,
  status: 'published',
  facets: { action: ['pin-reset'], who: [] },
  readings: { 東広島: 'ひがしひろしま', 市民課: 'しみんか' },
}

// Rich text stands for its Markdown: the converters themselves are Payload's.
const richText = ((markdown: string) => ({ markdown })) as unknown as FromMarkdown
const markdown: ToMarkdown = (value) => (value as { markdown?: string } | null)?.markdown ?? ''

const ids = {
  categories: new Map([['pin', 11]]),
  sources: new Map([
    ['jpki-faq', 21],
    ['digital-agency', 22],
  ]),
  faqs: new Map([
    ['pin-forgotten', 1],
    ['pin-locked', 2],
    ['pin-forgotten-ja', 3],
  ]),
}
const slugDocs = (map: Map<string, number>) => [...map].map(([slug, id]) => ({ id, slug }))
const links = {
  categories: slugsOf(slugDocs(ids.categories)),
  sources: slugsOf(slugDocs(ids.sources)),
  faqs: slugsOf(slugDocs(ids.faqs)),
}

/** The entry as the collection stores it. */
const stored = (e: FaqEntry): StoredFaq => ({
  id: 1,
  slug: e.id,
  _status: e.status === 'published' ? 'published' : 'draft',
  ...storable({
    ...faqToPayload(e, FAQ_STORED_FIELDS, { richText, ids }),
    ...faqLinksToPayload(e, { richText, ids }),
  }),
})

/** The names of a collection's data fields, nested layout fields flattened. */
const fieldNames = (fields: readonly Field[]): string[] =>
  fields.flatMap((f) =>
    'name' in f ? (f.type === 'ui' ? [] : [f.name]) : 'fields' in f ? fieldNames(f.fields) : [],
  )

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort()

describe('the FAQ module covers every field', () => {
  it('every field of the content schema is written to the CMS, or named as not held there', () => {
    expect(
      sorted([
        ...FAQ_STORED_FIELDS,
        ...FAQ_LINK_FIELDS,
        'id',
        'status',
        ...Object.keys(FAQ_FIELDS_NOT_IN_CMS),
      ]),
    ).toEqual(sorted(FAQ_FIELDS))
  })

  it('every field of the collection is written from an entry, or named as the CMS’s own', () => {
    // Less what the test's own `stored` adds: the id, the slug (a CMS-only field) and Payload's `_status`.
    const written = Object.keys(stored(entry)).filter((k) => !['id', 'slug', '_status'].includes(k))
    expect(sorted([...written, ...Object.keys(FAQ_CMS_ONLY_FIELDS)])).toEqual(sorted(fieldNames(Faqs.fields)))
  })

  it('an entry written to the CMS reads back the same, field for field', () => {
    expect(faqFromPayload(stored(entry), { markdown, links })).toEqual(entry)
    const draft: FaqEntry = { ...entry, status: 'in_review', answer: '', category: '', reviewBy: '' }
    expect(faqFromPayload({ ...stored(draft), reviewState: 'in_review' }, { markdown, links })).toEqual(draft)
  })

  it('the CSV carries each field or names why not, and reads back what it wrote', () => {
    expect(sorted([...FAQ_CSV_FIELDS, ...Object.keys(FAQ_CSV_NOT_CARRIED)])).toEqual(
      sorted(FAQ_FIELDS.filter((f) => !(f in FAQ_FIELDS_NOT_IN_CMS))),
    )
    const city = { localGovernmentCode: '012025', name: '札幌市' }
    const record = faqToCsvRecord(entry, city)
    for (const field of FAQ_CSV_FIELDS) expect(record[field], field).toEqual(entry[field])
    const { text } = faqCsvText([record])
    const read = readFaqCsv(new TextEncoder().encode(text), {
      city,
      known: {
        categories: new Set(ids.categories.keys()),
        sources: new Set(ids.sources.keys()),
        faqs: new Set(ids.faqs.keys()),
      },
    })
    expect(read.problems).toEqual([])
    expect(read.rows.map(({ line: _line, ...r }) => r)).toEqual([record])
    expect(FAQ_CSV_HEADER.length).toBe(Object.keys(record).length)
  })

  it('the site bundle gets every field its schema knows, but those named as not sent', () => {
    const siteFaq = siteContentSchema.shape.faqs.element
    const site = faqToSiteEntry(entry)
    expect(sorted([...Object.keys(site), ...Object.keys(SITE_FAQ_NOT_SENT)])).toEqual(
      sorted(Object.keys(siteFaq.shape)),
    )
    expect(siteFaq.safeParse(site).success).toBe(true)
  })

  it('the search input holds every field the search schema knows, from the stored record', () => {
    // The operator index reads the category populated with its slug.
    const record = { ...stored(entry), category: { id: 11, slug: 'pin' } }
    const input = faqInput(record as Parameters<typeof faqInput>[0], markdown)
    expect(sorted(Object.keys(input))).toEqual(sorted(Object.keys(indexableFaqSchema.shape)))
    for (const field of Object.keys(indexableFaqSchema.shape) as (keyof typeof input & keyof FaqEntry)[])
      expect(input[field], field).toEqual(entry[field])
  })
})

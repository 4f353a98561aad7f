/**
 * An FAQ in the content files' shape wherever it is held: links as slugs, the answer as Markdown,
 * dates YYYY-MM-DD. The CMS reads its records into it and writes it back (cms/src/faq/), and the
 * CSV record (csv.ts), the site bundle's entry (site.ts) and the search input are made from it, so
 * each hand-over of an FAQ is written once. How to add a field: CONTRIBUTING.md.
 */
import { faqFrontMatterSchema, type Faq } from '../schema'

/** Where an entry stands in the publish workflow: the files know 下書き and 公開; the CMS also 承認待ち. */
export type FaqState = 'draft' | 'in_review' | 'published'

/**
 * The entry. A CMS draft is stored unvalidated, so its texts may be empty ('') and its category
 * and review date too; the files' entries are always complete.
 */
export type FaqEntry = Omit<Faq, 'file' | 'status' | keyof typeof FAQ_FIELDS_NOT_IN_CMS> & {
  status: FaqState
}

/** Every field of a content file's FAQ (front matter and the answer), read from the schema. */
export const FAQ_FIELDS = [...Object.keys(faqFrontMatterSchema.shape), 'answer'] as (keyof Omit<
  Faq,
  'file'
>)[]

/** The content files' fields the CMS does not hold, and why. */
export const FAQ_FIELDS_NOT_IN_CMS = {} as const satisfies Partial<Record<keyof Omit<Faq, 'file'>, string>>

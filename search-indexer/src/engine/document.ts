/**
 * The generic document the engine indexes, and the one mapping from an FAQ, a guide or a source to
 * it (input shapes in indexable.ts): the site's build, the CMS's operator index and the content CLIs
 * (`eval:content`, `ask`) all call these, so they score the same document. Converters are where
 * audience filtering happens: a public document carries only public fields, and an operator-only
 * entry has no public document at all; a draft has none.
 */
import { ASKED_BEFORE } from './asked-before'
import type { IndexableFaq, IndexableGuide, IndexableSource } from './indexable'

export type DocumentKind = 'faq' | 'guide' | 'source'
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['faq', 'guide', 'source']
export type Audience = 'public' | 'operator'

export type SearchDocument = {
  /** The content id (a FAQ's slug); unique per kind within one index. */
  id: string
  kind: DocumentKind
  /** Default: `ja`. */
  locale?: 'ja' | 'en'
  /** A FAQ's question, a guide's or a source's title. Weighted highest, with `alternatives`. */
  question: string
  /** Other ways callers ask it. */
  alternatives?: string[]
  /**
   * How callers asked for it before: labeled questions that it answered (asked-before.ts, learned
   * from the tuning sets by `npm run train:asked-before`). A field of its own, analyzed as a query
   * is, so a new caller's words meet earlier callers' words.
   */
  askedBefore?: string[]
  /** A FAQ's short answer, a guide's summary, a source's publisher. */
  shortAnswer?: string
  /** The full answer or guide text (Markdown or plain); split into passages. */
  body?: string
  /** Operator-only notes; an operator index searches them like the body, a public index refuses them. */
  operatorNotes?: string
  tags?: string[]
  category?: string
  url?: string
  /** Who may read it. Default: `public`. */
  audience?: Audience
  /**
   * Its facets per dimension (value ids of facets.yaml), where given by hand; a dimension left out
   * is found in the question and alternatives, an empty list means none.
   */
  facets?: Partial<Record<string, string[]>>
}

/** Per FAQ id, how callers asked for it before (the generated asked-before.ts). */
export type AskedBefore = Readonly<Record<string, readonly string[]>>

export type ConvertOptions = {
  audience: Audience
  /**
   * Where a FAQ's earlier phrasings come from. Default: {@link ASKED_BEFORE}, the generated list
   * (every index of the content uses it); the training CLIs pass lists that leave a set out.
   */
  askedBefore?: AskedBefore
}

/**
 * A Markdown text as a document holds it: LF line ends, no trailing spaces, no blank lines. The
 * content files and the CMS's rich text (exported as Markdown) lay the same answer out with
 * different blank lines (a file's heading is followed by its text, the CMS's by an empty line);
 * passages break at every line end anyway, so only the layout goes, and the same answer makes the
 * same document from either.
 */
export const documentText = (markdown: string): string =>
  markdown
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim()

/** A FAQ as a search document, or `undefined` when the audience may not see it (or it is a draft). */
export function faqToDocument(
  faq: IndexableFaq,
  { audience, askedBefore = ASKED_BEFORE }: ConvertOptions,
): SearchDocument | undefined {
  const faqAudience = faq.audience ?? 'public'
  if ((faq.status ?? 'published') === 'draft') return undefined
  if (audience === 'public' && faqAudience === 'operator') return undefined
  const doc: SearchDocument = {
    id: faq.id,
    kind: 'faq',
    locale: faq.locale ?? 'ja',
    question: faq.question,
    alternatives: [...(faq.alternatives ?? [])],
    shortAnswer: faq.shortAnswer,
    body: documentText(faq.answer ?? ''),
    tags: [...(faq.tags ?? [])],
    category: faq.category,
    audience: faqAudience,
  }
  if (audience === 'operator' && faq.operatorNotes) doc.operatorNotes = faq.operatorNotes
  // Content is edited in the CMS: a FAQ the list does not name has none, and a name no FAQ has is never read.
  const asked = Object.hasOwn(askedBefore, faq.id) ? askedBefore[faq.id] : undefined
  if (asked && asked.length > 0) doc.askedBefore = [...asked]
  if (faq.facets && Object.keys(faq.facets).length > 0)
    doc.facets = Object.fromEntries(Object.entries(faq.facets).map(([d, v]) => [d, [...v]]))
  return doc
}

/**
 * A guide as a search document: its introduction, steps, what to bring, where and when as the
 * body; `undefined` for a draft, or an operator-only guide asked for the public.
 */
export function guideToDocument(
  guide: IndexableGuide,
  { audience }: ConvertOptions,
): SearchDocument | undefined {
  const guideAudience = guide.audience ?? 'public'
  if ((guide.status ?? 'published') === 'draft') return undefined
  if (audience === 'public' && guideAudience === 'operator') return undefined
  const bring = (guide.bring ?? []).map(
    (b) => `${b.case}: ${b.items.map((i) => i.item + (i.note ? `（${i.note}）` : '')).join('、')}`,
  )
  const body = [
    documentText(guide.body ?? ''),
    ...(guide.steps ?? []).map((s, i) => `${i + 1}. ${s.title}\n${s.detail}`),
    bring.length ? `持ち物\n${bring.join('\n')}` : '',
    guide.where ? `場所\n${guide.where}` : '',
    guide.when ? `時間\n${guide.when}` : '',
  ]
    .filter(Boolean)
    .join('\n\n')
  return {
    id: guide.id,
    kind: 'guide',
    locale: guide.locale ?? 'ja',
    question: guide.title,
    shortAnswer: guide.summary,
    body,
    tags: guide.procedure ? [guide.procedure] : [],
    category: guide.category,
    audience: guideAudience,
  }
}

/** An official source as a search document (title and publisher). */
export function sourceToDocument(
  source: IndexableSource,
  _options: ConvertOptions,
): SearchDocument | undefined {
  return {
    id: source.id,
    kind: 'source',
    locale: 'ja',
    question: source.title,
    shortAnswer: source.publisher,
    url: source.url,
    audience: 'public',
  }
}

/** Every document of a content bundle that the audience may see. */
export function contentToDocuments(
  content: {
    faqs: readonly IndexableFaq[]
    guides?: readonly IndexableGuide[]
    sources?: readonly IndexableSource[]
  },
  options: ConvertOptions & { kinds?: readonly DocumentKind[] },
): SearchDocument[] {
  const kinds = new Set(options.kinds ?? DOCUMENT_KINDS)
  const out: (SearchDocument | undefined)[] = []
  if (kinds.has('faq')) out.push(...content.faqs.map((f) => faqToDocument(f, options)))
  if (kinds.has('guide')) out.push(...(content.guides ?? []).map((g) => guideToDocument(g, options)))
  if (kinds.has('source')) out.push(...(content.sources ?? []).map((s) => sourceToDocument(s, options)))
  return out.filter((d): d is SearchDocument => d !== undefined)
}

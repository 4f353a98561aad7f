/**
 * Saving and restoring an index as one JSON string, the same in Node and the browser (format
 * version 5). Nothing is stored twice:
 *  - the documents, once, in the order of their ids, without their earlier phrasings' text
 *    (`askedBefore`): their tokens are in the postings, and no result shows them (decision 0048:
 *    35 KB gzip of the site's index);
 *  - each passage as [document, n, field, start, end]: its text is a slice of the document;
 *  - every token once, in one sorted list (`terms`): a word is in the question, the alternatives,
 *    the earlier phrasings and the passages alike, and gzip's 32 KB window does not reach back
 *    from one field's list to another's (version 4 stored each field's tokens: 149.0 → 134.6 KB
 *    gzip of the site's ja index, the same rankings);
 *  - each field's postings: its tokens as positions in `terms` (ascending, as deltas) and per token
 *    the ids as deltas. Field lengths and document frequencies follow from the postings (a record
 *    holds a token once per field).
 * Ids are renumbered 0…n−1 in the same order, so ties break as in the saved index.
 */
import type { FacetDimensionLike } from '../analyzer/facets'
import type { SynonymGroupLike } from '../analyzer/synonyms'
import { SerializedIndexError } from '../errors'
import type { Audience, SearchDocument } from './document'
import { InvertedIndex } from './inverted-index'
import {
  DOC_FIELDS,
  PASSAGE_FIELDS,
  SearchIndex,
  docKey,
  docRecord,
  passageRecord,
  type Bm25Params,
  type DocRecord,
  type PassageRecord,
  type RankingWeights,
  type SearchIndexOptions,
} from './search-index'

export const INDEX_FORMAT = 'kotae-search-index'
export const INDEX_VERSION = 5

/**
 * A field's postings: `terms` are its tokens as positions in the index's `terms`, ascending, as
 * deltas (the first from −1); `ids[i]` are the ids holding the i-th, ascending, as deltas.
 */
type SavedField = { terms: number[]; ids: number[][] }
/** [document (position in `documents`), n, field (0 body, 1 operator notes), start, end]. */
type SavedPassage = [document: number, n: number, field: 0 | 1, start: number, end: number]

export type SerializedIndex = {
  format: typeof INDEX_FORMAT
  version: typeof INDEX_VERSION
  audience: Audience
  settings: { words?: boolean; bigrams?: boolean; stripFillers?: boolean; passageChars: number }
  weights: RankingWeights
  bm25: Bm25Params
  synonyms: { terms: string[] }[]
  facets: FacetDimensionLike[]
  /** Every field's tokens, once, sorted. */
  terms: string[]
  documents: SearchDocument[]
  passages: SavedPassage[]
  fields: { documents: Record<string, SavedField>; passages: Record<string, SavedField> }
}

/** Every token of the named fields of both indexes, once, sorted (a saved field names them by position). */
function termsOf(parts: readonly [InvertedIndex<unknown>, readonly string[]][]): string[] {
  const all = new Set<string>()
  for (const [index, names] of parts)
    for (const name of names) for (const token of index.field(name)?.postings.keys() ?? []) all.add(token)
  return [...all].sort()
}

/** Each field's postings with ids renumbered by `position` (the records' order in the file). */
function saveFields(
  index: InvertedIndex<unknown>,
  names: readonly string[],
  position: Map<number, number>,
  termPosition: Map<string, number>,
): Record<string, SavedField> {
  const out: Record<string, SavedField> = {}
  for (const name of names) {
    const postings = index.field(name)?.postings ?? new Map<string, ReadonlySet<number>>()
    const tokens = [...postings.keys()].sort()
    const at = tokens.map((t) => termPosition.get(t) ?? -1)
    const ids = tokens.map((t) => {
      const sorted = [...(postings.get(t) ?? [])].map((id) => position.get(id) ?? -1).sort((a, b) => a - b)
      return sorted.map((id, i) => id - (sorted[i - 1] ?? 0))
    })
    out[name] = { terms: at.map((p, i) => p - (at[i - 1] ?? -1)), ids }
  }
  return out
}

/** A saved field's postings as [token, ids]; throws on a position outside `terms`. */
function* loadField(field: SavedField | undefined, terms: readonly string[]): Generator<[string, number[]]> {
  if (!field) return
  let term = -1
  for (let i = 0; i < field.terms.length; i++) {
    term += field.terms[i]!
    const token = terms[term]
    if (token === undefined) throw new Error(`a field names term ${term} of ${terms.length}`)
    let at = 0
    yield [token, (field.ids[i] ?? []).map((d) => (at += d))]
  }
}

const withoutAskedBefore = ({ askedBefore: _, ...doc }: SearchDocument): SearchDocument => doc

/** The index as a JSON string (synonyms, weights and analyzer settings included). */
export function serializeIndex(index: SearchIndex): string {
  const docs = [...index.docs.entries()]
  const passages = [...index.passages.entries()]
  const docPosition = new Map(docs.map(([key], i) => [key, i]))
  const terms = termsOf([
    [index.docs, DOC_FIELDS],
    [index.passages, PASSAGE_FIELDS],
  ])
  const termPosition = new Map(terms.map((t, i) => [t, i]))
  const data: SerializedIndex = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    audience: index.audience,
    settings: { ...index.settings, passageChars: index.passageChars },
    weights: { ...index.weights },
    bm25: { ...index.bm25 },
    synonyms: index.analyzer.synonyms.groups,
    facets: index.analyzer.facets.dimensions,
    terms,
    documents: docs.map(([, r]) => withoutAskedBefore(r.doc)),
    passages: passages.map(([, p]) => [
      docPosition.get(p.docKey) ?? -1,
      p.n,
      p.field === 'operatorNotes' ? 1 : 0,
      p.start,
      p.end,
    ]),
    fields: {
      documents: saveFields(
        index.docs,
        DOC_FIELDS,
        new Map(docs.map(([, , id], i) => [id, i])),
        termPosition,
      ),
      passages: saveFields(
        index.passages,
        PASSAGE_FIELDS,
        new Map(passages.map(([, , id], i) => [id, i])),
        termPosition,
      ),
    },
  }
  return JSON.stringify(data)
}

export type LoadOptions = Pick<SearchIndexOptions, 'segmenter' | 'weights'> & {
  /** Synonym groups to use from now on. Default: the ones saved with the index. */
  synonyms?: readonly SynonymGroupLike[]
  /** Facet dimensions to use from now on. Default: the ones saved with the index. */
  facets?: readonly FacetDimensionLike[]
}

/** Restores an index from {@link serializeIndex}'s output (a string or the parsed object). */
export function loadSerializedIndex(raw: string | SerializedIndex, options: LoadOptions = {}): SearchIndex {
  let data: SerializedIndex
  try {
    // A caller's object is copied: the restored index must not share its documents.
    data = (typeof raw === 'string' ? JSON.parse(raw) : structuredClone(raw)) as SerializedIndex
  } catch (error) {
    throw new SerializedIndexError(`not a serialized index (invalid JSON: ${(error as Error).message})`)
  }
  if (!data || typeof data !== 'object' || data.format !== INDEX_FORMAT)
    throw new SerializedIndexError(`not a serialized index (format is not ${INDEX_FORMAT})`)
  if (data.version !== INDEX_VERSION)
    throw new SerializedIndexError(
      `serialized index version ${String(data.version)} is not supported (expected ${INDEX_VERSION}); rebuild the index`,
    )
  if (
    !Array.isArray(data.documents) ||
    !Array.isArray(data.passages) ||
    !Array.isArray(data.terms) ||
    !data.fields
  )
    throw new SerializedIndexError(
      'serialized index is incomplete (documents, passages, terms or fields missing)',
    )
  const opts: SearchIndexOptions = {
    audience: data.audience,
    words: data.settings.words,
    bigrams: data.settings.bigrams,
    stripFillers: data.settings.stripFillers,
    passageChars: data.settings.passageChars,
    weights: { ...data.weights, ...options.weights },
    bm25: data.bm25,
    synonyms: options.synonyms ?? data.synonyms,
    facets: options.facets ?? data.facets,
    segmenter: options.segmenter,
  }
  let restored: ConstructorParameters<typeof SearchIndex>[1]
  try {
    const docs = data.documents.map((doc): [string, DocRecord] => [
      docKey(doc.kind, doc.id),
      docRecord(doc, 0),
    ])
    const passages = data.passages.map(([d, n, field, start, end]): [string, PassageRecord] => {
      const owner = docs[d]
      if (!owner) throw new Error(`a passage names document ${d} of ${docs.length}`)
      owner[1].passageCount++
      return [
        `${owner[0]}#${n}`,
        passageRecord(owner[1], owner[0], n, field === 1 ? 'operatorNotes' : 'body', start, end),
      ]
    })
    const fields = (saved: Record<string, SavedField>, names: readonly string[]) =>
      Object.fromEntries(names.map((name) => [name, loadField(saved[name], data.terms)]))
    restored = {
      docs: InvertedIndex.restore(DOC_FIELDS, docs, fields(data.fields.documents, DOC_FIELDS)),
      passages: InvertedIndex.restore(PASSAGE_FIELDS, passages, fields(data.fields.passages, PASSAGE_FIELDS)),
    }
  } catch (error) {
    throw new SerializedIndexError(`serialized index could not be loaded: ${(error as Error).message}`)
  }
  return new SearchIndex(opts, restored)
}

/**
 * Saving and restoring an index. Uses Orama's core `save(db)` and `load(create({schema,
 * components: {tokenizer}}), raw)`: the data-persistence plugin drops custom tokenizers (a restored
 * index then finds nothing), see STACK-NOTES gotcha 6. The result is one JSON string, the same in
 * Node and the browser.
 */
import { create, load, save, type RawData } from '@orama/orama'

import type { FacetDimensionLike } from '../analyzer/facets'
import type { SynonymGroupLike } from '../analyzer/synonyms'
import { SerializedIndexError } from '../errors'
import type { Audience, SearchDocument } from './document'
import {
  DOC_SCHEMA,
  PASSAGE_SCHEMA,
  SearchIndex,
  createDb,
  createOramaTokenizer,
  END,
  type Bm25Params,
  type RankingWeights,
  type SearchIndexOptions,
} from './search-index'

export const INDEX_FORMAT = 'kotae-search-index'
export const INDEX_VERSION = 3

export type SerializedIndex = {
  format: typeof INDEX_FORMAT
  version: typeof INDEX_VERSION
  audience: Audience
  settings: { words?: boolean; bigrams?: boolean; stripFillers?: boolean; passageChars: number }
  weights: RankingWeights
  bm25: Bm25Params
  synonyms: { terms: string[] }[]
  /** Facet dimensions (absent in indexes saved before facets). */
  facets?: FacetDimensionLike[]
  keys: string[]
  docs: RawData
  passages: RawData
}

/**
 * Orama's raw data, made smaller for the wire and restored exactly on load (format version 3):
 *  - each text field's radix tree is kept as its postings only — the words (without the END mark)
 *    and, per word, the ids as deltas — and rebuilt with Orama's own RadixTree on load (the tree
 *    repeats every word at every node, ~half of a saved index);
 *  - per-document term frequencies and token occurrences are dropped when they follow from the
 *    postings (our tokenizer gives each token once per field: frequency 1 / field length);
 *  - stored texts that repeat the document are dropped: the `…Grams` copies, a record's question,
 *    alternatives, short answer and tags (all in `doc`), and a passage's text (a slice of the body).
 * Anything that does not fit these rules is kept as Orama wrote it.
 */
type Loose = Record<string, unknown>
type RadixJson = { w: string; e: boolean; d: number[]; c: [string, RadixJson][] }
type Postings = { type: 'Postings'; words: string[]; ids: number[][] }
type RawShape = {
  index: {
    indexes: Record<string, { type: string; node?: RadixJson } | Postings>
    frequencies: Record<string, unknown>
    tokenOccurrences: Record<string, unknown>
    fieldLengths: Record<string, Record<string, number>>
  }
  docs: { docs: Record<string, Loose> }
}
const DERIVED = 'postings'
const COPIES: Record<string, string> = { questionGrams: 'question', alternativesGrams: 'alternatives', shortAnswerGrams: 'shortAnswer', textGrams: 'text' }
/** DocRecord fields that repeat its `doc`. */
const FROM_DOC: Record<string, (d: SearchDocument) => string> = {
  question: (d) => d.question,
  alternatives: (d) => (d.alternatives ?? []).join('\n'),
  shortAnswer: (d) => d.shortAnswer ?? '',
  tags: (d) => (d.tags ?? []).join(' '),
}

function postingsOf(node: RadixJson, out: Map<string, number[]>): void {
  if (node.e && node.d.length > 0) out.set(node.w, [...node.d].sort((a, b) => a - b))
  for (const [, child] of node.c) postingsOf(child, out)
}

const deltas = (ids: number[]) => ids.map((id, i) => (i === 0 ? id : id - (ids[i - 1] ?? 0)))
const undeltas = (ds: number[]) => {
  let at = 0
  return ds.map((d) => (at += d))
}

/** A radix tree JSON built by Orama's own RadixTree from postings. */
function radixFromPostings(words: Map<string, number[]>): RadixJson {
  const scratch = create({ schema: { p: 'string' } as const }) as unknown as { data: { index: { indexes: { p: { node: { constructor: new () => { insert(w: string, id: number): void; toJSON(): RadixJson } } } } } } }
  const Tree = scratch.data.index.indexes.p.node.constructor
  const tree = new Tree()
  for (const [word, ids] of words) for (const id of ids) tree.insert(word, id)
  return tree.toJSON()
}

function sameFrequencies(freqs: unknown, postings: Map<string, number[]>, lengths: Record<string, number>): boolean {
  if (!freqs || typeof freqs !== 'object') return false
  const expected = new Map<string, Set<string>>()
  for (const [word, ids] of postings) for (const id of ids) (expected.get(String(id)) ?? expected.set(String(id), new Set()).get(String(id)))?.add(word)
  const byDoc = freqs as Record<string, Record<string, number> | undefined>
  const docs = Object.keys(byDoc).filter((id) => byDoc[id] && Object.keys(byDoc[id] ?? {}).length > 0)
  if (docs.length !== expected.size) return false
  for (const id of docs) {
    const f = byDoc[id] ?? {}
    const words = expected.get(id)
    const len = lengths[id]
    if (!words || len === undefined || Object.keys(f).length !== words.size) return false
    for (const [w, v] of Object.entries(f)) if (!words.has(w) || v !== 1 / len) return false
  }
  return true
}

function sameOccurrences(occ: unknown, postings: Map<string, number[]>): boolean {
  if (!occ || typeof occ !== 'object') return false
  const o = occ as Record<string, number>
  const keys = Object.keys(o).filter((k) => o[k] !== 0)
  return keys.length === postings.size && keys.every((k) => o[k] === postings.get(k)?.length)
}

function packRaw(raw: RawData, bodies?: Map<string, SearchDocument>): RawData {
  const out = structuredClone(raw) as unknown as RawShape
  const ix = out.index
  for (const [prop, tree] of Object.entries(ix.indexes)) {
    if (tree.type !== 'Radix' || !('node' in tree) || !tree.node) continue
    const postings = new Map<string, number[]>()
    postingsOf(tree.node, postings)
    if (![...postings.keys()].every((w) => w.endsWith(END) && w.indexOf(END) === w.length - 1)) continue
    const lengths = ix.fieldLengths[prop] ?? {}
    if (sameFrequencies(ix.frequencies[prop], postings, lengths)) ix.frequencies[prop] = DERIVED
    if (sameOccurrences(ix.tokenOccurrences[prop], postings)) ix.tokenOccurrences[prop] = DERIVED
    const words = [...postings.keys()].sort()
    ix.indexes[prop] = { type: 'Postings', words: words.map((w) => w.slice(0, -END.length)), ids: words.map((w) => deltas(postings.get(w) ?? [])) }
  }
  for (const rec of Object.values(out.docs.docs)) {
    if (!rec) continue
    // Copies first (they are compared with the field they copy), then what repeats the document.
    for (const [copy, from] of Object.entries(COPIES)) if (copy in rec && rec[copy] === rec[from]) delete rec[copy]
    const doc = rec.doc as SearchDocument | undefined
    if (doc) for (const [field, get] of Object.entries(FROM_DOC)) if (rec[field] === get(doc)) delete rec[field]
    const owner = typeof rec.docKey === 'string' ? bodies?.get(rec.docKey) : undefined
    const source = owner ? (rec.field === 'operatorNotes' ? owner.operatorNotes : owner.body) : undefined
    if (source !== undefined && rec.text === source.slice(Number(rec.start), Number(rec.end))) delete rec.text
  }
  return out as unknown as RawData
}

/** `owned`: the raw data was parsed here, so it is filled in place rather than copied first. */
function unpackRaw(raw: RawData, owned: boolean, bodies?: Map<string, SearchDocument>): RawData {
  const out = (owned ? raw : structuredClone(raw)) as unknown as RawShape
  const ix = out.index
  for (const [prop, tree] of Object.entries(ix.indexes)) {
    if (tree.type !== 'Postings') continue
    const p = tree as Postings
    const postings = new Map<string, number[]>(p.words.map((w, i) => [w + END, undeltas(p.ids[i] ?? [])]))
    ix.indexes[prop] = { type: 'Radix', node: radixFromPostings(postings) }
    const lengths = ix.fieldLengths[prop] ?? {}
    if (ix.frequencies[prop] === DERIVED) {
      const f: Record<string, Record<string, number>> = {}
      for (const [word, ids] of postings) for (const id of ids) (f[id] ??= {})[word] = 1 / (lengths[id] ?? 1)
      ix.frequencies[prop] = f
    }
    if (ix.tokenOccurrences[prop] === DERIVED) ix.tokenOccurrences[prop] = Object.fromEntries([...postings].map(([w, ids]) => [w, ids.length]))
  }
  for (const rec of Object.values(out.docs.docs)) {
    if (!rec) continue
    const doc = rec.doc as SearchDocument | undefined
    if (doc) for (const [field, get] of Object.entries(FROM_DOC)) if (!(field in rec)) rec[field] = get(doc)
    if (typeof rec.docKey === 'string' && !('text' in rec)) {
      const owner = bodies?.get(rec.docKey)
      const source = (rec.field === 'operatorNotes' ? owner?.operatorNotes : owner?.body) ?? ''
      rec.text = source.slice(Number(rec.start), Number(rec.end))
    }
    for (const [copy, from] of Object.entries(COPIES)) if (from in rec && !(copy in rec)) rec[copy] = rec[from]
  }
  return out as unknown as RawData
}

/** The stored document of each key (`kind:id`) of a documents database's raw data. */
function documentsByKey(raw: RawData): Map<string, SearchDocument> {
  const docs = (raw as unknown as RawShape).docs.docs
  return new Map(Object.values(docs).filter((r): r is Loose => !!r && typeof r.id === 'string' && !!r.doc).map((r) => [r.id as string, r.doc as SearchDocument]))
}

/** The index as a JSON string (synonyms, weights and analyzer settings included). */
export function serializeIndex(index: SearchIndex): string {
  const docsRaw = save(index.docsDb)
  const data: SerializedIndex = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    audience: index.audience,
    settings: { ...index.settings, passageChars: index.passageChars },
    weights: { ...index.weights },
    bm25: { ...index.bm25 },
    synonyms: index.analyzer.synonyms.groups,
    facets: index.analyzer.facets.dimensions,
    keys: index.keys(),
    docs: packRaw(docsRaw),
    passages: packRaw(save(index.passagesDb), documentsByKey(docsRaw)),
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
  // A string is parsed here and nobody else holds the result: restore it in place (a deep copy of
  // the whole index was a large part of the restore time). A caller's object is copied first.
  const owned = typeof raw === 'string'
  try {
    data = (typeof raw === 'string' ? JSON.parse(raw) : raw) as SerializedIndex
  } catch (error) {
    throw new SerializedIndexError(`not a serialized index (invalid JSON: ${(error as Error).message})`)
  }
  if (!data || typeof data !== 'object' || data.format !== INDEX_FORMAT) throw new SerializedIndexError(`not a serialized index (format is not ${INDEX_FORMAT})`)
  if (data.version !== INDEX_VERSION) throw new SerializedIndexError(`serialized index version ${String(data.version)} is not supported (expected ${INDEX_VERSION}); rebuild the index`)
  if (!data.docs || !data.passages || !Array.isArray(data.keys)) throw new SerializedIndexError('serialized index is incomplete (docs, passages or keys missing)')
  const opts: SearchIndexOptions = {
    audience: data.audience,
    words: data.settings.words,
    bigrams: data.settings.bigrams,
    stripFillers: data.settings.stripFillers,
    passageChars: data.settings.passageChars,
    weights: { ...data.weights, ...options.weights },
    bm25: data.bm25,
    synonyms: options.synonyms ?? data.synonyms,
    facets: options.facets ?? data.facets ?? [],
    segmenter: options.segmenter,
  }
  // The analyzer is rebuilt first so that both databases get the same tokenizer.
  const probe = new SearchIndex(opts)
  const tokenizer = createOramaTokenizer(probe.analyzer)
  const docs = createDb(DOC_SCHEMA, tokenizer)
  const passages = createDb(PASSAGE_SCHEMA, tokenizer)
  try {
    const docsRaw = unpackRaw(data.docs, owned)
    load(docs, docsRaw)
    load(passages, unpackRaw(data.passages, owned, documentsByKey(docsRaw)))
  } catch (error) {
    throw new SerializedIndexError(`serialized index could not be loaded: ${(error as Error).message}`)
  }
  return new SearchIndex(opts, { docs, passages, keys: data.keys, analyzer: probe.analyzer })
}

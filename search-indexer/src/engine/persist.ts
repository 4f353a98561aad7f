/**
 * Saving and restoring an index. Uses Orama's core `save(db)` and `load(create({schema,
 * components: {tokenizer}}), raw)`: the data-persistence plugin drops custom tokenizers (a restored
 * index then finds nothing), see STACK-NOTES gotcha 6. The result is one JSON string, the same in
 * Node and the browser.
 */
import { load, save, type RawData } from '@orama/orama'

import type { SynonymGroupLike } from '../analyzer/synonyms'
import { SerializedIndexError } from '../errors'
import type { Audience } from './document'
import {
  DOC_SCHEMA,
  PASSAGE_SCHEMA,
  SearchIndex,
  createDb,
  createOramaTokenizer,
  type Bm25Params,
  type RankingWeights,
  type SearchIndexOptions,
} from './search-index'

export const INDEX_FORMAT = 'kotae-search-index'
export const INDEX_VERSION = 2

export type SerializedIndex = {
  format: typeof INDEX_FORMAT
  version: typeof INDEX_VERSION
  audience: Audience
  settings: { words?: boolean; bigrams?: boolean; stripFillers?: boolean; passageChars: number }
  weights: RankingWeights
  bm25: Bm25Params
  synonyms: { terms: string[] }[]
  keys: string[]
  docs: RawData
  passages: RawData
}

/**
 * Orama's raw data, made smaller for the wire and restored exactly on load:
 *  - per-document term frequencies are all 1 / field length (our tokenizer gives each token once
 *    per field), so only the token lists are kept;
 *  - the `…Grams` copies of stored texts are dropped (they equal the field they copy).
 * Anything that does not fit these rules is kept as Orama wrote it.
 */
type Loose = Record<string, unknown>
const TOKEN_SEP = '\ue002'
const COPIES: Record<string, string> = { questionGrams: 'question', alternativesGrams: 'alternatives', shortAnswerGrams: 'shortAnswer', textGrams: 'text' }

function packRaw(raw: RawData): RawData {
  const out = structuredClone(raw) as unknown as { index: { frequencies: Record<string, Record<string, unknown>>; fieldLengths: Record<string, Record<string, number>> }; docs: { docs: Record<string, Loose> } }
  for (const [prop, byDoc] of Object.entries(out.index.frequencies)) {
    const lengths = out.index.fieldLengths[prop] ?? {}
    const packed: Record<string, unknown> = {}
    for (const [id, freqs] of Object.entries(byDoc)) {
      const tokens = freqs && typeof freqs === 'object' ? Object.keys(freqs) : []
      const len = lengths[id]
      const uniform = len !== undefined && tokens.length === len && tokens.every((t) => (freqs as Record<string, number>)[t] === 1 / len) && tokens.every((t) => !t.includes(TOKEN_SEP))
      packed[id] = uniform ? tokens.join(TOKEN_SEP) : freqs
    }
    out.index.frequencies[prop] = packed
  }
  for (const doc of Object.values(out.docs.docs)) {
    for (const [copy, from] of Object.entries(COPIES)) if (doc && copy in doc && doc[copy] === doc[from]) delete doc[copy]
  }
  return out as unknown as RawData
}

function unpackRaw(raw: RawData): RawData {
  const out = structuredClone(raw) as unknown as { index: { frequencies: Record<string, Record<string, unknown>>; fieldLengths: Record<string, Record<string, number>> }; docs: { docs: Record<string, Loose> } }
  for (const [prop, byDoc] of Object.entries(out.index.frequencies)) {
    const lengths = out.index.fieldLengths[prop] ?? {}
    for (const [id, value] of Object.entries(byDoc)) {
      if (typeof value !== 'string') continue
      const len = lengths[id] ?? 0
      byDoc[id] = Object.fromEntries((value ? value.split(TOKEN_SEP) : []).map((t) => [t, 1 / len]))
    }
  }
  for (const doc of Object.values(out.docs.docs)) {
    for (const [copy, from] of Object.entries(COPIES)) if (doc && from in doc && !(copy in doc)) doc[copy] = doc[from]
  }
  return out as unknown as RawData
}

/** The index as a JSON string (synonyms, weights and analyzer settings included). */
export function serializeIndex(index: SearchIndex): string {
  const data: SerializedIndex = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    audience: index.audience,
    settings: { ...index.settings, passageChars: index.passageChars },
    weights: { ...index.weights },
    bm25: { ...index.bm25 },
    synonyms: index.analyzer.synonyms.groups,
    keys: index.keys(),
    docs: packRaw(save(index.docsDb)),
    passages: packRaw(save(index.passagesDb)),
  }
  return JSON.stringify(data)
}

export type LoadOptions = Pick<SearchIndexOptions, 'segmenter' | 'weights'> & {
  /** Synonym groups to use from now on. Default: the ones saved with the index. */
  synonyms?: readonly SynonymGroupLike[]
}

/** Restores an index from {@link serializeIndex}'s output (a string or the parsed object). */
export function loadSerializedIndex(raw: string | SerializedIndex, options: LoadOptions = {}): SearchIndex {
  let data: SerializedIndex
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
    segmenter: options.segmenter,
  }
  // The analyzer is rebuilt first so that both databases get the same tokenizer.
  const probe = new SearchIndex(opts)
  const tokenizer = createOramaTokenizer(probe.analyzer)
  const docs = createDb(DOC_SCHEMA, tokenizer)
  const passages = createDb(PASSAGE_SCHEMA, tokenizer)
  try {
    load(docs, unpackRaw(data.docs))
    load(passages, unpackRaw(data.passages))
  } catch (error) {
    throw new SerializedIndexError(`serialized index could not be loaded: ${(error as Error).message}`)
  }
  return new SearchIndex(opts, { docs, passages, keys: data.keys, analyzer: probe.analyzer })
}

import { z } from 'zod'

import { PII_KINDS, type PiiFinding, type PiiKind } from '../types'
import { CLASSES, featuresOf, PER, prevFeature } from './features'

/**
 * A character-level BIO tagger (label O, or B-/I- of a kind, for every character) with hashed features
 * and greedy left-to-right decoding, its weights learned by an averaged perceptron (`train.ts`).
 * Written here, not taken from npm: the sequence taggers there are native bindings (crfsuite: node-gyp,
 * no browser, and the masker runs in both) or plain classifiers with string-keyed weights
 * (wink-perceptron: no sequence decoding, a map lookup per feature); the Japanese NER libraries need
 * downloaded weights or a dictionary. This is a few hundred lines, and its weights come from our own
 * synthetic corpora alone (fabricated snippets, no real person's data, never a call log).
 */

/** Label 0 is O; kind k has B = 1 + 2k and I = 2 + 2k. */
export const LABELS = 1 + 2 * PII_KINDS.length
export const beginOf = (k: number) => 1 + 2 * k
export const kindOfLabel = (label: number): number => (label - 1) >> 1
export const isInside = (label: number) => label > 0 && label % 2 === 0

/** The model file (`weights.json`): hashed feature buckets and their non-zero weights, quantized. */
export const taggerFileSchema = z.strictObject({
  format: z.literal('kotae-pii-tagger/2'),
  kinds: z.array(z.enum(PII_KINDS)),
  hashBits: z.number().int().min(10).max(24),
  scale: z.number().positive(),
  trainedOn: z.array(z.string()),
  seed: z.number().int(),
  epochs: z.number().int().positive(),
  /** Share of training lines read without the rules' labels (so the tagger learns the words too). */
  ruleDropout: z.number().min(0).max(1),
  /**
   * Per kind: a span is kept when its least sure character scores this much above O (chosen on the
   * leave-one-corpus-out figures); a kind not listed is never proposed.
   */
  minMargin: z.partialRecord(z.enum(PII_KINDS), z.number().min(0)),
  /** base64 of records: bucket (uint32 LE), count (uint8), then count × (label uint8, weight int16 LE). */
  weights: z.string(),
})
export type TaggerFile = z.infer<typeof taggerFileSchema>

/**
 * A tagger ready to decode, its weights sparse (most features move only a few labels): a bucket's
 * weights are `label[k]`, `weight[k]` for k from `start[bucket]` (−1: none), `count[bucket]` of them.
 */
export type Tagger = {
  hashBits: number
  start: Int32Array
  count: Uint8Array
  label: Uint8Array
  weight: Float32Array
  minMargin: Partial<Record<PiiKind, number>>
  /** Whether the weights were learned with the rules' labels as features (training `ruleDropout` < 1). */
  readsRules: boolean
  /** Read from a file: every weight is a whole multiple of this (the file's `scale`), summed as integers. */
  quantum?: number
}

export function taggerFromFile(file: TaggerFile): Tagger {
  if (file.kinds.join() !== PII_KINDS.join())
    throw new Error('tagger: weights.json was trained for other kinds')
  const bytes = Uint8Array.from(atob(file.weights), (c) => c.charCodeAt(0))
  const view = new DataView(bytes.buffer)
  const start = new Int32Array(1 << file.hashBits).fill(-1)
  const count = new Uint8Array(1 << file.hashBits)
  let cells = 0
  for (let at = 0; at < bytes.length; at += 5 + 3 * bytes[at + 4]!) cells += bytes[at + 4]!
  const label = new Uint8Array(cells)
  const weight = new Float32Array(cells)
  let k = 0
  for (let at = 0; at < bytes.length; ) {
    const bucket = view.getUint32(at, true)
    const n = bytes[at + 4]!
    if (bucket >= start.length || start[bucket]! >= 0)
      throw new Error(`tagger: weights.json: bad bucket ${bucket}`)
    start[bucket] = k
    count[bucket] = n
    for (let c = 0; c < n; c++, k++) {
      const p = at + 5 + 3 * c
      if (bytes[p]! >= LABELS) throw new Error(`tagger: weights.json: bad label ${bytes[p]}`)
      label[k] = bytes[p]!
      weight[k] = view.getInt16(p + 1, true) * file.scale
    }
    at += 5 + 3 * n
  }
  if (k !== cells) throw new Error('tagger: weights.json: records do not add up')
  return {
    hashBits: file.hashBits,
    start,
    count,
    label,
    weight,
    minMargin: file.minMargin,
    readsRules: file.ruleDropout < 1,
    quantum: file.scale,
  }
}

/** Longest text decoded in one piece; longer text is tagged in pieces cut at a sentence end where one is near. */
const PIECE = 2_000

/**
 * The labels of every character of `text` (width-folded, placeholders blanked), and how sure each is:
 * the chosen label's score above O's (0 where O is chosen).
 */
export function tagLabels(
  tagger: Tagger,
  text: string,
  rules?: Uint8Array,
): { labels: Uint8Array; margins: Float32Array } {
  const out = new Uint8Array(text.length)
  const margins = new Float32Array(text.length)
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + PIECE)
    if (to < text.length) {
      const stop = text.lastIndexOf('。', to)
      if (stop > from + PIECE / 2) to = stop + 1
    }
    const piece = decode(tagger, text.slice(from, to), rules?.subarray(from, to))
    out.set(piece.labels, from)
    margins.set(piece.margins, from)
    from = to
  }
  return { labels: out, margins }
}

// The previous label's feature for each label and character class, hashed once per table size.
const prevTables = new Map<number, Int32Array>()
export function prevTable(hashBits: number): Int32Array {
  let table = prevTables.get(hashBits)
  if (!table) {
    table = new Int32Array(LABELS * CLASSES)
    for (let p = 0; p < LABELS; p++)
      for (let c = 0; c < CLASSES; c++) table[p * CLASSES + c] = prevFeature(p, c, hashBits)
    prevTables.set(hashBits, table)
  }
  return table
}

/**
 * The weights laid out for decoding: per bucket one integer (first cell << 8 | count, 0 for none), and per
 * cell one integer, the weight in the file's units and the label (weight << 5 | label). Decoding a summary reads
 * about 25 buckets and 200 cells per character, most of the masker's time: one array read per cell and integer
 * sums instead of four arrays and floating-point sums. Only for weights read from a file (`quantum`), whole
 * multiples of it; weights fresh from training (`bench:pii-loco`) are decoded as floats.
 */
type Packed = { bucket: Int32Array; cells: Int32Array }
const packedOf = new WeakMap<Tagger, Packed>()
function packed(tagger: Tagger, quantum: number): Packed {
  let p = packedOf.get(tagger)
  if (!p) {
    const { start, count, label, weight } = tagger
    const bucket = new Int32Array(start.length)
    for (let b = 0; b < start.length; b++)
      if (start[b]! >= 0 && count[b]!) bucket[b] = (start[b]! << 8) | count[b]!
    const cells = new Int32Array(label.length)
    for (let k = 0; k < label.length; k++) cells[k] = (Math.round(weight[k]! / quantum) << 5) | label[k]!
    p = { bucket, cells }
    packedOf.set(tagger, p)
  }
  return p
}

const metaScratch = new Int32Array(PER * 4_096)
const prevMetasCache = new WeakMap<Tagger, Int32Array>()
/** The bucket of the previous label's feature for each label and character class. */
function prevMetasOf(tagger: Tagger, bucket: Int32Array): Int32Array {
  let m = prevMetasCache.get(tagger)
  if (!m) {
    const ids = prevTable(tagger.hashBits)
    m = Int32Array.from(ids, (id) => (id < 0 ? -1 : bucket[id]!))
    prevMetasCache.set(tagger, m)
  }
  return m
}

function decode(
  tagger: Tagger,
  text: string,
  rules: Uint8Array | undefined,
): { labels: Uint8Array; margins: Float32Array } {
  const { hashBits, start, count, label, weight, quantum } = tagger
  // (the shared arrays: read to the end here, before any other text is decoded)
  const { ids, cls } = featuresOf(text, hashBits, rules, true)
  const prevIds = prevTable(hashBits)
  const n = text.length
  const labels = new Uint8Array(n)
  const margins = new Float32Array(n)
  if (quantum) {
    const { bucket, cells } = packed(tagger, quantum)
    // every position's buckets read first, in one pass of loads that do not wait on each other (the table is
    // larger than a core's cache: read while summing, each load waited for the one before)
    const metas = ids.length <= metaScratch.length ? metaScratch : new Int32Array(ids.length)
    for (let f = 0; f < ids.length; f++) {
      const id = ids[f]!
      metas[f] = id < 0 ? -1 : bucket[id]!
    }
    const prevMetas = prevMetasOf(tagger, bucket)
    const s = new Int32Array(LABELS)
    let prev = 0
    for (let i = 0; i < n; i++) {
      s.fill(0)
      for (let f = i * PER, last = f + PER; f <= last; f++) {
        const b = f === last ? prevMetas[prev * CLASSES + cls[i]!]! : metas[f]!
        if (b < 0) {
          f = last - 1
          continue
        }
        if (b === 0) continue
        for (let k = b >>> 8, end = k + (b & 255); k < end; k++) {
          const c = cells[k]!
          s[c & 31]! += c >> 5
        }
      }
      prev = best(s, prev)
      labels[i] = prev
      margins[i] = (s[prev]! - s[0]!) * quantum
    }
    return { labels, margins }
  }
  const s = new Float64Array(LABELS)
  let prev = 0
  for (let i = 0; i < n; i++) {
    s.fill(0)
    for (let f = i * PER, last = f + PER; f <= last; f++) {
      // the PER features of the position (−1 ends them), then the previous label's
      const id = f === last ? prevIds[prev * CLASSES + cls[i]!]! : ids[f]!
      if (id < 0) {
        f = last - 1
        continue
      }
      const from = start[id]!
      if (from < 0) continue
      for (let k = from, end = from + count[id]!; k < end; k++) s[label[k]!]! += weight[k]!
    }
    prev = best(s, prev)
    labels[i] = prev
    margins[i] = s[prev]! - s[0]!
  }
  return { labels, margins }
}

/** The best label allowed after `prev`: I- of a kind only right after B- or I- of the same kind. */
export function best(s: Float32Array | Float64Array | Int32Array, prev: number): number {
  let arg = 0
  for (let y = 1; y < LABELS; y++) {
    if (isInside(y) && !(prev === y || prev === y - 1)) continue
    if (s[y]! > s[arg]!) arg = y
  }
  return arg
}

/**
 * Spans of the labels (a B- and the I- of its kind after it), each with its weakest character's margin
 * over O (`sure`).
 */
export function spansOf({
  labels,
  margins,
}: {
  labels: Uint8Array
  margins: Float32Array
}): (PiiFinding & { sure: number })[] {
  const out: (PiiFinding & { sure: number })[] = []
  for (let i = 0; i < labels.length; ) {
    const l = labels[i]!
    if (l === 0 || isInside(l)) {
      i++
      continue
    }
    let j = i + 1
    let sure = margins[i]!
    while (j < labels.length && labels[j] === l + 1) sure = Math.min(sure, margins[j++]!)
    out.push({ kind: PII_KINDS[kindOfLabel(l)] as PiiKind, start: i, end: j, sure })
    i = j
  }
  return out
}

/** The rules' findings as labels of every character (the tagger's feature `rules`). */
export function ruleLabels(length: number, found: readonly PiiFinding[]): Uint8Array {
  const out = new Uint8Array(length)
  for (const f of found) {
    const b = beginOf(PII_KINDS.indexOf(f.kind))
    if (f.start < length) out[f.start] = b
    out.fill(b + 1, f.start + 1, Math.min(f.end, length))
  }
  return out
}

/** The tagger's spans in `text` (width-folded, placeholders blanked), with how sure each is. */
export const tag = (tagger: Tagger, text: string, rules?: Uint8Array) =>
  spansOf(tagLabels(tagger, text, rules))

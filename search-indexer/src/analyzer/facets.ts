/**
 * Facets: what a question is about, by dimension — who (本人, お子さま, 代理人 …), what (カード本体,
 * 電子証明書, 暗証番号 …), action (更新, 紛失, 転入, 転出 …) and when/where (海外, 年末年始). The
 * vocabulary is content's `facets.yaml` (editable); each value has surface forms (kanji, kana,
 * dialect, typos). A text's facets are the values whose forms it contains, matched on normalized
 * text longest form first, so that a form inside a longer form of another value does not count
 * (市内で引っ越し is move-within, not move-out). The ranking rewards a document that agrees with the
 * query's facets and punishes one that contradicts them (engine/facet-score.ts). Browser-safe.
 */
import { normalizeText } from './normalize'

/** The shape the analyzer needs; content's `FacetDimension` fits it. */
export type FacetDimensionLike = {
  readonly id: string
  readonly name: string
  readonly values: readonly {
    readonly id: string
    readonly name: string
    readonly forms: readonly string[]
  }[]
  /** Found in questions only: a document's text never gives it (see {@link FacetVocabulary.detect}). */
  readonly questionOnly?: boolean
}

/** Dimension id → value ids found (only dimensions with at least one value). */
export type FacetValues = Record<string, string[]>

type Form = { key: string; dimension: string; value: string }

export class FacetVocabulary {
  readonly dimensions: FacetDimensionLike[]
  private readonly forms: Form[]

  constructor(dimensions: readonly FacetDimensionLike[] = []) {
    this.dimensions = dimensions
      .filter((d) => d && typeof d.id === 'string' && Array.isArray(d.values))
      .map((d) => ({
        id: d.id,
        name: d.name,
        values: d.values.map((v) => ({ id: v.id, name: v.name, forms: [...v.forms] })),
        ...(d.questionOnly ? { questionOnly: true } : {}),
      }))
    this.forms = []
    for (const d of this.dimensions) {
      for (const v of d.values) {
        for (const f of v.forms) {
          const key = normalizeText(f).replace(/\s+/gu, '')
          if (key) this.forms.push({ key, dimension: d.id, value: v.id })
        }
      }
    }
    this.forms.sort((a, b) => b.key.length - a.key.length)
  }

  get size(): number {
    return this.dimensions.length
  }

  /**
   * The facets of a text (any text; it is normalized here). For a document's text (`document`),
   * the question-only dimensions are left out; their forms still take their spans, so a document
   * reads the same words as a question would.
   */
  detect(text: string, { document = false }: { document?: boolean } = {}): FacetValues {
    const out: FacetValues = {}
    if (!text || this.forms.length === 0) return out
    const normalized = normalizeText(text).replace(/\s+/gu, '')
    const taken = new Array<boolean>(normalized.length).fill(false)
    for (const f of this.forms) {
      let from = 0
      for (;;) {
        const at = normalized.indexOf(f.key, from)
        if (at < 0) break
        from = at + 1
        const end = at + f.key.length
        let free = true
        for (let i = at; i < end && free; i++) if (taken[i]) free = false
        if (!free) continue
        for (let i = at; i < end; i++) taken[i] = true
        const values = out[f.dimension] ?? []
        out[f.dimension] = values
        if (!values.includes(f.value)) values.push(f.value)
      }
    }
    if (document) for (const d of this.dimensions) if (d.questionOnly) delete out[d.id]
    return out
  }

  /** A value's name for people (e.g. 転入), or the id when unknown. */
  nameOf(dimension: string, value: string): string {
    return this.dimensions.find((d) => d.id === dimension)?.values.find((v) => v.id === value)?.name ?? value
  }
}

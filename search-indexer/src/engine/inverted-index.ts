/**
 * An inverted index of records with text fields: per field, the records that hold each token and
 * each record's length in tokens — what BM25 (bm25.ts) and minimum should match (min-match.ts)
 * read. Written here rather than taken from a library (decision 0032): the engine needs exact-token
 * postings and field statistics it can read directly, for token lists it analyzed itself; Orama gave
 * them only through its private fields. Each record holds a token at most once per field, so a
 * token's document frequency is the size of its postings and the term frequency is 1 / length.
 *
 * Records get small integer ids in the order they are first added (a key added again keeps its
 * id), so scores can live in a dense array and ties break by age, as they always did.
 */
export type FieldStats = {
  /** Token → ids of the records that hold it. */
  readonly postings: ReadonlyMap<string, ReadonlySet<number>>
  /** Length in tokens by record id. */
  readonly lengths: readonly number[]
  /** Mean length over the records held (0 when none). */
  readonly averageLength: number
}

type Field = { postings: Map<string, Set<number>>; lengths: number[]; total: number }

/** Tokens of a record, by field name (a missing field has none). */
export type FieldTokens = Readonly<Record<string, Iterable<string>>>

export class InvertedIndex<R> {
  private readonly records: (R | undefined)[] = []
  private readonly keys: string[] = []
  private readonly ids = new Map<string, number>()
  private readonly fields = new Map<string, Field>()
  private held = 0

  constructor(fieldNames: readonly string[]) {
    for (const name of fieldNames) this.fields.set(name, { postings: new Map(), lengths: [], total: 0 })
  }

  /** Records held. */
  get count(): number {
    return this.held
  }

  /** One more than the largest id ever given: the size of an array indexed by id. */
  get capacity(): number {
    return this.records.length
  }

  /** Adds a record under a key that is not held now (remove it first). Returns its id. */
  add(key: string, record: R, tokens: FieldTokens): number {
    if (this.get(key) !== undefined) throw new Error(`${key} is in the index already`)
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.records.length
      this.ids.set(key, id)
      this.keys.push(key)
    }
    this.records[id] = record
    this.held++
    for (const [name, field] of this.fields) {
      const distinct = new Set(tokens[name] ?? [])
      field.lengths[id] = distinct.size
      field.total += distinct.size
      for (const token of distinct) {
        const ids = field.postings.get(token)
        if (ids) ids.add(id)
        else field.postings.set(token, new Set([id]))
      }
    }
    return id
  }

  /** Removes a record, given the tokens it was added with. Returns whether it was held. */
  remove(key: string, tokens: FieldTokens): boolean {
    const id = this.idOf(key)
    if (id === undefined) return false
    this.records[id] = undefined
    this.held--
    for (const [name, field] of this.fields) {
      field.total -= field.lengths[id] ?? 0
      field.lengths[id] = 0
      for (const token of new Set(tokens[name] ?? [])) {
        const ids = field.postings.get(token)
        ids?.delete(id)
        if (ids?.size === 0) field.postings.delete(token)
      }
    }
    return true
  }

  /** The id of a held record. */
  idOf(key: string): number | undefined {
    const id = this.ids.get(key)
    return id !== undefined && this.records[id] !== undefined ? id : undefined
  }

  get(key: string): R | undefined {
    const id = this.ids.get(key)
    return id === undefined ? undefined : this.records[id]
  }

  record(id: number): R | undefined {
    return this.records[id]
  }

  /** The key of a held record's id. */
  keyOf(id: number): string | undefined {
    return this.records[id] === undefined ? undefined : this.keys[id]
  }

  /** The records held, oldest id first. */
  *entries(): Generator<[key: string, record: R, id: number]> {
    for (let id = 0; id < this.records.length; id++) {
      const record = this.records[id]
      if (record !== undefined) yield [this.keys[id]!, record, id]
    }
  }

  /** Ids of the held records that pass `test`. */
  idsWhere(test: (record: R) => boolean): Set<number> {
    const out = new Set<number>()
    this.records.forEach((record, id) => {
      if (record !== undefined && test(record)) out.add(id)
    })
    return out
  }

  /** A field's postings and lengths. */
  field(name: string): FieldStats | undefined {
    const f = this.fields.get(name)
    return (
      f && {
        postings: f.postings,
        lengths: f.lengths,
        averageLength: this.held > 0 ? f.total / this.held : 0,
      }
    )
  }

  /**
   * The tokens a held record has in `field`, read from the postings (a scan of the field's
   * vocabulary): for a field whose text a record does not keep (persist.ts saves no asked-before
   * text), so that it can still be removed.
   */
  tokensOf(key: string, field: string): string[] {
    const id = this.idOf(key)
    const f = this.fields.get(field)
    if (id === undefined || !f) return []
    return [...f.postings].filter(([, ids]) => ids.has(id)).map(([token]) => token)
  }

  /** Ids of the records whose `field` holds `token`. */
  postings(field: string, token: string): ReadonlySet<number> | undefined {
    return this.fields.get(field)?.postings.get(token)
  }

  /** Share of the records whose `field` holds `token` (0 when none does). */
  share(field: string, token: string): number {
    return this.held > 0 ? (this.postings(field, token)?.size ?? 0) / this.held : 0
  }

  /**
   * An index of `records` (their ids are their positions) with each field's postings given as
   * token → ids; lengths follow from the postings. Throws on an id that names no record.
   */
  static restore<R>(
    fieldNames: readonly string[],
    records: readonly [key: string, record: R][],
    postings: Readonly<Record<string, Iterable<[string, readonly number[]]>>>,
  ): InvertedIndex<R> {
    const index = new InvertedIndex<R>(fieldNames)
    for (const [key, record] of records) {
      if (index.ids.has(key)) throw new Error(`${key} is saved twice`)
      index.ids.set(key, index.records.length)
      index.keys.push(key)
      index.records.push(record)
    }
    index.held = records.length
    for (const [name, field] of index.fields) {
      field.lengths = new Array<number>(records.length).fill(0)
      for (const [token, list] of postings[name] ?? []) {
        const ids = new Set(list)
        for (const id of ids) {
          if (!Number.isInteger(id) || id < 0 || id >= records.length)
            throw new Error(`${name}: token ${token} names record ${id} of ${records.length}`)
          field.lengths[id]!++
        }
        if (ids.size > 0) field.postings.set(token, ids)
        field.total += ids.size
      }
    }
    return index
  }
}

/** Named errors of the search indexer, so callers can tell them apart with `instanceof`. */

export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/** A document that cannot be indexed (no id, an unknown kind, …). */
export class InvalidDocumentError extends SearchIndexError {}

/** A document that the index's audience must not hold (an operator-only FAQ in a public index). */
export class AudienceError extends SearchIndexError {}

/** A serialized index that cannot be read (not JSON, another format or version). */
export class SerializedIndexError extends SearchIndexError {}

/** A malformed eval file (JSONL): names the file and the line. */
export class EvalFileError extends SearchIndexError {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${detail}` : `${file}: ${detail}`)
  }
}

/** Bad command-line arguments. */
export class UsageError extends SearchIndexError {}

import { createHash } from 'node:crypto'

/** A stable digest of a content file's data: keys sorted so that YAML key order does not matter. */
export function contentHash(value: unknown): string {
  const canonical = JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  )
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32)
}

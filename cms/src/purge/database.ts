/**
 * The one interface the purge needs from either engine: queries with `?` placeholders, one
 * transaction, the table list, the identity for the certificate, and the vacuum.
 */
export type DatabaseIdentity =
  | { kind: 'sqlite'; path: string; sqliteVersion: string; bytes: number }
  | { kind: 'postgres'; serverVersion: string; database: string; systemIdentifier: string | null }

export interface PurgeDatabase {
  readonly kind: 'sqlite' | 'postgres'
  /** A message's name for the database (PostgreSQL's password hidden). */
  readonly label: string
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  /** Runs `fn` in one transaction: all its writes or none. */
  transaction<T>(fn: () => Promise<T>): Promise<T>
  /** Tables outside the engine's own, sorted. */
  tables(): Promise<string[]>
  /** Rows of every table, by name. */
  counts(): Promise<Record<string, number>>
  identity(): Promise<DatabaseIdentity>
  /** Other sessions on the database (PostgreSQL), which would keep writing or hold locks. */
  otherSessions(): Promise<number>
  /** Gives deleted rows' pages back: SQLite VACUUM and WAL truncation, PostgreSQL VACUUM FULL. Returns what it ran. */
  vacuum(tables: string[]): Promise<string>
  close(): Promise<void>
}

export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`

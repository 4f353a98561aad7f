/**
 * Which tables a purge empties. Decided by name, so a table a later migration adds is emptied
 * unless it is listed here as content or schema: an unknown table is never silently kept.
 */

/** Payload's record of applied migrations: the schema stays, so the installation still starts. */
const SCHEMA_TABLES = ['payload_migrations'] as const

/** Staff accounts: all rows but the kept user's (users_roles follows users; users_sessions is emptied). */
const USER_TABLES = ['users', 'users_roles'] as const

/**
 * The curated knowledge (FAQs, guides, categories, sources, synonyms, city profile) with their
 * arrays, relations and versions: kept with --keep-content, emptied otherwise.
 */
const CONTENT_ROOTS = [
  'faqs',
  '_faqs_v',
  'guides',
  '_guides_v',
  'categories',
  'sources',
  'synonyms',
  'city_profile',
] as const

export type TableAction = 'emptied' | 'kept-content' | 'kept-schema' | 'kept-user'

function isContentTable(table: string): boolean {
  return CONTENT_ROOTS.some((root) => table === root || table.startsWith(`${root}_`))
}

/** What the purge does with a table. */
export function tableAction(table: string, keepContent: boolean): TableAction {
  if ((SCHEMA_TABLES as readonly string[]).includes(table)) return 'kept-schema'
  if ((USER_TABLES as readonly string[]).includes(table)) return 'kept-user'
  if (keepContent && isContentTable(table)) return 'kept-content'
  return 'emptied'
}

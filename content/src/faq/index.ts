/** One FAQ's shape and its hand-overs (CSV record, site entry); the CMS's half is cms/src/faq/. */
export * from './csv'
export * from './entry'
export * from './readings'
export * from './site'

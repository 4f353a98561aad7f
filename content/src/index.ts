export * from './schema'
export * from './problems'
export * from './load'
export * from './validate'

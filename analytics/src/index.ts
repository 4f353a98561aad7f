export * from './pii'

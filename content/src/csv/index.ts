/** FAQ CSV interchange (docs/decisions/0010-faq-csv.md): the format, reading and writing. */
export * from './columns'
export * from './encoding'
export * from './escape'
export * from './machineDependent'
export * from './problems'
export * from './read'
export * from './write'
export { faqRowSchema, type CityIdentity } from './record'

// Everything in index.ts plus the Node-only streaming CSV parser and decoder.
export * from './index'
export { createCallerHasher } from './callerHash.node.ts'
export { CsvDecoder, type DetectedEncoding, type RequestedEncoding } from './decode.node.ts'
export {
  parseTelephonyCsv,
  validateTelephonyCsv,
  importTelephonyCsv,
  readTelephonyCsv,
  type TelephonyReadResult,
  type TelephonyCsvSource,
  type TelephonyCsvOptions,
  type TelephonyParseResult,
  type TelephonyValidateResult,
  type TelephonyImportResult,
  type TelephonyFailure,
  type MappingArgument,
} from './parse.node.ts'

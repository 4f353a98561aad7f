// Everything in index.ts plus the Node-only streaming CSV parser and decoder.
export * from './index'
export { CsvDecoder, type DetectedEncoding, type RequestedEncoding } from './decode.node.ts'
export {
  parseTelephonyCsv,
  validateTelephonyCsv,
  importTelephonyCsv,
  type TelephonyCsvSource,
  type TelephonyCsvOptions,
  type TelephonyParseResult,
  type TelephonyValidateResult,
  type TelephonyImportResult,
  type TelephonyFailure,
  type MappingArgument,
} from './parse.node.ts'

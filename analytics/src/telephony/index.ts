// Pure: mapping, timestamps, row reading. The streaming CSV parser (Node) is in index.node.ts.
export {
  TelephonyMappingSchema,
  parseTelephonyMapping,
  TELEPHONY_FIELDS,
  TELEPHONY_TIME_FIELDS,
  type TelephonyField,
  type TelephonyMapping,
  type TelephonyMappingInput,
} from './mapping'
export { compileTimestampParser, wallClockToUtc, isUsableTimeZone, type TimestampParser } from './timestamp'
export {
  TELEPHONY_ERROR_MESSAGES,
  telephonyError,
  type TelephonyErrorCode,
  type TelephonyImportError,
} from './errors'
export {
  createTelephonyRowReader,
  type TelephonyRowReader,
  type TelephonyRowReaderOptions,
  type EncodingTrouble,
} from './rows'
export { linkCallsToTelephony, type LinkOptions, type LinkResult, type CallTelephonyLink } from './link'

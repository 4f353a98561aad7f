export * from './types'
export * from './errors'
export * from './mapping'
export { parseOffset, formatOffset } from './cueTime'
export {
  parseTranscriptText,
  detectFormat,
  parseStartedAt,
  checkSegments,
  type LinedTranscript,
  type ParseResult,
} from './parse'

export * from './index'
export { readTranscriptFile, MAX_TRANSCRIPT_FILE_BYTES, type TranscriptFileResult } from './read.node.ts'

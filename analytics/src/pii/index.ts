export * from './types'
export { foldWidth } from './fold'
export { isValidMyNumber, myNumberCheckDigit } from './myNumber'
export { findPii, maskPii, type MaskOptions } from './mask'

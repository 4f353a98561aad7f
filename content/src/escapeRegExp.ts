/** A string as a regular expression that matches it literally (for building patterns from text). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

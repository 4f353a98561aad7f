/**
 * The language a question is asked in, for rankings that hold translations (the desk, `ask`): a
 * question with any Japanese script is Japanese, and an English translation is then not a result
 * of its own (it would take a top-3 place from another answer; the desk shows a translation beside
 * its original). Latin-only text may be English or romaji Japanese (mainanba-kaado): both stay.
 */
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/** `ja` for a question with Japanese script, else undefined (every locale). */
export const queryLocale = (query: string): 'ja' | undefined =>
  typeof query === 'string' && JAPANESE.test(query) ? 'ja' : undefined

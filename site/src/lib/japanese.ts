/**
 * Japanese on English pages (decision 0047). Dependency-free, so the islands bundle it too.
 *
 * - {@link JAPANESE} is the one rule for "Japanese text": a kana or kanji character. The English
 *   page walk (test/english-pages.test.ts) fails on such a character outside a `lang="ja"` element.
 * - {@link japaneseRuns} cuts an English text into runs so the Japanese terms English text keeps on
 *   purpose ("the Citizens Division (市民課)") can be marked `lang="ja"`: screen readers then read
 *   them in Japanese. Only English text (en.ts, English FAQs and the content's `…En` fields) is cut
 *   this way; Japanese content shown as a fallback is marked as a whole by its template.
 * - {@link inLocale} picks a content field's English sibling on English pages, else the Japanese.
 */

/** A kana or kanji character: what makes a text Japanese. */
export const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

// A run starts and ends with kana or kanji and may hold what Japanese writes between them
// (ー・、。「」（）～, digits, full-width forms): 「第1・第3木曜日」 stays one run.
const RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}](?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・、。「」『』（）～〜0-9０-９\u3000-\u303f\uff01-\uff5e]*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])?/gu

export type Run = { text: string; ja: boolean }

/** An English text as runs of Japanese and the rest, in order; joined they give the text back. */
export function japaneseRuns(text: string): Run[] {
  const runs: Run[] = []
  let at = 0
  for (const m of text.matchAll(RUN)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index), ja: false })
    runs.push({ text: m[0], ja: true })
    at = m.index + m[0].length
  }
  if (at < text.length) runs.push({ text: text.slice(at), ja: false })
  return runs
}

export type Phrase = { text: string; lang: 'ja' | 'en' }

/** The English sibling on English pages when the content has one; otherwise the Japanese, as Japanese. */
export function inLocale(locale: 'ja' | 'en', ja: string, en: string | undefined): Phrase {
  return locale === 'en' && en ? { text: en, lang: 'en' } : { text: ja, lang: 'ja' }
}

/**
 * Small kana and their full-size forms (ぁ → あ, っ → つ): callers and IMEs write either, so the
 * search analyzer and the facet vocabulary's form keys fold them the same way.
 */
export const SMALL_KANA: Record<string, string> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
  ゕ: 'か',
  ゖ: 'け',
}

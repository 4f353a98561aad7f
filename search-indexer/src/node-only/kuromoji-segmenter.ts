/**
 * A word segmenter backed by kuromoji, used only to compare it with `Intl.Segmenter` on the eval
 * sets (see docs-decision-tokenizer.md). Node only (see kuromoji.ts).
 */
import type { WordSegmenter } from '../analyzer/tokenize'
import { loadKuromoji } from './kuromoji'

export type KuromojiMode = 'surface' | 'basic' | 'content'

/** Loads kuromoji and returns a segmenter: surface forms, base forms, or base forms of content words. */
export async function loadKuromojiSegmenter(mode: KuromojiMode = 'surface'): Promise<WordSegmenter> {
  const tokenizer = await loadKuromoji()
  return (text) => {
    const out: string[] = []
    for (const t of tokenizer.tokenize(text)) {
      if (!t.surface_form.trim()) continue
      if (mode === 'surface') out.push(t.surface_form)
      else if (mode === 'basic')
        out.push(t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form)
      else if (/^(名詞|動詞|形容詞|副詞|接頭詞|未知語)/u.test(t.pos))
        out.push(t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form)
    }
    return out
  }
}

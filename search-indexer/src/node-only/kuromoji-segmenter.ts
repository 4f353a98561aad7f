/**
 * A word segmenter backed by kuromoji (a devDependency), used only to compare it with
 * `Intl.Segmenter` on the eval sets (see docs-decision-tokenizer.md). Node only: it reads the
 * dictionary (~17 MB gzip, ~0.7 s and +330 MB to load) from node_modules.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

import type { WordSegmenter } from '../analyzer/tokenize'

type KuromojiToken = { surface_form: string; basic_form: string; pos: string }
type KuromojiTokenizer = { tokenize(text: string): KuromojiToken[] }
type Kuromoji = { builder(o: { dicPath: string }): { build(cb: (err: Error | null, t: KuromojiTokenizer) => void): void } }

export type KuromojiMode = 'surface' | 'basic' | 'content'

/** Loads kuromoji and returns a segmenter: surface forms, base forms, or base forms of content words. */
export async function loadKuromojiSegmenter(mode: KuromojiMode = 'surface'): Promise<WordSegmenter> {
  const require = createRequire(import.meta.url)
  const kuromoji = require('kuromoji') as Kuromoji
  const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict')
  const tokenizer = await new Promise<KuromojiTokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t)))
  })
  return (text) => {
    const out: string[] = []
    for (const t of tokenizer.tokenize(text)) {
      if (!t.surface_form.trim()) continue
      if (mode === 'surface') out.push(t.surface_form)
      else if (mode === 'basic') out.push(t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form)
      else if (/^(名詞|動詞|形容詞|副詞|接頭詞|未知語)/u.test(t.pos)) out.push(t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form)
    }
    return out
  }
}

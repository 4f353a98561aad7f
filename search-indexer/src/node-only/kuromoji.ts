/**
 * kuromoji (a devDependency) with the dictionary its npm package ships: nothing is downloaded.
 * Node only: it reads the dictionary (~17 MB gzip, ~0.7 s and +330 MB to load) from node_modules.
 * Used to compare segmenters (compare-tokenizers) and to propose reading synonyms.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

export type KuromojiToken = {
  surface_form: string
  basic_form: string
  pos: string
  pos_detail_1: string
  conjugated_form: string
  /** Katakana reading; absent for unknown words. */
  reading?: string
}
export type KuromojiTokenizer = { tokenize(text: string): KuromojiToken[] }
type Kuromoji = {
  builder(o: { dicPath: string }): { build(cb: (err: Error | null, t: KuromojiTokenizer) => void): void }
}

/** Loads kuromoji's tokenizer from its bundled dictionary. */
export async function loadKuromoji(): Promise<KuromojiTokenizer> {
  const require = createRequire(import.meta.url)
  const kuromoji = require('kuromoji') as Kuromoji
  const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict')
  return new Promise((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t))),
  )
}

/**
 * Furigana at build time: kuromoji's dictionary (the one the reading synonyms use, shipped in its
 * npm package) reads each word; `furigana/ruby.ts` cuts the text into ruby segments. Node only.
 */
import { rubySegments, type RubySegment } from '../furigana/ruby'
import { loadKuromoji, type KuromojiToken } from './kuromoji'

export type Furigana = (text: string, overrides?: ReadonlyMap<string, string>) => RubySegment[]

let loading: Promise<Furigana> | undefined

/**
 * Two words IPADIC reads by cost, not by sense, and that our answers use one way: 方 standing alone
 * after a verb or の is a person (1歳未満の方は, 住民票がある方: かた; a comparison such as 期限の方が
 * 早い is a city override), and 間 standing alone is あいだ (有効な間は), except in 間に合う.
 */
function contextReading(t: KuromojiToken, next: KuromojiToken | undefined): string | undefined {
  if (t.surface_form === '方' && t.pos === '名詞' && t.pos_detail_1 === '非自立') return 'カタ'
  if (t.surface_form === '間' && t.pos === '名詞' && !/^(に)?合/.test(next?.surface_form ?? ''))
    return 'アイダ'
  return undefined
}

/** The furigana function, with kuromoji loaded once per process (~0.7 s). */
export function loadFurigana(): Promise<Furigana> {
  loading ??= loadKuromoji().then((tokenizer) => {
    const tokenize = (text: string) => {
      const tokens = tokenizer.tokenize(text)
      return tokens.map((t, i) => {
        const reading =
          contextReading(t, tokens[i + 1]) ?? (t.reading && t.reading !== '*' ? t.reading : undefined)
        return { surface: t.surface_form, ...(reading ? { reading } : {}) }
      })
    }
    return (text, overrides) => rubySegments(text, tokenize, overrides)
  })
  return loading
}

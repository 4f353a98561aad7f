/**
 * An English text with its Japanese terms marked `lang="ja"` (lib/japanese.ts); `lang` is the language
 * the text is written in, so a Japanese page's strings pass through as they are. A React component
 * so the islands and the Astro templates (which render it to static HTML, no script) share it.
 */
import { japaneseRuns, type Phrase } from '../lib/japanese'

export default function Marked({ text, lang = 'en' }: { text: string; lang?: 'ja' | 'en' }) {
  if (lang === 'ja') return text
  return (
    <>
      {japaneseRuns(text).map((r, i) =>
        r.ja ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one fixed text, never reordered
          <span key={i} lang="ja">
            {r.text}
          </span>
        ) : (
          r.text
        ),
      )}
    </>
  )
}

/** A content text in its language (lib/japanese.ts `inLocale`): English with its Japanese terms marked. */
export function PhraseText({ phrase }: { phrase: Phrase }) {
  return phrase.lang === 'en' ? <Marked text={phrase.text} /> : phrase.text
}

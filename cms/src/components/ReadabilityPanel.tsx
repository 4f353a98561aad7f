'use client'

import {
  EASY_LIMITS,
  type Flag,
  type Readability,
  readabilityOf,
} from '@kotae/content/readability/readability'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { useFormFields } from '@payloadcms/ui'
import { useEffect, useId, useState } from 'react'

/** Wait this long after the last keystroke before the figures are computed again. */
const DEBOUNCE_MS = 400

/** Japanese names of the rules that flag a sentence (content/src/readability). */
const RULE_LABELS: Record<Flag['rule'], string> = {
  'long-sentence': '長い文',
  'kanji-run': '漢字の連続',
  'double-negative': '二重否定',
  'honorific-stacking': '二重敬語',
}

type Figures = { answer: Readability; shortAnswer: Readability; easy?: Readability }

/** Rich text as text (paragraphs and list items on their own lines); '' for none. */
const plainOf = (richText: unknown): string =>
  richText && typeof richText === 'object' && 'root' in richText
    ? convertLexicalToPlaintext({
        data: richText as Parameters<typeof convertLexicalToPlaintext>[0]['data'],
      }).trim()
    : ''

/** The answer, the short answer, and the やさしい日本語 version (when written) by its stricter limits. */
function figuresOf(answer: unknown, shortAnswer: unknown, easy: unknown): Figures {
  const easyText = plainOf(easy)
  return {
    answer: readabilityOf(plainOf(answer)),
    shortAnswer: readabilityOf(typeof shortAnswer === 'string' ? shortAnswer : ''),
    ...(easyText ? { easy: readabilityOf(easyText, EASY_LIMITS) } : {}),
  }
}

function Part({ title, r }: { title: string; r: Readability }) {
  // One line per rule, word and sentence: the same kanji run twice in a sentence is one thing to rewrite.
  const flags = [
    ...new Map(r.flags.map((f) => [`${f.rule}\u0000${f.found}\u0000${f.sentence}`, f])).entries(),
  ]
  const rows: [string, string][] = [
    ['文の数', `${r.sentences}`],
    ['1文の平均', `${r.averageSentenceLength}字`],
    ['いちばん長い文', `${r.longestSentence}字`],
    ['漢字の最長の連続', `${r.longestKanjiRun}字`],
    ['カタカナ語（3字以上）', `${r.katakanaWords}語`],
    ['中級（N3）を超える漢字を含む語', `${Math.round(r.aboveIntermediateShare * 1000) / 10}%`],
    ['二重否定', `${r.doubleNegatives}`],
    ['二重敬語', `${r.honorificStacking}`],
  ]
  return (
    <>
      <h3>{title}</h3>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h4>見直したい文（{flags.length}件）</h4>
      {flags.length === 0 ? (
        <p className="kotae-readability__note">ありません。</p>
      ) : (
        <ul>
          {flags.map(([key, flag]) => (
            <li key={key}>
              <span className="kotae-readability__rule">
                {RULE_LABELS[flag.rule]}（{flag.found}）
              </span>
              ：{flag.sentence}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/**
 * The やさしい日本語 side panel of the FAQ editor: the figures of `@kotae/content`'s
 * readability (the same function `content:check` warns with) for the answer and the short answer,
 * and the sentences it flags, recomputed a moment after the editor stops typing. Advice, never a
 * refusal, for those two; the やさしい日本語 version is shown by its stricter limits, which the
 * review check (hooks/reviewReadiness.ts) enforces. Thresholds: content/src/readability/readability.ts.
 */
export function ReadabilityPanel() {
  const answer = useFormFields(([fields]) => fields.answer?.value)
  const shortAnswer = useFormFields(([fields]) => fields.shortAnswer?.value)
  const easy = useFormFields(([fields]) => fields.easy?.value)
  const [figures, setFigures] = useState<Figures>(() => figuresOf(answer, shortAnswer, easy))
  const heading = useId()
  useEffect(() => {
    const timer = setTimeout(() => setFigures(figuresOf(answer, shortAnswer, easy)), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [answer, shortAnswer, easy])
  return (
    <section className="kotae-readability" aria-labelledby={heading} data-testid="readability-panel">
      <h2 id={heading}>読みやすさ（やさしい日本語）</h2>
      <p className="kotae-readability__note">
        「在留支援のためのやさしい日本語ガイドライン」に沿った目安です。入力に合わせて更新されます。保存は止めません。
      </p>
      <Part title="回答" r={figures.answer} />
      <Part title="短い回答" r={figures.shortAnswer} />
      {figures.easy && (
        <>
          <Part title="やさしい日本語の回答" r={figures.easy} />
          <p className="kotae-readability__note">
            やさしい日本語の回答は基準が厳しく（1文{EASY_LIMITS.longSentence}
            字以内）、見直したい文があると承認待ちと公開ができません。
          </p>
        </>
      )}
    </section>
  )
}

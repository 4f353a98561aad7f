'use client'

import type { CallTranscriptResponse } from '../transcripts/endpoint'
import { TRANSCRIPT_STRINGS as t } from '../transcripts/strings'

type Suggested = NonNullable<CallTranscriptResponse['suggestions']>['faqs'][number]
export type AcceptState = 'idle' | 'busy' | 'done' | 'failed'

/** The FAQs a transcript suggests, each with its evidence line and a button that marks it used. */
export function SuggestedFaqs({
  faqs,
  accept,
  onAccept,
  testId,
}: {
  faqs: Suggested[]
  accept: Record<string, AcceptState>
  onAccept: (faq: Suggested) => void
  testId?: string
}) {
  return (
    <ul data-testid={testId} style={{ paddingLeft: '1rem' }}>
      {faqs.map((f) => {
        const state = f.used ? 'done' : accept[String(f.id)]
        return (
          <li key={String(f.id)} style={{ marginBottom: '0.75rem' }}>
            <div>
              <strong>{f.question}</strong>（{f.reasons.map((r) => t.reasons[r] ?? r).join('・')}）
            </div>
            <div>
              {t.evidence}：{t.speaker[f.evidence.speaker]}「{f.evidence.text}」
            </div>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              style={{ margin: '0.25rem 0 0' }}
              disabled={state === 'busy' || state === 'done'}
              onClick={() => onAccept(f)}
              aria-label={`${t.accept}：${f.question}`}
            >
              {state === 'busy' ? t.accepting : state === 'done' ? t.accepted : t.accept}
            </button>
            {state === 'failed' && <span role="alert"> {t.acceptFailed}</span>}
          </li>
        )
      })}
    </ul>
  )
}

'use client'

import { useFormFields } from '@payloadcms/ui'

import { charCount } from '../collections/Faqs/limits'

/** Within this many characters of the limit, the count is also announced to screen readers. */
const NEAR = 10

/**
 * A character counter under a text field with a `maxLength` (the FAQ's question and short answer),
 * so the editor sees the limit while typing, not only when the save is refused.
 * The visible count is plain text; a polite live region speaks only near and over the limit, so a
 * screen reader is not interrupted at every keystroke. Colours: #333 and #a00 on white (10:1, 7:1).
 */
export function CharCounter({
  field,
  path,
}: {
  field?: { name?: string; maxLength?: number; label?: unknown }
  path?: string
}) {
  const fieldPath = path ?? field?.name ?? ''
  const value = useFormFields(([fields]) => fields[fieldPath]?.value)
  const max = field?.maxLength
  if (!max) return null
  const count = typeof value === 'string' ? charCount(value) : 0
  const over = count - max
  const spoken =
    over > 0
      ? `${max}文字を${over}文字超えています。`
      : max - count <= NEAR
        ? `残り${max - count}文字です。`
        : ''
  return (
    <div
      className="kotae-char-counter"
      data-over={over > 0 ? 'true' : undefined}
      style={{
        color: over > 0 ? '#a00' : '#333',
        fontSize: '0.85rem',
        marginTop: 4,
        fontWeight: over > 0 ? 700 : undefined,
      }}
    >
      <span id={`${fieldPath.replaceAll('.', '-')}-char-count`}>
        {count} / {max}文字{over > 0 ? `（${over}文字多すぎます）` : ''}
      </span>
      <span
        aria-live="polite"
        role="status"
        style={{
          position: 'absolute',
          width: 1,
          height: 1,
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
          whiteSpace: 'nowrap',
        }}
      >
        {spoken}
      </span>
    </div>
  )
}

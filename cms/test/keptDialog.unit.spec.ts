// @vitest-environment happy-dom
/**
 * The send-back dialog's state outlives its component: Payload unmounts and mounts the edit
 * screen's custom components again when it redraws them, and an open dialog with a typed reason
 * must come back open with the same reason. React and the DOM are real (react-dom on happy-dom).
 */
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'

import { useKeptDialog } from '../src/components/keptDialog'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** What each close event of the probe's dialog said: true when closed by the user. */
let closes: boolean[] = []
function Probe({ docKey }: { docKey: string }) {
  const kept = useKeptDialog(docKey)
  return createElement(
    'div',
    null,
    createElement('button', { type: 'button', id: 'open', onClick: kept.open }, 'open'),
    createElement('button', { type: 'button', id: 'done', onClick: kept.forget }, 'done'),
    createElement(
      'dialog',
      { ref: kept.dialogRef, onClose: () => closes.push(kept.closedByUser()) },
      createElement('textarea', {
        value: kept.text,
        onChange: (e: { target: HTMLTextAreaElement }) => kept.setText(e.target.value),
      }),
    ),
  )
}

let roots: Root[] = []
function mount(docKey: string) {
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  roots.push(root)
  act(() => root.render(createElement(Probe, { docKey })))
  return {
    host,
    unmount: () => act(() => root.unmount()),
    dialog: () => host.querySelector('dialog') as HTMLDialogElement,
    box: () => host.querySelector('textarea') as HTMLTextAreaElement,
    click: (id: string) => act(() => (host.querySelector(`#${id}`) as HTMLButtonElement).click()),
  }
}
/** Types as a person does: the native value setter, then the input event React listens to. */
function type(box: HTMLTextAreaElement, text: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value')?.set?.call(box, text)
    box.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

afterEach(() => {
  for (const root of roots) act(() => root.unmount())
  roots = []
  closes = []
  document.body.innerHTML = ''
})

describe('a dialog kept across its component being drawn again', () => {
  it('opens again with the typed reason when its component is unmounted and mounted again', () => {
    const first = mount('faqs:1')
    first.click('open')
    expect(first.dialog().open).toBe(true)
    type(first.box(), '出典の日付が古いです')
    expect(first.box().value).toBe('出典の日付が古いです')
    first.unmount()
    // A close caused by the removal is not the user's: the dialog stays marked open.
    expect(closes.every((byUser) => byUser === false)).toBe(true)

    const again = mount('faqs:1')
    expect(again.dialog().open).toBe(true)
    expect(again.box().value).toBe('出典の日付が古いです')
  })

  it('stays closed after the user closed it, and keeps the text typed before', () => {
    const first = mount('faqs:2')
    first.click('open')
    type(first.box(), '下書き')
    act(() => first.dialog().close())
    expect(closes).toEqual([true])
    first.unmount()

    const again = mount('faqs:2')
    expect(again.dialog().open).toBe(false)
    expect(again.box().value).toBe('下書き')
  })

  it('keeps nothing once the work is done, and never mixes two documents', () => {
    const one = mount('faqs:3')
    one.click('open')
    type(one.box(), '理由A')
    const other = mount('faqs:4')
    expect(other.dialog().open).toBe(false)
    expect(other.box().value).toBe('')

    act(() => one.dialog().close())
    one.click('done')
    expect(one.box().value).toBe('')
    one.unmount()
    const again = mount('faqs:3')
    expect(again.dialog().open).toBe(false)
    expect(again.box().value).toBe('')
  })
})

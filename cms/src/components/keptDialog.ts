'use client'
import { useCallback, useLayoutEffect, useRef, useState } from 'react'

type Kept = { open: boolean; text: string }
/** Per document (collection and id): whether its dialog is open and what is typed in it. */
const kept = new Map<string, Kept>()

function save(key: string, patch: Partial<Kept>) {
  const next = { ...(kept.get(key) ?? { open: false, text: '' }), ...patch }
  if (!next.open && !next.text) kept.delete(key)
  else kept.set(key, next)
}

/**
 * A modal <dialog> with one text box whose state outlives its component. Payload draws an edit
 * screen's custom components once more after the page looks loaded (a new form state from the
 * server): the component is unmounted and mounted again, and a dialog open at that moment was gone
 * with what the reviewer had typed in it. The state is kept here, keyed by the document, and the
 * new instance opens the dialog again with the same text (the browser puts the focus in the box,
 * the dialog's first focusable element). Hand-written: React keeps no state across an unmount by
 * design, and a module-level map of a few entries needs no library.
 */
export function useKeptDialog(key: string) {
  const [text, setTextState] = useState(() => kept.get(key)?.text ?? '')
  const dialog = useRef<HTMLDialogElement | null>(null)
  // Set while React removes the component: a dialog closed by its removal is not closed by the user.
  const leaving = useRef(false)
  useLayoutEffect(() => {
    leaving.current = false
    return () => {
      leaving.current = true
    }
  }, [])

  /** The dialog's ref: a dialog that was open when its component went away opens again here. */
  const dialogRef = useCallback(
    (el: HTMLDialogElement | null) => {
      dialog.current = el
      if (el?.isConnected && kept.get(key)?.open && !el.open) el.showModal()
    },
    [key],
  )
  const setText = useCallback(
    (value: string) => {
      setTextState(value)
      save(key, { text: value })
    },
    [key],
  )
  const open = useCallback(() => {
    dialog.current?.showModal()
    save(key, { open: true })
  }, [key])
  /** For the dialog's close event: true when the user (or the code) closed it, false on removal. */
  const closedByUser = useCallback(() => {
    if (leaving.current) return false
    save(key, { open: false })
    return true
  }, [key])
  /** After the dialog has done its work: nothing is kept for this document. */
  const forget = useCallback(() => {
    kept.delete(key)
    setTextState('')
  }, [key])
  return { text, setText, dialog, dialogRef, open, closedByUser, forget }
}

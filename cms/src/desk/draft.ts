import { z } from 'zod'

import type { LookupCandidate } from './types'

/**
 * The call record the desk keeps in the tab until the server has saved it: a failed save, a
 * server restart or a reload never loses what the operator typed. sessionStorage, not
 * localStorage: it ends with the tab, so callback contact details are not left on the workstation.
 */
export const DESK_DRAFT_KEY = 'kotae.desk.draft'

// A FAQ marked as used, as the lookup returned it: the fields the desk reads back are checked.
const usedShape = z.object({
  id: z.string(),
  kind: z.string(),
  docId: z.union([z.string(), z.number()]),
  title: z.string(),
})
const usedSchema = z.custom<LookupCandidate>((v) => usedShape.safeParse(v).success, 'not a used FAQ')

const deskDraftSchema = z.object({
  form: z.object({
    channel: z.string(),
    callerType: z.string(),
    category: z.string(),
    outcome: z.string(),
    summary: z.string(),
    name: z.string(),
    phone: z.string(),
    time: z.string(),
  }),
  used: z.array(usedSchema),
  queries: z.array(z.string()),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  requestId: z.string().min(1),
})
export type DeskDraft = z.infer<typeof deskDraftSchema>

/** The kept draft, or undefined when there is none or it is not one (then it is dropped). */
export function readDeskDraft(storage: Pick<Storage, 'getItem' | 'removeItem'>): DeskDraft | undefined {
  const raw = storage.getItem(DESK_DRAFT_KEY)
  if (!raw) return undefined
  try {
    const parsed = deskDraftSchema.safeParse(JSON.parse(raw))
    if (parsed.success) return parsed.data
  } catch {
    // not JSON: dropped below
  }
  storage.removeItem(DESK_DRAFT_KEY)
  return undefined
}

/** True when the draft holds anything an operator would miss. */
export const draftHasContent = (d: DeskDraft): boolean =>
  Boolean(
    d.startedAt ||
      d.used.length ||
      d.queries.length ||
      d.form.summary.trim() ||
      d.form.name.trim() ||
      d.form.phone.trim(),
  )

/** Seconds before each automatic resend of a save that did not reach the server (then every 30 s). */
export const RESEND_AFTER_SECONDS = [2, 5, 10, 20, 30] as const

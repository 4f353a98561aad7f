import { APIError, type CollectionBeforeChangeHook } from 'payload'

const ORDER = ['open', 'answered', 'closed']

/** open → answered → closed, with the time and person of each step; an answer is required to leave "open". */
export const stampStatusChanges: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const from = String(originalDoc?.status ?? 'open')
  const to = String(data.status ?? from)
  if (ORDER.indexOf(to) < ORDER.indexOf(from))
    throw new APIError(`状況を「${from}」から「${to}」に戻すことはできません。`, 400, undefined, true)
  const next = { ...data }
  if (to !== 'open' && !(data.answer ?? originalDoc?.answer)) {
    throw new APIError(
      '回答を入力してから「回答済み」にしてください。',
      400,
      [{ path: 'answer', message: '回答を入力してください。' }],
      true,
    )
  }
  if (to !== 'open' && !originalDoc?.answeredAt) {
    next.answeredAt = new Date().toISOString()
    next.answeredBy = req.user?.id ?? null
  }
  if (to === 'closed' && !originalDoc?.closedAt) next.closedAt = new Date().toISOString()
  return next
}

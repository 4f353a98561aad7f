/**
 * The person's acceptance of a suggested FAQ (the call's page and the desk): the call's current
 * list read again and the FAQ appended once, then PATCH /api/calls/:id with the user's own access.
 * Returns the new list.
 */
export async function addFaqToCall(
  callId: number | string,
  faqId: number | string,
): Promise<(number | string)[]> {
  const current = await fetch(`/api/calls/${callId}?depth=0`, { credentials: 'include' }).then((r) =>
    r.ok
      ? (r.json() as Promise<{ faqsUsed?: (number | string)[] }>)
      : Promise.reject(new Error(String(r.status))),
  )
  const list = [...(current.faqsUsed ?? [])]
  if (!list.map(String).includes(String(faqId))) list.push(faqId)
  await patchCall(callId, { faqsUsed: list })
  return list
}

/** PATCH /api/calls/:id; throws on a refusal. */
export async function patchCall(callId: number | string, data: Record<string, unknown>): Promise<void> {
  const res = await fetch(`/api/calls/${callId}`, {
    method: 'PATCH',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  })
  if (!res.ok) throw new Error(String(res.status))
}

import type { Endpoint, Payload, Where } from 'payload'

import { gated } from '../access/endpointAccess'
import { STAFF_READERS } from '../access/roles'
import type { Passage } from './passages'

export type OpenChange = {
  id: number | string
  source: { id: number | string; title: string; url: string }
  detectedAt: string
  passageCount: number
  passages: Passage[]
  faqs: { id: number | string; question: string }[]
  guides: { id: number | string; title: string }[]
}

const idOf = (v: unknown) =>
  typeof v === 'object' && v !== null ? (v as { id: number | string }).id : (v as number | string)

/** The source changes not yet marked 確認済み, newest first; only those citing one FAQ or guide when `entry` is given. */
export async function findOpenChanges(
  payload: Payload,
  entry?: { collection: 'faqs' | 'guides'; id: string },
): Promise<OpenChange[]> {
  const where: Where = { resolvedAt: { exists: false } }
  if (entry) where[entry.collection] = { in: [entry.id] }
  const changes = (
    await payload.find({
      collection: 'source-changes',
      where,
      sort: '-detectedAt',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs as unknown as Record<string, unknown>[]
  if (changes.length === 0) return []
  const ids = (key: string) => [...new Set(changes.flatMap((c) => ((c[key] as unknown[]) ?? []).map(idOf)))]
  const find = async (
    collection: 'sources' | 'faqs' | 'guides',
    list: (number | string)[],
    select: Record<string, true>,
  ) =>
    new Map(
      list.length
        ? (
            await payload.find({
              collection,
              where: { id: { in: list } },
              depth: 0,
              pagination: false,
              select,
              overrideAccess: true,
            })
          ).docs.map((d) => [String(d.id), d as unknown as Record<string, string>])
        : [],
    )
  const sources = await find('sources', [...new Set(changes.map((c) => idOf(c.source)))], {
    title: true,
    url: true,
  })
  const faqs = await find('faqs', ids('faqs'), { question: true })
  const guides = await find('guides', ids('guides'), { title: true })
  return changes.map((c) => {
    const source = sources.get(String(idOf(c.source)))
    return {
      id: c.id as number | string,
      source: { id: idOf(c.source), title: source?.title ?? String(c.title), url: source?.url ?? '' },
      detectedAt: String(c.detectedAt),
      passageCount: Number(c.passageCount),
      passages: c.passages as Passage[],
      faqs: ((c.faqs as unknown[]) ?? [])
        .map(idOf)
        .filter((id) => faqs.has(String(id)))
        .map((id) => ({ id, question: faqs.get(String(id))!.question! })),
      guides: ((c.guides as unknown[]) ?? [])
        .map(idOf)
        .filter((id) => guides.has(String(id)))
        .map((id) => ({ id, title: guides.get(String(id))!.title! })),
    }
  })
}

/**
 * GET /api/sources/changed[?faq=ID | ?guide=ID] — the open source changes (staff only): each with
 * its source, the changed passages old and new, and the FAQs and guides that cite it.
 */
export const sourcesChangedEndpoint: Endpoint = {
  path: '/changed',
  method: 'get',
  handler: gated({ roles: STAFF_READERS, forbidden: 'この情報を見る権限がありません。' }, async (req) => {
    const faq = req.searchParams.get('faq')
    const guide = req.searchParams.get('guide')
    for (const [field, value] of [
      ['faq', faq],
      ['guide', guide],
    ] as const) {
      if (value !== null && !/^[0-9a-f-]{1,40}$/iu.test(value))
        return Response.json(
          { errors: [{ field, message: `${field} はIDで指定してください。` }] },
          { status: 400 },
        )
    }
    const entry = faq
      ? { collection: 'faqs' as const, id: faq }
      : guide
        ? { collection: 'guides' as const, id: guide }
        : undefined
    return Response.json({ docs: await findOpenChanges(req.payload, entry) })
  }),
}

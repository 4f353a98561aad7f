/**
 * The what-to-bring checker: who goes, which procedure, and whether the notice letter is at hand
 * → the exact list from that procedure guide's `bring`, plus where and when. Pure (no DOM), so
 * the list is tested here and the island only renders it.
 *
 * Nothing is added to a guide's list. The notice answer only moves items that are (or come with)
 * the procedure's notice letter out of the list — for a renewal the 有効期限通知書 and what comes
 * in its envelope (照会書兼回答書), for a pickup the 交付通知書 (はがき): optional ones are dropped,
 * required ones are shown as "not at hand" with where to find out what to do.
 */
import type { BringCase, Procedure, PublicGuide, RequiredItem } from '../data/types'

export const WHO: readonly BringCase[] = ['self', 'proxy', 'child', 'foreign']

export type CheckerGuide = Pick<
  PublicGuide,
  'id' | 'title' | 'procedure' | 'where' | 'when' | 'bring' | 'related' | 'en'
>

export type CheckerInput = { procedure: Procedure; who: BringCase; hasNotice: boolean }

export type CheckerResult =
  | { kind: 'no-guide' }
  /** The guide has no list for this case: the city must be asked. */
  | { kind: 'no-case'; guide: CheckerGuide }
  | {
      kind: 'list'
      guide: CheckerGuide
      /** What to bring, in the guide's order. */
      items: RequiredItem[]
      /** Required items that are (or come with) the notice letter, when it is not at hand. */
      missing: RequiredItem[]
      /** Whether the notice question applies to this procedure and case. */
      noticeAsked: boolean
    }

/** Which letter "the notice" is for a procedure: the expiry notice (renewals) or the pickup postcard. */
export type NoticeKind = 'expiry' | 'pickup'

export function noticeKind(procedure: Procedure): NoticeKind | undefined {
  if (procedure === 'card-renewal' || procedure === 'certificate-renewal') return 'expiry'
  if (procedure === 'pickup') return 'pickup'
  return undefined
}

const NOTICE_ITEM: Record<NoticeKind, RegExp> = {
  // The expiry notice's envelope holds the application form and the 照会書兼回答書 (NOT-04).
  expiry: /有効期限通知書|照会書兼回答書/,
  pickup: /交付通知書/,
}

/** Whether an item is the procedure's notice letter or comes in its envelope. */
function isNoticeItem(procedure: Procedure, item: Pick<RequiredItem, 'item'>): boolean {
  const kind = noticeKind(procedure)
  return kind !== undefined && NOTICE_ITEM[kind].test(item.item)
}

/** The guide's items for one case (an item's own `cases`, when given, must include the case too). */
function itemsFor(guide: Pick<CheckerGuide, 'bring'>, who: BringCase): RequiredItem[] | undefined {
  const group = guide.bring.find((b) => b.case === who)
  return group?.items.filter((i) => !i.cases || i.cases.includes(who))
}

/** Whether to ask about the notice letter for this procedure and case. */
export function asksNotice(guide: Pick<CheckerGuide, 'bring' | 'procedure'>, who: BringCase): boolean {
  return (itemsFor(guide, who) ?? []).some((i) => isNoticeItem(guide.procedure, i))
}

/** The procedures the checker offers: guides that list something to bring. */
export function checkerGuides(guides: readonly PublicGuide[]): CheckerGuide[] {
  return guides
    .filter((g) => g.bring.length > 0)
    .map((g) => ({
      id: g.id,
      title: g.title,
      procedure: g.procedure,
      where: g.where,
      when: g.when,
      bring: g.bring,
      related: g.related,
      ...(g.en ? { en: g.en } : {}),
    }))
}

export function checkList(guides: readonly CheckerGuide[], input: CheckerInput): CheckerResult {
  const guide = guides.find((g) => g.procedure === input.procedure)
  if (!guide) return { kind: 'no-guide' }
  const items = itemsFor(guide, input.who)
  if (!items || items.length === 0) return { kind: 'no-case', guide }
  const notice = (i: RequiredItem) => isNoticeItem(guide.procedure, i)
  const noticeAsked = items.some(notice)
  if (!noticeAsked || input.hasNotice) return { kind: 'list', guide, items, missing: [], noticeAsked }
  return {
    kind: 'list',
    guide,
    items: items.filter((i) => !notice(i)),
    missing: items.filter((i) => notice(i) && !i.optional),
    noticeAsked,
  }
}

/**
 * FAQs that explain what to do without the notice letter, by procedure (ids that are not public
 * are dropped by the page). Pickup has none: the checker points to the city's phone instead.
 */
export const NOTICE_HELP: Partial<Record<Procedure, readonly string[]>> = {
  'card-renewal': ['notice-letter-not-received'],
  'certificate-renewal': ['notice-letter-not-received', 'cert-renewal-proxy', 'cert-inquiry-letter-expired'],
}
